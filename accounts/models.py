from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Lower


class Role(models.TextChoices):
    OWNER = "OWNER", "Owner"
    WORKER = "WORKER", "Worker"


class UserManager(DjangoUserManager):
    def get_by_natural_key(self, username):
        # Usernames are unique ignoring case, so a login may use any case.
        # Comparing lower() to lower() uses the unique index on Lower(username).
        return self.alias(username_lower=Lower("username")).get(
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
