"""Root mutations called without strawberry's per-field wrapper.

For a mutation field strawberry converts its arguments on every request with a generic
walk over the input's type (each field's name converted, its type resolved, its
default looked up), then runs the field extensions and strawberry-django's result
chain: of a small mutation's ~190 µs in execute_sync, ~80 µs. install() gives each
plain mutation of our schema a resolver that does the same with what was worked out
once: the arguments converted by a plan built per input type, the same permission
extensions called in the same order, then the same resolver (strawberry-django's
safe_resolver, which takes the sync_to_async hop in an event loop).

Plain: a strawberry-django mutation (exactly DjangoMutationBase, handle_django_errors
off), a sync resolver taking at most self and info besides its arguments, field
extensions that only resolve (permission checks), and arguments of scalars, enums,
lists and input types with no hooks of their own. Anything else keeps strawberry's
path; so does every field within fastpath.general_path() (tests compare the two).
"""

from collections.abc import Callable
from dataclasses import MISSING
from functools import partial, reduce

from graphql import GraphQLObjectType
from strawberry.extensions.field_extension import FieldExtension, build_field_extension_resolvers
from strawberry.relay.types import GlobalID
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.arguments import _is_leaf_type
from strawberry.types.base import (
    StrawberryList,
    StrawberryMaybe,
    StrawberryOptional,
    has_object_definition,
)
from strawberry.types.enum import has_enum_definition
from strawberry.types.unset import UNSET
from strawberry_django.mutations.fields import DjangoMutationBase

from schema.fastpath import GENERAL

_UNSUPPORTED = object()  # a type whose conversion only strawberry's general path knows


def _identity(value):
    return value


def _converter(type_, schema) -> Callable | object:
    """value (as graphql-core coerced it) -> what strawberry's convert_argument returns,
    or _UNSUPPORTED."""
    registry, name_of = schema.schema_converter.scalar_registry, schema.config.name_converter
    if isinstance(type_, StrawberryMaybe):
        return _UNSUPPORTED
    if isinstance(type_, StrawberryOptional):
        return _converter(type_.of_type, schema)
    if isinstance(type_, StrawberryList):
        item = _converter(type_.of_type, schema)
        if item is _UNSUPPORTED:
            return _UNSUPPORTED
        if item is _identity:
            return list  # copied: graphql-core shares a default between requests
        return lambda values: [_absent_or(item, value) for value in values]
    if type_ is GlobalID:
        return _UNSUPPORTED
    if has_enum_definition(type_) or _is_leaf_type(type_, registry):
        return _identity
    if not has_object_definition(type_):
        return _UNSUPPORTED
    definition = type_.__strawberry_definition__
    if not definition.is_input or definition.from_input is not None:
        return _UNSUPPORTED
    defaults = {field.python_name: None for field in definition.fields
                if field.default_value is MISSING and field.default_factory is MISSING}
    fields = []
    for field in definition.fields:
        convert = _converter(field.resolve_type(type_definition=definition), schema)
        if convert is _UNSUPPORTED:
            return _UNSUPPORTED
        fields.append((name_of.from_field(field), field.python_name, convert))

    def convert_input(value):
        kwargs = dict(defaults)
        for graphql_name, python_name, convert in fields:
            if graphql_name in value:
                kwargs[python_name] = _absent_or(convert, value[graphql_name])
        return type_(**kwargs)

    return convert_input


def _absent_or(convert: Callable, value):
    return value if value is None or value is UNSET else convert(value)


def _arguments_plan(field, schema) -> list | None:
    plan = []
    for argument in field.arguments:
        convert = _converter(argument.type, schema)
        if convert is _UNSUPPORTED:
            return None
        plan.append((schema.config.name_converter.from_argument(argument),
                     argument.python_name, convert))
    return plan


def _plain(field) -> bool:
    resolver = field.base_resolver
    return (type(field) is DjangoMutationBase and not field.handle_errors
            and resolver is not None and not resolver.is_async
            and resolver.parent_parameter is None and resolver.root_parameter is None
            and all(type(extension).map_arguments is FieldExtension.map_arguments
                    and extension.supports_sync for extension in field.extensions))


def _direct_resolver(field, plan: list, info_class: type) -> Callable:
    resolver = field.base_resolver
    info_name = resolver.info_parameter.name if resolver.info_parameter else None
    takes_self = resolver.self_parameter is not None
    chain = build_field_extension_resolvers(field)

    def call(source, info, **kwargs):
        if info_name is not None:
            kwargs[info_name] = info
        return field.safe_resolver(*((source,) if takes_self else ()), **kwargs)

    def resolve(source, graphql_info, **arguments):
        info = info_class(_raw_info=graphql_info, _field=field)
        kwargs = {python_name: _absent_or(convert, arguments[graphql_name])
                  for graphql_name, python_name, convert in plan if graphql_name in arguments}
        if not chain:
            return call(source, info, **kwargs)
        return reduce(lambda chained, extension: partial(extension, chained), chain,
                      call)(source, info, **kwargs)

    return resolve


def install(schema) -> int:
    """Give every plain mutation of schema its direct resolver; returns how many."""
    mutation = schema._schema.mutation_type
    if not isinstance(mutation, GraphQLObjectType):
        return 0
    installed = 0
    for graphql_field in mutation.fields.values():
        extensions = graphql_field.extensions or {}
        field = extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
        if GENERAL in extensions or field is None or not _plain(field):
            continue
        if (plan := _arguments_plan(field, schema)) is None:
            continue
        graphql_field.extensions = {**extensions, GENERAL: graphql_field.resolve}
        graphql_field.resolve = _direct_resolver(field, plan, schema.config.info_class)
        installed += 1
    return installed
