"""The pagination input as every list and page applies it."""

import strawberry
from strawberry_django.pagination import OffsetPaginationInput

from core.errors import InvalidInput


def checked_pagination(pagination) -> OffsetPaginationInput:
    if pagination is None or pagination is strawberry.UNSET:
        return OffsetPaginationInput()
    errors = {}
    if pagination.offset is not None and pagination.offset < 0:
        errors["offset"] = ["Must not be negative."]
    if isinstance(pagination.limit, int) and pagination.limit < 0:
        errors["limit"] = ["Must not be negative."]
    if errors:
        raise InvalidInput(errors)
    if pagination.offset is None:
        pagination.offset = 0
    return pagination
