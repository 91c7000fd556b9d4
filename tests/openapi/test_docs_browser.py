"""The docs page works in a real browser: headless Chromium lists the operations and a
"Try it out" -> Execute call gets a 200, with nothing fetched from outside the server."""
from __future__ import annotations

import os

import httpx
import pytest

from tests.openapi.docs_browser import open_docs
from tests.openapi.scenarios import current

DOCS_PATH = os.environ.get("OPENAPI_TEST_DOCS_PATH", "/docs")


@pytest.fixture(scope="module")
def browser_run(live_server, node_tools) -> dict:
    scenario = current()
    return open_docs(live_server, DOCS_PATH, scenario.docs_operation, scenario.docs_path_values)


def test_page_lists_every_operation(browser_run, live_server):
    document = httpx.get(live_server + "/openapi.json").json()
    expected = sorted(op["operationId"] for item in document["paths"].values()
                      for op in item.values() if isinstance(op, dict) and "operationId" in op)
    assert sorted(browser_run["operations"]) == expected


def test_try_it_out_gets_200(browser_run):
    assert browser_run["status"] == 200, browser_run
    assert browser_run["shownStatus"] == "200"
    assert browser_run["shownBody"].startswith("{"), browser_run["shownBody"]


def test_nothing_is_loaded_from_outside(browser_run):
    assert browser_run["external"] == []
    assert browser_run["consoleErrors"] == []


def test_assets_are_served_locally(live_server):
    page = httpx.get(live_server + DOCS_PATH)
    assert page.status_code == 200 and "swagger-ui-bundle.js" in page.text
    assert "http" not in page.text.split("<body>")[0].replace(live_server, "")  # no CDN links
    bundle = httpx.get(live_server + DOCS_PATH + "/assets/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and len(bundle.content) > 500_000
    assert httpx.get(live_server + DOCS_PATH + "/assets/..%2F..%2Fopenapi.json").status_code == 404
