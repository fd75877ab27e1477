"""An item's changes under item(id) come from SQL compiled once per (field, selection,
viewer's scope key, page) and connection (schema.related_rows): the same answers as
strawberry-django's general path, each parent's own rows, the page asked for."""

from unittest import mock

import pytest

from schema import related_rows
from schema.fields import ApiField
from stock.services import stock_adjust
from tests.conftest import error_codes, execute
from tests.factories import make_item

CHANGES = """query($id: ID!, $p: OffsetPaginationInput) { item(id: $id) { id
  changes(pagination: $p) { id delta reason username user { username } item { id } } } }"""


@pytest.fixture(autouse=True)
def _empty():
    related_rows._RELATED_SQL.by_connection.clear()


def general(query, variables, user):
    with mock.patch.object(related_rows, "related_rows", return_value=None), \
            mock.patch("schema.fields.related_rows", return_value=None):
        return execute(query, variables, user=user)


def builds_during(call):
    with mock.patch.object(ApiField, "get_queryset", autospec=True,
                           side_effect=ApiField.get_queryset) as get_queryset:
        result = call()
    return get_queryset.call_count, result


@pytest.fixture
def two_items(owner, worker):
    items = [make_item(owner, quantity=10), make_item(owner, quantity=20)]
    for item in items:
        for delta in (1, -2, 3):
            stock_adjust(actor=worker, item_id=item.pk, delta=delta, reason="RECEIVED")
    return items


def test_compiled_once_then_each_parent_gets_its_own_rows(owner, two_items,
                                                          django_assert_num_queries):
    first, second = two_items
    page = {"p": {"limit": 3}}
    built, data = builds_during(lambda: execute(CHANGES, {"id": first.pk, **page}, user=owner))
    assert built == 1
    assert data == general(CHANGES, {"id": first.pk, **page}, owner)
    with django_assert_num_queries(2):  # the item, its changes: the parent is known
        built, data = builds_during(
            lambda: execute(CHANGES, {"id": second.pk, **page}, user=owner))
    assert built == 0
    assert data == general(CHANGES, {"id": second.pk, **page}, owner)
    assert {change["item"]["id"] for change in data["item"]["changes"]} == {str(second.pk)}
    assert [c["delta"] for c in data["item"]["changes"]] == [3, -2, 1]


def test_each_page_is_its_own(owner, worker, two_items):
    item = two_items[0]
    for limit, offset in ((2, 0), (3, 0), (2, 2), (2, 0)):
        variables = {"id": item.pk, "p": {"limit": limit, "offset": offset}}
        assert execute(CHANGES, variables, user=worker) == general(CHANGES, variables, worker)
    default = execute(CHANGES, {"id": item.pk}, user=worker)["item"]["changes"]
    assert len(default) == 4  # INITIAL and three adjustments (default page: 20)


def test_a_refused_page_is_refused_every_time(gql, owner, two_items):
    for _ in range(2):
        body = gql(CHANGES, {"id": two_items[0].pk, "p": {"limit": -1}}, user=owner)
        assert error_codes(body) == ["BAD_USER_INPUT"]


def test_prefetched_rows_and_directives_take_the_general_path(owner, two_items):
    page = """{ items { results { id changes(pagination: {limit: 2}) { delta } } } }"""
    built, data = builds_during(lambda: execute(page, user=owner))
    assert data == general(page, {}, owner)
    with_directive = """query($id: ID!, $d: Boolean!) { item(id: $id) {
      changes { delta reason @include(if: $d) } } }"""
    for shown in (True, False):
        data = execute(with_directive, {"id": two_items[0].pk, "d": shown}, user=owner)
        assert ("reason" in data["item"]["changes"][0]) is shown
    assert related_rows._RELATED_SQL.by_connection == {} or all(
        not entries for entries in related_rows._RELATED_SQL.by_connection.values())
