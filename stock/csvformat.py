"""The CSV format of item files: columns, dialect detection, formula escaping."""

import codecs
import csv
import itertools

# Column header -> item field, in the order exports write them.
ITEM_COLUMNS = {
    "sku": "sku",
    "name": "name",
    "description": "description",
    "category": "category",
    "price": "price",
    "quantity": "quantity",
    "lowStockThreshold": "low_stock_threshold",
}
# Headers are read ignoring case; the snake_case spelling is accepted too.
HEADER_ALIASES = {
    **{column.lower(): field for column, field in ITEM_COLUMNS.items()},
    "low_stock_threshold": "low_stock_threshold",
}
COLUMN_OF_FIELD = {field: column for column, field in ITEM_COLUMNS.items()}
REQUIRED_FIELDS = ("name", "category", "price")
DELIMITERS = (",", ";", "\t")

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unescape_cell(text: str) -> str:
    """Undo escape_cell: the quote goes only where escape_cell would have put it."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


class _Echo:
    def write(self, value: str) -> str:
        return value


def row_writer():
    """A function turning one row of values into one escaped CSV line (CRLF, Excel's)."""
    writer = csv.writer(_Echo())
    return lambda values: writer.writerow([escape_cell(value) for value in values])


def _delimiter(first_line: str) -> str:
    """The delimiter the header row uses most (outside quotes)."""
    counts = {delimiter: 0 for delimiter in DELIMITERS}
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return max(DELIMITERS, key=lambda d: counts[d])


def _text_lines(binary, chunk_size: int = 1 << 16):
    """Lines of a UTF-8 binary file (a BOM dropped), ends kept, a chunk read at a time.
    Unlike io.TextIOWrapper it never closes the file, which an import reads twice."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    pending = ""
    while True:
        data = binary.read(chunk_size)
        pending += decoder.decode(data, final=not data)
        *complete, pending = pending.split("\n")
        for line in complete:
            yield line + "\n"
        if not data:
            break
    if pending:
        yield pending


def read_rows(binary):
    """Rows of a UTF-8 file (BOM or not), its delimiter detected from the header row.

    Yields (line, cells) with line the physical line where the row starts (1 = header).
    An Excel `sep=;` first line names the delimiter and is skipped. UnicodeDecodeError
    propagates (the file is not UTF-8).
    """
    lines = _text_lines(binary)
    first = next(lines, "")
    line_offset = 0
    if first.lower().startswith("sep=") and len(first.rstrip("\r\n")) == 5:
        delimiter = first[4]
        first = next(lines, "")
        line_offset = 1
    else:
        delimiter = _delimiter(first)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter, strict=False)
    start = 1
    for cells in reader:
        if cells:  # blank lines are skipped
            yield start + line_offset, cells
        start = reader.line_num + 1
