"""A TypeScript client (openapi-typescript + openapi-fetch) works against the served document."""
from __future__ import annotations

import json

import httpx
import pytest

from tests.openapi import sdk_typescript
from tests.openapi.scenarios import current

BUILD = sdk_typescript.HERE / "build" / "ts-sdk"


@pytest.fixture(scope="module")
def document(live_server, node_tools) -> dict:
    document = httpx.get(live_server + "/openapi.json").json()
    sdk_typescript.prepare(document, node_tools, BUILD)
    return document


@pytest.fixture(scope="module")
def results(document, live_server, node_tools) -> list[dict]:
    return sdk_typescript.run_calls(document, current().calls, live_server, node_tools, BUILD)


@pytest.mark.parametrize("index", range(len(current().calls)))
def test_typescript_client_call(results, index):
    call = current().calls[index]
    answer = results[index]
    assert answer["status"] == call.status, answer
    assert call.check(answer["body"]), answer


def test_the_types_are_real(document, node_tools):
    """An undocumented path, or a call missing a path parameter, does not compile; the right call does."""
    first = next(c for c in current().calls if c.path)
    method, path = sdk_typescript.operations(document)[first.operation_id]
    head = ('import createClient from "openapi-fetch";\nimport type { paths } from "./schema.js";\n'
            'const client = createClient<paths>({ baseUrl: "" });\n')

    def errors(path_text: str, params: dict) -> str:
        return sdk_typescript.compile_errors(
            head + f"await client.{method}({json.dumps(path_text)}, {json.dumps({'params': params})});\n",
            node_tools, BUILD)

    assert errors(path, {"path": first.path, "query": first.query}) == ""
    assert "/no/such/path" in errors("/no/such/path", {})
    missing = sorted(first.path)[0]
    assert missing in errors(path, {"path": {k: v for k, v in first.path.items() if k != missing}})
