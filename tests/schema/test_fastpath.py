"""Plain columns resolved by graphql-core directly (schema/fastpath.py) answer exactly what
strawberry's general path answers, field for field, and keep the query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from schema import fastpath
from schema.schema import schema
from stock.services import item_delete, stock_adjust
from tests.factories import make_item

ITEM_FIELDS = """id name description sku quantity price category lowStockThreshold
  dateAdded lastUpdated isLowStock owner { id username email role isActive isSuperuser
  dateJoined employer { id username } }"""
CHANGE_FIELDS = """id itemName username oldQuantity newQuantity delta reason note timestamp
  user { id username employer { username } } item { id name owner { username } }"""

QUERIES = [
    f"{{ items(ordering: [{{name: ASC}}]) {{ totalCount results {{ {ITEM_FIELDS}"
    f" changes(pagination: {{limit: 3}}) {{ {CHANGE_FIELDS} }} }} }} }}",
    f"{{ itemChanges(pagination: {{limit: 50}}) {{ totalCount results {{ {CHANGE_FIELDS} }} }} }}",
    "{ me { id username email role isActive isSuperuser dateJoined employer { id username"
    " role employer { id } } } }",
    "{ users { totalCount results { id username role employer { username } } } }",
    "{ items(pagination: {limit: 2}) { results { id aliasName: name name owner { id }"
    " sameOwner: owner { username } } } }",
]


@pytest.fixture
def shelf(owner, worker, superuser):
    items = [make_item(owner, name=f"Shelf {n}", sku=f"S-{n}" if n % 2 else None,
                       description="x" * n, quantity=n) for n in range(4)]
    stock_adjust(actor=worker, item_id=items[1].pk, delta=3, reason="RECEIVED", note="n")
    stock_adjust(actor=superuser, item_id=items[2].pk, delta=-1, reason="SOLD")
    item_delete(actor=owner, item_id=items[3].pk)  # its log stays, with item null
    return items


def test_the_fast_path_covers_plain_columns_and_joined_relations():
    item = schema._schema.type_map["InventoryItem"].fields
    assert item["name"].resolve.__name__ == "resolve_column"
    assert item["owner"].resolve.__name__ == "resolve_relation"
    # a resolver of its own, arguments, or a permission check keep the general path
    assert fastpath.GENERAL not in item["isLowStock"].extensions
    assert fastpath.GENERAL not in item["changes"].extensions
    assert fastpath.GENERAL not in schema._schema.type_map["ItemChange"].fields[
        "user"].extensions
    assert fastpath.GENERAL not in schema._schema.query_type.fields["items"].extensions


def test_django_types_drop_is_type_of_on_the_fast_path_only():
    # No union or interface has them as members: graphql-core's per-object check decides
    # nothing there. The general path (strawberry-django's own) keeps it.
    item_type = schema._schema.type_map["InventoryItem"]
    assert item_type.is_type_of is None
    with fastpath.general_path(schema):
        assert item_type.is_type_of is not None
    assert item_type.is_type_of is None


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("viewer", ["owner", "worker", "superuser"])
def test_fast_and_general_paths_answer_the_same(gql, shelf, request, viewer, query):
    user = request.getfixturevalue(viewer)
    with CaptureQueriesContext(connection) as fast_queries:
        fast = gql(query, user=user)
    with fastpath.general_path(schema), CaptureQueriesContext(connection) as general_queries:
        general = gql(query, user=user)
    assert "errors" not in fast, fast
    assert fast == general
    assert len(fast_queries) == len(general_queries)


def test_a_relation_not_joined_is_loaded_by_the_general_path(gql, owner, shelf):
    # The mutation result is not optimized: owner is not joined, and still answers.
    answer = gql("""mutation($id: ID!) { updateItem(id: $id, input: {name: "Renamed"})
        { name owner { username } } }""", {"id": str(shelf[0].pk)}, user=owner)
    assert answer["data"]["updateItem"] == {"name": "Renamed",
                                            "owner": {"username": owner.username}}
