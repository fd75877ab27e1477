"""The response media type of GraphQL over HTTP, chosen from the request's Accept header."""

import functools

from django.http.request import MediaType

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"
# The order breaks ties: application/json when the client names neither (no Accept, */*).
SUPPORTED = (JSON, GRAPHQL_RESPONSE_JSON)


def _specificity(media_range: MediaType, main: str, sub: str) -> int | None:
    """How closely the range names main/sub (2 exactly, 1 main/*, 0 */*); None: not at all.
    Parameters other than q (e.g. charset) do not narrow a range: both types are UTF-8."""
    range_main, range_sub = media_range.main_type.lower(), media_range.sub_type.lower()
    if (range_main, range_sub) == (main, sub):
        return 2
    if (range_main, range_sub) == (main, "*"):
        return 1
    if (range_main, range_sub) == ("*", "*"):
        return 0
    return None


@functools.lru_cache(maxsize=256)  # clients send the same few Accept headers
def response_media_type(accept: str | None) -> str | None:
    """The supported type the client prefers: the highest q (of the most specific range
    naming it), then the first listed; None when it accepts neither (the spec's 406)."""
    ranges = [MediaType(token) for token in (accept or "").split(",") if token.strip()]
    if not ranges:
        return JSON
    offers = []
    for order, supported in enumerate(SUPPORTED):
        main, sub = supported.split("/")
        matches = [(specificity, -index, media_range.quality)
                   for index, media_range in enumerate(ranges)
                   if (specificity := _specificity(media_range, main, sub)) is not None]
        if matches:
            _, negative_index, quality = max(matches)
            if quality > 0:
                offers.append((-quality, -negative_index, order, supported))
    return min(offers)[3] if offers else None
