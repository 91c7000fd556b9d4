"""The interactive docs page (Swagger UI), served entirely from local assets.

The Swagger UI bundle comes from the PyPI package ``fastapi-offline`` (it vendors
swagger-ui-dist 5.x, which renders OpenAPI 3.1), so the page works with no network
access and ``pip install`` carries it.
"""
from __future__ import annotations

import html
import json
from importlib import resources

from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Route

_ASSETS = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui.css": "text/css",
    "favicon.png": "image/png",
}


def _asset_dir():
    return resources.files("fastapi_offline") / "static"


def docs_routes(openapi_url: str = "/openapi.json", path: str = "/docs", *,
                title: str = "API documentation") -> list[Route]:
    """Starlette routes: ``path`` (the page) and ``path``/assets/* (its JS, CSS, icon)."""
    base = path.rstrip("/")
    assets = f"{base}/assets"
    page = _page(openapi_url, assets, title)

    async def docs_page(request) -> Response:
        return HTMLResponse(page, headers={"Cache-Control": "no-cache"})

    async def asset(request) -> Response:
        name = request.path_params["name"]
        if name not in _ASSETS:
            return Response(status_code=404)
        with resources.as_file(_asset_dir() / name) as file:
            return FileResponse(file, media_type=_ASSETS[name],
                                headers={"Cache-Control": "public, max-age=86400"})

    return [
        Route(base or "/", docs_page, methods=["GET"], name="openapi_docs"),
        Route(assets + "/{name}", asset, methods=["GET"], name="openapi_docs_asset"),
    ]


def _page(openapi_url: str, assets: str, title: str) -> str:
    config = json.dumps({
        "url": openapi_url,
        "dom_id": "#swagger-ui",
        "deepLinking": True,
        "tryItOutEnabled": False,
        "displayOperationId": True,
        "validatorUrl": None,  # the default validator is a remote service
    })
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
<link rel="icon" type="image/png" href="{assets}/favicon.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script>
window.ui = SwaggerUIBundle(Object.assign({config}, {{
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  layout: "BaseLayout"
}}));
</script>
</body>
</html>
"""
