from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower

from core.cleaning import MAX_INT


class StockChangeReason(models.TextChoices):
    INITIAL = "INITIAL", "Initial stock"
    RECEIVED = "RECEIVED", "Received"
    SOLD = "SOLD", "Sold"
    RETURNED = "RETURNED", "Returned"
    DAMAGED = "DAMAGED", "Damaged"
    COUNT_CORRECTION = "COUNT_CORRECTION", "Count correction"
    DELETED = "DELETED", "Deleted"
    REVERSAL = "REVERSAL", "Reversal"
    OTHER = "OTHER", "Other"


# Reasons only the system writes; a client may not send them.
SYSTEM_REASONS = frozenset(
    {StockChangeReason.INITIAL, StockChangeReason.DELETED, StockChangeReason.REVERSAL}
)
# Entries that cannot be reverted.
UNREVERTIBLE_REASONS = SYSTEM_REASONS


class InventoryItem(models.Model):
    """A stock-keeping unit of one owner. Change it only through stock.services."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="items",
        db_index=False,  # every index below leads with owner
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True, default="", max_length=5000)
    sku = models.CharField("SKU", max_length=64, null=True, blank=True)
    quantity = models.IntegerField(default=0)
    price = models.DecimalField(max_digits=12, decimal_places=2)
    category = models.CharField(max_length=100)
    low_stock_threshold = models.IntegerField(default=5)
    date_added = models.DateTimeField(auto_now_add=True)
    last_updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=0) & Q(quantity__lte=MAX_INT),
                name="stock_item_quantity_in_range",
            ),
            models.CheckConstraint(
                condition=Q(low_stock_threshold__gte=0),
                name="stock_item_threshold_not_negative",
            ),
            models.CheckConstraint(condition=Q(price__gte=0), name="stock_item_price_not_negative"),
            models.UniqueConstraint(
                "owner",
                Lower("sku"),
                condition=Q(sku__isnull=False),
                name="stock_item_sku_unique_per_owner",
                violation_error_message="An item with this SKU already exists.",
            ),
        ]
        indexes = [
            # Default order (newest first) within one owner's items.
            models.Index(F("owner"), F("date_added").desc(), F("id").desc(),
                         name="stock_item_owner_added"),
            models.Index("owner", "name", "id", name="stock_item_owner_name"),
            # price included: a category's count with a price range stays in the index.
            models.Index("owner", "category", "name", "id", include=["price"],
                         name="stock_item_owner_category"),
            models.Index("owner", "price", "id", name="stock_item_owner_price"),
            models.Index("owner", "quantity", "id", name="stock_item_owner_quantity"),
            models.Index(
                "owner", "id",
                condition=Q(quantity__lt=F("low_stock_threshold")),
                name="stock_item_owner_low_stock",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_low_stock(self) -> bool:
        return self.quantity < self.low_stock_threshold


class AppendOnlyError(Exception):
    """The change log is append-only."""


class ItemChangeQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The change log is append-only: entries are never updated.")

    def delete(self):
        raise AppendOnlyError("The change log is append-only: entries are never deleted.")


class ItemChange(models.Model):
    """One change of an item's quantity. Each item's changes form a chain:
    every old_quantity is the previous new_quantity."""

    item = models.ForeignKey(
        InventoryItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="changes",
        db_index=False,  # stock_change_item_time leads with item
    )
    # The item's id, kept when the item is deleted (item is then null): movements group by it.
    item_key = models.BigIntegerField(null=True, blank=True)
    item_name = models.CharField(max_length=200)
    # The item's owner at the time, so the history stays in scope after the item is gone.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", db_index=False,  # stock_change_owner_time leads with owner
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="item_changes", db_index=False,  # stock_change_user_time leads with user
    )
    username = models.CharField(max_length=150)
    old_quantity = models.IntegerField()
    new_quantity = models.IntegerField()
    delta = models.BigIntegerField()
    reason = models.CharField(max_length=16, choices=StockChangeReason.choices)
    note = models.TextField(blank=True, default="")
    idempotency_key = models.CharField(max_length=64, null=True, blank=True)
    # Digest of the arguments the key was first used with (see stock.services).
    request_fingerprint = models.CharField(max_length=64, blank=True, default="")
    timestamp = models.DateTimeField(db_index=True)
    # For a REVERSAL: the change it undoes (unique: a change is reverted at most once).
    reverts = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reverted_by",
    )

    objects = ItemChangeQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                "user", "idempotency_key",
                condition=Q(idempotency_key__isnull=False),
                name="stock_change_idempotency_key_per_user",
            ),
        ]
        indexes = [
            # The columns stockMovements sums are included: a month of an owner's log is
            # read from the index alone.
            models.Index(fields=["owner", "-timestamp", "-id"],
                         include=["item_key", "item", "delta", "reason"],
                         name="stock_change_owner_time"),
            models.Index(F("item"), F("timestamp").desc(), F("id").desc(),
                         name="stock_change_item_time"),
            models.Index(F("user"), F("timestamp").desc(), F("id").desc(),
                         name="stock_change_user_time"),
        ]

    def __str__(self) -> str:
        return f"{self.item_name}: {self.old_quantity} -> {self.new_quantity} ({self.reason})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("The change log is append-only: entries are never updated.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The change log is append-only: entries are never deleted.")


class StockOperation(models.Model):
    """The idempotency record of a multi-line operation (adjustStockBatch, countStock):
    a retry with the same key and arguments returns these changes again."""

    class Kind(models.TextChoices):
        BATCH = "BATCH", "Batch adjustment"
        COUNT = "COUNT", "Stocktake"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+", db_index=False)
    idempotency_key = models.CharField(max_length=64)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    request_fingerprint = models.CharField(max_length=64)
    change_ids = models.JSONField(default=list)  # in the request's line order
    unchanged = models.IntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint("user", "idempotency_key",
                                    name="stock_operation_idempotency_key_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.idempotency_key}"
