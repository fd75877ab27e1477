"""gunicorn settings read by the Procfile's web command (--config gunicorn.conf.py).

Prometheus multiprocess mode: with several workers each writes its metrics to files in
PROMETHEUS_MULTIPROC_DIR, and /metrics sums them, whichever worker answers. Without one
set, a fresh directory is made for this server and removed when it stops.
LOG_FORMAT=json: gunicorn's own log lines (errors, access log) are JSON objects too.
"""

import os
import shutil
import tempfile
from pathlib import Path

_made_dir = None
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    _made_dir = tempfile.mkdtemp(prefix="inventory-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = _made_dir


def on_starting(server):
    # Numbers of an earlier run must not be summed into this one.
    for path in Path(os.environ["PROMETHEUS_MULTIPROC_DIR"]).glob("*.db"):
        path.unlink()


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    if _made_dir:
        shutil.rmtree(_made_dir, ignore_errors=True)


if os.environ.get("LOG_FORMAT", "").strip().lower() == "json":
    _json = {"()": "pythonjsonlogger.json.JsonFormatter",
             "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
             "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"}}
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": _json},
        "handlers": {
            "error": {"class": "logging.StreamHandler", "formatter": "json",
                      "stream": "ext://sys.stderr"},
            "access": {"class": "logging.StreamHandler", "formatter": "json",
                       "stream": "ext://sys.stdout"},
        },
        # gunicorn merges this over its defaults key by key: replace its root too.
        "root": {"handlers": ["error"], "level": "INFO"},
        "loggers": {
            "gunicorn.error": {"handlers": ["error"], "level": "INFO", "propagate": False},
            "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
        },
    }
