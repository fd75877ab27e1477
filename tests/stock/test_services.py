import random
from decimal import Decimal

import pytest

from core.errors import Conflict, Forbidden, InvalidInput, NotFound
from stock.models import InventoryItem, ItemChange
from stock.services import item_create, item_delete, item_update, stock_adjust
from tests.factories import make_item

MAX_INT = 2_147_483_647


def log_of(item):
    return list(ItemChange.objects.filter(item_id=item.pk).order_by("timestamp", "id"))


def assert_chain(item_id, quantity):
    changes = list(ItemChange.objects.filter(item_id=item_id).order_by("timestamp", "id"))
    assert changes[0].old_quantity == 0
    for previous, current in zip(changes, changes[1:], strict=False):
        assert current.old_quantity == previous.new_quantity
    assert changes[-1].new_quantity == quantity
    assert sum(change.delta for change in changes) == quantity


# create ---------------------------------------------------------------------------

def test_create_trims_and_logs_initial(owner):
    item = item_create(actor=owner, name="  Bolt ", category=" Hardware ", price="1.5",
                       quantity=7, sku="  ", description=" d ")
    item.refresh_from_db()
    assert (item.name, item.category, item.sku, item.description, item.price) == (
        "Bolt", "Hardware", None, "d", Decimal("1.50"))
    [change] = log_of(item)
    assert (change.old_quantity, change.new_quantity, change.delta, change.reason,
            change.username, change.owner_id) == (0, 7, 7, "INITIAL", owner.username, owner.pk)


def test_create_from_zero_still_logs_initial(owner):
    item = item_create(actor=owner, name="Nut", category="Hardware", price="1")
    assert [(c.old_quantity, c.new_quantity, c.reason) for c in log_of(item)] == [
        (0, 0, "INITIAL")]


def test_create_reports_every_bad_field_and_stores_nothing(owner):
    with pytest.raises(InvalidInput) as exc:
        item_create(actor=owner, name=" ", category="x" * 101, price="1.235",
                    quantity=-1, low_stock_threshold=MAX_INT + 1, description="d" * 5001,
                    sku="s" * 65)
    assert set(exc.value.field_errors) == {
        "name", "category", "price", "quantity", "low_stock_threshold", "description", "sku"}
    assert not InventoryItem.objects.exists() and not ItemChange.objects.exists()


@pytest.mark.parametrize("price", ["1.235", "NaN", "Infinity", "-Infinity", "-0.01",
                                   "10000000000.00", "abc", "", "1e400", float("nan")])
def test_create_rejects_bad_prices(owner, price):
    with pytest.raises(InvalidInput) as exc:
        item_create(actor=owner, name="n", category="c", price=price)
    assert list(exc.value.field_errors) == ["price"]


@pytest.mark.parametrize(("given", "stored"), [
    ("1.230", Decimal("1.23")), (1.1, Decimal("1.10")), ("9999999999.99", Decimal("9999999999.99")),
    (0, Decimal("0")), ("1e1", Decimal("10")),
])
def test_create_accepts_exact_prices(owner, given, stored):
    item = item_create(actor=owner, name="n", category="c", price=given)
    item.refresh_from_db()
    assert item.price == stored


def test_create_refuses_nul_characters(owner):
    with pytest.raises(InvalidInput) as exc:
        item_create(actor=owner, name="a\x00b", category="c", price="1")
    assert list(exc.value.field_errors) == ["name"]


def test_worker_cannot_create(worker):
    with pytest.raises(Forbidden):
        item_create(actor=worker, name="n", category="c", price="1")


def test_only_superuser_chooses_owner(owner, other_owner, superuser):
    with pytest.raises(Forbidden):
        item_create(actor=owner, name="n", category="c", price="1", owner_id=other_owner.pk)
    item = item_create(actor=superuser, name="n", category="c", price="1",
                       owner_id=str(other_owner.pk))
    assert item.owner == other_owner
    assert item_create(actor=superuser, name="mine", category="c", price="1").owner == superuser


def test_superuser_cannot_give_an_item_to_a_worker(superuser, worker):
    with pytest.raises(InvalidInput) as exc:
        item_create(actor=superuser, name="n", category="c", price="1", owner_id=worker.pk)
    assert "owner_id" in exc.value.field_errors


def test_duplicate_sku_ignoring_case_is_conflict(owner, other_owner):
    make_item(owner, sku="AB-1")
    make_item(other_owner, sku="ab-1")
    with pytest.raises(Conflict):
        make_item(owner, sku="ab-1")
    assert InventoryItem.objects.filter(owner=owner).count() == 1


# update ---------------------------------------------------------------------------

def test_update_is_partial(owner):
    item = make_item(owner, name="Old", category="Cat", description="keep")
    item_update(actor=owner, item_id=item.pk, name="New")
    item.refresh_from_db()
    assert (item.name, item.category, item.description) == ("New", "Cat", "keep")
    assert len(log_of(item)) == 1  # other fields only: nothing logged


def test_update_quantity_logs_count_correction_or_the_given_reason(owner):
    item = make_item(owner, quantity=10)
    item_update(actor=owner, item_id=item.pk, quantity=8)
    item_update(actor=owner, item_id=item.pk, quantity=12, reason="RECEIVED", note=" box ")
    item_update(actor=owner, item_id=item.pk, quantity=12)  # same quantity: no entry
    assert [(c.old_quantity, c.new_quantity, c.reason, c.note) for c in log_of(item)] == [
        (0, 10, "INITIAL", ""), (10, 8, "COUNT_CORRECTION", ""), (8, 12, "RECEIVED", "box")]


@pytest.mark.parametrize("reason", ["INITIAL", "DELETED", "BOGUS"])
def test_update_refuses_system_reasons(owner, reason):
    item = make_item(owner)
    with pytest.raises(InvalidInput) as exc:
        item_update(actor=owner, item_id=item.pk, quantity=3, reason=reason)
    assert list(exc.value.field_errors) == ["reason"]


def test_worker_changes_quantity_but_not_fields(owner, worker):
    item = make_item(owner, quantity=5)
    item_update(actor=worker, item_id=item.pk, quantity=4)
    with pytest.raises(Forbidden):
        item_update(actor=worker, item_id=item.pk, name="Renamed")
    item.refresh_from_db()
    assert (item.quantity, item.name) == (4, item.name)


def test_update_out_of_scope_or_malformed_is_not_found(owner, other_owner):
    item = make_item(owner)
    for actor, item_id in [(other_owner, item.pk), (owner, "nope"), (owner, ""),
                           (owner, 10**30)]:
        with pytest.raises(NotFound):
            item_update(actor=actor, item_id=item_id, name="x")


def test_update_quantity_out_of_range_is_bad_input(owner):
    item = make_item(owner)
    for quantity in (-1, MAX_INT + 1):
        with pytest.raises(InvalidInput):
            item_update(actor=owner, item_id=item.pk, quantity=quantity)


def test_update_to_a_taken_sku_is_conflict(owner):
    make_item(owner, sku="A")
    item = make_item(owner, sku="B")
    with pytest.raises(Conflict):
        item_update(actor=owner, item_id=item.pk, sku="a")
    item_update(actor=owner, item_id=item.pk, sku="b")  # its own sku in another case
    item.refresh_from_db()
    assert item.sku == "b"


# delete ---------------------------------------------------------------------------

def test_delete_logs_deleted_to_zero(owner):
    item = make_item(owner, quantity=3)
    assert item_delete(actor=owner, item_id=str(item.pk)) == item.pk
    last = ItemChange.objects.order_by("-id").first()
    assert (last.old_quantity, last.new_quantity, last.delta, last.reason) == (3, 0, -3, "DELETED")
    assert not InventoryItem.objects.filter(pk=item.pk).exists()


def test_worker_cannot_delete_and_other_owner_gets_not_found(owner, worker, other_owner):
    item = make_item(owner)
    with pytest.raises(Forbidden):
        item_delete(actor=worker, item_id=item.pk)
    with pytest.raises(NotFound):
        item_delete(actor=other_owner, item_id=item.pk)
    assert InventoryItem.objects.filter(pk=item.pk).exists()


# adjust ---------------------------------------------------------------------------

def test_adjust_applies_and_logs(owner, worker):
    item = make_item(owner, quantity=10)
    change = stock_adjust(actor=worker, item_id=str(item.pk), delta=-3, reason="SOLD",
                          note=" till 2 ")
    item.refresh_from_db()
    assert item.quantity == 7
    assert (change.old_quantity, change.new_quantity, change.delta, change.reason, change.note,
            change.user, change.owner_id, change.item_id) == (
        10, 7, -3, "SOLD", "till 2", worker, owner.pk, item.pk)


def test_adjust_below_zero_is_conflict_and_changes_nothing(owner):
    item = make_item(owner, quantity=2)
    with pytest.raises(Conflict):
        stock_adjust(actor=owner, item_id=item.pk, delta=-3, reason="SOLD")
    item.refresh_from_db()
    assert item.quantity == 2 and len(log_of(item)) == 1


def test_adjust_past_the_maximum_is_conflict(owner):
    item = make_item(owner, quantity=MAX_INT - 1)
    stock_adjust(actor=owner, item_id=item.pk, delta=1, reason="RECEIVED")
    for delta in (1, MAX_INT, -(MAX_INT + 1) - 5, 10**20):
        with pytest.raises(Conflict):
            stock_adjust(actor=owner, item_id=item.pk, delta=delta, reason="RECEIVED")
    item.refresh_from_db()
    assert item.quantity == MAX_INT


@pytest.mark.parametrize(("delta", "reason", "field"), [
    (0, "SOLD", "delta"), (1, "INITIAL", "reason"), (-1, "DELETED", "reason"),
    (1, "NOPE", "reason"),
])
def test_adjust_bad_input(owner, delta, reason, field):
    item = make_item(owner)
    with pytest.raises(InvalidInput) as exc:
        stock_adjust(actor=owner, item_id=item.pk, delta=delta, reason=reason)
    assert list(exc.value.field_errors) == [field]


def test_adjust_out_of_scope_is_not_found(owner, other_owner):
    item = make_item(owner)
    with pytest.raises(NotFound):
        stock_adjust(actor=other_owner, item_id=item.pk, delta=1, reason="RECEIVED")
    with pytest.raises(NotFound):
        stock_adjust(actor=owner, item_id="x1", delta=1, reason="RECEIVED")


def test_expected_quantity(owner):
    item = make_item(owner, quantity=5)
    with pytest.raises(Conflict, match="expected"):
        stock_adjust(actor=owner, item_id=item.pk, delta=1, reason="RECEIVED",
                     expected_quantity=4)
    stock_adjust(actor=owner, item_id=item.pk, delta=1, reason="RECEIVED", expected_quantity=5)
    item.refresh_from_db()
    assert item.quantity == 6


def test_idempotent_retry_returns_the_first_change(owner):
    item = make_item(owner, quantity=5)
    args = {"actor": owner, "item_id": item.pk, "delta": 2, "reason": "RECEIVED",
            "idempotency_key": "k-1"}
    first = stock_adjust(**args)
    again = stock_adjust(**{**args, "item_id": str(item.pk)})
    assert again.pk == first.pk
    item.refresh_from_db()
    assert item.quantity == 7


def test_idempotency_key_with_other_arguments_is_conflict(owner):
    item = make_item(owner, quantity=5)
    stock_adjust(actor=owner, item_id=item.pk, delta=2, reason="RECEIVED", idempotency_key="k")
    for changed in ({"delta": 3}, {"reason": "RETURNED"}, {"note": "x"},
                    {"expected_quantity": 7}):
        args = {"delta": 2, "reason": "RECEIVED", **changed}
        with pytest.raises(Conflict, match="idempotency"):
            stock_adjust(actor=owner, item_id=item.pk, idempotency_key="k", **args)
    item.refresh_from_db()
    assert item.quantity == 7


def test_idempotency_keys_belong_to_a_user(owner, worker):
    item = make_item(owner, quantity=5)
    stock_adjust(actor=owner, item_id=item.pk, delta=1, reason="RECEIVED", idempotency_key="k")
    stock_adjust(actor=worker, item_id=item.pk, delta=1, reason="RECEIVED", idempotency_key="k")
    item.refresh_from_db()
    assert item.quantity == 7


def test_failed_attempt_does_not_keep_its_key(owner):
    item = make_item(owner, quantity=1)
    with pytest.raises(Conflict):
        stock_adjust(actor=owner, item_id=item.pk, delta=-2, reason="SOLD", idempotency_key="k")
    stock_adjust(actor=owner, item_id=item.pk, delta=1, reason="RECEIVED")
    change = stock_adjust(actor=owner, item_id=item.pk, delta=-2, reason="SOLD",
                          idempotency_key="k")
    assert change.new_quantity == 0


def test_idempotency_key_length(owner):
    item = make_item(owner)
    with pytest.raises(InvalidInput) as exc:
        stock_adjust(actor=owner, item_id=item.pk, delta=1, reason="RECEIVED",
                     idempotency_key="k" * 65)
    assert list(exc.value.field_errors) == ["idempotency_key"]


def test_random_operations_keep_every_log_a_chain(owner, worker):
    rng = random.Random(7)
    items = [make_item(owner, quantity=rng.randint(0, 20)) for _ in range(4)]
    deleted = set()
    for step in range(150):
        item = rng.choice(items)
        if item.pk in deleted:
            continue
        actor = rng.choice([owner, worker])
        operation = rng.random()
        try:
            if operation < 0.6:
                stock_adjust(actor=actor, item_id=item.pk, delta=rng.choice([-5, -2, -1, 1, 3, 8]),
                             reason=rng.choice(["SOLD", "RECEIVED", "OTHER"]),
                             idempotency_key=rng.choice([None, f"k{step % 9}"]))
            elif operation < 0.9:
                item_update(actor=actor, item_id=item.pk, quantity=rng.randint(0, 30))
            elif operation < 0.95 and actor == owner:
                item_delete(actor=owner, item_id=item.pk)
                deleted.add(item.pk)
        except Conflict:
            pass
    for item in items:
        if item.pk in deleted:
            continue
        item.refresh_from_db()
        assert item.quantity >= 0
        assert_chain(item.pk, item.quantity)
