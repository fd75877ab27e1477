"""Scalars of the contract that strawberry does not ship in the needed form,
registered in the schema's StrawberryConfig.scalar_map."""

import decimal
from typing import NewType

import strawberry
from graphql import FloatValueNode, IntValueNode, StringValueNode

BigInt = NewType("BigInt", int)


def _raw_decimal_value(value):
    # A JSON number is read from its shortest decimal text: 1.1 -> "1.1".
    return repr(value) if isinstance(value, float) else value


def _raw_decimal_literal(node, variables=None):
    if isinstance(node, (StringValueNode, IntValueNode, FloatValueNode)):
        return node.value
    raise ValueError("Decimal must be a string or a number.")


SCALARS = {
    # Parsing keeps the client's value as sent: the services' clean_price decides, so a bad
    # price is BAD_USER_INPUT with fieldErrors.price and is never rounded on the way in.
    decimal.Decimal: strawberry.scalar(
        name="Decimal",
        description='A decimal number, sent as a string ("12.50") or a JSON number.',
        serialize=str,
        parse_value=_raw_decimal_value,
        parse_literal=_raw_decimal_literal,
    ),
    BigInt: strawberry.scalar(
        name="BigInt",
        description="A whole number that may exceed 32 bits; a JSON number.",
        serialize=int,
        parse_value=int,
    ),
}
