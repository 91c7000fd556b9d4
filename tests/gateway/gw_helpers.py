"""Shared helpers for the gateway tests (imported by name: tests/gateway is on sys.path)."""
from __future__ import annotations

import httpx

from gateway import Gateway
from gw_servicer import TranscodingServicer

SERVICE = "gwtest.v1.Transcoding"


def make_gateway(**kwargs) -> tuple[Gateway, TranscodingServicer]:
    servicer = TranscodingServicer()
    return Gateway({SERVICE: servicer}, **kwargs), servicer


def client_for(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=("203.0.113.7", 4321)),
                             base_url="http://gw.test")
