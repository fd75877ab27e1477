from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils import timezone

from accounts.models import RefreshToken, User
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


@admin.register(RefreshToken)
class RefreshTokenAdmin(admin.ModelAdmin):
    """Hashes only: the token text is never stored, so there is nothing to show or add."""

    list_display = ("id", "user", "created", "revoked")
    list_filter = (("revoked", admin.EmptyFieldListFilter), "created")
    list_select_related = ("user",)
    search_fields = ("user__username",)
    readonly_fields = ("user", "token_hash", "created", "revoked")
    actions = ("revoke",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Revoke the selected refresh tokens")
    def revoke(self, request, queryset):
        count = queryset.filter(revoked__isnull=True).update(revoked=timezone.now())
        self.message_user(request, f"Revoked {count} refresh token(s).")
