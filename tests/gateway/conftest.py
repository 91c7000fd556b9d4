from __future__ import annotations

import pathlib
import sys

import httpx
import pytest

GEN = pathlib.Path(__file__).resolve().parents[1] / "gen"
HERE = str(pathlib.Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
if str(GEN) not in sys.path:  # tests/conftest.py does this too; harmless twice
    sys.path.insert(0, str(GEN))

from gateway import Gateway  # noqa: E402

from gw_servicer import TranscodingServicer  # noqa: E402

SERVICE = "gwtest.v1.Transcoding"


def make_gateway(**kwargs) -> tuple[Gateway, TranscodingServicer]:
    servicer = TranscodingServicer()
    return Gateway({SERVICE: servicer}, **kwargs), servicer


def client_for(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=("203.0.113.7", 4321)),
                             base_url="http://gw.test")


@pytest.fixture
def gateway():
    gw, _ = make_gateway()
    return gw


@pytest.fixture
async def client(gateway):
    async with client_for(gateway.app) as c:
        yield c
