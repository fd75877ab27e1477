"""`make run` and `make test` started at once in a fresh clone: one builds .venv, the
other waits for it. Checked with the real Makefile and a stand-in python that logs each
call, so nothing is installed."""

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FAKE_PYTHON = """#!/usr/bin/env bash
echo "start $$ $*" >> "$CALLS"
case "$1 $2" in
  "-m venv") mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; sleep 1 ;;
  "-m pip") sleep 0.3 ;;
esac
echo "end $$ $*" >> "$CALLS"
"""


def test_two_makes_at_once_build_the_venv_once_and_never_overlap(tmp_path):
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "requirements.txt").write_text("# nothing\n")
    (tmp_path / "requirements-dev.txt").write_text("-r requirements.txt\n")
    python = tmp_path / "python"
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)
    calls = tmp_path / "calls.log"
    env = {**os.environ, "CALLS": str(calls)}
    makes = [subprocess.Popen(["make", "--no-print-directory", target, f"PYTHON={python}"],
                              cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
             for target in ("venv", "dev")]
    for make in makes:
        output, _ = make.communicate(timeout=60)
        assert make.returncode == 0, output

    lines = calls.read_text().splitlines()
    assert sum(" -m venv " in line for line in lines if line.startswith("start")) == 1
    running = peak = 0
    for line in lines:
        if line.startswith("start") and "-c " not in line:
            running += 1
            peak = max(peak, running)
        elif line.startswith("end") and "-c " not in line:
            running -= 1
    assert peak == 1, lines
    assert (tmp_path / ".venv" / ".dev").exists() and (tmp_path / ".venv" / ".runtime").exists()


def test_only_make_run_lengthens_the_access_token():
    def planned(target: str) -> str:
        return subprocess.run(["make", "-n", "--no-print-directory", target,
                               "VENV_LOCKED=true"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout

    server = [line for line in planned("run").splitlines() if "runserver" in line]
    assert len(server) == 1 and "JWT_EXPIRATION_SECONDS=28800 " in server[0]
    assert "JWT_EXPIRATION_SECONDS" not in planned("test") + planned("seed")
