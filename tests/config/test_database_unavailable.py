"""The database unreachable, restarting, or a row locked past DB_LOCK_TIMEOUT_MS: the
answer is JSON SERVICE_UNAVAILABLE with retryAfter, never an HTML page, nothing applied;
a read past statement_timeout stays QUERY_TOO_COMPLEX, a write past it (the database too
slow to apply it, e.g. paused) is SERVICE_UNAVAILABLE."""

import threading
from unittest import mock

import psycopg
import pytest
from django.db import OperationalError, connection
from django.test import Client
from graphql import GraphQLError

from accounts.tokens import access_token_for
from core.errors import ServiceUnavailable
from schema.errors import format_error
from stock import admission, events
from tests.conftest import error_codes
from tests.factories import make_item

ADJUST = """mutation($id: ID!) { adjustStock(input: {itemId: $id, delta: 2, reason: RECEIVED})
  { newQuantity } }"""


def _wrapped(sqlstate: str | None) -> OperationalError:
    cause = psycopg.OperationalError("server said no")
    if sqlstate:
        cause = type("PgError", (psycopg.OperationalError,), {"sqlstate": sqlstate})("no")
    error = OperationalError(str(cause))
    error.__cause__ = cause
    return error


def _formatted(exc, write=False):
    error = GraphQLError("x", path=["adjustStock"], original_error=exc)
    return format_error(error, write=write).extensions


@pytest.mark.parametrize(("sqlstate", "code"), [
    (None, "SERVICE_UNAVAILABLE"),        # connection refused / lost, pool timeout
    ("57P01", "SERVICE_UNAVAILABLE"),     # terminating connection (administrator command)
    ("55P03", "SERVICE_UNAVAILABLE"),     # lock_timeout
    ("57014", "QUERY_TOO_COMPLEX"),       # statement_timeout
])
def test_database_errors_get_their_codes(sqlstate, code, settings):
    extensions = _formatted(_wrapped(sqlstate))
    assert extensions["code"] == code
    if code == "SERVICE_UNAVAILABLE":
        expected = (settings.DB_LOCK_RETRY_AFTER_SECONDS if sqlstate == "55P03"
                    else settings.DB_RETRY_AFTER_SECONDS)
        assert extensions["retryAfter"] == expected


@pytest.mark.parametrize(("sqlstate", "code"), [
    (None, "SERVICE_UNAVAILABLE"),
    ("55P03", "SERVICE_UNAVAILABLE"),
    ("57014", "SERVICE_UNAVAILABLE"),     # a write is never "too complex"
])
def test_database_errors_of_a_write_get_their_codes(sqlstate, code, settings):
    extensions = _formatted(_wrapped(sqlstate), write=True)
    assert extensions["code"] == code
    assert extensions["retryAfter"] == (settings.DB_LOCK_RETRY_AFTER_SECONDS
                                        if sqlstate == "55P03" else settings.DB_RETRY_AFTER_SECONDS)


@pytest.mark.postgres
def test_a_write_past_the_statement_timeout_is_service_unavailable(gql, owner, monkeypatch):
    """The statement runs after the item's UPDATE and the log row: nothing is applied."""
    item = make_item(owner, quantity=1)
    announce = events.announce_change

    def slow(**kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 50")
            cursor.execute("SELECT pg_sleep(1)")
        announce(**kwargs)

    monkeypatch.setattr(events, "announce_change", slow)
    response = gql.http.post("/graphql/", {"query": ADJUST, "variables": {"id": item.pk}},
                             content_type="application/json",
                             HTTP_AUTHORIZATION=f"JWT {access_token_for(owner)}")
    assert response.status_code == 503 and response["Retry-After"]
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert "nothing was applied" in error["message"]
    item.refresh_from_db()
    assert item.quantity == 1 and item.changes.count() == 1


def test_driver_text_never_reaches_the_client():
    error = format_error(GraphQLError("x", path=["item"], original_error=_wrapped("57P01")))
    assert "server said no" not in error.message and "terminating" not in error.message


@pytest.mark.parametrize("sqlstate", [None, "57P01", "57014"])
def test_user_lookup_failure_is_json_503(gql, owner, sqlstate):
    """The JWT middleware looks the user up before GraphQL runs: no HTML error page. A
    lookup by key past the statement timeout means a database too slow (or paused) to
    answer, never a query too complex."""
    with mock.patch("accounts.tokens.user_for_authorization",
                    side_effect=_wrapped(sqlstate)):
        response = gql.http.post("/graphql/", {"query": "{ me { id } }"},
                                 content_type="application/json",
                                 HTTP_AUTHORIZATION="JWT whatever")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "2"
    body = response.json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"] == {"code": "SERVICE_UNAVAILABLE", "retryAfter": 2}


def test_resolver_failure_is_service_unavailable(gql, owner):
    item = make_item(owner, quantity=1)
    with mock.patch("stock.services.apply_adjustment", side_effect=_wrapped(None)):
        body = gql(ADJUST, {"id": item.pk}, user=owner)
    assert error_codes(body) == ["SERVICE_UNAVAILABLE"]


def test_a_full_item_queue_answers_service_unavailable(gql, owner, settings):
    """More writers for one item than DB_ITEM_MAX_WAITERS wait without a connection and
    give up after the lock timeout; another item is not held up."""
    settings.DB_ITEM_MAX_WAITERS = 1
    settings.DB_LOCK_TIMEOUT_MS = 100
    hot, cold = make_item(owner, quantity=1), make_item(owner, quantity=1)
    inside, release = threading.Event(), threading.Event()

    def hold():
        with admission.item_slot(hot.pk):
            inside.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        inside.wait(5)
        busy = gql(ADJUST, {"id": hot.pk}, user=owner)
        free = gql(ADJUST, {"id": cold.pk}, user=owner)
    finally:
        release.set()
        holder.join(5)
    assert error_codes(busy) == ["SERVICE_UNAVAILABLE"]
    assert busy["errors"][0]["extensions"]["retryAfter"] == settings.DB_LOCK_RETRY_AFTER_SECONDS
    assert free["data"]["adjustStock"]["newQuantity"] == 3
    hot.refresh_from_db()
    assert hot.quantity == 1 and hot.changes.count() == 1
    assert admission._items == {}  # nothing left behind


def test_service_unavailable_is_a_service_error():
    error = ServiceUnavailable(retry_after=3)
    assert (error.code, error.retry_after) == ("SERVICE_UNAVAILABLE", 3)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_row_locked_past_the_lock_timeout_answers_service_unavailable(gql, owner, settings):
    item = make_item(owner, quantity=5)
    db = connection.settings_dict
    holder = psycopg.connect(dbname=db["NAME"], user=db["USER"], host=db["HOST"],
                             port=db["PORT"])
    try:
        holder.execute("SELECT 1 FROM stock_inventoryitem WHERE id = %s FOR UPDATE", [item.pk])
        body = gql(ADJUST, {"id": item.pk}, user=owner)
        update = gql('mutation($id: ID!) { updateItem(id: $id, input: {quantity: 1}) '
                     '{ quantity } }', {"id": item.pk}, user=owner)
    finally:
        holder.rollback()
        holder.close()
    assert error_codes(body) == ["SERVICE_UNAVAILABLE"], body
    assert body["errors"][0]["extensions"]["retryAfter"] == settings.DB_LOCK_RETRY_AFTER_SECONDS
    assert error_codes(update) == ["SERVICE_UNAVAILABLE"], update
    item.refresh_from_db()
    assert item.quantity == 5 and item.changes.count() == 1  # nothing applied


@pytest.mark.postgres
def test_an_item_write_bounds_each_statement_by_what_is_left_of_the_lock_timeout(
        owner, settings):
    """lock_timeout counts each lock wait anew: a write queued behind another waiter
    would wait for the tuple lock, then for the holder, twice the timeout in all. Each
    statement of an item's write is also bounded by what is left of it."""
    settings.DB_LOCK_TIMEOUT_MS = 1500
    item = make_item(owner, quantity=5)
    with admission.item_transaction(item.pk), connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        statement_ms = int(cursor.fetchone()[0].removesuffix("ms"))
        cursor.execute("SHOW lock_timeout")
        lock_ms = int(cursor.fetchone()[0].removesuffix("ms"))
    assert 1000 < lock_ms <= 1500
    assert statement_ms == lock_ms + admission.STATEMENT_GRACE_MS


@pytest.mark.postgres
def test_a_write_timed_out_behind_the_lock_is_the_lock_answer(owner, settings):
    """The statement timeout of an item's write is a lock wait (its retryAfter), not a
    slow database."""
    item = make_item(owner, quantity=5)
    with pytest.raises(ServiceUnavailable) as refused:
        with admission.item_transaction(item.pk), connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(5)")
    assert refused.value.retry_after == settings.DB_LOCK_RETRY_AFTER_SECONDS
    assert "being changed by another request" in refused.value.message


def test_past_the_queue_of_a_held_item_a_write_is_refused_at_once(settings, monkeypatch):
    """While an item is held (no write to it completes), DB_ITEM_MAX_WAITERS wait in the
    database and DB_ITEM_MAX_QUEUE for a turn: the next write to that item does not take
    a thread for the lock timeout."""
    settings.DB_ITEM_MAX_WAITERS, settings.DB_ITEM_MAX_QUEUE = 1, 1
    monkeypatch.setattr(admission, "STUCK_AFTER_SECONDS", 0.0)
    settings.DB_LOCK_TIMEOUT_MS = 30_000
    inside, release = threading.Event(), threading.Event()
    outcomes = []

    def hold():
        with admission.item_slot(7):
            inside.set()
            release.wait(10)

    def queue():
        try:
            with admission.item_slot(7):
                outcomes.append("turn")
        except ServiceUnavailable:
            outcomes.append("refused")

    holder, queued = threading.Thread(target=hold), threading.Thread(target=queue)
    holder.start()
    try:
        inside.wait(5)
        queued.start()
        for _ in range(200):  # until the second one waits for its turn
            if 7 in admission._items and len(admission._items[7].waiting) == 1:
                break
            threading.Event().wait(0.01)
        with pytest.raises(ServiceUnavailable) as refused, admission.item_slot(7):
            pass
        assert not release.is_set()  # refused while the slot was still held
        assert refused.value.retry_after == settings.DB_LOCK_RETRY_AFTER_SECONDS
    finally:
        release.set()
        holder.join(5)
        queued.join(5)
    assert outcomes == ["turn"]
    assert admission._items == {}


def test_writes_queued_before_an_item_was_held_give_up_once_it_is(settings):
    """Writes that queued while the item still moved: once it counts as held, those past
    the first DB_ITEM_MAX_QUEUE answer at once and free their threads (for other items),
    long before their lock timeout; the first in line keeps its turn."""
    import time

    settings.DB_ITEM_MAX_WAITERS, settings.DB_ITEM_MAX_QUEUE = 1, 1
    settings.DB_LOCK_TIMEOUT_MS = 30_000
    inside, release = threading.Event(), threading.Event()
    outcomes: dict[int, tuple[str, float]] = {}

    def hold():
        with admission.item_slot(9):
            inside.set()
            release.wait(20)

    def queue(n):
        started = time.monotonic()
        try:
            with admission.item_slot(9):
                outcomes[n] = ("turn", time.monotonic() - started)
        except ServiceUnavailable:
            outcomes[n] = ("refused", time.monotonic() - started)

    holder = threading.Thread(target=hold)
    holder.start()
    inside.wait(5)
    queued = []
    for n in range(4):  # in line one after the other, before the item counts as held
        queued.append(threading.Thread(target=queue, args=(n,)))
        queued[-1].start()
        for _ in range(200):
            if len(admission._items[9].waiting) == n + 1:
                break
            time.sleep(0.001)
    try:
        for thread in queued[1:]:
            thread.join(5)
        refused_while_held = not release.is_set()
    finally:
        release.set()
        holder.join(5)
        queued[0].join(5)
    assert refused_while_held
    assert outcomes[0][0] == "turn"
    assert [outcomes[n][0] for n in (1, 2, 3)] == ["refused"] * 3
    assert max(outcomes[n][1] for n in (1, 2, 3)) < 2.0  # not the 30 s lock timeout
    assert admission._items == {}


def test_a_busy_item_whose_writes_complete_keeps_queueing(settings):
    """Many writers on one item that is not held (each write completes quickly) all wait
    their turn: none is refused for the queue's length."""
    settings.DB_ITEM_MAX_WAITERS, settings.DB_ITEM_MAX_QUEUE = 1, 1
    outcomes = []

    def write():
        try:
            with admission.item_slot(8):
                threading.Event().wait(0.005)
            outcomes.append("done")
        except ServiceUnavailable:
            outcomes.append("refused")

    threads = [threading.Thread(target=write) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert outcomes == ["done"] * 12


@pytest.mark.postgres
def test_only_a_requests_first_item_write_counts_its_time_queued(owner, settings):
    """The first item write of a request counts the time since the request arrived (queued
    for a thread); later ones in the same request (an admin action deleting many items)
    each get the whole lock timeout."""
    import contextvars
    import time

    from core import arrival

    settings.DB_LOCK_TIMEOUT_MS = 1500
    item = make_item(owner, quantity=5)

    def lock_timeouts():
        arrival._arrived.set(time.monotonic() - 1.0)  # arrived a second ago
        seen = []
        for _ in range(2):
            with admission.item_transaction(item.pk), connection.cursor() as cursor:
                cursor.execute("SHOW lock_timeout")
                seen.append(int(cursor.fetchone()[0].removesuffix("ms")))
        return seen

    first, second = contextvars.copy_context().run(lock_timeouts)
    assert 300 < first <= 500
    assert 1300 < second <= 1500


@pytest.mark.parametrize("path", ["/graphql/", "/export/items.csv"])
def test_an_unexpected_failure_before_graphql_runs_is_json_500(path, caplog):
    """Whatever escapes the view and its middleware, the API's paths answer JSON."""
    client = Client(raise_request_exception=False)
    with mock.patch("accounts.tokens.user_for_authorization", side_effect=RuntimeError("x")):
        response = client.post(path, {"query": "{ me { id } }"},
                               content_type="application/json", HTTP_AUTHORIZATION="JWT x")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"data": None, "errors": [{
        "message": "Internal server error.", "extensions": {"code": "INTERNAL_SERVER_ERROR"}}]}
