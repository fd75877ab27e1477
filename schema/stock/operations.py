"""Stock operations of many lines (batch, stocktake, import) and reverting a change:
thin wrappers over stock.batches and stock.imports."""

from typing import Annotated

import strawberry
import strawberry_django
from strawberry.file_uploads import Upload
from strawberry.types import Info
from strawberry_django.auth.utils import get_current_user

from accounts import rules
from schema.convert import input_kwargs, plain
from schema.permissions import IsActiveUser, RoleAllows
from schema.stock.types import ItemChangeType, StockChangeReason
from stock import batches, imports


@strawberry.input(description="One line of a batch adjustment.")
class AdjustLineInput:
    item_id: strawberry.ID = strawberry.field(description="The item to adjust.")
    delta: int = strawberry.field(description="Added to the quantity; not 0.")
    expected_quantity: int | None = strawberry.field(
        default=None, description="Apply only if the item's quantity is still this."
    )


@strawberry.input(description="Several deltas with one reason (a delivery, a sales order).")
class AdjustStockBatchInput:
    lines: list[AdjustLineInput] = strawberry.field(
        description="1 to 100 lines, an item at most once; every line applies or none does."
    )
    reason: StockChangeReason = strawberry.field(description="Logged with every line.")
    note: str = strawberry.field(default="", description="Logged with every line.")
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="At most 64 characters, per user: a retry with the same arguments "
                    "returns the first result.",
    )


@strawberry.input(description="One counted item of a stocktake.")
class CountLineInput:
    item_id: strawberry.ID = strawberry.field(description="The item counted.")
    quantity: int = strawberry.field(description="The quantity counted on the shelf.")
    expected_quantity: int | None = strawberry.field(
        default=None, description="Apply only if the stored quantity is still this."
    )


@strawberry.input(description="A stocktake: counted quantities.")
class CountStockInput:
    counts: list[CountLineInput] = strawberry.field(
        description="1 to 1,000 lines, an item at most once; all lines apply or none."
    )
    note: str = strawberry.field(default="", description="Logged with every correction.")
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="At most 64 characters, per user: a retry with the same arguments "
                    "returns the first result.",
    )


@strawberry.type(description="What a stocktake changed.")
class CountResult:
    changes: list[ItemChangeType] = strawberry.field(
        description="One COUNT_CORRECTION per counted quantity that differed, in line order."
    )
    unchanged: int = strawberry.field(description="Lines whose count matched the stored quantity.")


@strawberry.input(description="A CSV file of items to create or update.")
class ImportItemsInput:
    file: Upload = strawberry.field(
        description="The CSV file, sent as a GraphQL multipart request (see the README)."
    )
    dry_run: bool = strawberry.field(
        default=False, description="Validate and count only; nothing is written."
    )
    owner_id: strawberry.ID | None = strawberry.field(
        default=None, description="Superuser only; default: the caller."
    )


@strawberry.type(description="One problem of an import, by line.")
class ImportRowError:
    line: int = strawberry.field(description="The file's line where the row starts; 1 = header.")
    field: str | None = strawberry.field(description="The column, if the problem is one cell's.")
    messages: list[str] = strawberry.field(description="What is wrong.")


@strawberry.type(description="The outcome of an import.")
class ImportResult:
    dry_run: bool = strawberry.field(description="Whether this was a dry run.")
    applied: bool = strawberry.field(description="Whether the rows were written (all of them).")
    created: int = strawberry.field(description="Rows that create an item.")
    updated: int = strawberry.field(description="Rows that change an existing item.")
    unchanged: int = strawberry.field(description="Rows that match an item exactly.")
    error_count: int = strawberry.field(description="All problems found.")
    errors: list[ImportRowError] = strawberry.field(description="The first 100 problems.")


def _lines(lines) -> list[dict]:
    return [input_kwargs(line) for line in lines]


@strawberry.type
class StockOperationMutations:
    @strawberry_django.mutation(
        handle_django_errors=False, extensions=[IsActiveUser()],
        description="Apply several deltas with one reason in one transaction: all lines or "
                    "none. A failing line is named as lines.<index>: BAD_USER_INPUT "
                    "(fieldErrors lines.<index>.<field>), NOT_FOUND or CONFLICT (out of range, "
                    "expectedQuantity differs, idempotencyKey reused with other arguments).",
    )
    def adjust_stock_batch(
        self, info: Info,
        input: Annotated[AdjustStockBatchInput, strawberry.argument(
            description="The lines, their reason and note.")],
    ) -> list[ItemChangeType]:
        return batches.stock_adjust_batch(
            actor=get_current_user(info), lines=_lines(input.lines), reason=plain(input.reason),
            note=input.note, idempotency_key=input.idempotency_key,
        )

    @strawberry_django.mutation(
        handle_django_errors=False, extensions=[IsActiveUser()],
        description="Record a stocktake: each counted quantity that differs is logged as "
                    "COUNT_CORRECTION; all lines or none. Workers may count. A failing line is "
                    "named as counts.<index> (BAD_USER_INPUT, NOT_FOUND, CONFLICT).",
    )
    def count_stock(
        self, info: Info,
        input: Annotated[CountStockInput, strawberry.argument(description="The counted lines.")],
    ) -> CountResult:
        changes, unchanged = batches.stock_count(
            actor=get_current_user(info), counts=_lines(input.counts), note=input.note,
            idempotency_key=input.idempotency_key,
        )
        return CountResult(changes=changes, unchanged=unchanged)

    @strawberry_django.mutation(
        handle_django_errors=False, extensions=[IsActiveUser()],
        description="Undo a logged change: append a REVERSAL with the opposite delta. "
                    "INITIAL, DELETED and REVERSAL entries: BAD_USER_INPUT; already reverted, "
                    "out of range or the item deleted: CONFLICT.",
    )
    def revert_change(
        self, info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The change to undo.")],
        note: Annotated[str, strawberry.argument(description="Logged with the reversal.")] = "",
    ) -> ItemChangeType:
        return batches.change_revert(actor=get_current_user(info), change_id=id, note=note)

    @strawberry_django.mutation(
        handle_django_errors=False,
        extensions=[RoleAllows(rules.can_create_items, "Workers cannot import items.")],
        description="Create and update items from a CSV file: all rows or none; problems "
                    "are listed in the result by line. Owners and superusers only (FORBIDDEN); "
                    "send it as a GraphQL multipart request (README: CSV import).",
    )
    def import_items(
        self, info: Info,
        input: Annotated[ImportItemsInput, strawberry.argument(
            description="The file and how to import it.")],
    ) -> ImportResult:
        result = imports.import_items(
            actor=get_current_user(info), file=input.file, owner_id=input.owner_id,
            dry_run=input.dry_run,
        )
        return ImportResult(
            dry_run=result.dry_run, applied=result.applied, created=result.created,
            updated=result.updated, unchanged=result.unchanged, error_count=result.error_count,
            errors=[ImportRowError(line=e.line, field=e.field, messages=e.messages)
                    for e in result.errors],
        )
