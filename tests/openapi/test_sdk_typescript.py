"""A TypeScript client (openapi-typescript types + openapi-fetch) works against the server.

The scenario (scenarios.py) is written out as a TypeScript program whose every call is
type-checked by tsc against the types generated from the served document (a path,
parameter or body the document does not describe fails to compile), then run with node.
"""
from __future__ import annotations

import json
import shutil
import subprocess

import httpx
import pytest

from tests.openapi.conftest import HERE
from tests.openapi.scenarios import current

BUILD = HERE / "build" / "ts-sdk"


def _operations(document: dict) -> dict[str, tuple[str, str]]:
    return {op["operationId"]: (method.upper(), path)
            for path, item in document["paths"].items() for method, op in item.items()
            if isinstance(op, dict) and "operationId" in op}


def _program(document: dict) -> str:
    operations = _operations(document)
    lines = [
        'import createClient from "openapi-fetch";',
        'import type { paths } from "./schema.js";',
        "const client = createClient<paths>({ baseUrl: process.argv[2] });",
        "const results: { status: number; body: unknown }[] = [];",
    ]
    for call in current().calls:
        method, path = operations[call.operation_id]
        params = {}
        if call.path:
            params["path"] = call.path
        if call.query:
            params["query"] = call.query
        options = {"params": params}
        if call.body is not None:
            options["body"] = call.body
        lines.append("{")
        lines.append(f"  const r = await client.{method}({json.dumps(path)}, {json.dumps(options)});")
        lines.append("  results.push({ status: r.response.status, body: r.data ?? r.error ?? null });")
        lines.append("}")
    lines.append("console.log(JSON.stringify(results));")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def results(live_server, node_tools):
    if BUILD.exists():
        shutil.rmtree(BUILD)
    BUILD.mkdir(parents=True)
    document = httpx.get(live_server + "/openapi.json").json()
    (BUILD / "openapi.json").write_text(json.dumps(document))

    def run(*args):
        result = subprocess.run(args, cwd=BUILD, capture_output=True, text=True)
        assert result.returncode == 0, f"{args[0]}: {result.stdout}{result.stderr}"
        return result.stdout

    run(str(node_tools / "openapi-typescript"), "openapi.json", "-o", "schema.d.ts")
    (BUILD / "calls.ts").write_text(_program(document))
    run(str(node_tools / "tsc"), "--strict", "--target", "es2022", "--module", "nodenext",
        "--moduleResolution", "nodenext", "--skipLibCheck", "--outDir", "out", "calls.ts")
    return json.loads(run("node", "out/calls.js", live_server))


@pytest.mark.parametrize("index", range(len(current().calls)))
def test_typescript_client_call(results, index):
    call = current().calls[index]
    answer = results[index]
    assert answer["status"] == call.status, answer
    assert call.check(answer["body"]), answer


def test_a_wrong_call_does_not_compile(live_server, node_tools, results):
    """The types are real: a path parameter the document does not have is a compile error."""
    bad = BUILD / "bad.ts"
    first = current().calls[0]
    method, path = _operations(json.loads((BUILD / "openapi.json").read_text()))[first.operation_id]
    bad.write_text('import createClient from "openapi-fetch";\nimport type { paths } from "./schema.js";\n'
                   'const client = createClient<paths>({ baseUrl: "" });\n'
                   f'await client.{method}({json.dumps(path)}, {{ params: {{ path: {{ noSuchParam: "x" }} }} }});\n')
    result = subprocess.run([str(node_tools / "tsc"), "--strict", "--target", "es2022", "--module", "nodenext",
                             "--moduleResolution", "nodenext", "--skipLibCheck", "--noEmit", "bad.ts"],
                            cwd=BUILD, capture_output=True, text=True)
    assert result.returncode != 0 and "noSuchParam" in result.stdout, result.stdout
