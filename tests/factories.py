from decimal import Decimal

import factory

from accounts.models import Role, User
from stock.services import item_create

PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    role = Role.OWNER
    password = factory.django.Password(PASSWORD)


class OwnerFactory(UserFactory):
    username = factory.Sequence(lambda n: f"owner{n}")


class WorkerFactory(UserFactory):
    username = factory.Sequence(lambda n: f"worker{n}")
    role = Role.WORKER
    employer = factory.SubFactory(OwnerFactory)


class SuperuserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_superuser = True
    is_staff = True


_item_counter = iter(range(1, 10**9))


def make_item(owner, **fields):
    """An item created through the service, so it has its INITIAL log entry."""
    n = next(_item_counter)
    data = {"name": f"Item {n}", "price": Decimal("9.99"), "category": "General",
            "quantity": 10}
    data.update(fields)
    return item_create(actor=owner, **data)
