"""Mutations called without strawberry's per-field wrapper (schema/direct_mutations.py)
answer what strawberry's general path answers and store the same rows, for successes
and for every kind of refusal."""

import pytest
from django.db import transaction
from strawberry.relay.types import GlobalID
from strawberry.types.base import StrawberryMaybe

from accounts.models import User
from schema import direct_mutations, fastpath
from schema.schema import schema
from stock.models import InventoryItem, ItemChange
from tests.factories import make_item

CHANGE = "oldQuantity newQuantity delta reason note itemName username item { id quantity }"
ITEM = "name description sku quantity price category lowStockThreshold owner { username }"


def _state() -> tuple:
    """The rows, without the ids a rolled-back run used up (PostgreSQL's sequences)."""
    items = list(InventoryItem.objects.order_by("pk").values(
        "name", "description", "sku", "quantity", "price", "category",
        "low_stock_threshold", "owner_id"))
    changes = list(ItemChange.objects.order_by("pk").values(
        "item__name", "user_id", "old_quantity", "new_quantity", "reason", "note",
        "idempotency_key"))
    users = list(User.objects.order_by("pk").values(
        "username", "email", "role", "is_active", "employer_id"))
    return items, changes, users


def _both_paths(gql, query, variables, user):
    """(general path's body and rows, direct path's body and rows); the general path's
    writes are rolled back before the direct path runs."""
    with transaction.atomic():
        with fastpath.general_path(schema):
            general = gql(query, variables, user=user), _state()
        transaction.set_rollback(True)
    return general, (gql(query, variables, user=user), _state())


@pytest.fixture
def shelf(owner):
    return [make_item(owner, name=f"Shelf {n}", sku=f"S-{n}", quantity=10) for n in range(3)]


def _cases(owner, worker, other_owner, shelf):
    one, two, three = (str(item.pk) for item in shelf)
    foreign = str(make_item(other_owner, quantity=1).pk)
    adjust = f"mutation($id: ID!, $d: Int!, $e: Int, $k: String) {{ adjustStock(input: " \
             f"{{itemId: $id, delta: $d, reason: SOLD, note: \" n \", expectedQuantity: $e," \
             f" idempotencyKey: $k}}) {{ {CHANGE} }} }}"
    update = f"mutation($id: ID!, $in: UpdateItemInput!) {{ updateItem(id: $id, input: $in)" \
             f" {{ {ITEM} }} }}"
    create = f"mutation($in: CreateItemInput!) {{ createItem(input: $in) {{ {ITEM} }} }}"
    return [
        (adjust, {"id": one, "d": -3, "k": "key-1"}, worker),
        (adjust, {"id": one, "d": 2, "e": 9}, owner),  # CONFLICT: the quantity is 10
        (adjust, {"id": one, "d": 0}, owner),  # BAD_USER_INPUT
        (adjust, {"id": one, "d": -11}, owner),  # CONFLICT: below 0
        (adjust, {"id": foreign, "d": 1}, owner),  # NOT_FOUND: out of scope
        (adjust, {"id": "x1", "d": 1}, owner),  # BAD_USER_INPUT: not an id
        (adjust, {"id": one, "d": 1}, None),  # UNAUTHENTICATED
        (update, {"id": two, "in": {"quantity": 4}}, worker),
        (update, {"id": two, "in": {"name": "Renamed"}}, worker),  # FORBIDDEN
        (update, {"id": two, "in": {"sku": None, "price": "1.50", "lowStockThreshold": 2}},
         owner),
        (update, {"id": two, "in": {"sku": "s-1"}}, owner),  # CONFLICT: SKU taken (any case)
        (create, {"in": {"name": " New ", "price": "2", "category": "C"}}, owner),
        (create, {"in": {"name": "New", "price": "2", "category": "C"}}, worker),  # FORBIDDEN
        (create, {"in": {"name": "", "price": "-1", "category": "C", "quantity": -1}}, owner),
        ("mutation($a: ID!, $b: ID!) { adjustStockBatch(input: {lines: [{itemId: $a, delta: 1},"
         " {itemId: $b, delta: -2, expectedQuantity: 10}], reason: RECEIVED}) { " + CHANGE
         + " } }", {"a": one, "b": three}, worker),
        ("mutation($a: ID!) { adjustStockBatch(input: {lines: [{itemId: $a, delta: 1},"
         " {itemId: $a, delta: 1}], reason: RECEIVED}) { delta } }", {"a": one}, worker),
        ("mutation($a: ID!, $b: ID!) { countStock(input: {counts: [{itemId: $a, quantity: 7},"
         " {itemId: $b, quantity: 10}], note: \"shelf\"}) { unchanged changes { " + CHANGE
         + " } } }", {"a": one, "b": two}, worker),
        ("mutation($id: ID!) { deleteItem(id: $id) { deletedId } }", {"id": three}, owner),
        ("mutation($id: ID!) { deleteItem(id: $id) { deletedId } }", {"id": three}, worker),
        ("mutation { createUser(input: {username: \"w2\", email: \"w2@example.com\", "
         "password: \"a-long-pass-phrase-1\"}) { username role employer { username } } }",
         {}, owner),
        ("mutation($id: ID!) { updateUser(id: $id, input: {isActive: false}) { isActive } }",
         {"id": str(worker.pk)}, owner),
    ]


def test_every_case_answers_and_stores_what_the_general_path_does(
        gql, owner, worker, other_owner, shelf):
    for query, variables, user in _cases(owner, worker, other_owner, shelf):
        general, direct = _both_paths(gql, query, variables, user)
        assert direct == general, (query, variables)


def test_the_cases_cover_successes_and_refusals(gql, owner, worker, other_owner, shelf):
    """The comparison above is only worth what it covers: each case was run."""
    codes = set()
    for query, variables, user in _cases(owner, worker, other_owner, shelf):
        with transaction.atomic():
            body = gql(query, variables, user=user)
            transaction.set_rollback(True)
        codes.update(error["extensions"]["code"] for error in body.get("errors", []))
        if "errors" not in body:
            codes.add("OK")
    assert codes == {"OK", "CONFLICT", "BAD_USER_INPUT", "NOT_FOUND", "UNAUTHENTICATED",
                     "FORBIDDEN"}


def test_plain_mutations_are_direct_and_the_others_keep_the_general_path():
    fields = schema._schema.mutation_type.fields
    direct = {name for name, field in fields.items()
              if fastpath.GENERAL in (field.extensions or {})}
    assert {"adjustStock", "adjustStockBatch", "countStock", "createItem", "updateItem",
            "deleteItem", "revertChange", "importItems", "createUser"} <= direct
    # plain strawberry mutations (not strawberry-django's): no permission chain to keep
    assert not {"tokenAuth", "refreshToken", "verifyToken", "revokeToken", "register"} & direct
    with fastpath.general_path(schema):
        assert fields["adjustStock"].resolve.__name__ == "_resolver"
    assert fields["adjustStock"].resolve.__name__ == "resolve"


def test_types_only_strawberry_converts_keep_the_general_path():
    assert direct_mutations._converter(GlobalID, schema) is direct_mutations._UNSUPPORTED
    assert direct_mutations._converter(
        StrawberryMaybe(of_type=int), schema) is direct_mutations._UNSUPPORTED


def test_a_list_argument_is_a_copy():
    """graphql-core hands every request the same default list: never the one converted."""
    convert = direct_mutations._converter(
        schema.get_type_by_name("AdjustStockBatchInput").fields[0].type, schema)
    lines = [{"itemId": "1", "delta": 1}]
    assert convert(lines) is not lines


def test_in_an_event_loop_the_resolver_runs_off_it_as_before(owner, shelf):
    """A mutation sent over the websocket runs in the event loop: strawberry-django's
    safe_resolver hops to a thread on both paths (a sync ORM call there would raise)."""
    from asgiref.sync import async_to_sync
    from django.test import RequestFactory
    from strawberry.django.context import StrawberryDjangoContext

    request = RequestFactory().post("/graphql/")
    request.user = owner
    query = ("mutation($id: ID!) { adjustStock(input: {itemId: $id, delta: 2, "
             "reason: RECEIVED}) { oldQuantity newQuantity } }")

    def run():
        context = StrawberryDjangoContext(request=request, response=None)
        result = async_to_sync(schema.execute)(
            query, variable_values={"id": str(shelf[0].pk)}, context_value=context)
        return result.data, result.errors

    with fastpath.general_path(schema):
        general = run()
    assert general == ({"adjustStock": {"oldQuantity": 10, "newQuantity": 12}}, None)
    assert run() == ({"adjustStock": {"oldQuantity": 12, "newQuantity": 14}}, None)
