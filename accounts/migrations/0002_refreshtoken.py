"""Refresh tokens of our own, stored hashed; carries over django-graphql-jwt's tokens.

A database made by the previous release has django-graphql-jwt's table
refresh_token_refreshtoken holding refresh tokens in plain text. Every token that has
not expired (live or revoked: a revoked one still detects a replay) is copied as its
SHA-256 hash, so the refresh tokens clients hold keep working; then the old table and
its migration records are dropped.
"""

import hashlib
from datetime import timedelta

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

OLD_TABLE = "refresh_token_refreshtoken"


def carry_over(apps, schema_editor):
    connection = schema_editor.connection
    if OLD_TABLE not in connection.introspection.table_names():
        return
    RefreshToken = apps.get_model("accounts", "RefreshToken")
    lifetime = getattr(settings, "JWT_REFRESH_EXPIRATION_DELTA", timedelta(days=7))
    cutoff = django.utils.timezone.now() - lifetime
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT user_id, token, created, revoked FROM {quote(OLD_TABLE)} "
            "WHERE created > %s",
            [cutoff],
        )
        rows = cursor.fetchall()
    RefreshToken.objects.bulk_create(
        [
            RefreshToken(
                user_id=user_id,
                token_hash=hashlib.sha256(token.encode()).hexdigest(),
                created=created,
                revoked=revoked,
            )
            for user_id, token, created, revoked in rows
            if token
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {quote(OLD_TABLE)}")
        cursor.execute("DELETE FROM django_migrations WHERE app = %s", ["refresh_token"])


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="RefreshToken",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True,
                                           serialize=False, verbose_name="ID")),
                ("token_hash", models.CharField(editable=False, max_length=64, unique=True)),
                ("created", models.DateTimeField(db_index=True,
                                                 default=django.utils.timezone.now)),
                ("revoked", models.DateTimeField(blank=True, null=True)),
                ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                           related_name="refresh_tokens",
                                           to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "indexes": [models.Index(fields=["user", "revoked"],
                                         name="accounts_rt_user_revoked")],
            },
        ),
        migrations.RunPython(carry_over, migrations.RunPython.noop),
    ]
