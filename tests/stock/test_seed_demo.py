from django.core.management import call_command

from accounts.models import Role, User
from stock.models import InventoryItem, ItemChange


def test_seed_demo_is_idempotent_and_consistent(db, capsys):
    call_command("seed_demo")
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "demo_owner" in out and "nothing added" in out
    owner = User.objects.get(username="demo_owner", role=Role.OWNER)
    assert User.objects.get(username="demo_worker").employer == owner
    items = InventoryItem.objects.filter(owner=owner)
    assert 25 <= items.count() <= 35
    assert items.values("category").distinct().count() >= 4
    assert ItemChange.objects.exclude(reason="INITIAL").exists()
    for item in items:
        changes = list(item.changes.order_by("timestamp", "id"))
        assert changes[-1].new_quantity == item.quantity
        for previous, current in zip(changes, changes[1:], strict=False):
            assert current.old_quantity == previous.new_quantity


def test_seed_demo_prints_a_superuser_that_can_use_the_admin(db, client, capsys):
    call_command("seed_demo")
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "demo_admin / demo-admin-pass-1" in out
    assert User.objects.filter(username="demo_admin").count() == 1
    assert client.login(username="demo_admin", password="demo-admin-pass-1")
    page = client.get("/admin/stock/inventoryitem/")
    assert page.status_code == 200 and b"USB-C cable" in page.content
