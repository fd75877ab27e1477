def test_cors_preflight_for_an_allowed_origin(client, db, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
    response = client.options(
        "/graphql/", HTTP_ORIGIN="https://app.example.com",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type")
    assert response["Access-Control-Allow-Origin"] == "https://app.example.com"
    assert "authorization" in response["Access-Control-Allow-Headers"]


def test_no_cors_for_other_origins_or_by_default(client, db, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
    response = client.post("/graphql/", "{}", content_type="application/json",
                           HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in response
    settings.CORS_ALLOWED_ORIGINS = []
    response = client.post("/graphql/", "{}", content_type="application/json",
                           HTTP_ORIGIN="https://app.example.com")
    assert "Access-Control-Allow-Origin" not in response


def test_security_headers(client, db):
    response = client.get("/healthz")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
