"""quantityAt and stockMovements, checked against a replay of what the test did."""

import random
from collections import defaultdict
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from stock import batches, services
from tests.conftest import error_codes
from tests.factories import make_item

START = datetime(2026, 3, 1, tzinfo=UTC)
MOVEMENTS = """query($from: DateTime!, $to: DateTime!, $by: MovementGroup, $f: MovementFilter,
                     $p: OffsetPaginationInput) {
  stockMovements(from: $from, to: $to, groupBy: $by, filters: $f, pagination: $p) {
    totalCount pageInfo { offset limit }
    results { group itemName item { id } inbound outbound net changes
              byReason { reason net changes } }
  }
}"""


@pytest.fixture
def clock(monkeypatch):
    """timezone.now() as the test sets it (log timestamps are taken from it)."""
    state = {"now": START}
    monkeypatch.setattr(timezone, "now", lambda: state["now"])
    return state


@pytest.fixture
def history(owner, worker, other_owner, clock):
    """Random changes over 40 days; returns the replay record
    [(moment, item id, category, delta, reason, quantity after)]."""
    rng = random.Random(13)
    record = []
    items = {}
    for n in range(6):
        clock["now"] += timedelta(hours=rng.randint(1, 30))
        item = make_item(owner, name=f"I{n}", quantity=20, category=["A", "B"][n % 2])
        items[item.pk] = item
        record.append((clock["now"], item.pk, item.category, 20, "INITIAL", 20))
    make_item(other_owner, quantity=99)  # out of scope: never counted
    quantity = {pk: 20 for pk in items}
    for _ in range(60):
        clock["now"] += timedelta(hours=rng.randint(1, 16))
        pk = rng.choice(list(items))
        action = rng.random()
        if action < 0.6:
            delta = rng.choice([-3, -2, -1, 1, 2, 5])
            if quantity[pk] + delta < 0:
                continue
            reason = "SOLD" if delta < 0 else "RECEIVED"
            change = services.stock_adjust(actor=worker, item_id=pk, delta=delta, reason=reason)
        elif action < 0.8:
            target = rng.randint(0, 30)
            changes, _ = batches.stock_count(actor=owner,
                                             counts=[{"item_id": pk, "quantity": target}])
            if not changes:
                continue
            change, delta, reason = changes[0], target - quantity[pk], "COUNT_CORRECTION"
        else:
            last = record[-1]
            if last[4] in ("INITIAL", "REVERSAL", "DELETED") or quantity[last[1]] - last[3] < 0:
                continue
            pk, delta, reason = last[1], -last[3], "REVERSAL"
            change = batches.change_revert(actor=owner, change_id=_last_change_id(pk))
        quantity[pk] += delta
        assert change.new_quantity == quantity[pk]
        record.append((clock["now"], pk, items[pk].category, delta, reason, quantity[pk]))
    assert {row[4] for row in record} == {"INITIAL", "SOLD", "RECEIVED", "COUNT_CORRECTION",
                                         "REVERSAL"}
    return items, record


def _last_change_id(item_pk):
    from stock.models import ItemChange

    return ItemChange.objects.filter(item_id=item_pk).latest("timestamp", "id").pk


def expected_quantity(record, pk, at):
    before = [row for row in record if row[1] == pk and row[0] <= at]
    return before[-1][5] if before else 0


def test_quantity_at_replays_the_log(gql, owner, history):
    items, record = history
    moments = [START - timedelta(days=1), *[row[0] for row in record[::7]],
               record[-1][0] + timedelta(days=1)]
    query = "query($id: ID!, $at: DateTime!) { item(id: $id) { quantityAt(at: $at) } }"
    for pk in items:
        for at in moments:
            body = gql(query, {"id": pk, "at": at.isoformat()}, user=owner)
            assert body["data"]["item"]["quantityAt"] == expected_quantity(record, pk, at), at


def replay_movements(record, start, end, key):
    groups = defaultdict(lambda: {"inbound": 0, "outbound": 0, "net": 0, "changes": 0,
                                  "byReason": defaultdict(lambda: [0, 0])})
    for moment, pk, category, delta, reason, _ in record:
        if not start <= moment < end:
            continue
        group = groups[key(moment, pk, category, reason)]
        group["inbound" if delta > 0 else "outbound"] += abs(delta)
        group["net"] += delta
        group["changes"] += 1
        group["byReason"][reason][0] += delta
        group["byReason"][reason][1] += 1
    return {name: {**g, "byReason": {r: tuple(v) for r, v in g["byReason"].items()}}
            for name, g in groups.items()}


KEYS = {
    "ITEM": lambda moment, pk, category, reason: str(pk),
    "CATEGORY": lambda moment, pk, category, reason: category,
    "REASON": lambda moment, pk, category, reason: reason,
    "DAY": lambda moment, pk, category, reason: moment.date().isoformat(),
}


@pytest.mark.parametrize("group_by", list(KEYS))
def test_movements_replay_the_log(gql, worker, history, group_by):
    _, record = history
    start, end = START + timedelta(days=3), START + timedelta(days=25)
    body = gql(MOVEMENTS, {"from": start.isoformat(), "to": end.isoformat(), "by": group_by,
                           "p": {"limit": 100}}, user=worker)
    page = body["data"]["stockMovements"]
    expected = replay_movements(record, start, end, KEYS[group_by])
    got = {row["group"]: {**{k: row[k] for k in ("inbound", "outbound", "net", "changes")},
                          "byReason": {r["reason"]: (r["net"], r["changes"])
                                       for r in row["byReason"]}}
           for row in page["results"]}
    assert got == expected
    assert page["totalCount"] == len(expected)
    groups = [row["group"] for row in page["results"]]
    if group_by == "DAY":
        assert groups == sorted(groups)
    else:
        order = [(-row["outbound"], int(row["group"]) if group_by == "ITEM" else row["group"])
                 for row in page["results"]]
        assert order == sorted(order)
    if group_by == "ITEM":
        assert all(row["item"]["id"] == row["group"] and row["itemName"]
                   for row in page["results"])


def test_movements_filters_and_pages(gql, owner, history):
    items, record = history
    start, end = START, START + timedelta(days=60)
    pk = next(iter(items))
    body = gql(MOVEMENTS, {"from": start.isoformat(), "to": end.isoformat(),
                           "f": {"itemId": pk, "reason": "SOLD"}}, user=owner)
    rows = body["data"]["stockMovements"]["results"]
    sold = [row for row in record if row[1] == pk and row[4] == "SOLD"]
    assert [(r["group"], r["outbound"], r["changes"]) for r in rows] == (
        [(str(pk), -sum(row[3] for row in sold), len(sold))] if sold else [])
    body = gql(MOVEMENTS, {"from": start.isoformat(), "to": end.isoformat(),
                           "by": "CATEGORY", "f": {"category": "a"}}, user=owner)
    assert [r["group"] for r in body["data"]["stockMovements"]["results"]] == ["A"]
    body = gql(MOVEMENTS, {"from": start.isoformat(), "to": end.isoformat(),
                           "p": {"offset": 2, "limit": 2}}, user=owner)
    page = body["data"]["stockMovements"]
    assert page["pageInfo"] == {"offset": 2, "limit": 2} and len(page["results"]) == 2
    assert page["totalCount"] == len(items)
    body = gql(MOVEMENTS, {"from": start.isoformat(), "to": end.isoformat(),
                           "p": {"limit": 0}}, user=owner)
    assert body["data"]["stockMovements"]["results"] == []


def test_movements_of_a_deleted_item_keep_its_group(gql, owner, clock):
    item = make_item(owner, quantity=5, name="Gone")
    clock["now"] += timedelta(hours=1)
    services.stock_adjust(actor=owner, item_id=item.pk, delta=-2, reason="SOLD")
    services.item_delete(actor=owner, item_id=item.pk)
    variables = {"from": START.isoformat(), "to": (START + timedelta(days=1)).isoformat()}
    rows = gql(MOVEMENTS, variables, user=owner)["data"]["stockMovements"]["results"]
    assert [(r["group"], r["item"], r["itemName"], r["net"]) for r in rows] == [
        (str(item.pk), None, "Gone", 0)]
    rows = gql(MOVEMENTS, {**variables, "by": "CATEGORY"},
               user=owner)["data"]["stockMovements"]["results"]
    assert [r["group"] for r in rows] == [""]


def test_movements_period_rules(gql, owner):
    def codes(start, end):
        return error_codes(gql(MOVEMENTS, {"from": start.isoformat(), "to": end.isoformat()},
                               user=owner))

    assert codes(START, START) == ["BAD_USER_INPUT"]
    assert codes(START, START + timedelta(days=367)) == ["BAD_USER_INPUT"]
    assert codes(START, START + timedelta(days=366)) == []
    assert error_codes(gql(MOVEMENTS, {"from": START.isoformat(), "to": START.isoformat()})) == [
        "UNAUTHENTICATED"]


@pytest.mark.parametrize("group_by", ["DAY", "REASON", "CATEGORY", "ITEM"])
def test_movements_pages_are_slices_of_the_whole(gql, owner, history, group_by):
    start, end = START, START + timedelta(days=60)

    def page(**pagination):
        body = gql(MOVEMENTS, {"from": start.isoformat(), "to": end.isoformat(),
                               "by": group_by, "p": pagination}, user=owner)
        return body["data"]["stockMovements"]

    whole = page(limit=100)
    assert len(whole["results"]) == whole["totalCount"] >= 2
    for offset, limit in ((1, 2), (whole["totalCount"] - 1, 5), (whole["totalCount"], 5)):
        part = page(offset=offset, limit=limit)
        assert part["results"] == whole["results"][offset:offset + limit]
        assert part["totalCount"] == whole["totalCount"]


def test_movements_of_live_and_deleted_items_on_one_page(gql, owner, clock):
    """Each live item's reasons are read through its own index, a deleted one's by its
    key: both give the same sums."""
    kept, gone = make_item(owner, quantity=9, name="Kept"), make_item(owner, quantity=9,
                                                                       name="Gone")
    for item in (kept, gone):
        clock["now"] += timedelta(hours=1)
        services.stock_adjust(actor=owner, item_id=item.pk, delta=-4, reason="SOLD")
        services.stock_adjust(actor=owner, item_id=item.pk, delta=2, reason="RETURNED")
    services.item_delete(actor=owner, item_id=gone.pk)
    body = gql(MOVEMENTS, {"from": START.isoformat(),
                           "to": (START + timedelta(days=1)).isoformat()}, user=owner)
    rows = {r["group"]: r for r in body["data"]["stockMovements"]["results"]}
    reasons = [{"reason": "INITIAL", "net": 9, "changes": 1},
               {"reason": "SOLD", "net": -4, "changes": 1},
               {"reason": "RETURNED", "net": 2, "changes": 1}]
    assert rows[str(kept.pk)]["byReason"] == reasons
    assert rows[str(gone.pk)]["byReason"] == [*reasons, {"reason": "DELETED", "net": -7,
                                                         "changes": 1}]
    assert (rows[str(gone.pk)]["outbound"], rows[str(gone.pk)]["inbound"]) == (11, 11)
    assert (rows[str(kept.pk)]["item"], rows[str(gone.pk)]["item"]) == ({"id": str(kept.pk)},
                                                                       None)


@pytest.mark.parametrize("size", [1, 5])
def test_movements_cost_the_same_queries_whatever_the_page(gql, owner, clock, size,
                                                          django_assert_num_queries):
    for n in range(size):
        make_item(owner, quantity=n + 1, name=f"I{n}")
    variables = {"from": START.isoformat(), "to": (START + timedelta(days=1)).isoformat()}
    # the token's user; the page, the names at the last change, the items, their reasons
    with django_assert_num_queries(5):
        rows = gql(MOVEMENTS, variables, user=owner)["data"]["stockMovements"]["results"]
    assert len(rows) == size
    with django_assert_num_queries(2):
        gql(MOVEMENTS, {**variables, "by": "DAY"}, user=owner)
