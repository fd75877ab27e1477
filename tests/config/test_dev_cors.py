"""Under DEBUG (make run) a browser app served from this machine on any port may call
/graphql/; in production only CORS_ALLOWED_ORIGINS may. Settings are read at start, so
each case runs in a fresh process."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PREFLIGHT = """
import json
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1")
answers = {}
for origin in ORIGINS:
    r = client.options("/graphql/", HTTP_ORIGIN=origin,
                       HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
                       HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type")
    answers[origin] = r.headers.get("Access-Control-Allow-Origin")
print(json.dumps(answers))
"""
LOCAL = ["http://localhost:5173", "http://127.0.0.1:3000", "http://localhost", "http://[::1]:8080"]
FOREIGN = ["http://evil.example", "http://localhost.evil.example:5173",
           "http://127.0.0.1.evil.example"]
CONFIGURED = "https://shop.example"


def preflight(tmp_path, **env) -> dict:
    code = f"ORIGINS = {[*LOCAL, *FOREIGN, CONFIGURED]!r}\n{PREFLIGHT}"
    base = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "CORS_ALLOWED_ORIGINS"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, capture_output=True,
        text=True, timeout=120,
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings", "ALLOWED_HOSTS": "127.0.0.1",
             "SECRET_KEY": "s" * 50, "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
             **env},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_debug_allows_local_origins_on_any_port_only(tmp_path):
    answers = preflight(tmp_path, DEBUG="true")
    assert {origin: answers[origin] for origin in LOCAL} == {origin: origin for origin in LOCAL}
    assert [answers[origin] for origin in [*FOREIGN, CONFIGURED]] == [None] * 4


def test_production_allows_only_configured_origins(tmp_path):
    answers = preflight(tmp_path, DEBUG="false", CORS_ALLOWED_ORIGINS=CONFIGURED)
    assert answers.pop(CONFIGURED) == CONFIGURED
    assert set(answers.values()) == {None}
