"""The role table of docs/api.md, one cell per (operation, caller)."""

from dataclasses import dataclass

import pytest

from stock.services import stock_adjust
from tests.conftest import error_codes
from tests.factories import PASSWORD, OwnerFactory, SuperuserFactory, WorkerFactory, make_item

OK = "ok"
U, F, NF, BAD, CONFLICT = "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT", "CONFLICT"
CALLERS = ["anonymous", "worker", "owner", "other_owner", "superuser"]


@dataclass
class World:
    owner: object
    worker: object
    coworker: object
    other_owner: object
    superuser: object
    item: object
    other_item: object


@pytest.fixture
def world(db):
    owner = OwnerFactory()
    other_owner = OwnerFactory()
    return World(
        owner=owner,
        worker=WorkerFactory(employer=owner),
        coworker=WorkerFactory(employer=owner),
        other_owner=other_owner,
        superuser=SuperuserFactory(),
        item=make_item(owner, quantity=10),
        other_item=make_item(other_owner, quantity=10),
    )


# operation: (query, variables from the world, expected per caller in CALLERS order)
MATRIX = {
    "me": ("{ me { id } }", lambda w: {}, [U, OK, OK, OK, OK]),
    "user(employer)": ("query($id: ID!) { user(id: $id) { id } }",
                       lambda w: {"id": w.owner.pk}, [U, OK, OK, NF, OK]),
    "user(coworker)": ("query($id: ID!) { user(id: $id) { id } }",
                       lambda w: {"id": w.coworker.pk}, [U, NF, OK, NF, OK]),
    "users": ("{ users { totalCount } }", lambda w: {}, [U, OK, OK, OK, OK]),
    "item": ("query($id: ID!) { item(id: $id) { id } }",
             lambda w: {"id": w.item.pk}, [U, OK, OK, NF, OK]),
    "items": ("{ items { totalCount } }", lambda w: {}, [U, OK, OK, OK, OK]),
    "itemChanges": ("{ itemChanges { totalCount } }", lambda w: {}, [U, OK, OK, OK, OK]),
    "categories": ("{ categories { name } }", lambda w: {}, [U, OK, OK, OK, OK]),
    "createItem": ('mutation { createItem(input: {name: "N", price: "1", category: "C"}) { id } }',
                   lambda w: {}, [U, F, OK, OK, OK]),
    "createItem(ownerId)": (
        'mutation($o: ID!) { createItem(input: {name: "N", price: "1", category: "C", '
        "ownerId: $o}) { id } }", lambda w: {"o": w.owner.pk}, [U, F, F, F, OK]),
    "updateItem(name)": ('mutation($id: ID!) { updateItem(id: $id, input: {name: "R"}) { id } }',
                         lambda w: {"id": w.item.pk}, [U, F, OK, NF, OK]),
    "updateItem(quantity)": (
        "mutation($id: ID!) { updateItem(id: $id, input: {quantity: 3}) { id } }",
        lambda w: {"id": w.item.pk}, [U, OK, OK, NF, OK]),
    "deleteItem": ("mutation($id: ID!) { deleteItem(id: $id) { deletedId } }",
                   lambda w: {"id": w.item.pk}, [U, F, OK, NF, OK]),
    "adjustStock": (
        "mutation($id: ID!) { adjustStock(input: {itemId: $id, delta: 1, reason: RECEIVED}) "
        "{ id } }", lambda w: {"id": w.item.pk}, [U, OK, OK, NF, OK]),
    "adjustStockBatch": (
        "mutation($id: ID!) { adjustStockBatch(input: {lines: [{itemId: $id, delta: 1}], "
        "reason: RECEIVED}) { id } }", lambda w: {"id": w.item.pk}, [U, OK, OK, NF, OK]),
    "countStock": (
        "mutation($id: ID!) { countStock(input: {counts: [{itemId: $id, quantity: 4}]}) "
        "{ unchanged } }", lambda w: {"id": w.item.pk}, [U, OK, OK, NF, OK]),
    "revertChange": (
        "mutation($id: ID!) { revertChange(id: $id) { id } }",
        lambda w: {"id": stock_adjust(actor=w.owner, item_id=w.item.pk, delta=2,
                                      reason="RECEIVED").pk}, [U, OK, OK, NF, OK]),
    "stockMovements": (
        'query { stockMovements(from: "2000-01-01T00:00:00Z", to: "2000-12-01T00:00:00Z") '
        "{ totalCount } }", lambda w: {}, [U, OK, OK, OK, OK]),
    "quantityAt": ('query($id: ID!) { item(id: $id) { quantityAt(at: "2100-01-01T00:00:00Z") } }',
                   lambda w: {"id": w.item.pk}, [U, OK, OK, NF, OK]),
    "createUser": (
        'mutation { createUser(input: {username: "new", email: "new@example.com", '
        'password: "a-strong-pass-phrase-7"}) { id } }', lambda w: {}, [U, F, OK, OK, BAD]),
    "createUser(employerId)": (
        'mutation($e: ID!) { createUser(input: {username: "new", email: "new@example.com", '
        'password: "a-strong-pass-phrase-7", employerId: $e}) { id } }',
        lambda w: {"e": w.owner.pk}, [U, F, F, F, OK]),
    "createUser(role OWNER)": (
        'mutation { createUser(input: {username: "new", email: "new@example.com", '
        'password: "a-strong-pass-phrase-7", role: OWNER}) { id } }',
        lambda w: {}, [U, F, F, F, OK]),
    "updateUser(coworker email)": (
        'mutation($id: ID!) { updateUser(id: $id, input: {email: "x@example.com"}) { id } }',
        lambda w: {"id": w.coworker.pk}, [U, NF, OK, NF, OK]),
    "updateUser(coworker isActive)": (
        "mutation($id: ID!) { updateUser(id: $id, input: {isActive: false}) { id } }",
        lambda w: {"id": w.coworker.pk}, [U, NF, OK, NF, OK]),
    "updateUser(employer email)": (
        'mutation($id: ID!) { updateUser(id: $id, input: {email: "x@example.com"}) { id } }',
        lambda w: {"id": w.owner.pk}, [U, F, OK, NF, OK]),
    "updateUser(role)": (
        "mutation($id: ID!) { updateUser(id: $id, input: {role: OWNER}) { id } }",
        lambda w: {"id": w.coworker.pk}, [U, NF, F, NF, OK]),
    "changePassword": (
        'mutation($old: String!) { changePassword(oldPassword: $old, '
        'newPassword: "another-pass-phrase-3") { id } }',
        lambda w: {"old": PASSWORD}, [U, OK, OK, OK, OK]),
    "deleteUser(coworker)": ("mutation($id: ID!) { deleteUser(id: $id) { deletedId } }",
                             lambda w: {"id": w.coworker.pk}, [U, NF, OK, NF, OK]),
    "deleteUser(owner with items)": (
        "mutation($id: ID!) { deleteUser(id: $id) { deletedId } }",
        lambda w: {"id": w.owner.pk}, [U, F, F, NF, CONFLICT]),
    "register": ('mutation { register(input: {username: "fresh", email: "fresh@example.com", '
                 'password: "a-strong-pass-phrase-7"}) { id role } }',
                 lambda w: {}, [OK, OK, OK, OK, OK]),
}

CELLS = [
    pytest.param(operation, caller, expected, id=f"{operation}-{caller}")
    for operation, (_, _, row) in MATRIX.items()
    for caller, expected in zip(CALLERS, row, strict=True)
]


@pytest.mark.parametrize(("operation", "caller", "expected"), CELLS)
def test_role_table(gql, world, operation, caller, expected):
    query, variables, _ = MATRIX[operation]
    user = None if caller == "anonymous" else getattr(world, caller)
    body = gql(query, variables(world), user=user)
    if expected == OK:
        assert "errors" not in body, body
    else:
        assert error_codes(body) == [expected], body
        field = next(iter(body["data"] or {}), None)
        assert body["data"] is None or body["data"][field] is None


@pytest.mark.parametrize(("caller", "visible"), [
    ("worker", {"owner", "worker"}),
    ("owner", {"owner", "worker", "coworker"}),
    ("other_owner", {"other_owner"}),
    ("superuser", {"owner", "worker", "coworker", "other_owner", "superuser"}),
])
def test_users_in_scope(gql, world, caller, visible):
    body = gql("{ users { results { id } } }", user=getattr(world, caller))
    ids = {int(row["id"]) for row in body["data"]["users"]["results"]}
    assert ids == {getattr(world, name).pk for name in visible}


@pytest.mark.parametrize(("caller", "visible"), [
    ("worker", {"item"}), ("owner", {"item"}), ("other_owner", {"other_item"}),
    ("superuser", {"item", "other_item"}),
])
def test_items_and_log_in_scope(gql, world, caller, visible):
    user = getattr(world, caller)
    items = gql("{ items { results { id } } }", user=user)["data"]["items"]["results"]
    assert {int(row["id"]) for row in items} == {getattr(world, n).pk for n in visible}
    changes = gql("{ itemChanges { results { item { id } } } }", user=user)
    assert {int(row["item"]["id"]) for row in changes["data"]["itemChanges"]["results"]} == {
        getattr(world, n).pk for n in visible}


def test_register_closed(gql, db, settings):
    settings.SIGNUP_OPEN = False
    query, variables, _ = MATRIX["register"]
    assert error_codes(gql(query, variables(None))) == [F]


IMPORT_ROW = list(zip(CALLERS, [U, F, OK, OK, OK], strict=True))


@pytest.mark.parametrize(("caller", "expected"), IMPORT_ROW)
def test_import_items_role_table(world, caller, expected):
    """importItems goes as a multipart request, so it has its own cell row."""
    from tests.schema.test_stock_http import upload

    user = None if caller == "anonymous" else getattr(world, caller)
    body = upload(user, b"name,category,price\nA,C,1\n").json()
    if expected == OK:
        assert body["data"]["importItems"]["applied"] is True, body
    else:
        assert error_codes(body) == [expected], body
