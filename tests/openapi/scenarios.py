"""What the SDK and browser tests do against a server, as data, so they can be re-pointed.

A scenario is a list of calls by operationId. The default is the gwtest Greenhouse; to
test another API, set OPENAPI_TEST_SCENARIO=module:attribute naming a Scenario (and
OPENAPI_TEST_BASE_URL to its server).
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass(frozen=True)
class Call:
    operation_id: str
    path: dict[str, Any] = field(default_factory=dict)  # OpenAPI path parameters
    query: dict[str, Any] = field(default_factory=dict)
    body: Any = None
    status: int = 200
    check: Callable[[Any], bool] = lambda body: True  # on the decoded JSON answer


@dataclass(frozen=True)
class Scenario:
    calls: list[Call]
    docs_operation: str  # the operation the browser test runs with "Try it out"
    docs_path_values: dict[str, str] = field(default_factory=dict)  # inputs the docs form needs


GREENHOUSE = Scenario(
    calls=[
        Call("Greenhouse_ListPlants", path={"bed": "b1"}, query={"pageSize": 5},
             check=lambda b: [p["displayName"] for p in b["plants"]] == ["Tomato one", "Basil"]
             and b["plants"][0]["heightMm"] == "1200" and b["totalSize"] == 2),
        Call("Greenhouse_ListPlants2", query={"species": ["TOMATO"]},
             check=lambda b: sorted(p["name"] for p in b["plants"]) == ["beds/b1/plants/p1", "beds/b2/plants/p3"]),
        Call("Greenhouse_GetPlant", path={"bed": "b2", "plant": "p3"},
             check=lambda b: b["name"] == "beds/b2/plants/p3" and b["species"] == "TOMATO"
             and b["createTime"].startswith("2023-11-14T22:13:20")),  # SDKs re-render the offset
        Call("Greenhouse_GetPlant", path={"bed": "b9", "plant": "nope"}, status=404,
             check=lambda b: b["code"] == 5 and "not found" in b["message"]),
        Call("Greenhouse_CreatePlant", path={"bed": "b3"}, query={"plantId": "sdk"},
             body={"displayName": "From an SDK", "species": "BASIL", "heightMm": "42"}, status=201,
             check=lambda b: b["name"] == "beds/b3/plants/sdk" and b["heightMm"] == "42"),
        Call("SeedVault_CountSeeds", query={"species": "TOMATO"}, check=lambda b: b["count"] == "12000000000"),
    ],
    docs_operation="Greenhouse_GetBed",
    docs_path_values={"bedId": "b1"},
)


def current() -> Scenario:
    spec = os.environ.get("OPENAPI_TEST_SCENARIO")
    if not spec:
        return GREENHOUSE
    module, _, attribute = spec.partition(":")
    return getattr(importlib.import_module(module), attribute)


def oaktree(image_name: str, cloud: str) -> Scenario:
    """A starting point for oaktree on the local cloud (the lead owns the real one):
    ListFlavors, GetImage of an image that exists, and the 404 of one that does not."""
    return Scenario(
        calls=[
            Call("ComputeService_ListFlavors", query={"location.cloud": cloud},
                 check=lambda b: len(b["flavors"]) > 0 and all(f["name"] for f in b["flavors"])),
            Call("ImageService_GetImage", path={"nameOrId": image_name}, query={"location.cloud": cloud},
                 check=lambda b: b["name"] == image_name),
            Call("ImageService_GetImage", path={"nameOrId": "no-such-image-7f3a"}, query={"location.cloud": cloud},
                 status=404, check=lambda b: b["code"] == 5),
        ],
        docs_operation="ComputeService_ListFlavors",
    )
