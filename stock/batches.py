"""Writes of many lines at once (a delivery, a stocktake) and reverting a logged change.

Each runs in one transaction: every line applies or none does, and every line writes
its own ItemChange. The items are locked in id order before any is written, so two
batches over the same items wait for each other instead of deadlocking.
"""

from collections.abc import Callable

from django.db import IntegrityError, transaction

from accounts import rules
from accounts.models import User
from core.errors import Conflict, FieldErrors, Forbidden, NotFound, ServiceError
from core.ids import parse_id
from stock import services
from stock.admission import item_transaction
from stock.models import UNREVERTIBLE_REASONS, ItemChange, StockChangeReason, StockOperation
from stock.selectors import changes_in_scope, items_in_scope

MAX_BATCH_LINES = 100
MAX_COUNT_LINES = 1000
OPERATION_CONSTRAINT = "stock_operation_idempotency_key_per_user"
REVERTS_CONSTRAINT = "reverts_id"


def _at_line(field: str, index: int, exc: ServiceError) -> ServiceError:
    """The same error, its message naming the failing line."""
    failure = type(exc)(f"{field}.{index}: {exc.message}")
    failure.__cause__ = exc
    return failure


def _parse_lines(field: str, lines: list[dict], *, max_lines: int, errors: FieldErrors
                 ) -> list[int]:
    """The item ids of the lines (NotFound naming a malformed one); size and repeats
    are recorded in errors."""
    if not 1 <= len(lines) <= max_lines:
        errors.add(field, f"Give from 1 to {max_lines:,} lines (got {len(lines):,}).")
    pks: list[int] = []
    first_line: dict[int, int] = {}
    for index, line in enumerate(lines):
        try:
            pk = parse_id(line["item_id"], what="Item")
        except NotFound as exc:
            raise _at_line(field, index, exc) from None
        if pk in first_line:
            errors.add(f"{field}.{index}.item_id", f"The item is already in line {first_line[pk]}.")
        first_line.setdefault(pk, index)
        pks.append(pk)
    return pks


def _lock_lines(actor: User, field: str, pks: list[int]) -> dict:
    """Lock the lines' items in id order; NotFound names the first line out of scope."""
    items = items_in_scope(actor).select_for_update().filter(pk__in=pks).order_by("pk")
    locked = {item.pk: item for item in items}
    for index, pk in enumerate(pks):
        if pk not in locked:
            raise _at_line(field, index, NotFound("Item not found."))
    return locked


def _replay_operation(actor: User, key: str, kind: str, fingerprint: str):
    """(changes, unchanged) of the operation a key already ran, if its arguments match."""
    operation = StockOperation.objects.filter(user=actor, idempotency_key=key).first()
    if operation is None:
        if ItemChange.objects.filter(user=actor, idempotency_key=key).exists():
            raise services.reused_key()
        return None
    if operation.kind != kind or operation.request_fingerprint != fingerprint:
        raise services.reused_key()
    by_id = ItemChange.objects.select_related("item").in_bulk(operation.change_ids)
    return [by_id[pk] for pk in operation.change_ids], operation.unchanged


def _run_once(actor: User, key: str | None, kind: str, fingerprint: str,
              run: Callable[[], tuple[list[ItemChange], int]]):
    """Run in one transaction; with a key, a retry (also a racing one) gets the first result."""
    if key is None:
        with transaction.atomic():
            return run()
    if (done := _replay_operation(actor, key, kind, fingerprint)) is not None:
        return done
    try:
        with transaction.atomic():
            # Inserted first: a racing retry waits on this key, then replays our result.
            operation = StockOperation.objects.create(
                user=actor, idempotency_key=key, kind=kind, request_fingerprint=fingerprint)
            changes, unchanged = run()
            operation.change_ids = [change.pk for change in changes]
            operation.unchanged = unchanged
            operation.save(update_fields=["change_ids", "unchanged"])
            return changes, unchanged
    except IntegrityError as exc:
        if OPERATION_CONSTRAINT in str(exc):
            if (done := _replay_operation(actor, key, kind, fingerprint)) is not None:
                return done
        raise


def stock_adjust_batch(
    *, actor: User, lines: list[dict], reason: str, note: str = "",
    idempotency_key: str | None = None,
) -> list[ItemChange]:
    """Apply each line's delta (lines: dicts of item_id, delta, expected_quantity) with one
    reason, all or none. Returns the changes in the lines' order."""
    if not rules.can_change_quantity(actor):  # before input; a line's scope when its row locks
        raise Forbidden("You may not change quantities.")
    errors = FieldErrors()
    pks = _parse_lines("lines", lines, max_lines=MAX_BATCH_LINES, errors=errors)
    for index, line in enumerate(lines):
        services.clean_adjust_line(errors, delta=line["delta"],
                                   expected_quantity=line.get("expected_quantity"),
                                   prefix=f"lines.{index}.")
    services.clean_reason(errors, reason)
    note = services.clean_note(errors, note)
    services.clean_idempotency_key(errors, idempotency_key)
    errors.raise_if_any()

    def run():
        _lock_lines(actor, "lines", pks)
        changes: dict[int, ItemChange] = {}
        for index in sorted(range(len(lines)), key=pks.__getitem__):
            line = lines[index]
            try:
                changes[index] = services.apply_adjustment(
                    actor=actor, pk=pks[index], delta=line["delta"], reason=reason, note=note,
                    expected_quantity=line.get("expected_quantity"),
                )
            except (Conflict, NotFound) as exc:
                raise _at_line("lines", index, exc) from None
        return [changes[index] for index in range(len(lines))], 0

    fingerprint = services.digest(
        lines=[[pk, line["delta"], line.get("expected_quantity")]
               for pk, line in zip(pks, lines, strict=True)],
        reason=str(reason), note=note,
    )
    changes, _ = _run_once(actor, idempotency_key, StockOperation.Kind.BATCH, fingerprint, run)
    return changes


def stock_count(
    *, actor: User, counts: list[dict], note: str = "", idempotency_key: str | None = None,
) -> tuple[list[ItemChange], int]:
    """A stocktake (counts: dicts of item_id, quantity, expected_quantity): each counted
    quantity that differs is logged as COUNT_CORRECTION. Returns (changes in the lines'
    order, number of lines that matched)."""
    if not rules.can_change_quantity(actor):  # before input; a line's scope when its row locks
        raise Forbidden("You may not change quantities.")
    errors = FieldErrors()
    pks = _parse_lines("counts", counts, max_lines=MAX_COUNT_LINES, errors=errors)
    for index, line in enumerate(counts):
        prefix = f"counts.{index}."
        errors.check(f"{prefix}quantity", services.ITEM_CLEANERS["quantity"], line["quantity"])
        if line.get("expected_quantity") is not None:
            errors.check(f"{prefix}expected_quantity", services.ITEM_CLEANERS["quantity"],
                         line["expected_quantity"])
    note = services.clean_note(errors, note)
    services.clean_idempotency_key(errors, idempotency_key)
    errors.raise_if_any()

    def run():
        locked = _lock_lines(actor, "counts", pks)
        changes: dict[int, ItemChange] = {}
        for index in sorted(range(len(counts)), key=pks.__getitem__):
            line, item = counts[index], locked[pks[index]]
            expected = line.get("expected_quantity")
            if expected is not None and item.quantity != expected:
                raise _at_line("counts", index, Conflict(
                    f"The quantity is {item.quantity}, not the expected {expected}."))
            was_low = item.is_low_stock
            change = services.set_quantity(
                item=item, actor=actor, quantity=line["quantity"],
                reason=StockChangeReason.COUNT_CORRECTION, note=note,
            )
            if change is not None:
                item.save(update_fields=["quantity", "last_updated"])
                services.announce_if_became_low(item.pk, item.owner_id, was_low=was_low,
                                                is_low=item.is_low_stock)
                changes[index] = change
        ordered = [changes[index] for index in range(len(counts)) if index in changes]
        return ordered, len(counts) - len(ordered)

    fingerprint = services.digest(
        counts=[[pk, line["quantity"], line.get("expected_quantity")]
                for pk, line in zip(pks, counts, strict=True)],
        note=note,
    )
    return _run_once(actor, idempotency_key, StockOperation.Kind.COUNT, fingerprint, run)


def change_revert(*, actor: User, change_id: int | str, note: str = "") -> ItemChange:
    """Append a REVERSAL with the opposite delta, linked to the change it undoes."""
    pk = parse_id(change_id, what="Change")
    change = changes_in_scope(actor).filter(pk=pk).first()
    if change is None:
        raise NotFound("Change not found.")
    if not rules.can_change_quantity(actor):
        raise Forbidden("You may not change quantities.")
    errors = FieldErrors()
    if change.reason in UNREVERTIBLE_REASONS:
        errors.add("id", f"A {change.reason} entry cannot be reverted.")
    note = services.clean_note(errors, note)
    errors.raise_if_any()
    if change.item_id is None:
        raise Conflict("The item of this change has been deleted.")
    already = Conflict("This change has already been reverted.")
    try:
        with item_transaction(change.item_id):
            services.lock_in_scope(actor, change.item_id)
            if ItemChange.objects.filter(reverts=change).exists():
                raise already
            return services.apply_adjustment(
                actor=actor, pk=change.item_id, delta=-change.delta,
                reason=StockChangeReason.REVERSAL, note=note, reverts=change,
            )
    except IntegrityError as exc:
        if REVERTS_CONSTRAINT in str(exc):
            raise already from exc
        raise
