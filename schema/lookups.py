"""Filter lookups shared by the domain filters."""

import strawberry
from strawberry_django import filter_field
from strawberry_django.fields.filter_types import BaseFilterLookup

_SKIP = "Skipped when null."


@strawberry.input(name="StrFilterLookup", description="String lookups (no regular expressions).")
class TextLookup(BaseFilterLookup[str]):
    # strawberry-django's own StrFilterLookup also offers regex/iRegex; a client-supplied
    # pattern is a denial-of-service risk (catastrophic backtracking), so they are left out.
    i_exact: str | None = filter_field(description=f"Case-insensitive exact match. {_SKIP}")
    contains: str | None = filter_field(description=f"Case-sensitive containment. {_SKIP}")
    i_contains: str | None = filter_field(description=f"Case-insensitive containment. {_SKIP}")
    starts_with: str | None = filter_field(description=f"Case-sensitive starts-with. {_SKIP}")
    i_starts_with: str | None = filter_field(
        description=f"Case-insensitive starts-with. {_SKIP}"
    )
    ends_with: str | None = filter_field(description=f"Case-sensitive ends-with. {_SKIP}")
    i_ends_with: str | None = filter_field(description=f"Case-insensitive ends-with. {_SKIP}")
