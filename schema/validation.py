"""Request validation: the schema's rules (cached per document), then hostile input.

Hostile input is BAD_USER_INPUT wherever it comes (a string literal in the document, a
variable value, a key, in an input, a filter or a token): text holding a NUL character
(PostgreSQL can neither store nor compare it) or a lone UTF-16 surrogate (no UTF-8 form:
the driver, the log and the JSON encoder fail on it), and values nested deeper than
MAX_DEPTH levels. fieldErrors names the field it was found in.
"""

import functools
import re
from collections.abc import Iterator

from graphql import GraphQLError, Visitor, visit
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

MAX_DEPTH = 32

NUL_MESSAGE = "Must not contain NUL characters."
SURROGATE_MESSAGE = "Must be valid Unicode text (a lone surrogate such as \\ud800 is not)."
DEPTH_MESSAGE = f"Must not be nested deeper than {MAX_DEPTH} levels."

_SUMMARY = {
    NUL_MESSAGE: "Text must not contain NUL characters.",
    SURROGATE_MESSAGE: "Text must be valid Unicode: lone surrogates are refused.",
    DEPTH_MESSAGE: f"Variables must not be nested deeper than {MAX_DEPTH} levels.",
}
_SURROGATE = re.compile("[\ud800-\udfff]")


class HostileInputError(GraphQLError):
    """Refused before anything runs, whatever the response's media type (HTTP 400)."""


def _text_problems(text: str) -> Iterator[str]:
    if "\x00" in text:
        yield NUL_MESSAGE
    if _SURROGATE.search(text):
        yield SURROGATE_MESSAGE


def value_problems(value, name: str) -> Iterator[tuple[str, str]]:
    """(field, message) for each hostile text in a decoded JSON value, and for each
    container nested deeper than MAX_DEPTH below it. Iterative, so no depth exhausts the
    stack; nothing below a too-deep container is visited. A value that is a container
    is level 1."""
    stack = [(value, name, 1)]
    while stack:
        value, name, depth = stack.pop()
        if isinstance(value, str):
            for message in _text_problems(value):
                yield name, message
            continue
        if not isinstance(value, dict | list):
            continue
        if depth > MAX_DEPTH:
            yield name, DEPTH_MESSAGE
            continue
        children = []
        for key, item in (value.items() if isinstance(value, dict) else
                          ((None, item) for item in value)):
            if isinstance(key, str):
                for message in _text_problems(key):
                    yield name, message
            children.append((item, key if isinstance(key, str) else name, depth + 1))
        stack.extend(reversed(children))


class _NulLiterals(Visitor):
    """Lone surrogates never reach a literal: the lexer refuses them (a syntax error)."""

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


def _may_hold_nul(query: str | None) -> bool:
    """A NUL in a literal is written raw or as the escape \\u0000: without either in the
    text, no literal holds one (and the document need not be walked)."""
    return query is None or "\x00" in query or "u0000" in query.lower()


def hostile_input_error(problems: list[tuple[str, str]]) -> HostileInputError | None:
    if not problems:
        return None
    field_errors: dict[str, list[str]] = {}
    for field, message in problems:
        if message not in field_errors.setdefault(field, []):
            field_errors[field].append(message)
    summary = " ".join(dict.fromkeys(_SUMMARY[message] for _, message in problems))
    return HostileInputError(summary, extensions={
        "code": "BAD_USER_INPUT", "fieldErrors": field_errors})


def document_error(document, variables, query: str | None = None) -> GraphQLError | None:
    """Hostile input in a valid document's literals or in its variables."""
    problems: list[tuple[str, str]] = []
    if _may_hold_nul(query):
        literals = _NulLiterals()
        visit(document, literals)
        problems = [(field, NUL_MESSAGE) for field in literals.found]
    problems.extend(variables_problems(variables))
    return hostile_input_error(problems)


def variables_problems(variables) -> list[tuple[str, str]]:
    """Each variable is named by itself; the variables object is not a level."""
    if not isinstance(variables, dict):
        return []
    problems = []
    for name, value in variables.items():
        if isinstance(name, str):
            problems.extend((name, message) for message in _text_problems(name))
        problems.extend(value_problems(value, name if isinstance(name, str) else "variables"))
    return problems


class _Same:
    """A document as a cache key by identity. graphql-core 3.3's nodes are frozen
    dataclasses: hashing a document walks all of its nodes, on every request. The parse
    cache hands out the same document for the same text; a document parsed anew is
    validated anew. A cached key holds its document, so its id is never reused."""

    __slots__ = ("document",)

    def __init__(self, document) -> None:
        self.document = document

    def __hash__(self) -> int:
        return id(self.document)

    def __eq__(self, other) -> bool:
        return isinstance(other, _Same) and other.document is self.document


@functools.cache
def _validate_cache(maxsize: int):
    @functools.lru_cache(maxsize=maxsize)
    def validate(schema, document: _Same, rules) -> list[GraphQLError]:
        return validate_document(schema, document.document, rules)

    return validate


class RequestValidation(SchemaExtension):
    """The schema's validation rules, cached per document (by its identity) in an LRU
    cache of maxsize documents, as strawberry's ValidationCache but without hashing
    every node; it hands out a copy of the cached error list (process_errors rewrites the
    list it is given and must never rewrite the cached one). Then the hostile-input check
    once the document itself is valid (HTTP bodies are checked before, by the view; this
    covers websockets too)."""

    def __init__(self, maxsize: int) -> None:
        super().__init__()
        self.validate = _validate_cache(maxsize)

    def on_validate(self):
        context = self.execution_context
        errors = list(self.validate(
            context.schema._schema, _Same(context.graphql_document), context.validation_rules
        ))
        if not errors:
            from schema import known_operations  # it imports this module

            known_operations.remember(context.query, context.graphql_document)
            if error := document_error(context.graphql_document, context.variables,
                                       context.query):
                errors.append(error)
        context.pre_execution_errors = errors
        yield
