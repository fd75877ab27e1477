"""The one place where exceptions become the contract's error codes.

Domain errors (core.errors) keep their message and get their code; errors
about the request itself become BAD_USER_INPUT; anything else is logged with
its traceback and answered with a bare "Internal server error."
"""

import logging

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.utils.str_converters import to_camel_case

from core.errors import InvalidInput, RateLimited, ServiceError

logger = logging.getLogger("schema.errors")

INTERNAL_MESSAGE = "Internal server error."


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


def _service_extensions(exc: ServiceError) -> dict:
    extensions: dict = {"code": exc.code}
    if isinstance(exc, InvalidInput):
        extensions["fieldErrors"] = {
            to_camel_case(field): messages for field, messages in exc.field_errors.items()
        }
    if isinstance(exc, RateLimited):
        extensions["retryAfter"] = exc.retry_after
    return extensions


def format_error(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    while isinstance(original, GraphQLError) and original.original_error is not None:
        original = original.original_error
    if isinstance(original, ServiceError):
        return _with_code(error, original.message, _service_extensions(original))
    if isinstance(original, PermissionDenied):
        return _with_code(error, str(original) or "Forbidden.", {"code": "FORBIDDEN"})
    if isinstance(original, ValidationError):
        # e.g. a filter value the model field cannot read ("abc" for a price)
        return _with_code(error, "; ".join(original.messages), {"code": "BAD_USER_INPUT"})
    if isinstance(original, ObjectDoesNotExist):
        return _with_code(error, "Not found.", {"code": "NOT_FOUND"})
    if error.extensions and "code" in error.extensions:
        return error
    if original is None or error.path is None:
        # Parse, validation and variable-coercion errors: the request itself is wrong.
        return _with_code(error, error.message, {"code": "BAD_USER_INPUT"})
    logger.error(
        "Unexpected error in %s",
        ".".join(str(part) for part in error.path),
        exc_info=(type(original), original, original.__traceback__),
    )
    return _with_code(error, INTERNAL_MESSAGE, {"code": "INTERNAL_SERVER_ERROR"})


class ErrorCodes(SchemaExtension):
    """Rewrites every error of a result into the contract's form."""

    def on_operation(self):
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [format_error(error) for error in result.errors]
