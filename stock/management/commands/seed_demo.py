"""Demo data for `make run`: an owner, a worker, ~30 items with a change history, and a
superuser for the Django admin.

Idempotent: a second run finds the demo accounts and adds nothing.
"""

import random
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import Role, User
from stock.models import StockChangeReason
from stock.services import item_create, stock_adjust

OWNER = ("demo_owner", "owner@demo.example", "demo-owner-pass-1")
WORKER = ("demo_worker", "worker@demo.example", "demo-worker-pass-1")
ADMIN = ("demo_admin", "admin@demo.example", "demo-admin-pass-1")

CATALOGUE = {
    "Electronics": ["USB-C cable", "Wireless mouse", "Keyboard", "HDMI adapter", "Power bank",
                    "Headphones"],
    "Office": ["Stapler", "A4 paper (500)", "Ballpoint pens (10)", "Sticky notes", "Binder clips",
               "Desk lamp"],
    "Kitchen": ["Coffee beans 1kg", "Paper cups (50)", "Tea bags (100)", "Sugar sticks",
                "Dish soap"],
    "Cleaning": ["Microfibre cloths", "Glass cleaner", "Bin bags (20)", "Mop head",
                 "Hand soap"],
    "Hardware": ["Screwdriver set", "Cable ties (100)", "Duct tape", "Wall plugs (50)",
                 "Hex keys", "Tape measure", "Work gloves", "Extension lead"],
}


class Command(BaseCommand):
    help = "Create demo accounts and items with a change history (idempotent)."

    def handle(self, *args, **options):
        owner = User.objects.filter(username=OWNER[0]).first()
        if owner is None:
            with transaction.atomic():
                self._seed()
            self.stdout.write(self.style.SUCCESS("Demo data created."))
        else:
            self.stdout.write("Demo data already present; nothing added.")
        if not User.objects.filter(username=ADMIN[0]).exists():
            User.objects.create_superuser(ADMIN[0], ADMIN[1], ADMIN[2])
        self.stdout.write(
            "Demo logins (GraphiQL: mutation { tokenAuth(username, password) { token } }):\n"
            f"  owner:  {OWNER[0]} / {OWNER[2]}\n"
            f"  worker: {WORKER[0]} / {WORKER[2]}\n"
            f"  admin:  {ADMIN[0]} / {ADMIN[2]}  (superuser; also for /admin/)"
        )

    def _seed(self) -> None:
        rng = random.Random(20261123)
        owner = User.objects.create_user(OWNER[0], OWNER[1], OWNER[2], role=Role.OWNER)
        worker = User.objects.create_user(
            WORKER[0], WORKER[1], WORKER[2], role=Role.WORKER, employer=owner
        )
        items = []
        for category, names in CATALOGUE.items():
            for index, name in enumerate(names, start=1):
                items.append(item_create(
                    actor=owner,
                    name=name,
                    category=category,
                    sku=f"{category[:3].upper()}-{index:03d}",
                    price=Decimal(rng.randint(99, 9999)) / 100,
                    quantity=rng.randint(0, 60),
                    low_stock_threshold=rng.choice([3, 5, 10]),
                    description=f"{name} for the demo shop.",
                ))
        reasons = [StockChangeReason.SOLD, StockChangeReason.RECEIVED,
                   StockChangeReason.RETURNED, StockChangeReason.DAMAGED]
        for _ in range(60):
            item = rng.choice(items)
            item.refresh_from_db(fields=["quantity"])
            reason = rng.choice(reasons)
            if reason in (StockChangeReason.SOLD, StockChangeReason.DAMAGED):
                if item.quantity == 0:
                    continue
                delta = -rng.randint(1, min(item.quantity, 5))
            else:
                delta = rng.randint(1, 20)
            stock_adjust(actor=rng.choice([owner, worker]), item_id=item.pk, delta=delta,
                         reason=reason, note="demo")
