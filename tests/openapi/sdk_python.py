"""Generate a Python client with openapi-python-client and make calls through it.

Reusable against any server: tests/openapi uses it on the gwtest Greenhouse, and a test
of another API can call `generated_client(...)` + `call(...)` with its own scenario.
"""
from __future__ import annotations

import contextlib
import datetime
import enum
import importlib
import pathlib
import pkgutil
import re
import shutil
import subprocess
import sys
import types
import typing

PACKAGE = "generated_openapi_client"


def norm(name: str) -> str:
    """Names compared the way generators mangle them (case, '_', '.', '-' ignored)."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


@contextlib.contextmanager
def generated_client(document: bytes, workdir: pathlib.Path):
    """Generate and import the client; yields (package, the generator's output)."""
    path = workdir / "openapi.json"
    path.write_bytes(document)
    cli = shutil.which("openapi-python-client") or str(pathlib.Path(sys.executable).parent / "openapi-python-client")
    result = subprocess.run([cli, "generate", "--path", str(path), "--meta", "none",
                             "--output-path", str(workdir / PACKAGE)], capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError("openapi-python-client failed:\n" + result.stdout + result.stderr)
    sys.path.insert(0, str(workdir))
    try:
        yield importlib.import_module(PACKAGE), result.stdout + result.stderr
    finally:
        sys.path.remove(str(workdir))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def skipped_operations(output: str) -> list[tuple[str, str]]:
    """(METHOD, path) of every operation the generator left out, from its warnings."""
    return re.findall(r"WARNING parsing (\w+) (\S+) within", output)


def endpoint(operation_id: str):
    api = importlib.import_module(f"{PACKAGE}.api")
    for info in pkgutil.walk_packages(api.__path__, prefix=f"{PACKAGE}.api."):
        if norm(info.name.rsplit(".", 1)[-1]) == norm(operation_id):
            return importlib.import_module(info.name)
    raise AssertionError(f"the generated client has no function for {operation_id}")


def call(package, base_url: str, scenario_call):
    """Make one scenario call through the generated function; return the httpx-like Response."""
    module = endpoint(scenario_call.operation_id)
    hints = typing.get_type_hints(module.sync_detailed)
    by_norm = {norm(name): name for name in hints if name not in ("client", "return")}
    kwargs = {}
    for name, value in {**scenario_call.path, **scenario_call.query}.items():
        python_name = by_norm[norm(name)]
        kwargs[python_name] = convert(value, hints[python_name])
    if scenario_call.body is not None:
        kwargs["body"] = convert(scenario_call.body, hints["body"])
    with package.Client(base_url=base_url, raise_on_unexpected_status=False) as client:
        return module.sync_detailed(client=client, **kwargs)


def as_json(parsed, raw: bytes):
    """The answer as JSON, written back by the SDK's own models when it parsed one."""
    import json

    if parsed is None:
        return json.loads(raw) if raw else None
    return parsed.to_dict() if hasattr(parsed, "to_dict") else parsed


def convert(value, annotation):
    """JSON-ish test input -> the generated client's types (enums, attrs models, lists)."""
    if value is None:
        return value
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(annotation):
            if option.__name__ == "Unset":
                continue
            try:
                return convert(value, option)
            except (TypeError, ValueError, KeyError, AttributeError):
                continue
        raise TypeError(f"cannot convert {value!r} to {annotation}")
    if origin is list:
        (item,) = typing.get_args(annotation)
        return [convert(v, item) for v in value]
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return annotation(value)
    if isinstance(annotation, type) and hasattr(annotation, "from_dict"):
        return annotation.from_dict(value)
    if isinstance(annotation, type) and not isinstance(value, annotation):
        raise TypeError(f"{value!r} is not {annotation}")
    return value


def instants(value):
    """Compare timestamps as instants: SDKs write "+00:00" where the server wrote "Z"."""
    if isinstance(value, dict):
        return {k: instants(v) for k, v in value.items()}
    if isinstance(value, list):
        return [instants(v) for v in value]
    if isinstance(value, str) and re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d", value):
        return datetime.datetime.fromisoformat(value)
    return value
