"""Settings for the test suite: production settings with a fixed key and a fast hasher."""

import os

os.environ.setdefault(
    "SECRET_KEY", "test-only-secret-key-long-enough-for-hs256-and-hs512-0123456789abcdef"
)

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
