"""Plain model columns resolved by graphql-core directly, without strawberry's field wrapper.

strawberry wraps every field's resolver (an Info object, argument conversion, the field
extension chain, then strawberry-django's get_result): ~20 µs a field, and a 100-row
page has hundreds of fields. A field of our Django types with no resolver of its own,
no arguments and no extensions (so no permission) only reads the row: its graphql-core
resolver is replaced by one that reads the column from the instance (or a forward
relation the optimizer already joined), falling back to the general resolver whenever
that is not a plain read (deferred column, relation not loaded, no model instance).
Everything else keeps strawberry's general path. tests/schema/test_fastpath.py checks
that both paths give the same answers.

For those columns graphql-core's own per-field work (an info object, argument values,
the completion of a scalar) is most of what remains: FastExecutor answers a leaf
column in one step (read, then the scalar's coerce_output_value) and hands everything
else, and every case that is not a plain non-null read, to graphql-core.

strawberry-django also gives each Django type an is_type_of (an isinstance check that
graphql-core runs on every object it completes). It tells the members of an abstract
type apart; a type in no union and implementing no interface needs none, so install()
drops it there.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from graphql import (
    GraphQLField,
    GraphQLObjectType,
    GraphQLUnionType,
    Undefined,
    get_nullable_type,
    is_leaf_type,
    is_non_null_type,
)
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry_django.fields.field import StrawberryDjangoField

from schema.fields import ModelField, model_field_of, plain_column

GENERAL = "general-resolve"  # the replaced resolver, kept in the field's extensions
LEAF = "leaf-column"  # (fast resolver, column) of a field FastExecutor answers itself


def _forward_relation(field: StrawberryDjangoField):
    model_field = model_field_of(field)
    if model_field is not None and model_field.concrete and (
            model_field.many_to_one or model_field.one_to_one):
        return model_field
    return None


def _fast_resolver(field: StrawberryDjangoField, general: Callable) -> Callable | None:
    if column := plain_column(field):

        def resolve_column(source, info, **kwargs):
            try:
                return source.__dict__[column]
            except (KeyError, AttributeError):  # deferred, or not a model instance
                return general(source, info, **kwargs)

        resolve_column.column = column
        return resolve_column
    if relation := _forward_relation(field):

        def resolve_relation(source, info, **kwargs):
            try:
                return relation.get_cached_value(source)
            except (KeyError, AttributeError):  # not joined: the general path loads it
                return general(source, info, **kwargs)

        return resolve_relation
    return None


def _eligible(graphql_field: GraphQLField):
    field = (graphql_field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    # Exactly these classes: a subclass (ApiField) may change what a field answers.
    if (type(field) not in (StrawberryDjangoField, ModelField) or graphql_field.args
            or field.extensions
            or field.base_resolver is not None or field.is_subscription
            or graphql_field.resolve is None):
        return None
    return field


def _abstract_members(graphql_schema) -> set[str]:
    members = set()
    for graphql_type in graphql_schema.type_map.values():
        if isinstance(graphql_type, GraphQLUnionType):
            members.update(member.name for member in graphql_type.types)
        elif isinstance(graphql_type, GraphQLObjectType) and graphql_type.interfaces:
            members.add(graphql_type.name)
    return members


def _drop_is_type_of(graphql_type: GraphQLObjectType, abstract_members: set[str]) -> None:
    definition = (graphql_type.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    origin = getattr(definition, "origin", None)
    if (graphql_type.is_type_of is None or graphql_type.name in abstract_members
            or getattr(origin, "__strawberry_django_definition__", None) is None):
        return
    graphql_type.extensions = {**graphql_type.extensions, GENERAL: graphql_type.is_type_of}
    graphql_type.is_type_of = None


def install(schema) -> int:
    """Give every eligible field of schema its direct resolver (and drop the per-object
    is_type_of of Django types where it decides nothing); returns how many fields."""
    installed = 0
    abstract_members = _abstract_members(schema._schema)
    for graphql_type in schema._schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType):
            continue
        if GENERAL not in (graphql_type.extensions or {}):
            _drop_is_type_of(graphql_type, abstract_members)
        for graphql_field in graphql_type.fields.values():
            if GENERAL in (graphql_field.extensions or {}):
                continue
            if (field := _eligible(graphql_field)) is None:
                continue
            general = graphql_field.resolve
            if (fast := _fast_resolver(field, general)) is None:
                continue
            graphql_field.extensions = {**graphql_field.extensions, GENERAL: general}
            if (column := getattr(fast, "column", None)) and is_leaf_type(
                    get_nullable_type(graphql_field.type)):
                graphql_field.extensions[LEAF] = (fast, column)
            graphql_field.resolve = fast
            installed += 1
    return installed


@contextmanager
def general_path(schema) -> Iterator[None]:
    """Within: every field resolves through strawberry's general path (for tests)."""
    swapped, checked = [], []
    for graphql_type in schema._schema.type_map.values():
        if isinstance(graphql_type, GraphQLObjectType):
            if is_type_of := (graphql_type.extensions or {}).get(GENERAL):
                checked.append(graphql_type)
                graphql_type.is_type_of = is_type_of
            for graphql_field in graphql_type.fields.values():
                if general := (graphql_field.extensions or {}).get(GENERAL):
                    swapped.append((graphql_field, graphql_field.resolve))
                    graphql_field.resolve = general
    try:
        yield
    finally:
        for graphql_field, fast in swapped:
            graphql_field.resolve = fast
        for graphql_type in checked:
            graphql_type.is_type_of = None


class FastExecutor(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor, answering installed leaf columns itself (module doc)."""

    def execute_field(self, parent_type, source, field_details_list, path, position_context):
        node = field_details_list[0].node
        field_def = parent_type.fields.get(node.name.value)
        leaf = (field_def.extensions or {}).get(LEAF) if field_def is not None else None
        middleware = self.middleware_manager
        if (leaf is not None and field_def.resolve is leaf[0] and not node.arguments
                and (middleware is None or middleware._middleware_resolvers is None)):
            try:
                value = source.__dict__[leaf[1]]
            except (KeyError, AttributeError):
                pass  # not a plain read: the general path below
            else:
                if value is not None:
                    try:
                        coerced = get_nullable_type(field_def.type).coerce_output_value(value)
                    except Exception:  # noqa: BLE001 - graphql-core reports it below
                        coerced = None
                    if coerced is not None and coerced is not Undefined:
                        return coerced
                elif not is_non_null_type(field_def.type):
                    return None
        return super().execute_field(parent_type, source, field_details_list, path,
                                     position_context)
