"""adjustStockBatch, countStock and revertChange (docs/api.md, Stock operations)."""

import pytest

from stock.models import InventoryItem, ItemChange
from stock.services import item_delete, stock_adjust
from tests.conftest import error_codes
from tests.factories import make_item

BATCH = """mutation($input: AdjustStockBatchInput!) {
  adjustStockBatch(input: $input) {
    id item { id quantity } oldQuantity newQuantity delta reason note
  }
}"""
COUNT = """mutation($input: CountStockInput!) {
  countStock(input: $input) {
    unchanged changes { id item { id } oldQuantity newQuantity reason note }
  }
}"""
REVERT = """mutation($id: ID!, $note: String) {
  revertChange(id: $id, note: $note) {
    id delta reason note newQuantity reverts { id revertedBy { id } }
  }
}"""


def snapshot():
    return (list(InventoryItem.objects.order_by("pk").values_list("pk", "quantity")),
            ItemChange.objects.count())


@pytest.fixture
def items(owner):
    return [make_item(owner, quantity=10) for _ in range(3)]


def lines(items, *deltas):
    return [{"itemId": item.pk, "delta": delta} for item, delta in zip(items, deltas, strict=True)]


# adjustStockBatch ------------------------------------------------------------------

def test_batch_applies_every_line_with_its_own_log_entry(gql, owner, items):
    body = gql(BATCH, {"input": {"lines": lines(items, 5, -3, 1), "reason": "RECEIVED",
                                 "note": " delivery 17 "}}, user=owner)
    changes = body["data"]["adjustStockBatch"]
    assert [c["item"]["id"] for c in changes] == [str(item.pk) for item in items]
    assert [(c["oldQuantity"], c["newQuantity"]) for c in changes] == [(10, 15), (10, 7),
                                                                       (10, 11)]
    assert {c["reason"] for c in changes} == {"RECEIVED"}
    assert {c["note"] for c in changes} == {"delivery 17"}
    assert [InventoryItem.objects.get(pk=i.pk).quantity for i in items] == [15, 7, 11]


def test_a_failing_last_line_leaves_quantities_and_log_unchanged(gql, owner, items):
    before = snapshot()
    body = gql(BATCH, {"input": {"lines": lines(items, 5, 5, -11), "reason": "SOLD"}}, user=owner)
    assert error_codes(body) == ["CONFLICT"]
    assert body["errors"][0]["message"].startswith("lines.2:")
    assert snapshot() == before


def test_expected_quantity_per_line(gql, owner, items):
    before = snapshot()
    batch = [{"itemId": items[0].pk, "delta": 1, "expectedQuantity": 10},
             {"itemId": items[1].pk, "delta": 1, "expectedQuantity": 9}]
    body = gql(BATCH, {"input": {"lines": batch, "reason": "RECEIVED"}}, user=owner)
    assert error_codes(body) == ["CONFLICT"]
    assert "lines.1:" in body["errors"][0]["message"]
    assert "not the expected 9" in body["errors"][0]["message"]
    assert snapshot() == before


def test_line_indexed_field_errors(gql, owner, items):
    batch = [{"itemId": items[0].pk, "delta": 1}, {"itemId": items[1].pk, "delta": 0},
             {"itemId": items[0].pk, "delta": 2},
             {"itemId": items[2].pk, "delta": 1, "expectedQuantity": -1}]
    body = gql(BATCH, {"input": {"lines": batch, "reason": "INITIAL"}}, user=owner)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    field_errors = body["errors"][0]["extensions"]["fieldErrors"]
    assert set(field_errors) == {"lines.1.delta", "lines.2.itemId", "lines.3.expectedQuantity",
                                 "reason"}
    assert field_errors["lines.2.itemId"] == ["The item is already in line 0."]


@pytest.mark.parametrize("count", [0, 101])
def test_batch_size_limits(gql, owner, count):
    item = make_item(owner)
    batch = [{"itemId": item.pk if i == 0 else 10**9 + i, "delta": 1} for i in range(count)]
    body = gql(BATCH, {"input": {"lines": batch, "reason": "RECEIVED"}}, user=owner)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert "lines" in body["errors"][0]["extensions"]["fieldErrors"]


def test_a_line_out_of_scope_is_not_found_by_index(gql, owner, other_owner, items):
    foreign = make_item(other_owner)
    before = snapshot()
    batch = [*lines(items[:2], 1, 1), {"itemId": foreign.pk, "delta": 1}]
    body = gql(BATCH, {"input": {"lines": batch, "reason": "RECEIVED"}}, user=owner)
    assert error_codes(body) == ["NOT_FOUND"]
    assert body["errors"][0]["message"] == "lines.2: Item not found."
    assert snapshot() == before
    malformed = [{"itemId": "abc", "delta": 1}]
    body = gql(BATCH, {"input": {"lines": malformed, "reason": "RECEIVED"}}, user=owner)
    assert error_codes(body) == ["NOT_FOUND"]


def test_batch_retry_with_the_same_key_returns_the_first_changes(gql, owner, items):
    variables = {"input": {"lines": lines(items, 2, -1, 3), "reason": "RECEIVED",
                           "idempotencyKey": "delivery-1"}}
    first = gql(BATCH, variables, user=owner)["data"]["adjustStockBatch"]
    again = gql(BATCH, variables, user=owner)["data"]["adjustStockBatch"]
    assert [c["id"] for c in again] == [c["id"] for c in first]
    assert [InventoryItem.objects.get(pk=i.pk).quantity for i in items] == [12, 9, 13]
    other = {"input": {**variables["input"], "lines": lines(items, 2, -1, 4)}}
    assert error_codes(gql(BATCH, other, user=owner)) == ["CONFLICT"]


def test_batch_key_that_failed_is_not_kept(gql, owner, items):
    variables = {"input": {"lines": lines(items[:1], -11), "reason": "SOLD",
                           "idempotencyKey": "k"}}
    assert error_codes(gql(BATCH, variables, user=owner)) == ["CONFLICT"]
    stock_adjust(actor=owner, item_id=items[0].pk, delta=5, reason="RECEIVED")
    body = gql(BATCH, variables, user=owner)
    assert body["data"]["adjustStockBatch"][0]["newQuantity"] == 4


def test_keys_are_shared_with_adjust_stock(gql, owner, items):
    stock_adjust(actor=owner, item_id=items[0].pk, delta=1, reason="RECEIVED",
                 idempotency_key="same")
    variables = {"input": {"lines": lines(items[:1], 1), "reason": "RECEIVED",
                           "idempotencyKey": "same"}}
    assert error_codes(gql(BATCH, variables, user=owner)) == ["CONFLICT"]
    variables["input"]["idempotencyKey"] = "batch-key"
    gql(BATCH, variables, user=owner)
    body = gql("mutation($id: ID!) { adjustStock(input: {itemId: $id, delta: 1, "
               'reason: RECEIVED, idempotencyKey: "batch-key"}) { id } }',
               {"id": items[0].pk}, user=owner)
    assert error_codes(body) == ["CONFLICT"]


def test_workers_may_adjust_in_batches(gql, worker, items):
    body = gql(BATCH, {"input": {"lines": lines(items, 1, 1, 1), "reason": "RETURNED"}},
               user=worker)
    assert len(body["data"]["adjustStockBatch"]) == 3


# countStock ------------------------------------------------------------------------

def test_count_logs_corrections_for_differences_only(gql, worker, items):
    counts = [{"itemId": items[0].pk, "quantity": 8}, {"itemId": items[1].pk, "quantity": 10},
              {"itemId": items[2].pk, "quantity": 13}]
    body = gql(COUNT, {"input": {"counts": counts, "note": "March"}}, user=worker)
    result = body["data"]["countStock"]
    assert result["unchanged"] == 1
    assert [(c["item"]["id"], c["oldQuantity"], c["newQuantity"]) for c in result["changes"]] == [
        (str(items[0].pk), 10, 8), (str(items[2].pk), 10, 13)]
    assert {c["reason"] for c in result["changes"]} == {"COUNT_CORRECTION"}
    assert {c["note"] for c in result["changes"]} == {"March"}


def test_count_is_all_or_nothing(gql, owner, items):
    before = snapshot()
    counts = [{"itemId": items[0].pk, "quantity": 1},
              {"itemId": items[1].pk, "quantity": 2, "expectedQuantity": 3}]
    body = gql(COUNT, {"input": {"counts": counts}}, user=owner)
    assert error_codes(body) == ["CONFLICT"]
    assert body["errors"][0]["message"].startswith("counts.1:")
    assert snapshot() == before
    counts = [{"itemId": items[0].pk, "quantity": 1}, {"itemId": items[1].pk, "quantity": -2}]
    body = gql(COUNT, {"input": {"counts": counts}}, user=owner)
    assert body["errors"][0]["extensions"]["fieldErrors"].keys() == {"counts.1.quantity"}
    assert snapshot() == before


def test_count_size_limit(gql, owner, items):
    counts = [{"itemId": i + 1, "quantity": 1} for i in range(1001)]
    body = gql(COUNT, {"input": {"counts": counts}}, user=owner)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert "counts" in body["errors"][0]["extensions"]["fieldErrors"]


def test_count_retry_returns_the_first_result(gql, owner, items):
    variables = {"input": {"counts": [{"itemId": items[0].pk, "quantity": 4},
                                      {"itemId": items[1].pk, "quantity": 10}],
                           "idempotencyKey": "count-march"}}
    first = gql(COUNT, variables, user=owner)["data"]["countStock"]
    stock_adjust(actor=owner, item_id=items[0].pk, delta=1, reason="RECEIVED")
    again = gql(COUNT, variables, user=owner)["data"]["countStock"]
    assert again == first
    assert InventoryItem.objects.get(pk=items[0].pk).quantity == 5
    variables["input"]["note"] = "other"
    assert error_codes(gql(COUNT, variables, user=owner)) == ["CONFLICT"]


# revertChange ----------------------------------------------------------------------

def test_revert_appends_the_opposite_delta_linked_both_ways(gql, worker, owner, items):
    sold = stock_adjust(actor=owner, item_id=items[0].pk, delta=-4, reason="SOLD")
    body = gql(REVERT, {"id": sold.pk, "note": "booked by mistake"}, user=worker)
    reversal = body["data"]["revertChange"]
    assert (reversal["delta"], reversal["reason"], reversal["newQuantity"]) == (4, "REVERSAL", 10)
    assert reversal["reverts"] == {"id": str(sold.pk), "revertedBy": {"id": reversal["id"]}}
    assert reversal["note"] == "booked by mistake"
    assert InventoryItem.objects.get(pk=items[0].pk).quantity == 10


def test_a_change_is_reverted_at_most_once(gql, owner, items):
    change = stock_adjust(actor=owner, item_id=items[0].pk, delta=2, reason="RECEIVED")
    gql(REVERT, {"id": change.pk}, user=owner)
    body = gql(REVERT, {"id": change.pk}, user=owner)
    assert error_codes(body) == ["CONFLICT"]
    assert ItemChange.objects.filter(reason="REVERSAL").count() == 1


@pytest.mark.parametrize("reason", ["INITIAL", "REVERSAL"])
def test_system_entries_cannot_be_reverted(gql, owner, items, reason):
    change = stock_adjust(actor=owner, item_id=items[0].pk, delta=2, reason="RECEIVED")
    reversal_id = gql(REVERT, {"id": change.pk}, user=owner)["data"]["revertChange"]["id"]
    target = (ItemChange.objects.get(item_id=items[0].pk, reason="INITIAL").pk
              if reason == "INITIAL" else reversal_id)
    body = gql(REVERT, {"id": target}, user=owner)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert "id" in body["errors"][0]["extensions"]["fieldErrors"]


def test_deleted_entries_and_changes_of_deleted_items(gql, owner, items):
    change = stock_adjust(actor=owner, item_id=items[0].pk, delta=2, reason="RECEIVED")
    item_delete(actor=owner, item_id=items[0].pk)
    assert error_codes(gql(REVERT, {"id": change.pk}, user=owner)) == ["CONFLICT"]
    deleted = ItemChange.objects.get(reason="DELETED")
    assert error_codes(gql(REVERT, {"id": deleted.pk}, user=owner)) == ["BAD_USER_INPUT"]


def test_a_revert_must_stay_in_range(gql, owner, items):
    received = stock_adjust(actor=owner, item_id=items[0].pk, delta=5, reason="RECEIVED")
    stock_adjust(actor=owner, item_id=items[0].pk, delta=-12, reason="SOLD")
    before = snapshot()
    assert error_codes(gql(REVERT, {"id": received.pk}, user=owner)) == ["CONFLICT"]
    assert snapshot() == before


def test_revert_scope(gql, owner, other_owner, items):
    change = stock_adjust(actor=owner, item_id=items[0].pk, delta=5, reason="RECEIVED")
    assert error_codes(gql(REVERT, {"id": change.pk}, user=other_owner)) == ["NOT_FOUND"]
    assert error_codes(gql(REVERT, {"id": "x"}, user=owner)) == ["NOT_FOUND"]


def test_reversal_is_not_a_reason_clients_send(gql, owner, items):
    body = gql("mutation($id: ID!) { adjustStock(input: {itemId: $id, delta: 1, "
               "reason: REVERSAL}) { id } }", {"id": items[0].pk}, user=owner)
    assert error_codes(body) == ["BAD_USER_INPUT"]


def test_reverts_and_reverted_by_are_null_for_plain_changes(gql, owner, items):
    body = gql("{ itemChanges { results { reason reverts { id } revertedBy { id } } } }",
               user=owner)
    rows = body["data"]["itemChanges"]["results"]
    assert rows and all(r["reverts"] is None and r["revertedBy"] is None for r in rows)
