"""The REST side: the generic gateway over the same servicers, plus the API documents."""
from __future__ import annotations

from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Mount, Route

from oaktree import openapi_docs


def build_app(servicers: dict[str, object]) -> Starlette:
    from gateway import Gateway

    gateway = Gateway(servicers=servicers)
    documents = openapi_docs.documents()

    def serve(name: str):
        body = documents[name]
        return lambda request: Response(body, media_type="application/json")

    routes = [
        Route("/openapi.json", serve("oaktree.openapi.json")),
        Route("/swagger.json", serve("oaktree.swagger.json")),
        *openapi_docs.docs_routes(),
        Mount("/", app=gateway.app),
    ]
    return Starlette(routes=routes)
