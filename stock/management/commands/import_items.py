"""python manage.py import_items FILE --owner USERNAME [--dry-run]: importItems from a shell."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from core.errors import ServiceError
from stock.imports import import_items


class Command(BaseCommand):
    help = ("Create and update items of an owner from a CSV file (the format of importItems): "
            "all rows or none. The changes are logged as made by that owner.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file.")
        parser.add_argument("--owner", required=True, help="Username of the items' owner.")
        parser.add_argument("--dry-run", action="store_true",
                            help="Validate and count only; write nothing.")

    def handle(self, *args, file, owner, dry_run, **options):
        user = User.objects.filter(username__iexact=owner, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {owner!r}.")
        try:
            with open(file, "rb") as binary:
                size = binary.seek(0, 2)
                if size > settings.IMPORT_MAX_BYTES:
                    raise CommandError(
                        f"The file is larger than {settings.IMPORT_MAX_BYTES:,} bytes.")
                result = import_items(actor=user, file=binary, dry_run=dry_run)
        except OSError as exc:
            raise CommandError(str(exc)) from exc
        except ServiceError as exc:
            raise CommandError(exc.message) from exc
        summary = (f"created {result.created}, updated {result.updated}, "
                   f"unchanged {result.unchanged}")
        if result.error_count:
            problems = "\n".join(
                f"line {e.line}{f' ({e.field})' if e.field else ''}: {'; '.join(e.messages)}"
                for e in result.errors)
            raise CommandError(f"{result.error_count} problem(s), nothing imported:\n{problems}")
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(f"{verb}: {summary}.")
