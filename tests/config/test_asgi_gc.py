"""The server process tunes Python's cyclic garbage collector (config.asgi)."""

import gc


def test_the_server_tunes_the_garbage_collector():
    import config.asgi  # noqa: F401 - tunes at import, once the application is built

    assert gc.get_threshold() == (10_000, 10, 10)
    assert gc.get_freeze_count() > 10_000  # the schema and the modules loaded to start
