from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Lower
from django.utils import timezone


class Role(models.TextChoices):
    OWNER = "OWNER", "Owner"
    WORKER = "WORKER", "Worker"


class UserManager(DjangoUserManager):
    def get_by_natural_key(self, username):
        return self.by_natural_key(username).get()

    def by_natural_key(self, username):
        # Usernames are unique ignoring case, so a login may use any case.
        # Comparing lower() to lower() uses the unique index on Lower(username).
        return self.alias(username_lower=Lower("username")).filter(
            username_lower=Lower(Value(username))
        )


class User(AbstractUser):
    """An account: an OWNER keeps stock; a WORKER records changes for its employer."""

    email = models.EmailField("email address")
    role = models.CharField(max_length=6, choices=Role.choices, default=Role.OWNER)
    employer = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="workers",
        limit_choices_to={"role": Role.OWNER},
        help_text="The owner a worker works for; empty for owners.",
    )

    objects = UserManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Lower("username"),
                name="accounts_user_username_ci_unique",
                violation_error_message="A user with that username already exists.",
            ),
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="accounts_user_email_ci_unique",
                violation_error_message="A user with that email already exists.",
            ),
            models.CheckConstraint(
                condition=(Q(role=Role.OWNER, employer__isnull=True)
                           | Q(role=Role.WORKER, employer__isnull=False)),
                name="accounts_user_worker_has_employer",
                violation_error_message="A worker needs an employer; an owner has none.",
            ),
        ]

    @property
    def is_owner(self) -> bool:
        return self.role == Role.OWNER

    @property
    def is_worker(self) -> bool:
        return self.role == Role.WORKER

    def clean(self) -> None:
        super().clean()
        if self.role == Role.WORKER:
            if self.employer_id is None:
                raise ValidationError({"employer": "A worker needs an employer."})
            if self.employer_id == self.pk or self.employer.role != Role.OWNER:
                raise ValidationError({"employer": "The employer must be an owner."})
        elif self.employer_id is not None:
            raise ValidationError({"employer": "An owner has no employer."})


class RefreshToken(models.Model):
    """A refresh token, stored only as the SHA-256 of its text: a leaked database holds
    no usable session. Rotation revokes the used token; a revoked one presented again
    revokes every token of its user (accounts.tokens)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="refresh_tokens")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(default=timezone.now, db_index=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "revoked"], name="accounts_rt_user_revoked")]

    def __str__(self) -> str:
        return f"refresh token {self.pk} of {self.user_id}"

    @property
    def expires(self):
        from django.conf import settings

        return self.created + settings.JWT_REFRESH_EXPIRATION_DELTA

    def is_expired(self) -> bool:
        return timezone.now() >= self.expires
