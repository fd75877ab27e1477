"""Settings for the test suite: production settings with a fixed key and a fast hasher."""

import os

os.environ.setdefault(
    "SECRET_KEY", "test-only-secret-key-long-enough-for-hs256-and-hs512-0123456789abcdef"
)

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Websocket tests run in this process; the cross-process test starts its own servers on Redis.
CHANNEL_LAYERS = {"default": {"BACKEND": "core.channel_layer.InProcessChannelLayer"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
