"""The product's settings plus the floor's URLs (bench only)."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.floor.urls"
JWT_AUTH_PATHS = [*JWT_AUTH_PATHS, "/floor/items", "/floor/item", "/floor/adjust"]  # noqa: F405
