"""The landing page, the docs it links, and the JSON 404 under /api/."""

import pytest


def test_landing_page_links_everything(client, db):
    response = client.get("/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    for link in ['href="/graphql/"', 'href="/admin/"', 'href="/docs/api.md"',
                 'href="/healthz"', 'href="/app/"', 'href="/docs/from-rest.md"']:
        assert link in page
    assert "ws://testserver/graphql/" in page


def test_docs_are_served_from_the_repository(client, db, settings, tmp_path, monkeypatch):
    (tmp_path / "api.md").write_text("# API reference\n")
    (tmp_path / "secret.md").write_text("no\n")
    monkeypatch.setattr("config.pages.DOCS", tmp_path)
    response = client.get("/docs/api.md")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert b"".join(response.streaming_content) == b"# API reference\n"
    assert client.get("/docs/secret.md").status_code == 404
    assert client.get("/docs/clients.md").status_code == 404  # listed but absent
    assert client.get("/docs/..%2Fmanage.py").status_code == 404


@pytest.mark.parametrize(("method", "path"), [
    ("post", "/api/auth/login/"), ("get", "/api/users/"), ("get", "/api/users/3/"),
    ("get", "/api/items/"), ("delete", "/api/items/5/"), ("get", "/api/item-changes/"),
    ("get", "/api"), ("get", "/api/"), ("put", "/api/anything/else"),
])
def test_rest_paths_answer_json_404(client, db, method, path):
    if method == "get":
        response = client.get(path)
    else:
        response = getattr(client, method)(path, '{"username": "a"}',
                                           content_type="application/json")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    body = response.json()
    assert body["graphql"] == "/graphql/" and body["migration"] == "/docs/from-rest.md"
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
