"""Admin edits go through the services, so they are logged."""

import pytest

from stock.models import InventoryItem, ItemChange
from tests.factories import make_item


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


FORM = {"name": "Widget", "description": "", "sku": "", "quantity": "4", "price": "2.50",
        "category": "Parts", "low_stock_threshold": "5"}


def test_admin_create_logs_initial(admin_client, owner):
    response = admin_client.post("/admin/stock/inventoryitem/add/", {**FORM, "owner": owner.pk})
    assert response.status_code == 302
    item = InventoryItem.objects.get()
    assert item.owner == owner
    change = ItemChange.objects.get(item=item)
    assert (change.reason, change.old_quantity, change.new_quantity) == ("INITIAL", 0, 4)


def test_admin_quantity_edit_is_logged(admin_client, owner, superuser):
    item = make_item(owner, name="Widget", category="Parts", quantity=4)
    response = admin_client.post(f"/admin/stock/inventoryitem/{item.pk}/change/",
                                 {**FORM, "quantity": "9"})
    assert response.status_code == 302
    change = ItemChange.objects.filter(item=item).order_by("-id").first()
    assert (change.reason, change.old_quantity, change.new_quantity, change.user) == (
        "COUNT_CORRECTION", 4, 9, superuser)


def test_admin_rejects_bad_price_without_saving(admin_client, owner):
    response = admin_client.post("/admin/stock/inventoryitem/add/",
                                 {**FORM, "owner": owner.pk, "price": "1.234"})
    assert response.status_code == 200
    assert "decimal places" in response.content.decode()
    assert not InventoryItem.objects.exists()


def test_admin_delete_is_logged(admin_client, owner):
    item = make_item(owner, quantity=3)
    response = admin_client.post(f"/admin/stock/inventoryitem/{item.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not InventoryItem.objects.exists()
    assert ItemChange.objects.order_by("-id").first().reason == "DELETED"


def test_change_log_is_read_only_in_admin(admin_client, owner):
    change = make_item(owner).changes.get()
    assert admin_client.get("/admin/stock/itemchange/add/").status_code == 403
    response = admin_client.post(f"/admin/stock/itemchange/{change.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert ItemChange.objects.filter(pk=change.pk).exists()


def test_admin_import_page_goes_through_the_import_service(admin_client, owner):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = admin_client.get("/admin/stock/inventoryitem/import/")
    assert page.status_code == 200
    assert b"/admin/stock/inventoryitem/import/" in admin_client.get(
        "/admin/stock/inventoryitem/").content
    csv_file = SimpleUploadedFile("items.csv", b"name,category,price,quantity\nBolt,H,1,3\n")
    response = admin_client.post("/admin/stock/inventoryitem/import/",
                                 {"file": csv_file, "owner": owner.pk, "dry_run": "on"})
    assert b"Dry run: created 1" in response.content and not InventoryItem.objects.exists()
    csv_file = SimpleUploadedFile("items.csv", b"name,category,price,quantity\nBolt,H,1,3\n")
    admin_client.post("/admin/stock/inventoryitem/import/", {"file": csv_file, "owner": owner.pk})
    change = ItemChange.objects.get()
    assert (change.reason, change.owner, change.new_quantity) == ("INITIAL", owner, 3)
    bad = SimpleUploadedFile("items.csv", b"name,category,price\nBolt,H,x\n")
    response = admin_client.post("/admin/stock/inventoryitem/import/", {"file": bad})
    assert b"1 problem(s)" in response.content and b"<td>price</td>" in response.content
    assert InventoryItem.objects.count() == 1


def test_admin_export_action_streams_the_selected_items(admin_client, owner):
    chosen = make_item(owner, name="=chosen", sku="C")
    make_item(owner, name="other")
    response = admin_client.post("/admin/stock/inventoryitem/", {
        "action": "export_csv", "_selected_action": [chosen.pk]})
    text = b"".join(response.streaming_content).decode()
    assert text.splitlines() == [
        "sku,name,description,category,price,quantity,lowStockThreshold",
        "C,'=chosen,,General,9.99,10,5"]
