from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from accounts.models import User
from accounts.services import end_sessions
from stock import events


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "email", "role", "employer", "is_active", "is_superuser")
    list_filter = ("role", "is_active", "is_superuser")
    list_select_related = ("employer",)
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        ("Inventory", {"fields": ("role", "employer")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",),
                "fields": ("username", "email", "role", "employer", "password1", "password2")}),
    )
    raw_id_fields = ("employer",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        deactivated = "is_active" in form.changed_data and not obj.is_active
        new_scope = {"role", "employer"} & set(form.changed_data)
        if change and (deactivated or new_scope):
            end_sessions(obj)

    def delete_model(self, request, obj):
        events.announce_access_ended(user_id=obj.pk)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for pk in queryset.values_list("pk", flat=True):
            events.announce_access_ended(user_id=pk)
        super().delete_queryset(request, queryset)
