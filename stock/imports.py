"""CSV import of items: all rows or none, in one transaction.

The file is read twice, a chunk of rows at a time (memory stays bounded): first to
validate every row and learn which existing items it updates, then, with those items
locked in id order, to write them with bulk statements, each quantity change's log
row built alongside. A row whose sku matches an item of the owner (ignoring case)
updates it; any other row creates an item.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from strawberry.utils.str_converters import to_camel_case

from accounts import rules
from accounts.models import User
from core.errors import Conflict, FieldErrors, Forbidden, InvalidInput
from stock import bulk, events, services
from stock.csvformat import (
    COLUMN_OF_FIELD,
    HEADER_ALIASES,
    REQUIRED_FIELDS,
    read_rows,
    unescape_cell,
)
from stock.models import InventoryItem, ItemChange, StockChangeReason

CHUNK = 1000
MAX_REPORTED_ERRORS = 100
IMPORT_NOTE = "import"
_WHOLE_NUMBER = re.compile(r"^\s*[+-]?\d+\s*$")
_NUMBER_FIELDS = ("quantity", "low_stock_threshold")
_DEFAULTS = {"description": "", "sku": None, "quantity": 0, "low_stock_threshold": 5}


@dataclass
class RowError:
    line: int
    field: str | None
    messages: list[str]


@dataclass
class ImportResult:
    dry_run: bool
    applied: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    error_count: int = 0
    errors: list[RowError] = field(default_factory=list)

    def add_error(self, line: int, field_name: str | None, messages: list[str]) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(RowError(line, field_name, messages))


class _Abort(Exception):
    """Ends a pass: the file cannot be read on (not UTF-8, broken CSV, too many rows)."""


@dataclass
class _Row:
    line: int
    values: dict           # item field -> cleaned value, only the columns given
    existing_id: int | None


class _Importer:
    def __init__(self, *, actor: User, owner: User, binary, result: ImportResult) -> None:
        self.actor, self.owner, self.binary, self.result = actor, owner, binary, result
        self.max_rows = settings.IMPORT_MAX_ROWS
        # The owner's items by lower-case sku: which rows update.
        self.by_sku = dict(
            InventoryItem.objects.filter(owner=owner, sku__isnull=False)
            .annotate(sku_lower=Lower("sku")).values_list("sku_lower", "pk")
        )
        self.username = actor.get_username()

    # Reading -----------------------------------------------------------------------

    def _header(self, cells: list[str]) -> list[str]:
        fields, seen = [], set()
        for cell in cells:
            name = unescape_cell(cell).strip()
            item_field = HEADER_ALIASES.get(name.lower())
            if item_field is None:
                self.result.add_error(1, name or None, [f"Unknown column {name!r}."])
            elif item_field in seen:
                self.result.add_error(1, COLUMN_OF_FIELD[item_field], ["Repeated column."])
            seen.add(item_field)
            fields.append(item_field)
        for required in REQUIRED_FIELDS:
            if required not in seen:
                self.result.add_error(1, COLUMN_OF_FIELD[required], ["This column is required."])
        return fields

    def _rows(self):
        """(line, {field: raw text}) of each data row; header and file errors recorded."""
        self.binary.seek(0)
        rows = read_rows(self.binary)
        line = 1
        try:
            try:
                first = next(rows, None)
                if first is None:
                    self.result.add_error(1, None, ["The file is empty: a header row is needed."])
                    return
                fields = self._header(first[1])
                count = 0
                for line, cells in rows:
                    count += 1
                    if count > self.max_rows:
                        self.result.add_error(line, None, [
                            f"The file has more than {self.max_rows:,} rows."])
                        return
                    if len(cells) != len(fields):
                        self.result.add_error(line, None, [
                            f"Expected {len(fields)} cells, found {len(cells)}."])
                        continue
                    yield line, {name: unescape_cell(cell)
                                 for name, cell in zip(fields, cells, strict=True) if name}
            except UnicodeDecodeError:
                self.result.add_error(line + 1, None, ["The file is not UTF-8 text."])
            except Exception as exc:  # csv.Error: a broken quote, a field over csv's limit
                if exc.__class__.__module__ != "_csv":
                    raise
                self.result.add_error(line + 1, None, [f"Unreadable CSV: {exc}."])
        finally:
            rows.close()

    def _clean(self, line: int, raw: dict, seen: dict[str, int]) -> _Row | None:
        errors = FieldErrors()
        given = {}
        for name, text in raw.items():
            if name in _NUMBER_FIELDS:
                if not text.strip():
                    continue  # an empty number cell: absent
                given[name] = int(text) if _WHOLE_NUMBER.match(text) else text
            else:
                given[name] = text
        values = services.clean_item_fields(errors, given)
        sku = values.get("sku")
        existing_id = None
        if sku is not None:
            key = sku.lower()
            if key in seen:
                errors.add("sku", f"This SKU is already on line {seen[key]}.")
            else:
                seen[key] = line
                existing_id = self.by_sku.get(key)
        if errors.errors:
            for name, messages in errors.errors.items():
                self.result.add_error(line, to_camel_case(COLUMN_OF_FIELD.get(name, name)),
                                      messages)
            return None
        return _Row(line, values, existing_id)

    def _chunks(self):
        """Valid rows, CHUNK at a time; problems are recorded in line order."""
        seen: dict[str, int] = {}
        chunk: list[_Row] = []
        for line, raw in self._rows():
            if (row := self._clean(line, raw, seen)) is not None:
                chunk.append(row)
            if len(chunk) == CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    # Passes ------------------------------------------------------------------------

    def validate(self) -> set[int]:
        """Count what the file would do; the ids of the items it would update."""
        matched: set[int] = set()
        for rows in self._chunks():
            existing = _current([r.existing_id for r in rows if r.existing_id])
            for row in rows:
                if row.existing_id is None:
                    self.result.created += 1
                    continue
                matched.add(row.existing_id)
                if _changed_fields(existing[row.existing_id], row.values):
                    self.result.updated += 1
                else:
                    self.result.unchanged += 1
        return matched

    def apply(self, matched: set[int]) -> None:
        ordered = sorted(matched)
        for start in range(0, len(ordered), 5000):  # lock in id order, as every writer does
            list(InventoryItem.objects.select_for_update().filter(
                pk__in=ordered[start:start + 5000]).order_by("pk").values_list("pk"))
        for rows in self._chunks():
            self._write_chunk(rows)

    def _write_chunk(self, rows: list[_Row]) -> None:
        now = timezone.now()
        owner_id = self.owner.pk
        new = [{**_DEFAULTS, **row.values} for row in rows if row.existing_id is None]
        new_ids = bulk.insert(InventoryItem, _ITEM_COLUMNS, [
            (owner_id, *(item[name] for name in _ITEM_FIELDS), now, now) for item in new])
        log = [self._entry(pk, item["name"], 0, item["quantity"], StockChangeReason.INITIAL,
                           "", now) for pk, item in zip(new_ids, new, strict=True)]
        low = [pk for pk, item in zip(new_ids, new, strict=True)
               if item["quantity"] < item["low_stock_threshold"]]

        existing = _current([r.existing_id for r in rows if r.existing_id])
        updates = []
        for row in rows:
            if row.existing_id is None:
                continue
            item = existing[row.existing_id]
            if not _changed_fields(item, row.values):
                continue
            was_low = item["quantity"] < item["low_stock_threshold"]
            after = {**item, **row.values}
            updates.append((row.existing_id, *(after[name] for name in _ITEM_FIELDS), now))
            if after["quantity"] != item["quantity"]:
                log.append(self._entry(row.existing_id, after["name"], item["quantity"],
                                       after["quantity"], StockChangeReason.COUNT_CORRECTION,
                                       IMPORT_NOTE, now))
            if after["quantity"] < after["low_stock_threshold"] and not was_low:
                low.append(row.existing_id)
        bulk.update(InventoryItem, _UPDATED_COLUMNS, updates)
        change_ids = bulk.insert(ItemChange, _CHANGE_COLUMNS, log)
        events.announce_changes([(change_id, entry[0], owner_id)
                                 for change_id, entry in zip(change_ids, log, strict=True)])
        events.announce_low_stocks([(pk, owner_id) for pk in low])

    def _entry(self, item_id, name, old, new, reason, note, now) -> tuple:
        """A log row, in the order of _CHANGE_COLUMNS."""
        return (item_id, item_id, name, self.owner.pk, self.actor.pk, self.username, old,
                new, new - old, reason, note, "", now)


_ITEM_FIELDS = ("name", "description", "sku", "price", "category", "quantity",
                "low_stock_threshold")
_ITEM_COLUMNS = ("owner_id", *_ITEM_FIELDS, "date_added", "last_updated")
_UPDATED_COLUMNS = (*_ITEM_FIELDS, "last_updated")
_CHANGE_COLUMNS = ("item_id", "item_key", "item_name", "owner_id", "user_id", "username",
                   "old_quantity", "new_quantity", "delta", "reason", "note",
                   "request_fingerprint", "timestamp")


def _current(ids: list[int]) -> dict[int, dict]:
    """The stored fields of these items, by id."""
    return {values["id"]: values for values in
            InventoryItem.objects.filter(pk__in=ids).values("id", *_ITEM_FIELDS)}


def _changed_fields(item: dict, values: dict) -> list[str]:
    return [name for name, value in values.items() if item[name] != value]


def import_items(*, actor: User, file, owner_id: int | str | None = None,
                 dry_run: bool = False) -> ImportResult:
    """Import a CSV file (a binary, seekable file object); see docs/api.md."""
    if not rules.can_create_items(actor):
        raise Forbidden("Workers cannot import items.")
    owner = services.resolve_owner(actor, owner_id)
    if not (hasattr(file, "read") and hasattr(file, "seek")):
        raise InvalidInput.single(
            "file", "Send the file as a GraphQL multipart request (multipart/form-data).")
    size = getattr(file, "size", None)
    if size is not None and size > settings.IMPORT_MAX_BYTES:
        raise InvalidInput.single(
            "file", f"The file is larger than {settings.IMPORT_MAX_BYTES:,} bytes.")
    result = ImportResult(dry_run=dry_run)
    importer = _Importer(actor=actor, owner=owner, binary=file, result=result)
    if dry_run:
        importer.validate()
        return result
    try:
        with transaction.atomic():
            matched = importer.validate()
            if result.error_count:
                return result
            importer.apply(matched)
            if result.error_count:  # the data changed between the passes
                transaction.set_rollback(True)
                return result
            result.applied = True
    except IntegrityError as exc:
        if services.SKU_CONSTRAINT in str(exc):
            raise Conflict("An item with one of these SKUs was created meanwhile; "
                           "nothing was imported.") from exc
        raise
    return result
