"""schemathesis hooks for .ci/fuzz: strategies for our custom scalars, and the two
properties we demand of every response — no 5xx, and no INTERNAL_SERVER_ERROR (nor an
error without a code). Documented client errors (NOT_FOUND, FORBIDDEN, CONFLICT, ...)
are expected answers to random input, not failures."""

import json

import schemathesis
from hypothesis import strategies as st
from schemathesis.graphql import nodes

schemathesis.graphql.scalar("Decimal", st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True).map(lambda d: nodes.String(str(d))),
    st.floats().map(lambda f: nodes.String(repr(f))),
    st.integers(-(10**14), 10**14).map(nodes.Int),
    st.text(max_size=20).map(nodes.String),
))
schemathesis.graphql.scalar("BigInt", st.integers(-(2**63), 2**63).map(nodes.Int))
schemathesis.graphql.scalar("DateTime", st.one_of(
    st.datetimes().map(lambda d: nodes.String(d.isoformat())),
    st.text(max_size=30).map(nodes.String),
))
schemathesis.graphql.scalar("JSON", st.text(max_size=20).map(nodes.String))
# A file comes only in a multipart request; in a JSON body it can only be a wrong value.
schemathesis.graphql.scalar("Upload", st.text(max_size=20).map(nodes.String))


@schemathesis.check
def no_server_error_status(ctx, response, case):
    if response.status_code >= 500:
        raise AssertionError(f"HTTP {response.status_code}: {response.content[:500]!r}")


@schemathesis.check
def no_internal_server_error(ctx, response, case):
    try:
        body = json.loads(response.content or b"{}")
    except ValueError:
        raise AssertionError(f"not JSON (HTTP {response.status_code})") from None
    errors = (body.get("errors") or []) if isinstance(body, dict) else []
    codes = [(error.get("extensions") or {}).get("code") for error in errors]
    if "INTERNAL_SERVER_ERROR" in codes:
        raise AssertionError(f"INTERNAL_SERVER_ERROR: {errors}")
    if any(code is None for code in codes):
        raise AssertionError(f"an error without extensions.code: {errors}")
