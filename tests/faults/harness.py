"""The fault suite's own services and clients: a PostgreSQL cluster and a Redis on free
ports (never the shared ones), the production server command (Procfile web: gunicorn,
2 uvicorn workers) against them, a bounded write load, websocket subscribers, and the
checks of the change log after each fault. Processes are stopped by their own PIDs."""

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from tests.servers import ROOT, free_port, web_command

LOG = os.environ.get("FAULTS_SERVER_LOG", "/tmp/inventory-faults-server.log")
PASSWORD = "fault-suite-pass-phrase-9"
ADJUST = """mutation($id: ID!, $d: Int!, $k: String!) { adjustStock(input: {itemId: $id,
  delta: $d, reason: RECEIVED, idempotencyKey: $k}) { id newQuantity } }"""
LOGIN = "mutation($u: String!, $p: String!) { tokenAuth(username: $u, password: $p) { token } }"
CHANGES = "subscription($after: ID) { stockChanges(afterId: $after) { id item { id } } }"


def _pg_version() -> str:
    return sorted(os.listdir("/etc/postgresql"), key=int)[-1]


def _run(*command: str) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_until(predicate, timeout: float, interval: float = 0.05) -> float:
    """Seconds until predicate() held; AssertionError after timeout."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        with contextlib.suppress(Exception):
            if predicate():
                return time.monotonic() - started
        time.sleep(interval)
    raise AssertionError(f"not within {timeout} s: {predicate}")


class Postgres:
    """A cluster of our own: pg_createcluster on a free port, dropped at the end."""

    def __init__(self) -> None:
        self.version = _pg_version()
        self.name = f"faults{os.getpid()}"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/inventory"

    def create(self) -> None:
        _run("pg_createcluster", self.version, self.name, "-p", str(self.port),
             "--start-conf", "manual", "--", "-A", "trust")
        conf = Path(f"/etc/postgresql/{self.version}/{self.name}/postgresql.conf")
        with conf.open("a") as out:
            # fsync off is safe here: the suite kills PostgreSQL, never the machine. An
            # acknowledged commit must survive an immediate stop, so commits stay synchronous.
            out.write("\nlisten_addresses = '127.0.0.1'\nfsync = off\n"
                      "full_page_writes = off\nshared_buffers = 32MB\nmax_connections = 60\n")
        self.start()
        _run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "inventory")

    def _ctl(self, *args: str) -> None:
        _run("pg_ctlcluster", "--skip-systemctl-redirect", self.version, self.name, *args)

    def start(self) -> None:
        self._ctl("start")

    def stop(self) -> None:
        self._ctl("stop", "-m", "immediate")

    def restart(self) -> None:
        self._ctl("restart", "-m", "fast")

    def accepting(self) -> bool:
        return subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(self.port)]
                              ).returncode == 0

    def pids(self) -> list[int]:
        data = Path(f"/var/lib/postgresql/{self.version}/{self.name}/postmaster.pid")
        postmaster = int(data.read_text().split()[0])
        children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(postmaster)],
                                  capture_output=True, text=True).stdout.split()
        return [postmaster, *map(int, children)]

    def signal_all(self, sig: int) -> None:
        for pid in self.pids():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)

    def drop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.signal_all(signal.SIGCONT)
        subprocess.run(["pg_dropcluster", "--stop", self.version, self.name],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def connect(self) -> psycopg.Connection:
        return psycopg.connect(self.url, autocommit=True, connect_timeout=5)


class Redis:
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], stdout=subprocess.DEVNULL, start_new_session=True)
        wait_until(self.answers, 10)

    def answers(self) -> bool:
        import redis

        return redis.Redis.from_url(self.url, socket_timeout=0.5).ping()

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)

    def pause(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)


@dataclass
class Answer:
    status: int | None  # None: no HTTP answer at all
    content_type: str = ""
    body: dict | None = None
    elapsed: float = 0.0
    retry_after: str | None = None

    @property
    def codes(self) -> list[str]:
        return [e.get("extensions", {}).get("code") for e in (self.body or {}).get("errors", [])]

    @property
    def ok(self) -> bool:
        return self.status == 200 and self.body is not None and not self.codes


class Server:
    def __init__(self, pg: Postgres, redis: Redis) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.metrics_token = uuid.uuid4().hex
        self.env = {
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
            "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "false",
            "SECRET_KEY": f"faults-{uuid.uuid4().hex}-long-enough-for-hs256-0123456789",
            "ALLOWED_HOSTS": "127.0.0.1", "DATABASE_URL": pg.url, "REDIS_URL": redis.url,
            "PORT": str(self.port), "BIND": "127.0.0.1", "WEB_CONCURRENCY": "2",
            "JWT_EXPIRATION_SECONDS": "3600", "METRICS_TOKEN": self.metrics_token,
            # Each failed login costs a password hash (seconds on a busy machine): a low
            # limit shows the throttle with few attempts.
            "LOGIN_MAX_FAILURES_PER_USERNAME": "2",
        }
        self.env.pop("PROMETHEUS_MULTIPROC_DIR", None)
        self.process: subprocess.Popen | None = None

    def migrate(self) -> None:
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
                       cwd=ROOT, env=self.env, check=True)

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["bash", "-c", f"exec {web_command()}"], cwd=ROOT, env=self.env,
            stdout=subprocess.DEVNULL, stderr=open(LOG, "ab"), start_new_session=True)
        wait_until(lambda: self.get("/healthz").status == 200, 40, 0.3)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)

    def workers(self) -> list[int]:
        """The PIDs of gunicorn's workers (the server process is its master)."""
        children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.process.pid)],
                                  capture_output=True, text=True).stdout.split()
        return sorted(map(int, children))

    def _answer(self, request, timeout: float) -> Answer:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status, headers, raw = response.status, response.headers, response.read()
        except urllib.error.HTTPError as exc:
            status, headers, raw = exc.code, exc.headers, exc.read()
        except OSError:
            return Answer(None, elapsed=time.monotonic() - started)
        answer = Answer(status, headers.get("Content-Type", ""), None,
                        time.monotonic() - started, headers.get("Retry-After"))
        if answer.content_type.startswith("application/json"):
            answer.body = json.loads(raw)
        return answer

    def get(self, path: str, timeout: float = 10, **headers) -> Answer:
        return self._answer(urllib.request.Request(self.base + path, headers=headers), timeout)

    def graphql(self, query: str, variables: dict | None = None, token: str | None = None,
                timeout: float = 15) -> Answer:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"JWT {token}"
        data = json.dumps({"query": query, "variables": variables or {}}).encode()
        return self._answer(urllib.request.Request(self.base + "/graphql/", data=data,
                                                   headers=headers), timeout)

    def metric(self, name: str) -> float:
        request = urllib.request.Request(self.base + "/metrics", headers={
            "Authorization": f"Bearer {self.metrics_token}"})
        with urllib.request.urlopen(request, timeout=5) as response:
            for line in response.read().decode().splitlines():
                if line.startswith(name + " "):
                    return float(line.split()[1])
        return 0.0


@dataclass
class Attempt:
    item: int
    delta: int
    key: str
    started: float
    phase: str
    answer: Answer


@dataclass
class Load:
    """Writers adjusting stock with unique idempotency keys, until stopped."""

    stack: "Stack"
    items: list[int]
    writers: int = 4
    pause: float = 0.03
    attempts: list[Attempt] = field(default_factory=list)
    phase: str = "before"

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, daemon=True)
                         for _ in range(self.writers)]

    def _run(self) -> None:
        rng = random.Random()
        while not self._stop.is_set():
            item, delta = rng.choice(self.items), rng.choice([-2, -1, 1, 2, 3])
            key = uuid.uuid4().hex
            started, phase = time.monotonic(), self.phase
            answer = self.stack.server.graphql(ADJUST, {"id": item, "d": delta, "k": key},
                                               self.stack.token)
            with self._lock:
                self.attempts.append(Attempt(item, delta, key, started, phase, answer))
            time.sleep(self.pause)

    def __enter__(self) -> "Load":
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(30)

    def in_phase(self, phase: str) -> list[Attempt]:
        return [a for a in self.attempts if a.phase == phase]


class Subscriber:
    """A graphql-transport-ws client of stockChanges, read on a thread of its own."""

    def __init__(self, stack: "Stack", after: int | None = None) -> None:
        from websockets.sync.client import connect

        port = stack.server.port
        self.ws = connect(f"ws://127.0.0.1:{port}/graphql/", origin=f"http://127.0.0.1:{port}",
                          subprotocols=["graphql-transport-ws"], open_timeout=5,
                          ping_interval=None, legacy=True)  # held open, closed by close()
        self.ws.send(json.dumps({"type": "connection_init",
                                 "payload": {"authorization": f"JWT {stack.token}"}}))
        ack = json.loads(self.ws.recv(timeout=5))
        assert ack == {"type": "connection_ack"}, ack
        self.ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {
            "query": CHANGES, "variables": {"after": None if after is None else str(after)}}}))
        self.ids: list[int] = []
        self.items: dict[int, int] = {}  # change id -> item id
        self.frames: list[dict] = []  # every frame that is not a change
        self.close_code: int | None = None
        self.closed = threading.Event()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            while True:
                frame = json.loads(self.ws.recv())
                payload = frame.get("payload") or {}
                if frame.get("type") == "next" and not payload.get("errors"):
                    change = payload["data"]["stockChanges"]
                    self.ids.append(int(change["id"]))
                    self.items[int(change["id"])] = int(change["item"]["id"])
                else:
                    self.frames.append(frame)
        except ConnectionClosed as exc:
            self.close_code = exc.rcvd.code if exc.rcvd else None
        finally:
            self.closed.set()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()
        self.thread.join(5)


def open_socket_outcome(stack: "Stack", wait: float = 5) -> str:
    """What a new subscriber meets: "refused" (handshake refused), "1011", or "open"."""
    from websockets.exceptions import InvalidStatus

    try:
        subscriber = Subscriber(stack)
    except InvalidStatus as exc:
        return "refused" if exc.response.status_code in (403, 503) else f"http {exc.response}"
    except Exception as exc:  # noqa: BLE001 - closed during the handshake or the ack
        code = getattr(getattr(exc, "rcvd", None), "code", None)
        return str(code) if code else f"error {type(exc).__name__}"
    subscriber.closed.wait(wait)
    subscriber.close()
    assert not subscriber.frames, subscriber.frames
    return str(subscriber.close_code) if subscriber.close_code else "open"


class Stack:
    """PostgreSQL + Redis + the production server, and one owner with a few items."""

    ITEMS = 6
    START_QUANTITY = 100_000

    def __init__(self) -> None:
        self.pg = Postgres()
        self.redis = Redis()
        self.server = Server(self.pg, self.redis)
        self.username = f"faults{uuid.uuid4().hex[:8]}"
        self.token = ""
        self.items: list[int] = []

    @classmethod
    @contextlib.contextmanager
    def started(cls):
        stack = cls()
        try:
            stack.pg.create()
            stack.redis.start()
            stack.server.migrate()
            stack.server.start()
            stack._seed()
            yield stack
        finally:
            stack.server.stop()
            stack.redis.kill()
            stack.pg.drop()

    def _seed(self) -> None:
        body = self.server.graphql(
            "mutation($u: String!, $e: String!, $p: String!) { register(input: "
            "{username: $u, email: $e, password: $p}) { id } }",
            {"u": self.username, "e": f"{self.username}@example.com", "p": PASSWORD}).body
        assert "errors" not in body, body
        self.token = self.login(PASSWORD).body["data"]["tokenAuth"]["token"]
        for n in range(self.ITEMS):
            body = self.server.graphql(
                "mutation($n: String!, $q: Int!) { createItem(input: {name: $n, price: \"1\", "
                "category: \"faults\", quantity: $q}) { id } }",
                {"n": f"item {n}", "q": self.START_QUANTITY}, self.token).body
            self.items.append(int(body["data"]["createItem"]["id"]))

    def login(self, password: str, username: str | None = None) -> Answer:
        return self.server.graphql(LOGIN, {"u": username or self.username, "p": password},
                                   timeout=60)

    def write(self, item: int | None = None, delta: int = 1) -> Answer:
        return self.server.graphql(ADJUST, {"id": item or self.items[0], "d": delta,
                                            "k": uuid.uuid4().hex}, self.token)

    def serving(self) -> bool:
        return self.write().ok

    # The checks after each fault -------------------------------------------------------

    def check_log(self, load: Load) -> None:
        """Chains intact; every acknowledged write in the log once with its delta; no
        write that was answered with an error applied; the log's deltas add up."""
        with self.pg.connect() as conn:
            quantities = dict(conn.execute(
                "SELECT id, quantity FROM stock_inventoryitem WHERE id = ANY(%s)",
                [self.items]).fetchall())
            rows = conn.execute(
                "SELECT item_id, old_quantity, new_quantity, delta, idempotency_key "
                "FROM stock_itemchange WHERE item_id = ANY(%s) ORDER BY item_id, id",
                [self.items]).fetchall()
        chains: dict[int, list] = {}
        for row in rows:
            chains.setdefault(row[0], []).append(row)
        for item, chain in chains.items():
            for before, after in zip(chain, chain[1:], strict=False):
                assert after[1] == before[2], f"chain broken at item {item}: {before} {after}"
                assert after[2] - after[1] == after[3]
            assert chain[-1][2] == quantities[item], f"item {item} disagrees with its log"
        logged = {row[4]: (row[0], row[3]) for row in rows if row[4]}
        acknowledged = [a for a in load.attempts if a.answer.ok]
        refused = [a for a in load.attempts if a.answer.body is not None and a.answer.codes]
        unknown = [a for a in load.attempts if a.answer.body is None]
        for attempt in acknowledged:
            assert logged.get(attempt.key) == (attempt.item, attempt.delta), attempt
        applied_refused = [a for a in refused if a.key in logged]
        assert not applied_refused, applied_refused[:3]
        ours = {a.key for a in load.attempts}
        logged_sum = sum(delta for key, (_, delta) in logged.items() if key in ours)
        unknown_sum = sum(a.delta for a in unknown if a.key in logged)
        assert logged_sum == sum(a.delta for a in acknowledged) + unknown_sum
