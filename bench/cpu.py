"""CPU per request, in process: `python -m bench.cpu --database NAME [--profile FILE]`.

A loaded machine moves req/s by tens of percent; the CPU time one request costs the
server process moves far less. Seeds the bench's dataset into its own database (dropped
at the end, like bench.run), then sends each workload's requests straight to an ASGI
application (config.asgi's, or another --app) with 8 in flight, and prints CPU ms
(all threads of this process: Python, Django, the PostgreSQL client) and wall ms per
request. With --profile, py-spy records the process meanwhile (collapsed stacks).
"""

import argparse
import asyncio
import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import run


async def _request(app, method: str, path: str, body: bytes, token: str) -> tuple[int, bytes]:
    path, _, query = path.partition("?")
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
        "scheme": "http", "path": path, "raw_path": path.encode(),
        "query_string": query.encode(), "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"authorization", f"JWT {token}".encode())],
        "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 80),
    }
    sent = False
    status, chunks = 0, []

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message):
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)


async def _drive(app, spec: dict, token: str, count: int, concurrency: int) -> None:
    requests = run.requests_of(spec)
    method = spec.get("method", "POST")
    queue = iter(range(count))

    async def worker():
        for n in queue:
            path, body = requests[n % len(requests)]
            status, answer = await _request(app, method, path, (body or "").encode(), token)
            if status != 200:
                raise SystemExit(f"{path}: {status} {answer[:300]!r}")

    await asyncio.gather(*(worker() for _ in range(concurrency)))


def load_app(dotted: str):
    module, _, name = dotted.partition(":")
    return getattr(importlib.import_module(module), name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--workloads", default="W1,W2,W3,W4")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--app", default="config.asgi:application")
    parser.add_argument("--settings", default="bench.drf.settings",
                        help="settings of this process (its URLconf serves every target)")
    parser.add_argument("--targets", default="api")
    parser.add_argument("--repeat", type=int, default=1,
                        help="measure each workload and target this many times, in turn")
    parser.add_argument("--general-path", action="store_true",
                        help="also measure the API with every field on strawberry's general "
                             "path (schema/fastpath.py off), as target api-general")
    parser.add_argument("--profile", help="py-spy collapsed stacks of the whole run")
    args = parser.parse_args()

    database = args.database
    env = {"DATABASE_URL": f"{run.PG}/{database}", "SECRET_KEY": run.SECRET, "DEBUG": "false",
           "ALLOWED_HOSTS": "127.0.0.1,testserver", "JWT_EXPIRATION_SECONDS": "86400",
           "DB_STATEMENT_TIMEOUT_MS": "30000", "DJANGO_SETTINGS_MODULE": args.settings}
    os.environ.update(env)
    drop = ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", database]
    run.sh(*drop)
    run.sh("createdb", "-h", "127.0.0.1", "-U", "postgres", database)
    spy = None
    try:
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        from bench.seed import seed
        from stock.models import InventoryItem

        world = seed(run.SCALES["20k"])
        owner = world["owner_a"]
        tokens = run.tokens_for(owner)
        item_ids = list(InventoryItem.objects.filter(owner=owner).order_by("id")
                        .values_list("id", flat=True)[:1000])
        from django.db import connections

        connections.close_all()
        app = load_app(args.app)
        workloads = run.build_workloads(item_ids)
        targets = args.targets.split(",")
        selected = args.workloads.split(",")
        for target in targets:  # warm up: imports, caches, the pool
            for name in selected:
                if workloads[name].get(target):
                    asyncio.run(_drive(app, workloads[name][target], tokens[target], 20, 2))
        if args.profile:
            # --gil: only the thread holding the GIL (the others wait, they do not run).
            spy = subprocess.Popen(
                [str(Path(sys.executable).with_name("py-spy")), "record", "--gil", "--pid",
                 str(os.getpid()), "--rate", "200", "--format", "raw", "-o", args.profile],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1)
        from schema import fastpath
        from schema.schema import schema

        if args.general_path:
            targets = [*targets, "api-general"]
        results: dict = {}
        for _ in range(args.repeat):
            for name in selected:
                for target in targets:
                    spec = workloads[name].get(target.removesuffix("-general"))
                    if spec is None:
                        continue
                    token = tokens[target.removesuffix("-general")]
                    cpu, wall = time.process_time(), time.perf_counter()
                    if target == "api-general":
                        with fastpath.general_path(schema):
                            asyncio.run(_drive(app, spec, token, args.requests,
                                               args.concurrency))
                    else:
                        asyncio.run(_drive(app, spec, token, args.requests, args.concurrency))
                    cpu = (time.process_time() - cpu) * 1000 / args.requests
                    wall = (time.perf_counter() - wall) * 1000 / args.requests
                    results.setdefault(f"{name} {target}", []).append(round(cpu, 2))
                    print(f"{name} {target}: CPU {cpu:.2f} ms, wall {wall:.2f} ms per request",
                          flush=True)
        for key, values in results.items():
            print(f"median {key}: CPU {statistics.median(values):.2f} ms")
        print(json.dumps(results))
    finally:
        if spy is not None:
            spy.send_signal(2)
            spy.wait(60)
        from django.db import connections

        connections.close_all()
        subprocess.run(drop, check=False)


if __name__ == "__main__":
    sys.exit(main())
