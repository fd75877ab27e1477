"""CSV import (stock.imports) and the CSV format it shares with the exports."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core.errors import Forbidden, InvalidInput
from stock.csvformat import escape_cell, unescape_cell
from stock.imports import import_items
from stock.models import InventoryItem, ItemChange
from tests.factories import make_item


def run(actor, text, **kwargs):
    data = text.encode() if isinstance(text, str) else text
    return import_items(actor=actor, file=io.BytesIO(data), **kwargs)


def items_of(owner):
    return {item.sku or item.name: item for item in InventoryItem.objects.filter(owner=owner)}


def state():
    return (sorted(InventoryItem.objects.values_list("pk", "name", "quantity", "price")),
            ItemChange.objects.count())


def test_creates_and_updates_by_sku_ignoring_case(owner):
    existing = make_item(owner, sku="AB-1", quantity=3, name="Old name")
    result = run(owner, "name,category,price,sku,quantity\n"
                        "New name,Tools,2.50,ab-1,7\n"
                        "Hammer,Tools,12,,4\n")
    assert (result.applied, result.created, result.updated, result.unchanged) == (True, 1, 1, 0)
    existing.refresh_from_db()
    assert (existing.name, existing.quantity, existing.price) == ("New name", 7, Decimal("2.50"))
    correction = ItemChange.objects.filter(item=existing).latest("id")
    assert (correction.reason, correction.note, correction.delta) == ("COUNT_CORRECTION",
                                                                      "import", 4)
    hammer = InventoryItem.objects.get(owner=owner, name="Hammer")
    initial = ItemChange.objects.get(item=hammer)
    assert (initial.reason, initial.new_quantity, hammer.low_stock_threshold) == ("INITIAL", 4, 5)


def test_absent_columns_stay(owner):
    item = make_item(owner, sku="S1", quantity=9, description="kept", low_stock_threshold=2)
    result = run(owner, "SKU,Name,Category,Price\nS1,Renamed,General,9.99\n")
    assert result.updated == 1
    item.refresh_from_db()
    assert (item.name, item.quantity, item.description, item.low_stock_threshold) == (
        "Renamed", 9, "kept", 2)
    assert ItemChange.objects.filter(item=item).count() == 1  # no quantity change, no entry


@pytest.mark.parametrize("text", [
    "\ufeffname,category,price,quantity\nBolt,Hardware,0.10,100\n",
    "name;category;price;quantity\r\nBolt;Hardware;0.10;100\r\n",
    "name\tcategory\tprice\tquantity\nBolt\tHardware\t0.10\t100\n",
    'sep=;\r\n"name";"category";"price";"quantity"\r\n"Bolt";"Hardware";"0.10";"100"\r\n',
])
def test_dialects(owner, text):
    result = run(owner, text)
    assert (result.applied, result.created, result.error_count) == (True, 1, 0)
    bolt = InventoryItem.objects.get(owner=owner)
    assert (bolt.name, bolt.category, bolt.price, bolt.quantity) == (
        "Bolt", "Hardware", Decimal("0.10"), 100)


def test_excel_style_quoted_fields_with_newlines_and_quotes(owner):
    text = ('name,category,price,description\r\n'
            '"Shelf, oak","Furniture","99.00","2 m wide\r\nsays ""solid"""\r\n'
            'Lamp,Light,5,\r\n'
            'Desk,Furniture,120,"x"\r\n')
    result = run(owner, text)
    assert result.created == 3
    shelf = InventoryItem.objects.get(name="Shelf, oak")
    assert shelf.description == '2 m wide\r\nsays "solid"'


def test_errors_by_line_and_nothing_applied(owner):
    before = state()
    text = ("name,category,price,quantity,sku\n"
            "Good,C,1,1,A\n"           # line 2
            '"Multi\nline",C,1.234,1,\n'  # line 3-4: price
            "Bad,C,1,-3,\n"            # line 5: quantity
            "Twice,C,1,1,a\n"          # line 6: repeated sku
            "Short,C\n")               # line 7: cell count
    result = run(owner, text)
    assert not result.applied and result.error_count == 4
    assert [(e.line, e.field) for e in result.errors] == [
        (3, "price"), (5, "quantity"), (6, "sku"), (7, None)]
    assert "already on line 2" in result.errors[2].messages[0]
    assert state() == before


def test_header_problems_are_line_one(owner):
    result = run(owner, "name,qty,price,name\nA,1,1,B\n")
    assert {(e.line, e.field) for e in result.errors} == {
        (1, "qty"), (1, "name"), (1, "category")}
    assert run(owner, "").errors[0].line == 1


def test_dry_run_counts_and_changes_nothing(owner):
    make_item(owner, sku="K", quantity=1)
    before = state()
    result = run(owner, "sku,name,category,price,quantity\nK,Item,General,9.99,5\n"
                        "N,New,General,1,1\n", dry_run=True)
    assert (result.dry_run, result.applied, result.created, result.updated) == (
        True, False, 1, 1)
    assert state() == before


def test_formula_escaping_both_ways():
    for text in ["=SUM(A1)", "+1", "-2", "@x", "\tx", "\rx"]:
        assert escape_cell(text) == "'" + text
        assert unescape_cell(escape_cell(text)) == text
    assert escape_cell("plain") == "plain" and unescape_cell("'plain") == "'plain"


def test_import_strips_the_formula_quote(owner):
    run(owner, "name,category,price\n'=HYPERLINK(1),'-misc,1\n")
    item = InventoryItem.objects.get(owner=owner)
    assert (item.name, item.category) == ("=HYPERLINK(1)", "-misc")


def test_not_utf8(owner):
    result = run(owner, "name,category,price\nCaf\xe9,C,1\n".encode("latin-1"))
    assert not result.applied and "UTF-8" in result.errors[0].messages[0]


def test_row_and_size_limits(owner, settings):
    settings.IMPORT_MAX_ROWS = 2
    result = run(owner, "name,category,price\n" + "A,C,1\n" * 3)
    assert not result.applied and result.errors[-1].line == 4
    settings.IMPORT_MAX_BYTES = 10
    upload = io.BytesIO(b"name,category,price\nA,C,1\n")
    upload.size = len(upload.getvalue())
    with pytest.raises(InvalidInput) as error:
        import_items(actor=owner, file=upload)
    assert "file" in error.value.field_errors


def test_at_most_100_errors_are_listed(owner):
    result = run(owner, "name,category,price\n" + "A,C,x\n" * 150)
    assert result.error_count == 150 and len(result.errors) == 100


def test_rights(worker, owner, superuser, other_owner):
    with pytest.raises(Forbidden):
        run(worker, "name,category,price\nA,C,1\n")
    with pytest.raises(Forbidden):
        run(owner, "name,category,price\nA,C,1\n", owner_id=other_owner.pk)
    run(superuser, "name,category,price\nA,C,1\n", owner_id=other_owner.pk)
    assert InventoryItem.objects.get().owner == other_owner


def test_management_command(owner, tmp_path, capsys):
    path = tmp_path / "items.csv"
    path.write_text("name,category,price,quantity\nBolt,Hardware,0.10,3\n")
    call_command("import_items", str(path), "--owner", owner.username, "--dry-run")
    assert not InventoryItem.objects.exists()
    assert "created 1" in capsys.readouterr().out
    call_command("import_items", str(path), "--owner", owner.username)
    change = ItemChange.objects.get()
    assert (change.reason, change.user, change.new_quantity) == ("INITIAL", owner, 3)
    path.write_text("name,category,price\nBolt,Hardware,x\n")
    with pytest.raises(CommandError, match="line 2"):
        call_command("import_items", str(path), "--owner", owner.username)
    with pytest.raises(CommandError):
        call_command("import_items", str(path), "--owner", "nobody")
