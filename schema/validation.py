"""Request validation: the schema's rules (cached per document), then text values.

Any text holding a NUL character is BAD_USER_INPUT (PostgreSQL can neither store nor
compare it), wherever it comes: a string literal in the document or a variable value,
in an input, a filter or a token. fieldErrors names the field it was found in.
"""

from collections.abc import Iterator

from graphql import GraphQLError, Visitor, visit
from strawberry.extensions import ValidationCache

NUL_MESSAGE = "Must not contain NUL characters."


class _NulLiterals(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self.found: list[str] = []

    def enter_argument(self, node, *_):
        self.names.append(node.name.value)

    def leave_argument(self, node, *_):
        self.names.pop()

    def enter_object_field(self, node, *_):
        self.names.append(node.name.value)

    def leave_object_field(self, node, *_):
        self.names.pop()

    def enter_string_value(self, node, *_):
        if "\x00" in node.value:
            self.found.append(self.names[-1] if self.names else "query")


def _nul_variables(value, name: str) -> Iterator[str]:
    if isinstance(value, str):
        if "\x00" in value:
            yield name
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and "\x00" in key:
                yield name
            yield from _nul_variables(item, key if isinstance(key, str) else name)
    elif isinstance(value, list):
        for item in value:
            yield from _nul_variables(item, name)


def _may_hold_nul(query: str | None) -> bool:
    """A NUL in a literal is written raw or as the escape \\u0000: without either in the
    text, no literal holds one (and the document need not be walked)."""
    return query is None or "\x00" in query or "u0000" in query.lower()


def nul_error(document, variables, query: str | None = None) -> GraphQLError | None:
    found: list[str] = []
    if _may_hold_nul(query):
        literals = _NulLiterals()
        visit(document, literals)
        found = literals.found
    fields = [*found, *_nul_variables(variables or {}, "variables")]
    if not fields:
        return None
    return GraphQLError("Text must not contain NUL characters.", extensions={
        "code": "BAD_USER_INPUT",
        "fieldErrors": {field: [NUL_MESSAGE] for field in dict.fromkeys(fields)},
    })


class RequestValidation(ValidationCache):
    """strawberry's ValidationCache, handing out a copy of the cached error list
    (process_errors rewrites the list it is given and must never rewrite the cached
    one), plus the NUL check once the document itself is valid."""

    def on_validate(self):
        context = self.execution_context
        errors = list(self.cached_validate_document(
            context.schema._schema, context.graphql_document, context.validation_rules
        ))
        if not errors and (error := nul_error(context.graphql_document, context.variables,
                                               context.query)):
            errors.append(error)
        context.pre_execution_errors = errors
        yield
