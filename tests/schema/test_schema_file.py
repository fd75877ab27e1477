from pathlib import Path

from strawberry.printer import print_schema
from strawberry.types.base import StrawberryList
from strawberry_django.pagination import OffsetPaginated

from schema.fields import ApiField
from schema.schema import schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_committed_schema_matches_the_code():
    assert SCHEMA_FILE.read_text() == print_schema(schema), (
        "schema.graphql is out of date. Re-export it with: make schema"
    )


# Lists bounded by their input: a batch has at most 100 lines, a stocktake 1,000.
BOUNDED_BY_INPUT = {"Mutation.adjust_stock_batch", "CountResult.changes"}


def test_every_list_of_rows_is_bounded():
    """No unbounded list of a growing table: each goes through ApiField's pagination."""
    unbounded = []
    for type_def in schema.schema_converter.type_map.values():
        definition = getattr(type_def, "definition", None)
        origin = getattr(definition, "origin", None)
        if isinstance(origin, type) and issubclass(origin, OffsetPaginated):
            continue  # a page's results: bounded by the page's limit
        for field in getattr(definition, "fields", []) or []:
            field_type = field.type
            is_page = isinstance(field_type, type) and issubclass(field_type, OffsetPaginated)
            of_rows = isinstance(field_type, StrawberryList) and hasattr(
                field_type.of_type, "__strawberry_django_definition__")
            if (is_page or of_rows) and not isinstance(field, ApiField):
                unbounded.append(f"{definition.name}.{field.python_name}")
    assert sorted(set(unbounded) - BOUNDED_BY_INPUT) == []
