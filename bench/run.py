"""The benchmark: `make bench` (or `python -m bench.run --help`).

Seeds a fixed dataset into a fresh PostgreSQL database, runs the production server
(the Procfile's web command, ONE worker, pinned to core 0 when taskset exists), the
floor (the same server command with bench/floor/settings.py) and the DRF reference
(bench/drf/settings.py: DRF + SimpleJWT + django-filter), checks every workload's
answer on each, then drives each with wrk (pinned to core 1) for several rounds.
Reports req/s, p50/p99, SQL statements and new PostgreSQL connections per request,
and server peak RSS, as JSON and markdown in bench/results/.
"""

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
PG = "postgres://postgres@127.0.0.1:5432"
SECRET = "bench-only-secret-key-long-enough-for-hs256-and-hs512-0123456789abcdef"
SCALES = {"20k": 20_000, "1m": 1_000_000}
W1_FILTER = {"category": "Category 07", "priceMin": "100", "priceMax": "600"}

W1 = """{ items(filters: {category: {exact: "Category 07"}, price: {range: {start: "100",
  end: "600"}}}, ordering: [{name: ASC}], pagination: {limit: LIMIT}) {
  totalCount results { id name price quantity owner { username } } } }"""
W3 = """query($id: ID!) { item(id: $id) { id name quantity
  changes(pagination: {limit: 5}) { delta reason timestamp } } }"""
ADJUST = """mutation($id: ID!) { adjustStock(input: {itemId: $id, delta: 1, reason: RECEIVED})
  { id oldQuantity newQuantity } }"""


def sh(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pinned(core: int, command: list[str]) -> list[str]:
    return ["taskset", "-c", str(core), *command] if shutil.which("taskset") else command


class Server:
    """The Procfile's web command, one worker, started and stopped by PID."""

    def __init__(self, env: dict, settings: str, log: Path):
        self.port = free_port()
        web = next(line.removeprefix("web:").strip()
                   for line in (ROOT / "Procfile").read_text().splitlines()
                   if line.startswith("web:"))
        env = {**env, "DJANGO_SETTINGS_MODULE": settings, "PORT": str(self.port),
               "PATH": f"{Path(sys.executable).parent}:{env.get('PATH', '')}",
               "BIND": "127.0.0.1", "WEB_CONCURRENCY": "1"}
        self.process = subprocess.Popen(
            pinned(0, ["bash", "-c", f"exec {web}"]), cwd=ROOT, env=env,
            stdout=log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=2)
                return
            except OSError:
                if self.process.poll() is not None:
                    raise SystemExit(f"server exited; see {log}") from None
                time.sleep(0.3)
        raise SystemExit(f"server did not start; see {log}")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def peak_rss_mb(self) -> float:
        """Largest VmHWM among the master and its workers."""
        peaks = []
        for pid in [self.process.pid, *_children(self.process.pid)]:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            match = re.search(r"VmHWM:\s+(\d+) kB", status)
            if match:
                peaks.append(int(match.group(1)) / 1024)
        return round(max(peaks, default=0.0), 1)

    def cpu_seconds(self) -> float:
        """User + system CPU of the master and its workers so far (from /proc)."""
        total = 0
        for pid in [self.process.pid, *_children(self.process.pid)]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in sh("pgrep", "-P", str(pid)).stdout.split()]
    except subprocess.CalledProcessError:
        return []


def post(url: str, body: dict, token: str) -> dict:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"JWT {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def get(url: str, token: str) -> dict:
    request = urllib.request.Request(url, headers={"Authorization": f"JWT {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def requests_of(spec: dict) -> list[tuple[str, str | None]]:
    """(path, body) of each request a target's spec cycles through."""
    paths = spec.get("paths") or [spec["path"]] * len(spec.get("bodies") or [None])
    bodies = spec.get("bodies") or [None] * len(paths)
    return list(zip(paths, bodies, strict=True))


def lua(spec: dict, token: str) -> str:
    """A wrk script cycling through a target's requests at random."""
    quoted = ",\n".join(f"{{{json.dumps(path)}, {json.dumps(body) if body else 'nil'}}}"
                         for path, body in requests_of(spec))
    return f"""
wrk.method = "{spec.get('method', 'POST')}"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "JWT {token}"
local requests = {{
{quoted}
}}
math.randomseed(20261123)
request = function()
  local r = requests[math.random(#requests)]
  return wrk.format(nil, r[1], nil, r[2])
end
"""


def run_wrk(url: str, script: str, seconds: int, connections: int) -> dict:
    path = RESULTS / ".wrk.lua"
    path.write_text(script)
    out = sh(*pinned(1, ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency",
                         "-s", str(path), url])).stdout
    path.unlink()

    def latency(label: str) -> float:
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return round(value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 2)

    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": latency("50"), "p99_ms": latency("99"), "requests": requests,
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def pg_sessions(database: str) -> int:
    return int(sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc",
                  f"SELECT sessions FROM pg_stat_database WHERE datname = '{database}'"
                  ).stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=SCALES, default="20k")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workloads", default="W1,W2,W3,W4,W5,W6")
    parser.add_argument("--connections", type=int, default=None,
                        help="wrk connections for every workload (default: each one's own, 8)")
    parser.add_argument("--w6-rate", type=float, default=10.0,
                        help="changes per second in W6 (each fans out to 200 subscribers)")
    parser.add_argument("--database", default=f"bench_inventory_{os.getpid()}",
                        help="the bench's own PostgreSQL database: created (dropped first "
                             "if it exists) and dropped at the end; never another one")
    parser.add_argument("--targets", default="api,floor,drf",
                        help="servers to measure: api, floor, drf")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk (make bench does this)")

    database = args.database
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", database):
        raise SystemExit(f"--database: {database!r} is not a plain lower-case name")
    env = {**os.environ, "DATABASE_URL": f"{PG}/{database}", "SECRET_KEY": SECRET,
           "DEBUG": "false", "ALLOWED_HOSTS": "127.0.0.1,testserver",
           "JWT_EXPIRATION_SECONDS": "86400", "REDIS_URL": os.environ.get("REDIS_URL", ""),
           "DB_STATEMENT_TIMEOUT_MS": "30000"}
    os.environ.update({k: v for k, v in env.items() if k != "REDIS_URL"})
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.floor.settings"
    drop = ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", database]
    sh(*drop)  # a run stopped before its cleanup left it behind
    sh("createdb", "-h", "127.0.0.1", "-U", "postgres", database)
    servers: list[Server] = []
    try:
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        from bench.seed import seed

        started = time.monotonic()
        world = seed(SCALES[args.scale])
        seeded_in = round(time.monotonic() - started, 1)
        report = measure(args, env, database, world, servers)
        report["seeded_in_s"] = seeded_in
        write_report(report)
    finally:
        for server in servers:
            server.stop()
        from django.db import connections

        connections.close_all()
        subprocess.run(drop, check=False)


TARGETS = {"api": "config.settings", "floor": "bench.floor.settings",
           "drf": "bench.drf.settings"}


def tokens_for(owner) -> dict:
    """Each target's access token for owner: the API's own, and SimpleJWT's for DRF."""
    from datetime import timedelta

    from rest_framework_simplejwt.tokens import AccessToken

    from accounts.tokens import access_token_for

    drf = AccessToken.for_user(owner)
    drf.set_exp(lifetime=timedelta(days=1))
    return {"api": access_token_for(owner), "floor": access_token_for(owner), "drf": str(drf)}


def measure(args, env: dict, database: str, world: dict, servers: list) -> dict:
    from stock.models import InventoryItem

    owner = world["owner_a"]
    tokens = tokens_for(owner)
    item_ids = list(InventoryItem.objects.filter(owner=owner).order_by("id")
                    .values_list("id", flat=True)[:1000])
    log = RESULTS / "server.log"
    log.unlink(missing_ok=True)
    targets = [t for t in TARGETS if t in args.targets.split(",")]
    if "api" not in targets:
        raise SystemExit("--targets must include api")
    running = {}
    for target in targets:
        running[target] = Server(env, TARGETS[target], log)
        servers.append(running[target])

    workloads = build_workloads(item_ids)
    selected = args.workloads.split(",")
    report = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "scale": args.scale,
              "connections": args.connections or 8, "targets": targets,
              "rounds": args.rounds, "seconds": args.seconds, "workloads": {}}
    for name, spec in workloads.items():
        if name not in selected:
            continue
        spec = {target: spec.get(target) for target in targets} | {
            "connections": spec["connections"]}
        check_answers(name, spec, running, tokens)
        captured: dict = {}
        result = {"statements": count_statements(spec, owner, tokens, captured)}
        if name == "W1":
            report["plans"] = query_plans(captured["sql"])
        hot_before = quantity_of(item_ids[0])
        # Rounds alternate between the servers, so a change in the machine's load
        # falls on all of them alike.
        rounds: dict = {target: [] for target in targets if spec.get(target)}
        for _ in range(args.rounds):
            for target in rounds:
                before, cpu = pg_sessions(database), running[target].cpu_seconds()
                stats = run_wrk(running[target].url, lua(spec[target], tokens[target]),
                                args.seconds, args.connections or spec["connections"])
                # Steadier than req/s on a loaded machine: what one request costs the server.
                stats["cpu_ms_per_request"] = round(
                    (running[target].cpu_seconds() - cpu) * 1000 / max(stats["requests"], 1), 2)
                stats["new_connections_per_request"] = round(
                    (pg_sessions(database) - before) / max(stats["requests"], 1), 3)
                rounds[target].append(stats)
        for target, runs in rounds.items():
            result[target] = {key: round(statistics.median(r[key] for r in runs), 3)
                              for key in ("rps", "p50_ms", "p99_ms", "cpu_ms_per_request",
                                          "new_connections_per_request")}
            result[target]["non_2xx"] = sum(r["non_2xx"] for r in runs)
            result[target]["rounds"] = runs
        if "floor" in result:
            result["ratio"] = round(result["api"]["rps"] / result["floor"]["rps"], 2)
        if "drf" in result:
            result["ratio_drf"] = round(result["api"]["rps"] / result["drf"]["rps"], 2)
            result["cpu_ratio_drf"] = round(
                result["drf"]["cpu_ms_per_request"] / result["api"]["cpu_ms_per_request"], 2)
        if name == "W5":
            # Every answered +1 must be in the quantity (requests still in flight when wrk
            # stopped may add more, never less).
            answered = sum(r["requests"] - r["non_2xx"]
                           for target in rounds for r in result[target]["rounds"])
            result["applied"] = quantity_of(item_ids[0]) - hot_before
            result["lost_updates"] = max(0, answered - result["applied"])
        report["workloads"][name] = result
        print(summary_line(name, result), flush=True)
    if "W6" in selected:
        report["workloads"]["W6"] = asyncio.run(
            subscriptions(running["api"], tokens["api"], item_ids, rate=args.w6_rate))
        print("W6", report["workloads"]["W6"], flush=True)
    report["peak_rss_mb"] = {target: server.peak_rss_mb() for target, server in running.items()}
    return report


def quantity_of(item_id: int) -> int:
    from stock.models import InventoryItem

    return InventoryItem.objects.get(pk=item_id).quantity


def build_workloads(item_ids: list[int]) -> dict:
    hot = item_ids[0]

    def gql(query: str, variables_list=None) -> dict:
        variables_list = variables_list or [{}]
        return {"path": "/graphql/", "bodies": [json.dumps({"query": query, "variables": v})
                                                for v in variables_list]}

    def floor(path: str, bodies: list[dict]) -> dict:
        return {"path": path, "bodies": [json.dumps(b) for b in bodies]}

    def drf_page(limit: int) -> dict:
        query = urllib.parse.urlencode({
            "category": W1_FILTER["category"], "price_min": W1_FILTER["priceMin"],
            "price_max": W1_FILTER["priceMax"], "ordering": "name,id", "limit": limit})
        return {"method": "GET", "path": f"/drf/items?{query}"}

    def drf_adjust(pks: list[int]) -> dict:
        body = json.dumps({"delta": 1, "reason": "RECEIVED"})
        return {"paths": [f"/drf/items/{pk}/adjust" for pk in pks],
                "bodies": [body] * len(pks)}

    ids = [{"id": str(pk)} for pk in item_ids]
    return {
        "W1": {"api": gql(W1.replace("LIMIT", "20")),
               "floor": floor("/floor/items", [{**W1_FILTER, "limit": 20}]),
               "drf": drf_page(20), "connections": 8},
        "W2": {"api": gql(W1.replace("LIMIT", "100")),
               "floor": floor("/floor/items", [{**W1_FILTER, "limit": 100}]),
               "drf": drf_page(100), "connections": 8},
        "W3": {"api": gql(W3, ids[:200]),
               "floor": floor("/floor/item", [{"id": v["id"]} for v in ids[:200]]),
               "drf": {"method": "GET", "paths": [f"/drf/items/{pk}" for pk in item_ids[:200]]},
               "connections": 8},
        "W4": {"api": gql(ADJUST, ids),
               "floor": floor("/floor/adjust", [{"itemId": v["id"], "delta": 1,
                                                 "reason": "RECEIVED"} for v in ids]),
               "drf": drf_adjust(item_ids), "connections": 8},
        "W5": {"api": gql(ADJUST, [{"id": str(hot)}]), "floor": None,
               "drf": drf_adjust([hot]), "connections": 8},
    }


def call(server: Server, spec: dict, token: str) -> dict:
    """The answer to a target's first request."""
    path, body = requests_of(spec)[0]
    if spec.get("method") == "GET":
        return get(f"{server.url}{path}", token)
    return post(f"{server.url}{path}", json.loads(body), token)


def check_answers(name: str, spec: dict, running: dict, tokens: dict) -> None:
    """Each workload's first request answers the same, on every server, before timing."""
    answer = call(running["api"], spec["api"], tokens["api"])
    assert "errors" not in answer, (name, answer)
    data = answer["data"]
    others = {target: call(running[target], spec[target], tokens[target])
              for target in ("floor", "drf") if spec.get(target)}
    if name in ("W1", "W2"):
        page = data["items"]
        limit = 20 if name == "W1" else 100
        assert len(page["results"]) == min(limit, page["totalCount"]) > 0, name
        names = [row["name"] for row in page["results"]]
        assert names == sorted(names), name
        expected = [{**row, "owner": row["owner"]["username"]} for row in page["results"]]
        if "floor" in others:
            assert others["floor"]["totalCount"] == page["totalCount"], name
            assert [r["name"] for r in others["floor"]["results"]] == names, name
        if "drf" in others:
            assert others["drf"]["count"] == page["totalCount"], (name, others["drf"])
            assert [{**r, "id": str(r["id"])} for r in others["drf"]["results"]] == expected, (
                name, others["drf"]["results"][:2], expected[:2])
    elif name == "W3":
        changes = data["item"]["changes"]
        assert len(changes) >= 2, name
        if "drf" in others:
            assert others["drf"]["name"] == data["item"]["name"], name
            assert [(c["delta"], c["reason"]) for c in others["drf"]["changes"]] == [
                (c["delta"], c["reason"]) for c in changes], name
    else:
        change = data["adjustStock"]
        assert change["newQuantity"] == change["oldQuantity"] + 1, name
        for target, other in others.items():
            assert other["newQuantity"] == other["oldQuantity"] + 1, (name, target, other)


def count_statements(spec: dict, owner, tokens: dict, captured: dict | None = None) -> dict:
    """SQL statements per request, counted in process through the same middleware/view.
    With `captured`, the API's statements are kept there (for their plans)."""
    import importlib

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client()
    counts = {}
    for target, settings_module in TARGETS.items():
        if spec.get(target) is None:
            continue
        module = importlib.import_module(settings_module)
        overrides = {key: getattr(module, key) for key in (
            "ROOT_URLCONF", "JWT_AUTH_PATHS", "REST_FRAMEWORK", "SIMPLE_JWT")
            if hasattr(module, key)}
        path, body = requests_of(spec[target])[0]
        headers = {"HTTP_AUTHORIZATION": f"JWT {tokens[target]}"}
        with override_settings(**overrides), CaptureQueriesContext(connection) as queries:
            if spec[target].get("method") == "GET":
                response = client.get(path, **headers)
            else:
                response = client.post(path, body, content_type="application/json", **headers)
        assert response.status_code == 200, response.content
        counts[target] = len(queries)
        if captured is not None and target == "api":
            captured["sql"] = [query["sql"] for query in queries.captured_queries]
    return counts


async def subscriptions(api: Server, token: str, item_ids: list[int], rate: float,
                        subscribers: int = 200, changes: int = 500) -> dict:
    """200 websocket subscribers; delivery latency of 500 changes made at `rate` per
    second, from the mutation's start to each subscriber's receipt."""
    from websockets.asyncio.client import connect

    ws_url = f"ws://127.0.0.1:{api.port}/graphql/"
    receipts: list[tuple[int, int, float]] = []  # subscriber, change id, when
    sent: dict[int, float] = {}
    done = asyncio.Event()

    async def subscriber(n: int):
        async with connect(ws_url, subprotocols=["graphql-transport-ws"],
                           origin=f"http://127.0.0.1:{api.port}", open_timeout=30,
                           max_size=None) as ws:
            await ws.send(json.dumps({"type": "connection_init",
                                      "payload": {"authorization": f"JWT {token}"}}))
            await ws.recv()
            await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {
                "query": "subscription { stockChanges { id newQuantity } }"}}))
            ready.release()
            while not done.is_set():
                try:
                    message = json.loads(await asyncio.wait_for(ws.recv(), 5))
                except TimeoutError:
                    continue
                if message.get("type") == "next":
                    change_id = int(message["payload"]["data"]["stockChanges"]["id"])
                    receipts.append((n, change_id, time.monotonic()))

    ready = asyncio.Semaphore(0)
    tasks = [asyncio.create_task(subscriber(n)) for n in range(subscribers)]
    for _ in range(subscribers):
        await asyncio.wait_for(ready.acquire(), 60)
    await asyncio.sleep(1)
    loop = asyncio.get_running_loop()
    begin = time.monotonic()
    for n in range(changes):
        await asyncio.sleep(max(0.0, begin + n / rate - time.monotonic()))
        started = time.monotonic()
        answer = await loop.run_in_executor(None, post, f"{api.url}/graphql/", {
            "query": ADJUST, "variables": {"id": str(item_ids[n % len(item_ids)])}}, token)
        sent[int(answer["data"]["adjustStock"]["id"])] = started
    deadline = time.monotonic() + 30
    while len(receipts) < subscribers * changes and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    done.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    # Matched afterwards: an event may arrive before its mutation's HTTP response does.
    per_subscriber = [0] * subscribers
    latencies = []
    for n, change_id, at in receipts:
        if change_id in sent:
            per_subscriber[n] += 1
            latencies.append(at - sent[change_id])
    latencies.sort()
    if not latencies:
        return {"delivered": 0, "expected": subscribers * changes}
    return {
        "subscribers": subscribers, "changes": changes, "rate_per_s": rate,
        "delivered": len(latencies), "expected": subscribers * changes,
        "fewest_per_subscriber": min(per_subscriber),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 1),
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1),
    }


def query_plans(statements: list[str]) -> dict:
    """EXPLAIN of the SELECTs the API ran for W1 (count and page): which indexes they use."""
    from django.db import connection

    plans = {}
    with connection.cursor() as cursor:
        for n, sql in enumerate(s for s in statements if s.lstrip().upper().startswith("SELECT")):
            cursor.execute(f"EXPLAIN {sql}")
            plans[f"w1_select_{n + 1}"] = "\n".join(row[0] for row in cursor.fetchall())
    return plans


def summary_line(name: str, result: dict) -> str:
    api = result["api"]
    line = (f"{name}: api {api['rps']:.0f} req/s (p50 {api['p50_ms']} ms, p99 {api['p99_ms']}"
            f" ms), statements {result['statements']}")
    if "floor" in result:
        line += f"; floor {result['floor']['rps']:.0f} req/s, ratio {result['ratio']}"
    if "drf" in result:
        line += (f"; DRF {result['drf']['rps']:.0f} req/s, ratio {result['ratio_drf']}; "
                 f"CPU ms/request api {api['cpu_ms_per_request']}, "
                 f"DRF {result['drf']['cpu_ms_per_request']}")
    return line


def write_report(report: dict) -> None:
    stamp = report["date"].replace(":", "").replace("-", "")
    (RESULTS / f"{stamp}-{report['scale']}.json").write_text(json.dumps(report, indent=2))
    lines = [f"# Benchmark {report['date']} (scale {report['scale']}, median of "
             f"{report['rounds']} rounds of {report['seconds']} s)", "",
             "| workload | API req/s | p50 ms | p99 ms | floor req/s | API/floor | "
             "DRF + SimpleJWT req/s | API/DRF | server CPU ms/request (API, floor, DRF) | "
             "DRF/API CPU | SQL/request (API, floor, DRF) | "
             "new PG connections/request (API) |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, result in report["workloads"].items():
        if name == "W6":
            continue
        api = result["api"]
        floor, drf = result.get("floor") or {}, result.get("drf") or {}
        statements = ", ".join(str(result["statements"].get(t, "—"))
                               for t in ("api", "floor", "drf"))
        cpu = ", ".join(str((result.get(t) or {}).get("cpu_ms_per_request", "—"))
                        for t in ("api", "floor", "drf"))
        lines.append(
            f"| {name} | {api['rps']:.0f} | {api['p50_ms']} | {api['p99_ms']} | "
            f"{floor.get('rps', '—')} | {result.get('ratio', '—')} | "
            f"{drf.get('rps', '—')} | {result.get('ratio_drf', '—')} | {cpu} | "
            f"{result.get('cpu_ratio_drf', '—')} | "
            f"{statements} | {api['new_connections_per_request']} |")
    if "W6" in report["workloads"]:
        w6 = report["workloads"]["W6"]
        lines += ["", f"W6: {w6.get('subscribers')} subscribers, {w6.get('changes')} changes "
                  f"at {w6.get('rate_per_s')}/s: "
                  f"delivered {w6['delivered']}/{w6['expected']}, p50 {w6.get('p50_ms')} ms, "
                  f"p99 {w6.get('p99_ms')} ms"]
    if "W5" in report["workloads"]:
        lines.append(f"W5 lost updates: {report['workloads']['W5'].get('lost_updates')}")
    lines += ["", f"Peak RSS (MB): {report['peak_rss_mb']}", ""]
    for label, plan in report.get("plans", {}).items():
        lines += [f"Plan of {label} (the API's own statements for W1):", "```", plan, "```"]
    markdown = "\n".join(lines) + "\n"
    (RESULTS / f"{stamp}-{report['scale']}.md").write_text(markdown)
    (RESULTS / "latest.md").write_text(markdown)
    print(markdown)


if __name__ == "__main__":
    sys.exit(main())
