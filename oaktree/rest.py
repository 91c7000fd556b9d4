"""The REST side: the generic gateway over the same servicers, plus the API documents and
the Prometheus metrics (/metrics)."""
from __future__ import annotations

import prometheus_client
from gateway import Gateway
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Mount, Route

from oaktree import openapi_docs


def build_app(gateway: Gateway) -> Starlette:
    documents = openapi_docs.documents()

    def serve(name: str):
        body = documents[name]
        return lambda request: Response(body, media_type="application/json")

    routes = [
        Route("/openapi.json", serve("oaktree.openapi.json")),
        Route("/swagger.json", serve("oaktree.swagger.json")),
        *openapi_docs.docs_routes(),
        Route("/metrics", _metrics),
        Mount("/", app=gateway.app),
    ]
    return Starlette(routes=routes)


def _metrics(request) -> Response:
    return Response(prometheus_client.generate_latest(),
                    media_type=prometheus_client.CONTENT_TYPE_LATEST)
