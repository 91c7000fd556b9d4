"""Python side of docs_browser.mjs: drive a docs page in headless Debian Chromium."""
from __future__ import annotations

import json
import os
import pathlib
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def open_docs(base_url: str, docs_path: str, operation_id: str, inputs: dict[str, str]) -> dict:
    """Open the page, list its operations, Try it out -> Execute `operation_id` with `inputs`.

    Returns {title, operations, url, status, shownStatus, shownBody, external, consoleErrors}.
    Needs tests/openapi/node_modules (playwright-core) and Chromium at CHROMIUM_PATH.
    """
    if not os.path.exists(CHROMIUM):
        raise AssertionError(f"{CHROMIUM} is missing: apt-get install -y chromium")
    result = subprocess.run(
        ["node", "docs_browser.mjs", base_url, docs_path, operation_id, json.dumps(inputs)],
        cwd=HERE, capture_output=True, text=True, timeout=180, env={**os.environ, "CHROMIUM_PATH": CHROMIUM})
    if result.returncode != 0:
        raise AssertionError("docs_browser.mjs failed:\n" + result.stdout + result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])
