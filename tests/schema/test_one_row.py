"""item(id) and user(id) run SQL compiled once per (selection, viewer's scope) and
connection (schema.convert.get_one on core.prepared): the same answers as the ORM's
queryset, scope applied, and a change of the viewer's role or employer seen at once."""


import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from core.prepared import STAND_IN_ID, PreparedQueries
from schema import convert
from schema.stock.types import InventoryItemType
from tests.conftest import calls_during, error_codes, execute
from tests.factories import make_item

ITEM = """query($id: ID!) { item(id: $id) { id name sku price quantity isLowStock
  owner { username } } }"""
USER = """query($id: ID!) { user(id: $id) { id username role } }"""


@pytest.fixture(autouse=True)
def _empty():
    convert._ONE_ROW_SQL.by_connection.clear()


def builds_during(call):
    """How many times the item's queryset was built while call() ran."""
    return calls_during(InventoryItemType, "scoped", call)


def test_the_sql_is_compiled_once_and_run_with_each_id(owner):
    first, second = make_item(owner, name="First", quantity=4), make_item(owner, name="Second")
    built, data = builds_during(lambda: execute(ITEM, {"id": first.pk}, user=owner))
    assert built == 1 and data["item"]["name"] == "First"
    with CaptureQueriesContext(connection) as queries:
        built, data = builds_during(lambda: execute(ITEM, {"id": second.pk}, user=owner))
    assert built == 0
    assert data["item"] == {
        "id": str(second.pk), "name": "Second", "sku": second.sku, "price": str(second.price),
        "quantity": second.quantity, "isLowStock": second.quantity < second.low_stock_threshold,
        "owner": {"username": owner.username}}
    assert len(queries) == 1  # the item and its owner joined: no query per relation


def test_answers_equal_the_general_paths(owner, worker):
    item = make_item(owner, quantity=7)
    expected = execute(ITEM, {"id": item.pk}, user=owner)
    for user in (owner, worker, owner):
        assert execute(ITEM, {"id": item.pk}, user=user) == expected
    # A document with a directive is built every time (its selection follows variables).
    with_directive = """query($id: ID!, $o: Boolean!) { item(id: $id) { id name
      owner @include(if: $o) { username } } }"""
    for show in (True, False, True):
        built, data = builds_during(
            lambda show=show: execute(with_directive, {"id": item.pk, "o": show}, user=owner))
        assert built == 1
        assert ("owner" in data["item"]) is show


def test_each_viewer_keeps_its_own_scope(gql, owner, worker, other_owner, superuser):
    item = make_item(owner)
    for user in (owner, worker, superuser):
        assert gql(ITEM, {"id": item.pk}, user=user)["data"]["item"]["id"] == str(item.pk)
    body = gql(ITEM, {"id": item.pk}, user=other_owner)
    assert body["data"] == {"item": None} and error_codes(body) == ["NOT_FOUND"]
    theirs = make_item(other_owner)
    body = gql(ITEM, {"id": theirs.pk}, user=worker)
    assert body["data"] == {"item": None} and error_codes(body) == ["NOT_FOUND"]


def test_a_worker_moved_to_another_employer_sees_the_new_scope_at_once(
        gql, owner, worker, other_owner):
    mine, theirs = make_item(owner), make_item(other_owner)
    assert gql(ITEM, {"id": mine.pk}, user=worker)["data"]["item"]
    worker.employer = other_owner
    worker.save(update_fields=["employer"])
    assert error_codes(gql(ITEM, {"id": mine.pk}, user=worker)) == ["NOT_FOUND"]
    assert gql(ITEM, {"id": theirs.pk}, user=worker)["data"]["item"]["id"] == str(theirs.pk)


def test_a_deactivated_user_is_refused_at_once(gql, owner):
    item = make_item(owner)
    assert gql(ITEM, {"id": item.pk}, user=owner)["data"]["item"]
    owner.is_active = False
    owner.save(update_fields=["is_active"])
    assert error_codes(gql(ITEM, {"id": item.pk}, user=owner)) == ["UNAUTHENTICATED"]


def test_one_user_by_id_in_scope(gql, owner, worker, other_owner):
    assert gql(USER, {"id": worker.pk}, user=owner)["data"]["user"] == {
        "id": str(worker.pk), "username": worker.username, "role": "WORKER"}
    assert gql(USER, {"id": owner.pk}, user=worker)["data"]["user"]["role"] == "OWNER"
    assert error_codes(gql(USER, {"id": other_owner.pk}, user=worker)) == ["NOT_FOUND"]
    assert error_codes(gql(USER, {"id": worker.pk}, user=other_owner)) == ["NOT_FOUND"]
    # An owner made a worker of another owner: its former workers are out of its scope.
    owner.role, owner.employer = Role.WORKER, other_owner
    owner.save(update_fields=["role", "employer"])
    assert error_codes(gql(USER, {"id": worker.pk}, user=owner)) == ["NOT_FOUND"]


def test_ids_no_row_has_are_not_found(gql, owner):
    make_item(owner)
    for missing in ("999999", str(STAND_IN_ID), str(2**63 - 1)):
        body = gql(ITEM, {"id": missing}, user=owner)
        assert body["data"] == {"item": None} and error_codes(body) == ["NOT_FOUND"]


@pytest.mark.django_db
def test_a_queryset_that_cannot_be_prepared_runs_through_the_orm_each_time(owner):
    from stock.models import InventoryItem

    item = make_item(owner)
    queries = PreparedQueries()
    calls = []

    def build(pk):
        calls.append(pk)
        return InventoryItem.objects.none() if pk == -1 else InventoryItem.objects.filter(pk=pk)

    # none() has no SQL to reuse: built with the stand-in, then with each real argument.
    assert queries.run("empty", lambda pk: InventoryItem.objects.none(), [-1], [item.pk]) == []
    assert [obj.pk for obj in queries.run("rows", build, [-7], [item.pk])] == [item.pk]
    assert [obj.pk for obj in queries.run("rows", build, [-7], [item.pk])] == [item.pk]
    assert calls == [-7]  # compiled once with the stand-in, never built again


@pytest.mark.django_db
def test_annotations_are_never_compiled_once(owner):
    """An annotation may carry a request's variable: such a queryset is built each time."""
    from django.db.models import Value

    from stock.models import InventoryItem

    item = make_item(owner)
    queries, calls = PreparedQueries(), []

    def build(pk, label):
        calls.append(label)
        return InventoryItem.objects.alias(label=Value(label)).filter(pk=pk)

    for label in ("a", "b"):
        rows = queries.run("aliased", lambda pk, label=label: build(pk, label), [-7], [item.pk])
        assert [row.pk for row in rows] == [item.pk]
    assert calls == ["a", "a", "b"]  # tried once with the stand-in, then built for each call
