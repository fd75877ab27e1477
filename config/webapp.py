"""The stockroom web app (web/, built by Vite into web/dist): its page at /app/ and every
deep link below it, under a strict Content-Security-Policy; its hashed assets at
/app/assets/ through WhiteNoise."""

from functools import lru_cache
from pathlib import Path

from csp.constants import NONE, SELF
from csp.decorators import csp
from django.conf import settings
from django.http import HttpResponse
from django.urls import re_path
from django.views.decorators.http import require_safe
from whitenoise.middleware import WhiteNoiseMiddleware

WEB_DIST = Path(settings.BASE_DIR) / "web" / "dist"

NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Web app not built</title></head><body><main><h1>The web app is not built</h1>
<p>The API is running; the stockroom app needs a build of <code>web/</code> with Node.js 20+:</p>
<pre>make webapp      # or: cd web &amp;&amp; npm ci &amp;&amp; npm run build</pre>
<p>then reload this page. The GraphQL API is at <a href="/graphql/">/graphql/</a>.</p>
</main></body></html>"""

# Only the app's own files: no inline script or style element, no other origin. The
# websocket is same-origin ('self' covers ws:/wss: of this host in CSP Level 3).
# Only these pages carry a policy: CSPMiddleware runs without a site-wide one.
POLICY = {
    "default-src": [NONE],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "manifest-src": [SELF],
    "base-uri": [NONE],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
    "object-src": [NONE],
}


class AppWhiteNoiseMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise as configured in settings, plus web/dist/assets at /app/assets/ (file
    names carry a content hash, so they are cached for ever)."""

    def __init__(self, get_response=None, settings=settings):
        super().__init__(get_response, settings=settings)
        assets = WEB_DIST / "assets"
        if self.autorefresh or assets.is_dir():  # autorefresh (DEBUG) finds a later build
            self.add_files(str(assets), prefix="app/assets/")

    def immutable_file_test(self, path, url):
        return url.startswith("/app/assets/") or super().immutable_file_test(path, url)


@lru_cache(maxsize=1)
def _built_page(mtime: float) -> bytes:
    return (WEB_DIST / "index.html").read_bytes()


@require_safe
@csp(POLICY)
def app_page(request, path=""):
    index = WEB_DIST / "index.html"
    if not index.exists():
        return HttpResponse(NOT_BUILT, status=503, headers={"Retry-After": "60"})
    page = _built_page(index.stat().st_mtime)
    response = HttpResponse(page, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


urlpatterns = [re_path(r"^app/(?!assets/)(?P<path>.*)$", app_page, name="webapp")]
