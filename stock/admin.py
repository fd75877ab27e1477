"""The admin writes through stock.services, so its edits are logged like any other."""

from django import forms
from django.contrib import admin

from core.cleaning import clean_count, clean_price, clean_text
from core.errors import InvalidInput
from stock import services
from stock.models import InventoryItem, ItemChange, StockChangeReason
from stock.selectors import items_in_scope

ADMIN_NOTE = "Edited in the admin."


class InventoryItemForm(forms.ModelForm):
    class Meta:
        model = InventoryItem
        fields = ("owner", "name", "description", "sku", "quantity", "price", "category",
                  "low_stock_threshold")

    def clean(self):
        cleaned = super().clean()
        checks = {
            "name": lambda v: clean_text("name", v, max_length=services.NAME_MAX),
            "category": lambda v: clean_text("category", v, max_length=services.CATEGORY_MAX),
            "quantity": lambda v: clean_count("quantity", v),
            "low_stock_threshold": lambda v: clean_count("low_stock_threshold", v),
            "price": lambda v: clean_price("price", v),
        }
        for field, check in checks.items():
            if cleaned.get(field) is None:
                continue
            try:
                cleaned[field] = check(cleaned[field])
            except InvalidInput as exc:
                for messages in exc.field_errors.values():
                    for message in messages:
                        self.add_error(field, message)
        return cleaned


@admin.register(InventoryItem)
class InventoryItemAdmin(admin.ModelAdmin):
    form = InventoryItemForm
    list_display = ("name", "sku", "owner", "category", "quantity", "price", "last_updated")
    list_filter = ("category",)
    search_fields = ("name", "sku", "category")
    list_select_related = ("owner",)
    raw_id_fields = ("owner",)

    def get_readonly_fields(self, request, obj=None):
        return ("owner",) if obj is not None else ()

    def get_queryset(self, request):
        return items_in_scope(request.user).select_related("owner")

    def save_model(self, request, obj, form, change):
        data = {field: form.cleaned_data[field] for field in form.Meta.fields if field != "owner"}
        if not change:
            created = services.item_create(
                actor=request.user, owner_id=form.cleaned_data["owner"].pk, **data
            )
            obj.pk = created.pk
            return
        changed = {field: data[field] for field in form.changed_data if field in data}
        services.item_update(
            actor=request.user, item_id=obj.pk, **changed,
            reason=StockChangeReason.COUNT_CORRECTION, note=ADMIN_NOTE,
        )

    def delete_model(self, request, obj):
        services.item_delete(actor=request.user, item_id=obj.pk)

    def delete_queryset(self, request, queryset):
        for pk in queryset.values_list("pk", flat=True):
            services.item_delete(actor=request.user, item_id=pk)


@admin.register(ItemChange)
class ItemChangeAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only."""

    list_display = ("timestamp", "item_name", "username", "old_quantity", "new_quantity",
                    "delta", "reason")
    list_filter = ("reason",)
    search_fields = ("item_name", "username", "note")
    date_hierarchy = "timestamp"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
