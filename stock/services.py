"""Every write to stock data. Each function runs in one transaction and writes
one ItemChange for every change of a quantity, in that same transaction.

Order of checks: the item must be in the actor's scope (NotFound), then the
actor's role must allow the operation (Forbidden), then the input must be
valid (InvalidInput), then the state must allow it (Conflict).
"""

import hashlib
import json
from decimal import Decimal

from django.db import IntegrityError, connection, transaction
from django.db.models import Value
from django.db.models.functions import Lower
from django.utils import timezone

from accounts import rules
from accounts.models import User
from accounts.selectors import owner_by_id
from core.cleaning import MAX_INT, clean_count, clean_optional_text, clean_price, clean_text
from core.errors import Conflict, FieldErrors, Forbidden, NotFound
from core.ids import parse_id
from core.prepared import PreparedInsert
from core.sentinel import UNSET, Unset
from stock import events
from stock.admission import item_transaction
from stock.models import (
    SYSTEM_REASONS,
    InventoryItem,
    ItemChange,
    StockChangeReason,
    StockOperation,
)
from stock.selectors import items_in_scope

NAME_MAX = 200
DESCRIPTION_MAX = 5000
CATEGORY_MAX = 100
SKU_MAX = 64
NOTE_MAX = 1000
IDEMPOTENCY_KEY_MAX = 64
SKU_CONSTRAINT = "stock_item_sku_unique_per_owner"
IDEMPOTENCY_CONSTRAINT = "stock_change_idempotency_key_per_user"


def duplicate_sku() -> Conflict:
    return Conflict("An item with this SKU already exists.")


def sku_taken(*, owner_id: int, sku: str, exclude_pk: int | None = None) -> bool:
    items = InventoryItem.objects.alias(sku_lower=Lower("sku")).filter(
        owner_id=owner_id, sku_lower=Lower(Value(sku))
    )
    if exclude_pk is not None:
        items = items.exclude(pk=exclude_pk)
    return items.exists()


def clean_reason(errors: FieldErrors, reason: str) -> None:
    if reason not in StockChangeReason.values:
        errors.add("reason", "Unknown reason.")
    elif reason in SYSTEM_REASONS:
        errors.add("reason", f"{reason} is written by the system and cannot be sent.")


# Every quantity change appends one: its INSERT is compiled once (core.prepared).
_INSERT_CHANGE = PreparedInsert(ItemChange)


def log_change(
    *,
    item: InventoryItem,
    actor: User,
    old_quantity: int,
    new_quantity: int,
    reason: str,
    note: str = "",
    keep_item_link: bool = True,
    idempotency_key: str | None = None,
    request_fingerprint: str = "",
    reverts: ItemChange | None = None,
) -> ItemChange:
    """Append one entry to the log, announced once the transaction commits. Call it
    while the item's row is locked: the timestamp taken here then follows the chain."""
    change = _INSERT_CHANGE.insert(ItemChange(
        item_id=item.pk if keep_item_link else None,
        item_key=item.pk,
        item_name=item.name,
        owner_id=item.owner_id,
        user=actor,
        username=actor.get_username(),
        old_quantity=old_quantity,
        new_quantity=new_quantity,
        delta=new_quantity - old_quantity,
        reason=reason,
        note=note,
        idempotency_key=idempotency_key,
        request_fingerprint=request_fingerprint,
        timestamp=timezone.now(),
        reverts=reverts,
    ))
    # The event names the item even for a deletion, whose entry no longer links to it.
    events.announce_change(change_id=change.pk, item_id=item.pk, owner_id=item.owner_id)
    return change


def announce_if_became_low(item_id: int, owner_id: int, *, was_low: bool, is_low: bool) -> None:
    """lowStockAlerts fire when an item turns low, not again while it stays low."""
    if is_low and not was_low:
        events.announce_low_stock(item_id=item_id, owner_id=owner_id)


def lock_in_scope(actor: User, item_id: int | str) -> InventoryItem:
    pk = parse_id(item_id, what="Item")
    item = items_in_scope(actor).select_for_update().filter(pk=pk).first()
    if item is None:
        raise NotFound("Item not found.")
    return item


def resolve_owner(actor: User, owner_id: int | str | None) -> User:
    if owner_id is None:
        return actor
    if not rules.can_set_item_owner(actor):
        raise Forbidden("Only a superuser may choose an item's owner.")
    return owner_by_id(owner_id, field="owner_id", what="Owner")


# The cleaners of an item's own fields, shared by every writer (API, admin, import).
ITEM_CLEANERS = {
    "name": lambda v: clean_text("name", v, max_length=NAME_MAX),
    "description": lambda v: clean_text("description", v, max_length=DESCRIPTION_MAX,
                                         required=False),
    "sku": lambda v: clean_optional_text("sku", v, max_length=SKU_MAX),
    "quantity": lambda v: clean_count("quantity", v),
    "price": lambda v: clean_price("price", v),
    "category": lambda v: clean_text("category", v, max_length=CATEGORY_MAX),
    "low_stock_threshold": lambda v: clean_count("low_stock_threshold", v),
}


def clean_item_fields(errors: FieldErrors, given: dict) -> dict:
    """The given item fields cleaned; a field's failure is recorded in errors."""
    return {field: errors.check(field, ITEM_CLEANERS[field], value)
            for field, value in given.items()}


def item_create(
    *,
    actor: User,
    name: str,
    price: Decimal | str,
    category: str,
    description: str = "",
    sku: str | None = None,
    quantity: int = 0,
    low_stock_threshold: int = 5,
    owner_id: int | str | None = None,
) -> InventoryItem:
    """Create an item (owned by the actor unless a superuser names owner_id) and log INITIAL."""
    if not rules.can_create_items(actor):
        raise Forbidden("Workers cannot create items.")
    owner = resolve_owner(actor, owner_id)

    errors = FieldErrors()
    clean = clean_item_fields(errors, {
        "name": name, "description": description, "sku": sku, "quantity": quantity,
        "price": price, "category": category, "low_stock_threshold": low_stock_threshold,
    })
    errors.raise_if_any()

    if clean["sku"] is not None and sku_taken(owner_id=owner.pk, sku=clean["sku"]):
        raise duplicate_sku()
    try:
        with transaction.atomic():
            item = InventoryItem.objects.create(owner=owner, **clean)
            log_change(
                item=item, actor=actor, old_quantity=0, new_quantity=item.quantity,
                reason=StockChangeReason.INITIAL,
            )
            announce_if_became_low(item.pk, owner.pk, was_low=False, is_low=item.is_low_stock)
    except IntegrityError as exc:
        if SKU_CONSTRAINT in str(exc):
            raise duplicate_sku() from exc
        raise
    return item


_ITEM_FIELDS = ("name", "description", "sku", "price", "category", "low_stock_threshold")


def item_update(
    *,
    actor: User,
    item_id: int | str,
    name: str | Unset = UNSET,
    description: str | Unset = UNSET,
    sku: str | None | Unset = UNSET,
    quantity: int | Unset = UNSET,
    price: Decimal | str | Unset = UNSET,
    category: str | Unset = UNSET,
    low_stock_threshold: int | Unset = UNSET,
    reason: str = StockChangeReason.COUNT_CORRECTION,
    note: str = "",
) -> InventoryItem:
    """Change the given fields; absent (UNSET) ones stay. Setting a different
    quantity logs it with reason (COUNT_CORRECTION by default)."""
    given = {
        field: value
        for field, value in (
            ("name", name), ("description", description), ("sku", sku), ("price", price),
            ("category", category), ("low_stock_threshold", low_stock_threshold),
        )
        if value is not UNSET
    }
    try:
        with item_transaction(parse_id(item_id, what="Item")):
            item = lock_in_scope(actor, item_id)
            if given and not rules.can_edit_items(actor):
                raise Forbidden("Workers may change an item's quantity only.")
            if quantity is not UNSET and not rules.can_change_quantity(actor):
                raise Forbidden("You may not change this item's quantity.")

            errors = FieldErrors()
            clean = clean_item_fields(errors, given)
            if quantity is not UNSET:
                quantity = errors.check("quantity", clean_count, "quantity", quantity)
                clean_reason(errors, reason)
                note = errors.check("note", clean_text, "note", note,
                                    max_length=NOTE_MAX, required=False)
            errors.raise_if_any()

            new_sku = clean.get("sku")
            if new_sku is not None and new_sku.lower() != (item.sku or "").lower() and sku_taken(
                owner_id=item.owner_id, sku=new_sku, exclude_pk=item.pk
            ):
                raise duplicate_sku()

            was_low = item.is_low_stock
            changed = [field for field, value in clean.items() if getattr(item, field) != value]
            for field in changed:
                setattr(item, field, clean[field])
            if quantity is not UNSET and set_quantity(
                item=item, actor=actor, quantity=quantity, reason=reason, note=note
            ):
                changed.append("quantity")
            if changed:
                item.save(update_fields=[*changed, "last_updated"])
            announce_if_became_low(item.pk, item.owner_id, was_low=was_low,
                                    is_low=item.is_low_stock)
    except IntegrityError as exc:
        if SKU_CONSTRAINT in str(exc):
            raise duplicate_sku() from exc
        raise
    return item


def set_quantity(*, item: InventoryItem, actor: User, quantity: int, reason: str,
                 note: str = "") -> ItemChange | None:
    """Set a locked item's quantity in memory and log the change, if it is one. The
    caller saves the item (with its other changed fields) in the same transaction."""
    old_quantity = item.quantity
    if quantity == old_quantity:
        return None
    item.quantity = quantity
    return log_change(item=item, actor=actor, old_quantity=old_quantity,
                       new_quantity=quantity, reason=reason, note=note)


def item_delete(*, actor: User, item_id: int | str) -> int:
    """Delete an item, logging DELETED (its quantity to 0); its history stays. Returns its id."""
    with item_transaction(parse_id(item_id, what="Item")):
        item = lock_in_scope(actor, item_id)
        if not rules.can_edit_items(actor):
            raise Forbidden("Workers cannot delete items.")
        pk = item.pk
        log_change(
            item=item, actor=actor, old_quantity=item.quantity, new_quantity=0,
            reason=StockChangeReason.DELETED, keep_item_link=False,
        )
        item.delete()
    return pk


def digest(**arguments) -> str:
    text = json.dumps(arguments, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def reused_key() -> Conflict:
    return Conflict("This idempotency key was already used with other arguments.")


def _replay(actor: User, key: str, fingerprint: str) -> ItemChange | None:
    """The change a key already produced for this user, if the arguments match."""
    if StockOperation.objects.filter(user=actor, idempotency_key=key).exists():
        raise reused_key()
    change = ItemChange.objects.filter(user=actor, idempotency_key=key).first()
    if change is not None and change.request_fingerprint != fingerprint:
        raise reused_key()
    return change


_ADJUST_SQL = (
    "UPDATE {table} SET quantity = quantity + %s, last_updated = %s"
    " WHERE id = %s AND CAST(quantity AS BIGINT) + %s BETWEEN 0 AND %s{scope}{expected}"
    " RETURNING quantity, name, owner_id, low_stock_threshold"
)


def stock_adjust(
    *,
    actor: User,
    item_id: int | str,
    delta: int,
    reason: str,
    note: str = "",
    expected_quantity: int | None = None,
    idempotency_key: str | None = None,
) -> ItemChange:
    """Add delta to an item's quantity and log it, in one conditional UPDATE.

    With expected_quantity, apply only if the quantity is still that. With an
    idempotency_key, a retry with the same arguments returns the first change
    (also when both race); the same key with other arguments is a Conflict.
    """
    pk = parse_id(item_id, what="Item")
    errors = FieldErrors()
    clean_adjust_line(errors, delta=delta, expected_quantity=expected_quantity)
    clean_reason(errors, reason)
    note = clean_note(errors, note)
    clean_idempotency_key(errors, idempotency_key)
    errors.raise_if_any()

    fingerprint = ""
    if idempotency_key is not None:
        fingerprint = digest(
            item_id=pk, delta=delta, reason=str(reason), note=note,
            expected_quantity=expected_quantity,
        )
        if (change := _replay(actor, idempotency_key, fingerprint)) is not None:
            return change
    try:
        with item_transaction(pk):
            return apply_adjustment(
                actor=actor, pk=pk, delta=delta, reason=reason, note=note,
                expected_quantity=expected_quantity, idempotency_key=idempotency_key,
                fingerprint=fingerprint,
            )
    except IntegrityError as exc:
        # A concurrent request with the same key committed first: ours rolled back whole.
        if idempotency_key is not None and IDEMPOTENCY_CONSTRAINT in str(exc):
            if (change := _replay(actor, idempotency_key, fingerprint)) is not None:
                return change
        raise


def clean_adjust_line(errors: FieldErrors, *, delta, expected_quantity, prefix: str = "") -> None:
    """The checks of one adjustment's delta and expected quantity (field names prefixed)."""
    if isinstance(delta, bool) or not isinstance(delta, int):
        errors.add(f"{prefix}delta", "Must be a whole number.")
    elif delta == 0:
        errors.add(f"{prefix}delta", "Must not be 0.")
    if expected_quantity is not None:
        errors.check(f"{prefix}expected_quantity", clean_count, "expected_quantity",
                     expected_quantity)


def clean_note(errors: FieldErrors, note: str) -> str:
    return errors.check("note", clean_text, "note", note, max_length=NOTE_MAX, required=False)


def clean_idempotency_key(errors: FieldErrors, key: str | None) -> None:
    if key is not None:
        errors.check("idempotency_key", clean_text, "idempotency_key", key,
                     max_length=IDEMPOTENCY_KEY_MAX, strip=False)


def apply_adjustment(
    *, actor, pk, delta, reason, note, expected_quantity=None, idempotency_key=None,
    fingerprint="", reverts: ItemChange | None = None,
) -> ItemChange:
    """Add delta to item pk in one conditional UPDATE and log it; call inside a transaction.
    NotFound/Conflict when the item is out of scope, not as expected or would leave range."""
    sql, params = _adjust_update(actor, pk, delta, expected_quantity)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        raise_adjust_failure(actor, pk, delta, expected_quantity)
    new_quantity, name, item_owner_id, threshold = row
    old_quantity = new_quantity - delta
    item = InventoryItem(pk=pk, name=name, owner_id=item_owner_id, quantity=new_quantity)
    change = log_change(
        item=item, actor=actor, old_quantity=old_quantity, new_quantity=new_quantity,
        reason=reason, note=note, idempotency_key=idempotency_key,
        request_fingerprint=fingerprint, reverts=reverts,
    )
    announce_if_became_low(pk, item_owner_id, was_low=old_quantity < threshold,
                            is_low=new_quantity < threshold)
    return change


def _adjust_update(actor, pk, delta, expected_quantity) -> tuple[str, list]:
    """The conditional UPDATE … RETURNING of an adjustment (no row: out of scope, not as
    expected or out of range), after the checks that need no row."""
    if abs(delta) > MAX_INT:
        raise_adjust_failure(actor, pk, delta, expected_quantity)
    owner_id = rules.scope_owner_id(actor)
    if not rules.can_change_quantity(actor):
        raise NotFound("Item not found.")
    params: list = [
        delta,
        connection.ops.adapt_datetimefield_value(timezone.now()),
        pk,
        delta,
        MAX_INT,
    ]
    scope_sql = expected_sql = ""
    if owner_id is not None:
        scope_sql = " AND owner_id = %s"
        params.append(owner_id)
    if expected_quantity is not None:
        expected_sql = " AND quantity = %s"
        params.append(expected_quantity)
    sql = _ADJUST_SQL.format(
        table=connection.ops.quote_name(InventoryItem._meta.db_table),
        scope=scope_sql,
        expected=expected_sql,
    )
    return sql, params


def raise_adjust_failure(actor: User, pk: int, delta: int, expected_quantity: int | None):
    current = items_in_scope(actor).filter(pk=pk).values_list("quantity", flat=True).first()
    if current is None:
        raise NotFound("Item not found.")
    if expected_quantity is not None and current != expected_quantity:
        raise Conflict(f"The quantity is {current}, not the expected {expected_quantity}.")
    raise Conflict(
        f"Adjusting the quantity {current} by {delta} would leave the range 0 to {MAX_INT:,}."
    )
