"""Real server processes for tests: started with the Procfile's web command, stopped by PID."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")
# Server output goes here, so a failing test can be explained.
LOG = os.environ.get("TEST_SERVER_LOG", "/tmp/inventory-test-servers.log")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def web_command() -> str:
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith("web:"):
            return line.removeprefix("web:").strip()
    raise AssertionError("Procfile has no web process")


def start_server(port: int, *, workers: int = 1, redis_url: str | None = REDIS_URL,
                 extra_env: dict | None = None) -> subprocess.Popen:
    db = connection.settings_dict
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "false",
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": redis_url or "",
        "PORT": str(port),
        "BIND": "127.0.0.1",
        "WEB_CONCURRENCY": str(workers),
        **(extra_env or {}),
    }
    return subprocess.Popen(["bash", "-c", f"exec {web_command()}"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=open(LOG, "ab"),
                            start_new_session=True)


def wait_healthy(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(Path(LOG).read_text()[-3000:])
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"server on {port} did not become healthy")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


def post_graphql(port, query, variables, token):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql/",
        data=json.dumps({"query": query, "variables": variables}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"JWT {token}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())
