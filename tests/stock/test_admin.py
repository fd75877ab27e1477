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
