"""The web app's pages: /app/ and its deep links serve the built index.html under a strict
CSP; hashed assets come from WhiteNoise; other pages carry no policy."""

import pytest
from django.test import Client

from config import webapp

INDEX = (b'<!doctype html><html><head><script type="module" src="/app/assets/index-abc123.js">'
         b"</script></head></html>")


@pytest.fixture
def built(tmp_path, monkeypatch):
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_bytes(INDEX)
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log('app')")
    monkeypatch.setattr(webapp, "WEB_DIST", tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    "path", ["/app/", "/app/items/42", "/app/items/42/edit?x=1", "/app/workers"]
)
def test_every_app_path_serves_the_page_with_a_strict_policy(built, path):
    response = Client().get(path)
    assert response.status_code == 200
    assert response.content == INDEX
    assert response["Content-Type"].startswith("text/html")
    policy = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_assets_are_served_by_whitenoise_and_cached_for_ever(built):
    response = Client().get("/app/assets/index-abc123.js")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"console.log('app')"
    assert "immutable" in response["Cache-Control"]


def test_a_missing_asset_is_404_not_the_page(built):
    assert Client().get("/app/assets/nope.js").status_code == 404


def test_without_a_build_the_page_says_how_to_build(tmp_path, monkeypatch):
    monkeypatch.setattr(webapp, "WEB_DIST", tmp_path)
    response = Client().get("/app/")
    assert response.status_code == 503
    assert b"make webapp" in response.content


def test_the_page_answers_only_reads(built):
    assert Client().post("/app/").status_code == 405


@pytest.mark.django_db
def test_other_pages_carry_no_policy(built):
    assert "Content-Security-Policy" not in Client().get("/healthz")
