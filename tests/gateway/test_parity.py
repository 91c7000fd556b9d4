"""Every conformance case with a gRPC twin gives the same answer over native gRPC and REST.

A grpc.aio server on a free port serves the *same* intercepted servicer the gateway uses;
the REST status must be the table's mapping of the gRPC code, the REST body the ProtoJSON
of the gRPC response (or the google.rpc.Status built from the gRPC error).
"""
from __future__ import annotations

import json
import math

import grpc
import pytest
from google.protobuf import json_format
from google.rpc import status_pb2

from cases import CASES, Case, request_kwargs
from gw_helpers import client_for, make_gateway
from gateway.errors import http_status_for
from gwtest.v1 import transcoding_pb2, transcoding_pb2_grpc

PARITY = [c for c in CASES if c.rpc is not None]


@pytest.fixture(scope="module")
async def both():
    gw, _ = make_gateway()
    server = grpc.aio.server()
    gw.add_to_grpc_server(server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    channel = grpc.aio.insecure_channel(f"127.0.0.1:{port}")
    stub = transcoding_pb2_grpc.TranscodingStub(channel)
    async with client_for(gw.app) as client:
        yield stub, client
    await channel.close()
    await server.stop(None)


async def grpc_answer(stub, method: str, request, streaming: bool):
    """(code, [messages] | google.rpc.Status)."""
    call = getattr(stub, method)(iter(request) if isinstance(request, list) else request)
    received = []
    try:
        if streaming:
            async for message in call:
                received.append(message)
        else:
            received.append(await call)
    except grpc.aio.AioRpcError:
        pass
    code = await call.code()
    if code == grpc.StatusCode.OK:
        return code, received, None
    trailing = await call.trailing_metadata()
    status = None
    for key, value in trailing or ():
        if key == "grpc-status-details-bin":
            status = status_pb2.Status.FromString(value)
    if status is None:
        status = status_pb2.Status(code=code.value[0], message=await call.details())
    return code, received, status


def as_json(message) -> object:
    return json_format.MessageToDict(message, always_print_fields_with_no_presence=True)


def same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


@pytest.mark.parametrize("case", PARITY, ids=lambda c: c.id)
async def test_same_answer(both, case: Case):
    stub, client = both
    method, request = case.rpc
    descriptor = transcoding_pb2.DESCRIPTOR.services_by_name["Transcoding"]
    streaming = descriptor.methods_by_name[method].server_streaming
    code, messages, status = await grpc_answer(stub, method, request, streaming)
    response = await client.request(case.method, case.url, **request_kwargs(case))

    if status is not None and not messages:
        assert response.status_code == http_status_for(code)
        assert json.loads(response.content) == as_json(status) | {"details": as_json(status).get("details", [])}
        return
    if streaming:
        if method == "Download":  # HttpBody stream: raw bytes, one chunk per message
            assert response.content == b"".join(m.data for m in messages)
            return
        lines = [json.loads(line) for line in response.content.splitlines() if line.strip()]
        assert [line["result"] for line in lines if "result" in line] == [as_json(m) for m in messages]
        errors = [line["error"] for line in lines if "error" in line]
        assert errors == ([as_json(status) | {"details": []}] if status is not None else [])
        return
    (message,) = messages
    assert 200 <= response.status_code < 300
    if response.status_code == 204:
        assert as_json(message) == {}
        return
    if message.DESCRIPTOR.full_name == "google.api.HttpBody":
        assert response.content == message.data
        assert response.headers["content-type"] == message.content_type
        return
    body = json.loads(response.content)
    expected = as_json(message)
    if method == "ListBooks":  # response_body: books
        expected = expected["books"]
    assert json.dumps(body, sort_keys=True) == json.dumps(expected, sort_keys=True) or same(body, expected)
