"""Scalars of the contract that strawberry does not ship in the needed form."""

import decimal
from typing import NewType

import strawberry
from graphql import FloatValueNode, IntValueNode, StringValueNode


def _raw_decimal_literal(node, variables=None):
    if isinstance(node, (StringValueNode, IntValueNode, FloatValueNode)):
        return node.value
    raise ValueError("Decimal must be a string or a number.")


# Parsing keeps the client's value as sent: the services' clean_price decides, so a bad
# price is BAD_USER_INPUT with fieldErrors.price and is never rounded on the way in.
DecimalScalar = strawberry.scalar(
    decimal.Decimal,
    name="Decimal",
    description='A decimal number, sent as a string ("12.50") or a JSON number.',
    serialize=str,
    parse_value=lambda value: repr(value) if isinstance(value, float) else value,
    parse_literal=_raw_decimal_literal,
)


def _serialize_big_int(value) -> int:
    return int(value)


BigInt = strawberry.scalar(
    NewType("BigInt", int),
    name="BigInt",
    description="A whole number that may exceed 32 bits; a JSON number.",
    serialize=_serialize_big_int,
    parse_value=int,
)
