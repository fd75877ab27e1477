"""The view's JSON reader (schema.views.decode_json) reads every body as the standard
library does, with the same refusals, though orjson reads most of them."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schema.views import RequestError, decode_json


def _standard(body: bytes):
    """What decode_json answered before it used orjson."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return "error", "The request body is not valid UTF-8."

    def refuse(name):
        raise ValueError(name)

    try:
        return "ok", json.loads(text, parse_constant=refuse)
    except ValueError as exc:
        if isinstance(exc, json.JSONDecodeError):
            return "error", "The request body is not valid JSON."
        return "error", f"The request body is not valid JSON ({exc} is not a JSON value)."
    except RecursionError:
        return "error", "The request body is nested too deeply."


def _ours(body: bytes):
    try:
        return "ok", decode_json(body)
    except RequestError as exc:
        return "error", exc.error["message"]


BODIES = [
    b'{"a":1,"a":2}', b"1e400", b"-1e400", b"-0", b"-0.0", b"0.1", b"1E2", b"5e-324",
    b"123456789012345678901234567890", b"-9223372036854775809", b"18446744073709551615",
    b"123456789012345678", b'{"v":{"d":99999999999999999999}}',
    b"\xef\xbb\xbf{}", b'{"a":"\\u0000"}', b'{"a":"\\uD83D\\uDE00"}', b'{"a":"\\ud800"}',
    b'{"a":"\\udc00x"}', b'"\\/"', b'{"a":"\xf0\x9f\x98\x80"}', b'{"a":"\xff"}',
    b"NaN", b"Infinity", b'{"a":-Infinity}', b'{"a":1}x', b"\t\n{}\r\n", b"", b"[1,]",
    b"[" * 5000 + b"]" * 5000, b"[" * 1100 + b"]" * 1100, b'{"query":"{ me { id } }"}',
]


@pytest.mark.parametrize("body", BODIES)
def test_each_body_reads_as_the_standard_library_reads_it(body):
    ours, standard = _ours(body), _standard(body)
    assert ours == standard
    assert repr(ours) == repr(standard)  # 1 and 1.0, 0 and -0.0 told apart


@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=30))
def test_any_json_value_reads_back_the_same(value):
    for body in (json.dumps(value).encode(),
                 json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")):
        assert repr(_ours(body)) == repr(_standard(body))
