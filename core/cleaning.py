"""Cleaners for values a client sends: each returns the clean value or raises InvalidInput.

The field name passed in is the model's (snake_case); the schema renames it for clients.
"""

from decimal import Decimal, InvalidOperation

from core.errors import InvalidInput

MAX_INT = 2_147_483_647
MAX_PRICE = Decimal("9999999999.99")
CENT = Decimal("0.01")


def _reject_nul(field: str, value: str) -> None:
    if "\x00" in value:
        raise InvalidInput.single(field, "Must not contain NUL characters.")


def clean_text(
    field: str, value: str, *, max_length: int, required: bool = True, strip: bool = True
) -> str:
    """Trim (unless strip is False), refuse NUL, enforce required and max_length."""
    if not isinstance(value, str):
        raise InvalidInput.single(field, "Must be a string.")
    _reject_nul(field, value)
    if strip:
        value = value.strip()
    if required and not value:
        raise InvalidInput.single(field, "This field may not be blank.")
    if len(value) > max_length:
        raise InvalidInput.single(
            field, f"Ensure this value has at most {max_length} characters (it has {len(value)})."
        )
    return value


def clean_optional_text(field: str, value: str | None, *, max_length: int) -> str | None:
    """Trimmed text, where blank means None."""
    if value is None:
        return None
    value = clean_text(field, value, max_length=max_length, required=False)
    return value or None


def clean_count(field: str, value: int) -> int:
    """A whole number from 0 to 2,147,483,647 (quantities, thresholds)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput.single(field, "Must be a whole number.")
    if value < 0 or value > MAX_INT:
        raise InvalidInput.single(field, f"Must be between 0 and {MAX_INT:,}.")
    return value


def clean_price(field: str, value: Decimal | str | int | float) -> Decimal:
    """A decimal from 0 to 9,999,999,999.99 with at most 2 places: never rounded."""
    if isinstance(value, bool):
        raise InvalidInput.single(field, "Must be a decimal number.")
    if isinstance(value, float):
        value = repr(value)  # the shortest text that reads back as this float: 1.1 -> "1.1"
    try:
        price = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise InvalidInput.single(field, "Must be a decimal number.") from None
    if not price.is_finite():
        raise InvalidInput.single(field, "Must be a finite decimal number.")
    if price < 0 or price > MAX_PRICE:
        raise InvalidInput.single(field, f"Must be between 0 and {MAX_PRICE:,}.")
    if price != price.quantize(CENT, rounding="ROUND_DOWN"):
        raise InvalidInput.single(field, "Must have at most 2 decimal places.")
    return price.quantize(CENT)
