"""Fixtures for the OpenAPI tests.

The live tests (SDKs, browser, conformance) talk to a server: by default the gwtest
Greenhouse of greenhouse_server.py started here; set OPENAPI_TEST_BASE_URL to point them
at another running server (e.g. oaktree) together with a scenario (see scenarios.py).
"""
from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def node_tools() -> pathlib.Path:
    """tests/openapi/node_modules, installed from the committed package-lock.json if missing."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail("node and npm are needed (apt-get install nodejs npm)")
    if not (HERE / "node_modules" / ".bin" / "redocly").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    return HERE / "node_modules" / ".bin"


@pytest.fixture(scope="session")
def greenhouse_server() -> str:
    """Base URL of the gwtest Greenhouse (always this process's own server)."""
    from tests.openapi.greenhouse_server import BackgroundServer, build_app

    with BackgroundServer(build_app()) as url:
        yield url


@pytest.fixture(scope="session")
def live_server(request) -> str:
    """Base URL of the server the SDK and browser tests use (OPENAPI_TEST_BASE_URL or the Greenhouse)."""
    url = os.environ.get("OPENAPI_TEST_BASE_URL")
    if url:
        return url.rstrip("/")
    return request.getfixturevalue("greenhouse_server")
