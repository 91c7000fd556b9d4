"""TypeScript client: openapi-typescript types + openapi-fetch, type-checked by tsc, run by node.

The scenario's calls are written out as a TypeScript program, so a path, parameter or body
the document does not describe is a compile error before anything runs. Reusable against
any server (see sdk_python.py for the Python side).
"""
from __future__ import annotations

import json
import pathlib
import shutil
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
TSC = ["--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext",
       "--skipLibCheck"]


def operations(document: dict) -> dict[str, tuple[str, str]]:
    """operationId -> (METHOD, path)."""
    return {op["operationId"]: (method.upper(), path)
            for path, item in document["paths"].items() for method, op in item.items()
            if isinstance(op, dict) and "operationId" in op}


def program(document: dict, calls) -> str:
    by_id = operations(document)
    lines = [
        'import createClient from "openapi-fetch";',
        'import type { paths } from "./schema.js";',
        "const client = createClient<paths>({ baseUrl: process.argv[2] });",
        "const results: { status: number; body: unknown }[] = [];",
    ]
    for call in calls:
        method, path = by_id[call.operation_id]
        params = {key: value for key, value in (("path", call.path), ("query", call.query)) if value}
        options = {"params": params}
        if call.body is not None:
            options["body"] = call.body
        lines += ["{",
                  f"  const r = await client.{method}({json.dumps(path)}, {json.dumps(options)});",
                  "  results.push({ status: r.response.status, body: r.data ?? r.error ?? null });",
                  "}"]
    lines.append("console.log(JSON.stringify(results));")
    return "\n".join(lines) + "\n"


def _run(args, cwd) -> str:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, args))}:\n{result.stdout}{result.stderr}")
    return result.stdout


def prepare(document: dict, node_bin: pathlib.Path, build: pathlib.Path) -> None:
    """A fresh build dir (under tests/openapi, so node_modules resolve) with the generated types."""
    if build.exists():
        shutil.rmtree(build)
    build.mkdir(parents=True)
    (build / "openapi.json").write_text(json.dumps(document))
    _run([str(node_bin / "openapi-typescript"), "openapi.json", "-o", "schema.d.ts"], build)


def run_calls(document: dict, calls, base_url: str, node_bin: pathlib.Path, build: pathlib.Path) -> list[dict]:
    """Compile the calls against the types and run them; [{status, body}] per call."""
    (build / "calls.ts").write_text(program(document, calls))
    _run([str(node_bin / "tsc"), *TSC, "--outDir", "out", "calls.ts"], build)
    return json.loads(_run(["node", "out/calls.js", base_url], build))


def compile_errors(source: str, node_bin: pathlib.Path, build: pathlib.Path) -> str:
    """tsc's complaints about a TypeScript snippet using the generated types ("" if none)."""
    (build / "check.ts").write_text(source)
    result = subprocess.run([str(node_bin / "tsc"), *TSC, "--noEmit", "check.ts"], cwd=build,
                            capture_output=True, text=True)
    return "" if result.returncode == 0 else result.stdout + result.stderr
