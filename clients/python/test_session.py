"""The documented session with gql, against the server in API_URL (demo data loaded):
    API_URL=http://127.0.0.1:8000/graphql/ python -m pytest clients/python -p no:django
"""

import asyncio
import os
import time

import pytest
from gql.transport.exceptions import TransportQueryError
from inventory_client import Session

URL = os.environ.get("API_URL", "http://127.0.0.1:8000/graphql/")
TOKEN_SECONDS = int(os.environ.get("ACCESS_TOKEN_SECONDS", "0"))  # the server's lifetime

CREATE = """
mutation Create($input: CreateItemInput!) {
  createItem(input: $input) { id name quantity isLowStock }
}"""
ADJUST = """
mutation Adjust($input: AdjustStockInput!) {
  adjustStock(input: $input) { id oldQuantity newQuantity reason item { id quantity isLowStock } }
}"""
ITEMS = """
query Items($filters: ItemFilter, $ordering: [ItemOrder!], $pagination: OffsetPaginationInput) {
  items(filters: $filters, ordering: $ordering, pagination: $pagination) {
    totalCount pageInfo { offset limit } results { id name sku quantity price }
  }
}"""
CHANGES = """
subscription Changes($itemId: ID) {
  stockChanges(itemId: $itemId) { id itemName oldQuantity newQuantity delta reason username }
}"""


@pytest.fixture(scope="module")
def session():
    session = Session(URL)
    assert session.sign_in("demo_owner", "demo-owner-pass-1")["username"] == "demo_owner"
    yield session
    session.sign_out()


@pytest.fixture(scope="module")
def item(session):
    sku = f"PY-{time.time_ns()}"
    created = session.execute(CREATE, input={
        "name": "Label printer", "sku": sku, "price": "89.90", "category": "Electronics",
        "quantity": 4, "lowStockThreshold": 2,
    })["createItem"]
    return {**created, "sku": sku}


def test_sell_with_expected_quantity_and_idempotency_key(session, item):
    sale = {"itemId": item["id"], "delta": -3, "reason": "SOLD", "note": "order 1042",
            "expectedQuantity": 4, "idempotencyKey": f"order-{item['sku']}"}
    first = session.execute(ADJUST, input=sale)["adjustStock"]
    again = session.execute(ADJUST, input=sale)["adjustStock"]  # a retry: the same change
    assert (first["oldQuantity"], first["newQuantity"]) == (4, 1)
    assert again["id"] == first["id"] and first["item"]["isLowStock"] is True


def test_list_items_with_filters_ordering_and_a_page(session, item):
    items = session.execute(
        ITEMS, filters={"search": item["sku"]}, ordering=[{"quantity": "ASC"}, {"name": "ASC"}],
        pagination={"offset": 0, "limit": 10},
    )["items"]
    assert items["totalCount"] == 1 and items["pageInfo"] == {"offset": 0, "limit": 10}
    assert items["results"][0]["id"] == item["id"]


def test_a_subscription_receives_the_change_a_mutation_makes(session, item):
    async def first_event():
        async for event in session.subscribe(CHANGES, itemId=item["id"]):
            return event["stockChanges"]

    async def run():
        listening = asyncio.ensure_future(first_event())
        # The subscription is live once the server has processed it; until an event
        # arrives, receive another delivery every half second (at most 20).
        for _ in range(20):
            await asyncio.to_thread(session.execute, ADJUST, input={
                "itemId": item["id"], "delta": 5, "reason": "RECEIVED"})
            done, _ = await asyncio.wait([listening], timeout=0.5)
            if done:
                return listening.result()
        listening.cancel()

    event = asyncio.run(run())
    assert event is not None, "no stockChanges event arrived"
    assert (event["delta"], event["reason"], event["username"]) == (5, "RECEIVED", "demo_owner")


@pytest.mark.skipif(not TOKEN_SECONDS, reason="ACCESS_TOKEN_SECONDS not set")
def test_an_expired_token_is_refreshed_once_and_the_operation_run_again(session):
    before = session.token
    time.sleep(TOKEN_SECONDS + 1.5)
    assert session.execute("query Me { me { id username } }")["me"]["username"] == "demo_owner"
    assert session.token != before


def test_a_validation_error_names_the_field(session):
    with pytest.raises(TransportQueryError) as raised:
        session.execute("query Typo { items { totalCount resultz { id } } }")
    assert "resultz" in raised.value.errors[0]["message"]
    assert raised.value.errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
