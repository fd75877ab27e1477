from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from schema import optimizer
from stock.models import InventoryItem
from stock.services import item_delete, stock_adjust
from tests.conftest import error_codes, execute
from tests.factories import make_item

ITEMS = """query($f: ItemFilter, $o: [ItemOrder!], $p: OffsetPaginationInput) {
  items(filters: $f, ordering: $o, pagination: $p) {
    totalCount pageInfo { offset limit } results { id name }
  }
}"""


def names(body):
    return [row["name"] for row in body["data"]["items"]["results"]]


@pytest.fixture
def shelf(owner):
    return [
        make_item(owner, name="Apple", category="Fruit", price=Decimal("1.20"), quantity=3,
                  low_stock_threshold=5, description="red", sku="FR-1"),
        make_item(owner, name="Banana", category="fruit", price=Decimal("0.50"), quantity=40),
        make_item(owner, name="Cable", category="Electronics", price=Decimal("9.99"),
                  quantity=0, description="USB-C"),
        make_item(owner, name="Drill", category="Tools", price=Decimal("120.00"), quantity=7,
                  low_stock_threshold=10),
    ]


def test_default_order_is_newest_first(gql, owner, shelf):
    assert names(gql(ITEMS, user=owner)) == ["Drill", "Cable", "Banana", "Apple"]


@pytest.mark.parametrize(("filters", "expected"), [
    ({"category": {"iExact": "FRUIT"}}, {"Apple", "Banana"}),
    ({"category": {"exact": "fruit"}}, {"Banana"}),
    ({"price": {"gte": "1.20"}}, {"Apple", "Cable", "Drill"}),
    ({"price": {"range": {"start": "0.5", "end": 10}}}, {"Apple", "Banana", "Cable"}),
    ({"quantity": {"lt": 5}}, {"Apple", "Cable"}),
    ({"lowStock": True}, {"Apple", "Cable", "Drill"}),
    ({"lowStock": False}, {"Banana"}),
    ({"search": "usb"}, {"Cable"}),
    ({"search": "fr-1"}, {"Apple"}),
    ({"search": "FRUIT"}, {"Apple", "Banana"}),
    ({"OR": {"search": "drill"}, "search": "cable"}, {"Cable", "Drill"}),
    ({"NOT": {"category": {"iExact": "fruit"}}}, {"Cable", "Drill"}),
    ({"AND": {"quantity": {"gt": 0}}, "lowStock": True}, {"Apple", "Drill"}),
])
def test_item_filters(gql, owner, shelf, filters, expected):
    body = gql(ITEMS, {"f": filters}, user=owner)
    assert set(names(body)) == expected
    assert body["data"]["items"]["totalCount"] == len(expected)


def test_date_added_range(gql, owner, shelf):
    InventoryItem.objects.filter(pk=shelf[0].pk).update(
        date_added=timezone.now() - timedelta(days=10))
    since = (timezone.now() - timedelta(days=1)).isoformat()
    body = gql(ITEMS, {"f": {"dateAdded": {"gte": since}}}, user=owner)
    assert set(names(body)) == {"Banana", "Cable", "Drill"}


def test_owner_filter_narrows_for_a_superuser(gql, owner, other_owner, superuser, shelf):
    make_item(other_owner, name="Elsewhere")
    body = gql(ITEMS, {"f": {"owner": str(other_owner.pk)}}, user=superuser)
    assert names(body) == ["Elsewhere"]
    assert names(gql(ITEMS, {"f": {"owner": "garbage"}}, user=superuser)) == []


def test_owner_filter_is_superuser_only(gql, owner, shelf):
    body = gql(ITEMS, {"f": {"owner": str(owner.pk)}}, user=owner)
    assert error_codes(body) == ["FORBIDDEN"]


@pytest.mark.parametrize(("ordering", "expected"), [
    ([{"name": "DESC"}], ["Drill", "Cable", "Banana", "Apple"]),
    ([{"price": "ASC"}], ["Banana", "Apple", "Cable", "Drill"]),
    ([{"quantity": "DESC"}], ["Banana", "Drill", "Apple", "Cable"]),
    ([{"dateAdded": "ASC"}], ["Apple", "Banana", "Cable", "Drill"]),
])
def test_item_ordering(gql, owner, shelf, ordering, expected):
    assert names(gql(ITEMS, {"o": ordering}, user=owner)) == expected


def test_ordering_applies_keys_in_turn(gql, owner):
    for name, category, price in [("a", "X", "3"), ("b", "Y", "1"), ("c", "X", "5"),
                                  ("d", "Y", "2")]:
        make_item(owner, name=name, category=category, price=price)
    body = gql(ITEMS, {"o": [{"category": "ASC"}, {"price": "DESC"}]}, user=owner)
    assert names(body) == ["c", "a", "d", "b"]


def test_pagination_defaults_clamps_and_limit_zero(gql, owner):
    for n in range(25):
        make_item(owner, name=f"i{n:02d}")
    page = gql(ITEMS, user=owner)["data"]["items"]
    assert (len(page["results"]), page["totalCount"], page["pageInfo"]) == (
        20, 25, {"offset": 0, "limit": 20})
    page = gql(ITEMS, {"p": {"limit": 1000}}, user=owner)["data"]["items"]
    assert page["pageInfo"]["limit"] == 100 and len(page["results"]) == 25
    page = gql(ITEMS, {"p": {"limit": 0}}, user=owner)["data"]["items"]
    assert page["results"] == [] and page["totalCount"] == 25
    page = gql(ITEMS, {"p": {"offset": 20, "limit": 10}}, user=owner)["data"]["items"]
    assert len(page["results"]) == 5


@pytest.mark.parametrize("pagination", [{"limit": -1}, {"offset": -1}])
def test_negative_pagination_is_bad_input(gql, owner, pagination):
    body = gql(ITEMS, {"p": pagination}, user=owner)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert set(body["errors"][0]["extensions"]["fieldErrors"]) == set(pagination)


@pytest.mark.parametrize("ordering", [None, [{"category": "ASC"}], [{"price": "DESC"}]])
def test_walking_all_pages_sees_every_row_once(gql, owner, ordering):
    for n in range(23):
        make_item(owner, name=f"i{n}", category=f"c{n % 3}", price=str(n % 2))
    seen = []
    for offset in range(0, 30, 4):
        body = gql(ITEMS, {"o": ordering, "p": {"offset": offset, "limit": 4}}, user=owner)
        seen += [row["id"] for row in body["data"]["items"]["results"]]
    assert len(seen) == 23 and len(set(seen)) == 23


def test_item_changes_newest_first_with_filters(gql, owner, worker):
    item = make_item(owner, quantity=5)
    other = make_item(owner, quantity=1)
    stock_adjust(actor=worker, item_id=item.pk, delta=-2, reason="SOLD")
    stock_adjust(actor=owner, item_id=item.pk, delta=4, reason="RECEIVED")
    query = """query($f: ItemChangeFilter, $o: [ItemChangeOrder!]) {
      itemChanges(filters: $f, ordering: $o) { totalCount results { reason newQuantity } } }"""
    body = gql(query, {"f": {"item": str(item.pk)}}, user=owner)
    assert [r["reason"] for r in body["data"]["itemChanges"]["results"]] == [
        "RECEIVED", "SOLD", "INITIAL"]
    body = gql(query, {"f": {"item": str(item.pk)}, "o": [{"timestamp": "ASC"}]}, user=owner)
    assert [r["newQuantity"] for r in body["data"]["itemChanges"]["results"]] == [5, 3, 7]
    body = gql(query, {"f": {"user": str(worker.pk)}}, user=owner)
    assert body["data"]["itemChanges"]["totalCount"] == 1
    body = gql(query, {"f": {"reason": "INITIAL"}}, user=owner)
    assert body["data"]["itemChanges"]["totalCount"] == 2
    assert other.pk


def test_item_changes_filter_out_of_scope_is_an_empty_page(gql, owner, other_owner):
    item = make_item(owner)
    body = gql('query($i: ID!) { itemChanges(filters: {item: $i}) { totalCount } }',
               {"i": str(item.pk)}, user=other_owner)
    assert body["data"]["itemChanges"]["totalCount"] == 0


def test_history_of_a_deleted_item_stays_visible(gql, owner, worker):
    item = make_item(owner, name="Gone", quantity=2)
    item_delete(actor=owner, item_id=item.pk)
    body = gql("{ itemChanges { results { item { id } itemName reason username } } }",
               user=worker)
    assert body["data"]["itemChanges"]["results"] == [
        {"item": None, "itemName": "Gone", "reason": "DELETED", "username": owner.username},
        {"item": None, "itemName": "Gone", "reason": "INITIAL", "username": owner.username},
    ]


def test_change_by_a_user_outside_scope_hides_the_account(gql, owner, superuser):
    item = make_item(owner)
    stock_adjust(actor=superuser, item_id=item.pk, delta=1, reason="RECEIVED")
    body = gql("{ itemChanges(pagination: {limit: 1}) { results { user { id } username } } }",
               user=owner)
    assert body["data"]["itemChanges"]["results"] == [
        {"user": None, "username": superuser.username}]


def test_item_changes_field_is_paginated_newest_first(gql, owner):
    item = make_item(owner, quantity=0)
    for _ in range(30):
        stock_adjust(actor=owner, item_id=item.pk, delta=1, reason="RECEIVED")
    query = "query($id: ID!, $p: OffsetPaginationInput) { item(id: $id) { changes(pagination: $p) { newQuantity } } }"  # noqa: E501
    default = gql(query, {"id": item.pk}, user=owner)["data"]["item"]["changes"]
    assert [c["newQuantity"] for c in default] == list(range(30, 10, -1))
    page = gql(query, {"id": item.pk, "p": {"offset": 28, "limit": 5}}, user=owner)
    assert [c["newQuantity"] for c in page["data"]["item"]["changes"]] == [2, 1, 0]


def test_is_low_stock(gql, owner):
    make_item(owner, quantity=4, low_stock_threshold=5)
    make_item(owner, quantity=5, low_stock_threshold=5)
    body = gql("{ items { results { isLowStock quantity } } }", user=owner)
    assert body["data"]["items"]["results"] == [
        {"isLowStock": False, "quantity": 5}, {"isLowStock": True, "quantity": 4}]


def test_categories(gql, owner, other_owner):
    make_item(owner, category="Big", quantity=2_000_000_000, price="2.50")
    make_item(owner, category="Big", quantity=2_000_000_000, price="1")
    make_item(owner, category=" Small ", quantity=3, price="0.10")
    make_item(other_owner, category="Big", quantity=1)
    body = gql("{ categories { name itemCount totalQuantity totalValue } }", user=owner)
    assert body["data"]["categories"] == [
        {"name": "Big", "itemCount": 2, "totalQuantity": 4_000_000_000,
         "totalValue": "7000000000.00"},
        {"name": "Small", "itemCount": 1, "totalQuantity": 3, "totalValue": "0.30"},
    ]


# Query counts ----------------------------------------------------------------------

LIST = "{ items(pagination: {limit: 100}) { totalCount results { name owner { username } } } }"
NESTED = """{ items(pagination: {limit: 100}) { results { name
  changes(pagination: {limit: 5}) { reason user { username } } } } }"""


@pytest.mark.parametrize("size", [5, 100])
def test_item_list_costs_two_queries_whatever_its_size(owner, size, django_assert_num_queries):
    for _ in range(size):
        make_item(owner)
    with django_assert_num_queries(2):  # count and page
        data = execute(LIST, user=owner)
    assert len(data["items"]["results"]) == size


@pytest.mark.parametrize("size", [5, 100])
def test_nested_changes_cost_constant_queries(owner, worker, size, django_assert_num_queries):
    for _ in range(size):
        item = make_item(owner)
        stock_adjust(actor=worker, item_id=item.pk, delta=1, reason="RECEIVED")
    with django_assert_num_queries(2):  # page, and one prefetch of the changes with their users
        data = execute(NESTED, user=owner)
    assert all(len(row["changes"]) == 2 for row in data["items"]["results"])


ONE = """query($id: ID!) { item(id: $id) { name owner { username }
  changes(pagination: {limit: 5}) { reason user { username } reverts { id } } } }"""


def test_one_item_with_its_changes_costs_two_queries(owner, worker, django_assert_num_queries):
    item = make_item(owner, quantity=1)
    for delta in (1, 2, -1):
        stock_adjust(actor=worker, item_id=item.pk, delta=delta, reason="RECEIVED")
    with django_assert_num_queries(2):  # the item with its owner, its changes with their users
        data = execute(ONE, {"id": item.pk}, user=owner)
    changes = data["item"]["changes"]
    assert [c["user"]["username"] for c in changes] == [worker.username] * 3 + [
        owner.username]
    assert data["item"]["owner"]["username"] == owner.username


def test_a_kept_plan_gives_each_viewer_its_own_scope(gql, owner, worker, other_owner):
    item = make_item(owner, quantity=1)
    query = """query($id: ID!) { item(id: $id) { name owner { username } } }"""
    optimizer._plans.clear()
    with CaptureQueriesContext(connection) as planned:
        assert execute(query, {"id": item.pk}, user=owner)["item"]["name"] == item.name
    assert len(optimizer._plans) == 1
    with CaptureQueriesContext(connection) as kept:
        assert execute(query, {"id": item.pk}, user=worker)["item"]["owner"] == {
            "username": owner.username}
    assert [q["sql"] for q in kept.captured_queries] == [
        q["sql"] for q in planned.captured_queries]
    body = gql(query, {"id": item.pk}, user=other_owner)
    assert body["data"] == {"item": None} and error_codes(body) == ["NOT_FOUND"]
