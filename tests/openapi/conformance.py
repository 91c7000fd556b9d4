"""Live conformance: does a REST response match the OpenAPI 3.1 document?

    from tests.openapi.conformance import ResponseChecker
    checker = ResponseChecker(doc31)            # once per document
    checker.validate("GET", "/v1/beds/b1/plants/p1", 200, response.headers, response.content)

Hook it into every response a test suite receives (e.g. an httpx event hook) and any drift
between the runtime and the document fails that test. The operation is found from the
document's own paths (so it also checks that the path is documented); the body is checked
with jsonschema's Draft 2020-12 validator, the dialect of OpenAPI 3.1 schemas.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Mapping

import jsonschema

_PARAM = re.compile(r"\{[^}/]+\}")


class ConformanceError(AssertionError):
    """A response that its OpenAPI document does not describe."""


@dataclass(frozen=True)
class _Route:
    template: str
    method: str
    regex: re.Pattern
    loose: re.Pattern  # parameters may span segments (a "**" variable)
    literal_length: int
    operation: dict


class ResponseChecker:
    def __init__(self, document: dict[str, Any]):
        if not str(document.get("openapi", "")).startswith("3.1"):
            raise ValueError("ResponseChecker needs an OpenAPI 3.1 document")
        self.document = document
        self._routes: list[_Route] = []
        for template, item in document.get("paths", {}).items():
            for method, operation in item.items():
                if method.startswith("x-") or not isinstance(operation, dict):
                    continue
                self._routes.append(_Route(template, method.upper(), _compile(template, "[^/]+"),
                                           _compile(template, ".+"), len(_PARAM.sub("", template)),
                                           operation))
        # Most literal characters first: "/v1/plants:search" beats "/v1/plants/{plant}".
        self._routes.sort(key=lambda r: r.literal_length, reverse=True)

    def operation(self, method: str, path: str) -> dict:
        """The operation object documenting this request (ConformanceError if none)."""
        path = path.split("?", 1)[0]
        methods = set()
        for strict in (True, False):
            for route in self._routes:
                if (route.regex if strict else route.loose).fullmatch(path):
                    if route.method == method.upper():
                        return route.operation
                    methods.add(route.method)
        if methods:
            raise ConformanceError(f"{method} {path}: the document has only {sorted(methods)} here")
        raise ConformanceError(f"{method} {path}: no path of the document matches")

    def validate(self, method: str, path: str, status: int, headers: Mapping[str, str], body: bytes) -> str:
        """Check one response; return the operationId. Raises ConformanceError on drift.

        A 404/405 for a path or method no operation has is the router's answer, not an
        operation's: its body must still be a google.rpc.Status.
        """
        try:
            operation = self.operation(method, path)
        except ConformanceError:
            if status not in (404, 405):
                raise
            self.check({"$ref": "#/components/schemas/rpcStatus"}, _json(body, f"{method} {path}"),
                       f"{method} {path} -> {status} (router)")
            return ""
        where = f"{method} {path} -> {status} ({operation.get('operationId')})"
        responses = operation.get("responses", {})
        response = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX") or responses.get("default")
        if response is None:
            raise ConformanceError(f"{where}: status {status} is not documented")
        content = response.get("content")
        if not content:
            if body:
                raise ConformanceError(f"{where}: documented without a body, got {len(body)} bytes")
            return operation.get("operationId", "")
        media = _media_type(headers)
        if set(content) == {"application/octet-stream"}:
            return operation.get("operationId", "")  # google.api.HttpBody: any media type, raw bytes
        if media not in content:
            raise ConformanceError(f"{where}: Content-Type {media!r} is not one of {sorted(content)}")
        schema = content[media].get("schema")
        if schema is None:
            return operation.get("operationId", "")
        streaming = bool(operation.get("x-server-streaming")) and status < 300
        if media == "text/event-stream":
            for event, data in _sse_events(body, where):
                if event == "error":
                    self.check({"$ref": "#/components/schemas/rpcStatus"}, data, where + " [event: error]")
                else:
                    self.check(schema, data, where)
        elif streaming or media == "application/x-ndjson":
            for item in _ndjson(body, where):
                self.check(schema, item, where)
        else:
            self.check(schema, _json(body, where), where)
        return operation.get("operationId", "")

    def check(self, schema: dict, instance: Any, where: str = "") -> None:
        """Validate an instance against a schema of the document (its $refs resolve)."""
        root = {**schema, "components": self.document.get("components", {})}
        validator = jsonschema.Draft202012Validator(root)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        if errors:
            details = "; ".join(f"at /{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5])
            raise ConformanceError(f"{where}: body does not match the schema: {details}")


def validate_response(document: dict, method: str, path: str, status: int,
                      headers: Mapping[str, str], body: bytes) -> str:
    """One-shot form of ResponseChecker(document).validate(...)."""
    return ResponseChecker(document).validate(method, path, status, headers, body)


def _compile(template: str, param: str) -> re.Pattern:
    return re.compile(param.join(re.escape(p) for p in _PARAM.split(template)))


def _media_type(headers: Mapping[str, str]) -> str:
    value = ""
    for key, val in headers.items():
        if key.lower() == "content-type":
            value = val
    return value.split(";", 1)[0].strip().lower()


def _json(body: bytes, where: str) -> Any:
    try:
        return json.loads(body)
    except ValueError as exc:
        raise ConformanceError(f"{where}: body is not JSON: {exc}") from None


def _ndjson(body: bytes, where: str) -> list:
    return [_json(line, where) for line in body.splitlines() if line.strip()]


def _sse_events(body: bytes, where: str) -> list[tuple[str, Any]]:
    """(event type, parsed data) per event; comments (keep-alives) are skipped."""
    events, data, kind = [], [], "message"
    for line in body.decode("utf-8").splitlines() + [""]:
        if line.startswith(":"):
            continue
        if line.startswith("event:"):
            kind = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].lstrip(" "))
        elif not line:
            if data:
                events.append((kind, _json("\n".join(data).encode(), where)))
            data, kind = [], "message"
    return events


def httpx_hooks(document: dict, seen: list | None = None) -> dict:
    """event_hooks for httpx.Client: every response is checked against `document`.

        client = httpx.Client(base_url=url, event_hooks=httpx_hooks(doc31))
    `seen`, when given, collects the operationIds checked (to assert coverage).
    """
    checker = ResponseChecker(document)

    def check(response) -> None:
        response.read()
        operation_id = checker.validate(response.request.method, response.request.url.path,
                                        response.status_code, response.headers, response.content)
        if seen is not None:
            seen.append(operation_id)

    return {"response": [check]}


def async_httpx_hooks(document: dict, seen: list | None = None) -> dict:
    """The same for httpx.AsyncClient (its hooks are coroutines)."""
    checker = ResponseChecker(document)

    async def check(response) -> None:
        await response.aread()
        operation_id = checker.validate(response.request.method, response.request.url.path,
                                        response.status_code, response.headers, response.content)
        if seen is not None:
            seen.append(operation_id)

    return {"response": [check]}
