"""The playground in Debian's chromium against a live production-mode server (DEBUG off,
GRAPHIQL on, static files collected and served by WhiteNoise). Needs PostgreSQL, the
built playground and its node_modules (.ci/playground does all of it): run with --browser."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from tests.factories import PASSWORD, OwnerFactory, make_item
from tests.servers import LOG, ROOT, free_port, start_server, stop, wait_healthy

pytestmark = [pytest.mark.postgres, pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAYGROUND = ROOT / "playground"


@pytest.fixture
def collected_static(settings):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings",
           "SECRET_KEY": settings.SECRET_KEY, "DEBUG": "false"}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "--clear",
                    "-v", "0"], cwd=ROOT, env=env, check=True)


@pytest.fixture
def live_server_port(collected_static):
    port = free_port()
    process = start_server(port, redis_url=None, extra_env={
        "GRAPHIQL": "true", "GRAPHQL_INTROSPECTION": "true"})
    try:
        wait_healthy(port, process)
        yield port
    finally:
        stop(process)


def test_playground_in_chromium(live_server_port):
    owner = OwnerFactory()
    # The server checks passwords with the production hashers (the tests' MD5 is not one).
    owner.password = PBKDF2PasswordHasher().encode(PASSWORD, "browsersalt", iterations=1000)
    owner.save(update_fields=["password"])
    item = make_item(owner, name="Browser widget", quantity=3)
    run = subprocess.run(
        ["node", "test/playground.test.mjs"], cwd=PLAYGROUND, capture_output=True, text=True,
        timeout=180, env={**os.environ, "BASE_URL": f"http://127.0.0.1:{live_server_port}",
                          "USERNAME": owner.username, "PASSWORD": PASSWORD,
                          "ITEM_ID": str(item.pk)})
    print(run.stdout, run.stderr)
    assert run.returncode == 0, f"{run.stdout}\n{run.stderr}\nserver log: {LOG}"
    item.refresh_from_db()
    assert item.quantity > 3  # the browser test's mutations went through
