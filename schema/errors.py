"""The one place where exceptions become the contract's error codes.

Domain errors (core.errors) keep their message and get their code; errors
about the request itself become BAD_USER_INPUT; anything else is logged with
its traceback and answered with a bare "Internal server error."
"""

import logging
import re

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType
from strawberry.utils.str_converters import to_camel_case

from core.database import is_statement_timeout, unavailable
from core.errors import (
    InvalidInput,
    RateLimited,
    ServiceError,
    ServiceUnavailable,
    Unauthenticated,
)
from schema.limits import TOO_COMPLEX, is_token_limit_error

logger = logging.getLogger("schema.errors")

INTERNAL_MESSAGE = "Internal server error."
SLOW_WRITE_MESSAGE = "The database did not apply the write in time; nothing was applied. Try again."


def _with_code(error: GraphQLError, message: str, extensions: dict) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions=extensions,
    )


def _message(exc: ServiceError) -> str:
    """A validation error names its fields and their first message (what clients that show
    only `message` can show); fieldErrors keeps them all."""
    if isinstance(exc, InvalidInput) and exc.field_errors and (
            exc.message == InvalidInput.default_message):
        return "; ".join(f"{to_camel_case(field)}: {messages[0]}"
                         for field, messages in exc.field_errors.items() if messages)
    return exc.message


def _service_extensions(exc: ServiceError) -> dict:
    extensions: dict = {"code": exc.code}
    if isinstance(exc, InvalidInput):
        extensions["fieldErrors"] = {
            to_camel_case(field): messages for field, messages in exc.field_errors.items()
        }
    if isinstance(exc, RateLimited | ServiceUnavailable):
        extensions["retryAfter"] = exc.retry_after
    if isinstance(exc, Unauthenticated):
        extensions["reason"] = exc.reason
    return extensions


_SUGGESTION = re.compile(r" Did you mean .*\?$")


def _without_suggestions(message: str) -> str:
    """Outside DEBUG, "Did you mean" hints would map the schema for a client that may not
    introspect it."""
    return message if settings.DEBUG else _SUGGESTION.sub("", message)


def _where(error: GraphQLError) -> str:
    return ".".join(str(part) for part in error.path or ()) or "the operation"


def format_error(error: GraphQLError, *, write: bool = False) -> GraphQLError:
    """write: the error is of a mutation (a statement timeout there is the database being
    too slow to apply it, not a query to simplify)."""
    original = error.original_error
    while isinstance(original, GraphQLError) and original.original_error is not None:
        original = original.original_error
    if isinstance(original, ServiceError):
        return _with_code(error, _message(original), _service_extensions(original))
    if isinstance(original, PermissionDenied):
        return _with_code(error, str(original) or "Forbidden.", {"code": "FORBIDDEN"})
    if isinstance(original, ValidationError):
        # e.g. a filter value the model field cannot read ("abc" for a price)
        return _with_code(error, "; ".join(original.messages), {"code": "BAD_USER_INPUT"})
    if isinstance(original, ObjectDoesNotExist):
        return _with_code(error, "Not found.", {"code": "NOT_FOUND"})
    if error.extensions and "code" in error.extensions:
        return error
    if is_token_limit_error(error):
        return _with_code(error, error.message, {
            "code": TOO_COMPLEX, "limit": "tokens", "maximum": settings.GRAPHQL_MAX_TOKENS})
    if is_statement_timeout(original) and write:
        logger.warning("Write cancelled by the statement timeout in %s", _where(error))
        return _with_code(error, SLOW_WRITE_MESSAGE, {
            "code": "SERVICE_UNAVAILABLE", "retryAfter": settings.DB_RETRY_AFTER_SECONDS})
    if is_statement_timeout(original):
        return _with_code(error, "The query took too long and was cancelled.", {
            "code": TOO_COMPLEX, "limit": "statementTimeout",
            "maximum": settings.DB_STATEMENT_TIMEOUT_MS})
    if original is not None and (down := unavailable(original)) is not None:
        logger.warning("Database unavailable in %s: %s", _where(error), original)
        return _with_code(error, down.message, _service_extensions(down))
    if original is None or error.path is None:
        # Parse, validation and variable-coercion errors: the request itself is wrong.
        return _with_code(error, _without_suggestions(error.message), {"code": "BAD_USER_INPUT"})
    logger.error(
        "Unexpected error in %s",
        _where(error),
        exc_info=(type(original), original, original.__traceback__),
    )
    return _with_code(error, INTERNAL_MESSAGE, {"code": "INTERNAL_SERVER_ERROR"})


class ErrorCodes(SchemaExtension):
    """Rewrites every error of a result into the contract's form."""

    def on_operation(self):
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            write = is_write(self.execution_context)
            result.errors = [format_error(error, write=write) for error in result.errors]


def is_write(execution_context) -> bool:
    try:
        return execution_context.operation_type == OperationType.MUTATION
    except Exception:  # noqa: BLE001 - no operation to tell (a document that did not parse)
        return False
