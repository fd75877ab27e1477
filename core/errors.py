"""Domain errors raised by services; schema.errors maps each to the contract's code."""

from collections.abc import Mapping, Sequence


class ServiceError(Exception):
    """A failure the client caused and may be told about."""

    code = "BAD_USER_INPUT"
    default_message = "The request could not be completed."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


class Unauthenticated(ServiceError):
    """reason tells a program why: AUTH_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID,
    TOKEN_REVOKED, ACCOUNT_INACTIVE or CREDENTIALS_INVALID."""

    code = "UNAUTHENTICATED"
    default_message = "Authentication required."

    AUTH_REQUIRED = "AUTH_REQUIRED"
    TOKEN_EXPIRED = "TOKEN_EXPIRED"
    TOKEN_INVALID = "TOKEN_INVALID"
    TOKEN_REVOKED = "TOKEN_REVOKED"
    ACCOUNT_INACTIVE = "ACCOUNT_INACTIVE"
    CREDENTIALS_INVALID = "CREDENTIALS_INVALID"

    def __init__(self, message: str | None = None, *, reason: str = AUTH_REQUIRED) -> None:
        super().__init__(message)
        self.reason = reason


class Forbidden(ServiceError):
    code = "FORBIDDEN"
    default_message = "You do not have permission to do this."


class NotFound(ServiceError):
    code = "NOT_FOUND"
    default_message = "Not found."


class Conflict(ServiceError):
    code = "CONFLICT"
    default_message = "The request conflicts with the current state."


class RateLimited(ServiceError):
    code = "RATE_LIMITED"
    default_message = "Too many attempts. Try again later."

    def __init__(self, message: str | None = None, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ServiceUnavailable(ServiceError):
    """A backing service failed (the database is unreachable, a row stayed locked past
    the lock timeout): nothing was applied, and the client may retry after retry_after
    seconds (with the same idempotency key, safely)."""

    code = "SERVICE_UNAVAILABLE"
    default_message = "The service is temporarily unavailable. Try again shortly."

    def __init__(self, message: str | None = None, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class InvalidInput(ServiceError):
    """Validation failed; field_errors maps a snake_case field name to its messages."""

    code = "BAD_USER_INPUT"
    default_message = "The input is not valid."

    def __init__(
        self,
        field_errors: Mapping[str, Sequence[str]],
        message: str | None = None,
    ) -> None:
        self.field_errors = {field: list(msgs) for field, msgs in field_errors.items()}
        super().__init__(message)

    @classmethod
    def single(cls, field: str, message: str) -> "InvalidInput":
        return cls({field: [message]})


class FieldErrors:
    """Collects validation messages per field, to report them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def check(self, field: str, func, *args, **kwargs):
        """Run a cleaner; record its InvalidInput under field and return None."""
        try:
            return func(*args, **kwargs)
        except InvalidInput as exc:
            for messages in exc.field_errors.values():
                for message in messages:
                    self.add(field, message)
            return None

    def raise_if_any(self) -> None:
        if self.errors:
            raise InvalidInput(self.errors)
