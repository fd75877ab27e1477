"""Scope is checked before rights (API.md, Details): a row outside the caller's scope is
NOT_FOUND whatever the role would allow, so no one learns which ids exist."""

import pytest

from tests.conftest import error_codes
from tests.factories import OwnerFactory, WorkerFactory, make_item

ITEM_MUTATIONS = {
    "deleteItem": "mutation($id: ID!) { deleteItem(id: $id) { deletedId } }",
    "updateItem(name)": 'mutation($id: ID!) { updateItem(id: $id, input: {name: "R"}) { id } }',
    "updateItem(quantity)": "mutation($id: ID!) { updateItem(id: $id, input: {quantity: 3}) "
                            "{ id } }",
    "adjustStock": "mutation($id: ID!) { adjustStock(input: {itemId: $id, delta: 1, "
                   "reason: RECEIVED}) { id } }",
}
USER_MUTATIONS = {
    "updateUser(role)": "mutation($id: ID!) { updateUser(id: $id, input: {role: OWNER}) { id } }",
    "updateUser(employerId)": "mutation($id: ID!, $e: ID!) { updateUser(id: $id, "
                              "input: {employerId: $e}) { id } }",
    "updateUser(isActive)": "mutation($id: ID!) { updateUser(id: $id, input: {isActive: false}) "
                            "{ id } }",
    "deleteUser": "mutation($id: ID!) { deleteUser(id: $id) { deletedId } }",
}


@pytest.fixture
def outsider(db):
    """A worker of another owner: its role forbids much, but first the row is not its."""
    return WorkerFactory(employer=OwnerFactory())


@pytest.mark.parametrize("name", ITEM_MUTATIONS)
def test_item_out_of_scope_is_not_found_for_a_worker(gql, owner, outsider, name):
    item = make_item(owner, quantity=10)
    body = gql(ITEM_MUTATIONS[name], {"id": item.pk}, user=outsider)
    assert error_codes(body) == ["NOT_FOUND"], body
    item.refresh_from_db()
    assert (item.name, item.quantity) != ("R", 3)
    assert item.changes.count() == 1  # INITIAL only: nothing applied


@pytest.mark.parametrize("name", USER_MUTATIONS)
@pytest.mark.parametrize("caller", ["outsider", "other_owner"])
def test_user_out_of_scope_is_not_found(gql, owner, worker, outsider, other_owner, name, caller):
    user = {"outsider": outsider, "other_owner": other_owner}[caller]
    body = gql(USER_MUTATIONS[name], {"id": worker.pk, "e": owner.pk}, user=user)
    assert error_codes(body) == ["NOT_FOUND"], body
    worker.refresh_from_db()
    assert worker.is_active and worker.employer_id == owner.pk


def test_in_scope_worker_still_gets_forbidden(gql, owner, worker):
    item = make_item(owner, quantity=10)
    body = gql(ITEM_MUTATIONS["deleteItem"], {"id": item.pk}, user=worker)
    assert error_codes(body) == ["FORBIDDEN"]
