"""Imported by config.settings: no Django imports here."""


def steady_pool_reconnects(delay: float) -> None:
    """psycopg_pool retries a failed connection after 1 s, doubling each time (1, 2, 4,
    8 s…), so after an outage the pool came back seconds after the database did. Retry
    every `delay` seconds instead (the class constants of
    psycopg_pool's back-off, pinned in requirements.txt)."""
    from psycopg_pool.base import AttemptWithBackoff

    AttemptWithBackoff.INITIAL_DELAY = delay
    AttemptWithBackoff.DELAY_BACKOFF = 1.0
