"""The benchmark: `make bench` (or `python -m bench.run --help`).

Seeds a fixed dataset into a fresh PostgreSQL database, runs the production server
(the Procfile's web command, ONE worker, pinned to core 0 when taskset exists) and
the floor (the same server command with bench/floor/settings.py), checks every
workload's answer, then drives each with wrk (pinned to core 1) for several rounds.
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


def lua(path: str, bodies: list[str], token: str) -> str:
    """A wrk script cycling through request bodies at random."""
    quoted = ",\n".join(json.dumps(body) for body in bodies)
    return f"""
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "JWT {token}"
local bodies = {{
{quoted}
}}
math.randomseed(20261123)
request = function()
  return wrk.format(nil, "{path}", nil, bodies[math.random(#bodies)])
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
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk (make bench does this)")

    database = f"bench_inventory_{os.getpid()}"
    env = {**os.environ, "DATABASE_URL": f"{PG}/{database}", "SECRET_KEY": SECRET,
           "DEBUG": "false", "ALLOWED_HOSTS": "127.0.0.1,testserver",
           "JWT_EXPIRATION_SECONDS": "86400", "REDIS_URL": os.environ.get("REDIS_URL", ""),
           "DB_STATEMENT_TIMEOUT_MS": "30000"}
    os.environ.update({k: v for k, v in env.items() if k != "REDIS_URL"})
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.floor.settings"
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
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists",
                        "--force", database], check=False)


def measure(args, env: dict, database: str, world: dict, servers: list) -> dict:
    from accounts.tokens import access_token_for
    from stock.models import InventoryItem

    owner = world["owner_a"]
    token = access_token_for(owner)
    item_ids = list(InventoryItem.objects.filter(owner=owner).order_by("id")
                    .values_list("id", flat=True)[:1000])
    log = RESULTS / "server.log"
    log.unlink(missing_ok=True)
    api = Server(env, "config.settings", log)
    servers.append(api)
    floor = Server(env, "bench.floor.settings", log)
    servers.append(floor)

    workloads = build_workloads(item_ids)
    selected = args.workloads.split(",")
    report = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "scale": args.scale,
              "connections": args.connections or 8,
              "rounds": args.rounds, "seconds": args.seconds, "workloads": {}}
    for name, spec in workloads.items():
        if name not in selected:
            continue
        check_answers(name, spec, api, floor, token)
        captured: dict = {}
        result = {"statements": count_statements(spec, owner, captured)}
        if name == "W1":
            report["plans"] = query_plans(captured["sql"])
        hot_before = quantity_of(item_ids[0])
        for target, server in (("api", api), ("floor", floor)):
            if spec.get(target) is None:
                continue
            rounds = []
            for _ in range(args.rounds):
                before = pg_sessions(database)
                stats = run_wrk(server.url, lua(spec[target]["path"], spec[target]["bodies"],
                                                token), args.seconds,
                                 args.connections or spec["connections"])
                stats["new_connections_per_request"] = round(
                    (pg_sessions(database) - before) / max(stats["requests"], 1), 3)
                rounds.append(stats)
            result[target] = {key: statistics.median(r[key] for r in rounds)
                              for key in ("rps", "p50_ms", "p99_ms",
                                          "new_connections_per_request")}
            result[target]["non_2xx"] = sum(r["non_2xx"] for r in rounds)
            result[target]["rounds"] = rounds
        if "floor" in result:
            result["ratio"] = round(result["api"]["rps"] / result["floor"]["rps"], 2)
        if name == "W5":
            # Every answered +1 must be in the quantity (requests still in flight when wrk
            # stopped may add more, never less).
            answered = sum(r["requests"] - r["non_2xx"] for r in result["api"]["rounds"])
            result["applied"] = quantity_of(item_ids[0]) - hot_before
            result["lost_updates"] = max(0, answered - result["applied"])
        report["workloads"][name] = result
        print(summary_line(name, result), flush=True)
    if "W6" in selected:
        report["workloads"]["W6"] = asyncio.run(
            subscriptions(api, token, item_ids, rate=args.w6_rate))
        print("W6", report["workloads"]["W6"], flush=True)
    report["peak_rss_mb"] = {"api": api.peak_rss_mb(), "floor": floor.peak_rss_mb()}
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

    ids = [{"id": str(pk)} for pk in item_ids]
    return {
        "W1": {"api": gql(W1.replace("LIMIT", "20")),
               "floor": floor("/floor/items", [{**W1_FILTER, "limit": 20}]), "connections": 8},
        "W2": {"api": gql(W1.replace("LIMIT", "100")),
               "floor": floor("/floor/items", [{**W1_FILTER, "limit": 100}]), "connections": 8},
        "W3": {"api": gql(W3, ids[:200]),
               "floor": floor("/floor/item", [{"id": v["id"]} for v in ids[:200]]),
               "connections": 8},
        "W4": {"api": gql(ADJUST, ids),
               "floor": floor("/floor/adjust", [{"itemId": v["id"], "delta": 1,
                                                 "reason": "RECEIVED"} for v in ids]),
               "connections": 8},
        "W5": {"api": gql(ADJUST, [{"id": str(hot)}]), "floor": None, "connections": 8},
    }


def check_answers(name: str, spec: dict, api: Server, floor: Server, token: str) -> None:
    """Each workload's first request answers correctly, on both servers, before timing."""
    body = json.loads(spec["api"]["bodies"][0])
    answer = post(f"{api.url}/graphql/", body, token)
    assert "errors" not in answer, (name, answer)
    data = answer["data"]
    if name in ("W1", "W2"):
        page = data["items"]
        limit = 20 if name == "W1" else 100
        assert len(page["results"]) == min(limit, page["totalCount"]) > 0, name
        names = [row["name"] for row in page["results"]]
        assert names == sorted(names), name
        floor_page = post(f"{floor.url}/floor/items", json.loads(spec["floor"]["bodies"][0]),
                          token)
        assert floor_page["totalCount"] == page["totalCount"], name
        assert [r["name"] for r in floor_page["results"]] == names, name
    elif name == "W3":
        assert len(data["item"]["changes"]) >= 2, name
    else:
        change = data["adjustStock"]
        assert change["newQuantity"] == change["oldQuantity"] + 1, name


def count_statements(spec: dict, owner, captured: dict | None = None) -> dict:
    """SQL statements per request, counted in process through the same middleware/view.
    With `captured`, the API's statements are kept there (for their plans)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.tokens import access_token_for

    client = Client()
    headers = {"HTTP_AUTHORIZATION": f"JWT {access_token_for(owner)}"}
    counts = {}
    for target in ("api", "floor"):
        if spec.get(target) is None:
            continue
        with CaptureQueriesContext(connection) as queries:
            response = client.post(spec[target]["path"], spec[target]["bodies"][0],
                                   content_type="application/json", **headers)
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
    api, floor = result["api"], result.get("floor")
    line = (f"{name}: api {api['rps']:.0f} req/s (p50 {api['p50_ms']} ms, p99 {api['p99_ms']}"
            f" ms), statements {result['statements']}")
    if floor:
        line += f"; floor {floor['rps']:.0f} req/s; ratio {result['ratio']}"
    return line


def write_report(report: dict) -> None:
    stamp = report["date"].replace(":", "").replace("-", "")
    (RESULTS / f"{stamp}-{report['scale']}.json").write_text(json.dumps(report, indent=2))
    lines = [f"# Benchmark {report['date']} (scale {report['scale']}, median of "
             f"{report['rounds']} rounds of {report['seconds']} s)", "",
             "| workload | API req/s | p50 ms | p99 ms | floor req/s | ratio | SQL/request "
             "(API, floor) | new PG connections/request (API) |",
             "|---|---|---|---|---|---|---|---|"]
    for name, result in report["workloads"].items():
        if name == "W6":
            continue
        api, floor = result["api"], result.get("floor") or {}
        lines.append(
            f"| {name} | {api['rps']:.0f} | {api['p50_ms']} | {api['p99_ms']} | "
            f"{floor.get('rps', '—')} | {result.get('ratio', '—')} | "
            f"{result['statements'].get('api')}, {result['statements'].get('floor', '—')} | "
            f"{api['new_connections_per_request']} |")
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
