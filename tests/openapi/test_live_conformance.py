"""Every response the live server gives is described by its own OpenAPI 3.1 document.

`conformance.httpx_hooks(doc31)` / `async_httpx_hooks(doc31)` are what the rest of a test
suite uses: httpx event hooks that validate every response (tests/openapi/conformance.py),
so drift fails the test that saw it.
"""
from __future__ import annotations

import copy
import json

import httpx
import pytest

from gateway.protojson import JsonOptions
from tests.openapi.conformance import ConformanceError, ResponseChecker, async_httpx_hooks, httpx_hooks


def checked_client(base_url: str, checker: ResponseChecker, seen: list[str]) -> httpx.Client:
    return httpx.Client(base_url=base_url, event_hooks=httpx_hooks(checker.document, seen), timeout=30)


@pytest.fixture(scope="module")
def document(greenhouse_server) -> dict:
    return httpx.get(greenhouse_server + "/openapi.json").json()


def test_served_documents_are_the_generated_ones():
    """/openapi.json and /swagger.json serve exactly the generated documents."""
    from tests.openapi.fixture import documents
    from tests.openapi.greenhouse_server import BackgroundServer, build_app

    expected = documents()
    with BackgroundServer(build_app()) as url:
        assert httpx.get(url + "/openapi.json").json() == expected["greenhouse.openapi.json"]
        assert httpx.get(url + "/swagger.json").json() == expected["greenhouse.swagger.json"]


def test_every_greenhouse_response_conforms(greenhouse_server, document):
    seen: list[str] = []
    with checked_client(greenhouse_server, ResponseChecker(document), seen) as client:
        assert client.get("/v1/beds/b1/plants").status_code == 200
        assert client.get("/v1/plants", params={"species": ["TOMATO", "BASIL"], "pageSize": 2}).status_code == 200
        assert client.get("/v1/beds/b1/plants/p1").status_code == 200
        assert client.get("/v1/beds/b1/plants/missing").status_code == 404
        assert client.get("/v2/nothing/here").status_code == 404  # the router's 404: a Status too
        assert client.put("/v1/beds/b1").status_code == 405
        assert client.get("/v1/plants", params={"pageSize": "many"}).status_code == 400
        created = client.post("/v1/beds/b7/plants", params={"plantId": "live"},
                              json={"displayName": "Live", "maxHeightCm": 30, "ph": 6.5, "coordinates": {"row": 1}})
        assert created.status_code == 201, created.text
        assert client.patch("/v1/beds/b7/plants/live", json={"nickname": "L"}).status_code == 200
        assert client.delete("/v1/beds/b7/plants/live").status_code == 204
        assert client.get("/v1/beds/b1/plants:watch").status_code == 200
        sse = client.get("/v1/beds/b1/plants:watch", headers={"Accept": "text/event-stream"})
        assert sse.headers["content-type"].startswith("text/event-stream")
        nd = client.get("/v1/beds/b1/plants:watch", headers={"Accept": "application/x-ndjson"})
        assert len(nd.content.splitlines()) == 2
        photo = client.get("/v1/beds/b1/plants/p1:photo")
        assert photo.headers["content-type"] == "image/png"
        assert client.post("/v1/beds/b1/plants/p1:photo", content=b"\x00\x01",
                           headers={"Content-Type": "image/png"}).status_code == 200
        assert client.post("/v1/plants:search", json={"query": "tomato", "bed": "b1"}).status_code == 200
        assert client.get("/v1/beds/b1").status_code == 200
        assert client.get("/v1/beds/b1/label").json() == {"text": "Bed b1"}
        assert client.get("/v1/files/a/b.txt").status_code == 200
        assert client.post("/v1/beds/b1:rename", json={"newName": "Herbs"}).json()["label"] == {"text": "Herbs"}
        assert client.get("/v1/seeds:count", params={"species": "TOMATO"}).json() == {"count": "12000000000"}
        many = client.post("/v1/plants:plantMany",
                           content=b'{"name":"beds/b8/plants/x","displayName":"X"}\n{"name":"beds/b8/plants/y","displayName":"Y"}\n',
                           headers={"Content-Type": "application/x-ndjson"})
        assert many.status_code == 200 and many.json()["totalSize"] == 2
    assert "Greenhouse_WatchPlants" in seen and "Greenhouse_DeletePlant" in seen and len(seen) == 22


def test_drift_is_caught(greenhouse_server, document):
    """The checker is not a rubber stamp: a document that lies about a field fails."""
    lying = copy.deepcopy(document)
    lying["components"]["schemas"]["v1Plant"]["properties"]["heightMm"] = {"type": "integer"}
    with pytest.raises(ConformanceError, match="heightMm"):
        with checked_client(greenhouse_server, ResponseChecker(lying), []) as client:
            client.get("/v1/beds/b1/plants/p1")
    undocumented = copy.deepcopy(document)
    del undocumented["paths"]["/v1/beds/{bedId}"]
    with pytest.raises(ConformanceError, match="no path"):  # a 200 from an undocumented path
        with checked_client(greenhouse_server, ResponseChecker(undocumented), []) as client:
            client.get("/v1/beds/b1")


def test_stream_items_are_checked(document):
    checker = ResponseChecker(document)
    good = b'{"result":{"kind":"ADDED","plant":{"name":"n","displayName":"d"}}}\n{"error":{"code":13,"message":"x","details":[]}}\n'
    assert checker.validate("GET", "/v1/beds/b1/plants:watch", 200,
                            {"content-type": "application/json"}, good) == "Greenhouse_WatchPlants"
    with pytest.raises(ConformanceError):
        checker.validate("GET", "/v1/beds/b1/plants:watch", 200, {"content-type": "application/json"},
                         b'{"result":{"kind":7}}\n')
    with pytest.raises(ConformanceError, match="event: error"):
        checker.validate("GET", "/v1/beds/b1/plants:watch", 200, {"content-type": "text/event-stream"},
                         b'event: error\ndata: {"code":"oops"}\n\n')
    assert json.dumps(document)  # the served document is plain JSON


@pytest.mark.parametrize("options", [
    JsonOptions(use_proto_names=True),
    JsonOptions(enums_as_ints=True, emit_unpopulated=False),
], ids=["proto-names", "enum-numbers-sparse"])
def test_document_follows_the_json_options(options):
    """Switch the transcoder's JSON options and the document follows: the same responses,
    now with proto names / enum numbers, still conform to the document served beside them."""
    from tests.openapi.greenhouse_server import BackgroundServer, build_app

    with BackgroundServer(build_app(options)) as url:
        document = httpx.get(url + "/openapi.json").json()
        seen: list[str] = []
        with checked_client(url, ResponseChecker(document), seen) as client:
            plant = client.get("/v1/beds/b1/plants/p1").json()
            client.get("/v1/plants", params={"page_size" if options.use_proto_names else "pageSize": 1})
            client.get("/v1/beds/b1/plants:watch")
            client.get("/v1/seeds:count", params={"species": "TOMATO"})
        assert len(seen) == 4
        if options.use_proto_names:
            assert "display_name" in plant and "display_name" in document["components"]["schemas"]["v1Plant"]["properties"]
        else:
            assert plant["species"] == 1 and document["components"]["schemas"]["v1Species"]["type"] == "integer"


async def test_async_hooks(greenhouse_server, document):
    seen: list[str] = []
    async with httpx.AsyncClient(base_url=greenhouse_server, event_hooks=async_httpx_hooks(document, seen)) as client:
        await client.get("/v1/beds/b1/plants")
        await client.get("/v1/beds/b1/plants:watch", headers={"Accept": "text/event-stream"})
    assert seen == ["Greenhouse_ListPlants", "Greenhouse_WatchPlants"]
