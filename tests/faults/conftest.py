"""The fault suite runs only when FAULTS=1 (.ci/faults sets it): it starts its own
PostgreSQL cluster, Redis and production server, and takes a few minutes."""

import os

import pytest

ENABLED = os.environ.get("FAULTS") == "1"
REASON = "fault injection suite: run it with FAULTS=1 (bash .ci/faults)"


def pytest_collection_modifyitems(config, items):
    if ENABLED:
        return
    skip = pytest.mark.skip(reason=REASON)
    for item in items:
        if "tests/faults/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def stack():
    from tests.faults.harness import Stack

    if not ENABLED:
        pytest.skip(REASON)
    with Stack.started() as running:
        yield running
