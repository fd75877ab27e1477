"""Descriptions of what strawberry-django generates (pages, lookups, AND/OR/NOT, the
pagination/filters/ordering arguments) and of our enums' values, which Django choices
cannot carry. Applied once to the built schema, so introspection (GraphiQL's Docs pane)
and schema.graphql show them. Our own types describe themselves where they are declared.
"""

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
)

ARGUMENTS = {
    "pagination": "offset (default 0) and limit (default 20, at most 100; a larger one is "
    "clamped, a negative one is BAD_USER_INPUT). limit: 0 gives only totalCount.",
    "filters": "Narrows the rows; never widens the caller's scope.",
    "ordering": "Sort keys applied in turn, one field per element, e.g. "
    "[{category: ASC}, {price: DESC}]; the id always breaks ties.",
}

FILTER_FIELDS = {
    "AND": "Also matches this filter.",
    "OR": "Or matches this filter.",
    "NOT": "Does not match this filter.",
    "DISTINCT": "Drop duplicate rows.",
}

PAGE_FIELDS = {
    "totalCount": "Rows matching the filters, over all pages.",
    "pageInfo": "The offset and the limit applied.",
    "results": "The rows of this page.",
}

TYPE_FIELDS = {
    "OffsetPaginationInfo": {
        "offset": "Rows skipped.",
        "limit": "The limit applied (the requested one, clamped to 100).",
    },
    "OffsetPaginationInput": {
        "offset": "Rows to skip; not negative. Default 0.",
        "limit": "Rows to return; default 20, at most 100, not negative.",
    },
}

TYPES = {
    "OffsetPaginationInfo": "Where a page starts and how long it may be.",
    "OffsetPaginationInput": "A page: skip offset rows, return at most limit.",
    "Ordering": "Sort direction.",
}

ENUM_VALUES = {
    "Ordering": {
        "ASC": "Ascending.",
        "ASC_NULLS_FIRST": "Ascending, nulls first.",
        "ASC_NULLS_LAST": "Ascending, nulls last.",
        "DESC": "Descending.",
        "DESC_NULLS_FIRST": "Descending, nulls first.",
        "DESC_NULLS_LAST": "Descending, nulls last.",
    },
    "Role": {
        "OWNER": "Keeps stock: owns items, employs workers.",
        "WORKER": "Records stock changes for its employer's items.",
    },
    "StockChangeReason": {
        "INITIAL": "The quantity an item was created with (written by the server).",
        "RECEIVED": "Stock came in (a delivery).",
        "SOLD": "Stock went out to a customer.",
        "RETURNED": "A customer brought stock back.",
        "DAMAGED": "Stock written off as damaged or lost.",
        "COUNT_CORRECTION": "A stocktake or a quantity set directly.",
        "DELETED": "The item was deleted: its quantity went to 0 (written by the server).",
        "REVERSAL": "Undoes an earlier change (revertChange).",
        "OTHER": "Anything else; say what in the note.",
    },
    "MovementGroup": {
        "ITEM": "One row per item.",
        "CATEGORY": "One row per category.",
        "REASON": "One row per reason.",
        "DAY": "One row per day (UTC).",
    },
}


def _is_page(graphql_type: GraphQLObjectType) -> bool:
    return {"totalCount", "pageInfo", "results"} <= set(graphql_type.fields)


def _lookup_description(name: str) -> str | None:
    if name.endswith("RangeLookup"):
        return "An inclusive range: start ≤ value ≤ end."
    if name.endswith("FilterLookup"):
        return "Comparisons; each given one must hold, null ones are skipped."
    return None


def describe(schema: GraphQLSchema) -> None:
    """Fill in descriptions that are missing; never replace one."""
    for name, graphql_type in schema.type_map.items():
        if name.startswith("__"):
            continue
        if not graphql_type.description:
            if name in TYPES:
                graphql_type.description = TYPES[name]
            elif isinstance(graphql_type, GraphQLObjectType) and _is_page(graphql_type):
                row = get_named_type(graphql_type.fields["results"].type)
                graphql_type.description = f"A page of {row.name} rows."
            else:
                graphql_type.description = _lookup_description(name)
        if isinstance(graphql_type, GraphQLEnumType):
            for value_name, value in graphql_type.values.items():
                value.description = value.description or (
                    ENUM_VALUES.get(name, {}).get(value_name)
                )
        if not isinstance(graphql_type, (GraphQLObjectType, GraphQLInputObjectType)):
            continue
        known = dict(TYPE_FIELDS.get(name, {}))
        if isinstance(graphql_type, GraphQLInputObjectType):
            known = FILTER_FIELDS | known
            if name.endswith("RangeLookup"):
                known |= {"start": "The lowest value matched.", "end": "The highest value matched."}
        elif _is_page(graphql_type):
            known = PAGE_FIELDS | known
        for field_name, field in graphql_type.fields.items():
            field.description = field.description or known.get(field_name)
            for arg_name, arg in getattr(field, "args", {}).items():
                arg.description = arg.description or ARGUMENTS.get(arg_name)
