from django.core.management.base import BaseCommand

from accounts.tokens import tokens_clear


class Command(BaseCommand):
    help = ("Delete refresh tokens that can no longer be used: expired ones, and revoked "
            "ones unless --expired is given.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--expired", action="store_true",
            help="Delete expired tokens only; keep revoked ones (they still detect replays "
                 "until they expire).",
        )

    def handle(self, *args, expired: bool = False, **options):
        deleted = tokens_clear(expired_only=expired)
        self.stdout.write(f"Deleted {deleted} refresh token(s).")
