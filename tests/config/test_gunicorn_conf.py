"""gunicorn.conf.py, read by the Procfile's web command: prometheus multiprocess mode and
LOG_FORMAT=json for gunicorn's own log lines."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import json, logging, runpy, sys
from logging.config import dictConfig
from gunicorn.glogging import CONFIG_DEFAULTS
conf = runpy.run_path("gunicorn.conf.py")
config = CONFIG_DEFAULTS.copy()
config.update(conf["logconfig_dict"])  # what gunicorn's Logger.setup does
dictConfig(config)
logging.getLogger("gunicorn.error").info("hello")
"""


def test_json_log_format_configures_gunicorn(tmp_path):
    env = {**os.environ, "LOG_FORMAT": "json", "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stderr.strip().splitlines()[-1])
    assert record["message"] == "hello" and record["logger"] == "gunicorn.error"


def test_metrics_directory_is_made_and_cleared(tmp_path):
    stale = tmp_path / "counter_123.db"
    stale.write_bytes(b"old")
    script = ("import os, runpy; conf = runpy.run_path('gunicorn.conf.py'); "
              "conf['on_starting'](None); print(os.environ['PROMETHEUS_MULTIPROC_DIR'])")
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60, check=True).stdout
    assert out.strip() == str(tmp_path) and not stale.exists()
    env.pop("PROMETHEUS_MULTIPROC_DIR")
    made = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, check=True).stdout.strip()
    assert made and made != str(tmp_path)
    os.rmdir(made)
