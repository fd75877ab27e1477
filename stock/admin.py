"""The admin writes through stock.services (and stock.imports), so its edits are logged
like any other.

Import and export are a small view and an action over stock.imports/stock.exports rather
than django-import-export: that library writes rows through its own Resource (save() or
bulk_create per row), which would bypass the services' checks and the change log unless
every hook were overridden (README: Stock operations).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse

from accounts import rules
from accounts.models import User
from core.errors import InvalidInput, ServiceError
from stock import exports, services
from stock.csvformat import ITEM_COLUMNS
from stock.imports import import_items
from stock.models import InventoryItem, ItemChange, StockChangeReason
from stock.selectors import items_in_scope
from stock.views import stream_csv

ADMIN_NOTE = "Edited in the admin."


class InventoryItemForm(forms.ModelForm):
    class Meta:
        model = InventoryItem
        fields = ("owner", "name", "description", "sku", "quantity", "price", "category",
                  "low_stock_threshold")

    def clean(self):
        cleaned = super().clean()
        for field in ("name", "category", "quantity", "low_stock_threshold", "price"):
            check = services.ITEM_CLEANERS[field]
            if cleaned.get(field) is None:
                continue
            try:
                cleaned[field] = check(cleaned[field])
            except InvalidInput as exc:
                for messages in exc.field_errors.values():
                    for message in messages:
                        self.add_error(field, message)
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(help_text="CSV: name, category, price (required), sku, quantity, "
                                     "description, lowStockThreshold.")
    owner = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True).order_by("username"), required=False,
        help_text="Superusers only; default: you.")
    dry_run = forms.BooleanField(required=False, help_text="Validate and count only.")


@admin.register(InventoryItem)
class InventoryItemAdmin(admin.ModelAdmin):
    form = InventoryItemForm
    change_list_template = "admin/stock/inventoryitem/change_list.html"
    actions = ["export_csv"]

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="stock_inventoryitem_import"), *super().get_urls()]

    def import_view(self, request):
        if not (self.has_add_permission(request) and rules.can_create_items(request.user)):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        result = None
        if request.method == "POST" and form.is_valid():
            owner = form.cleaned_data["owner"]
            try:
                result = import_items(
                    actor=request.user, file=form.cleaned_data["file"],
                    owner_id=owner.pk if owner is not None else None,
                    dry_run=form.cleaned_data["dry_run"],
                )
            except ServiceError as exc:
                messages.error(request, exc.message)
            else:
                summary = (f"created {result.created}, updated {result.updated}, "
                           f"unchanged {result.unchanged}")
                if result.applied:
                    messages.success(request, f"Imported: {summary}.")
                elif not result.error_count:
                    messages.info(request, f"Dry run: {summary}. Nothing was written.")
                else:
                    messages.error(request, f"{result.error_count} problem(s); nothing was "
                                            "imported.")
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "form": form, "result": result, "title": "Import items from CSV",
                   "changelist_url": reverse("admin:stock_inventoryitem_changelist")}
        return TemplateResponse(request, "admin/stock/inventoryitem/import.html", context)

    @admin.action(description="Export selected items as CSV")
    def export_csv(self, request, queryset):
        return stream_csv(request, list(ITEM_COLUMNS), exports.item_chunks(queryset),
                          "items.csv")
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
