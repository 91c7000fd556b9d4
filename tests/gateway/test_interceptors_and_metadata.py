"""One interceptor chain for both protocols; metadata, deadlines, CORS, switches."""
from __future__ import annotations

import json

import grpc
from google.protobuf import empty_pb2

from gw_helpers import SERVICE, client_for, make_gateway
from gateway import CorsOptions, JsonOptions
from gwtest.v1 import transcoding_pb2 as pb, transcoding_pb2_grpc


class Recorder:
    """Logs every call and refuses callers without the right token."""

    def __init__(self):
        self.calls: list[tuple[str, str]] = []

    async def intercept(self, call, request, context, proceed):
        self.calls.append((call.protocol, call.full_method))
        metadata = dict(context.invocation_metadata())
        if call.method.name == "Metadata" and metadata.get("x-token") != "secret":
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, "token required")
        return await proceed(request, context)


async def test_same_interceptors_for_rest_and_grpc():
    recorder = Recorder()
    gw, _ = make_gateway(interceptors=[recorder])
    server = grpc.aio.server()
    transcoding_pb2_grpc.add_TranscodingServicer_to_server(gw.servicer(SERVICE), server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = transcoding_pb2_grpc.TranscodingStub(channel)
            try:
                await stub.Metadata(empty_pb2.Empty())
                raise AssertionError("expected UNAUTHENTICATED")
            except grpc.aio.AioRpcError as exc:
                assert exc.code() == grpc.StatusCode.UNAUTHENTICATED
            reply = await stub.Metadata(empty_pb2.Empty(), metadata=(("x-token", "secret"),))
            assert reply.metadata["x-token"] == "secret"
        async with client_for(gw.app) as client:
            denied = await client.post("/v1/metadata", json={})
            assert denied.status_code == 401
            assert denied.headers["www-authenticate"] == "token required"
            ok = await client.post("/v1/metadata", json={}, headers={"Grpc-Metadata-X-Token": "secret"})
            assert ok.status_code == 200
    finally:
        await server.stop(None)
    assert recorder.calls == [("grpc", "/gwtest.v1.Transcoding/Metadata")] * 2 + \
        [("rest", "/gwtest.v1.Transcoding/Metadata")] * 2


async def test_metadata_in_and_out(client):
    response = await client.post("/v1/metadata", json={}, headers={
        "Grpc-Metadata-Foo": "bar", "Grpc-Metadata-Blob-Bin": "AAEC", "Authorization": "Bearer t",
        "X-Forwarded-For": "198.51.100.1", "X-Not-Forwarded": "x", "Grpc-Timeout": "5S"})
    assert response.status_code == 200
    reply = response.json()
    md = reply["metadata"]
    assert md["foo"] == "bar"
    assert md["blob-bin"] == "bin:000102"
    assert md["authorization"] == "Bearer t" and md["grpcgateway-authorization"] == "Bearer t"
    assert md["grpcgateway-user-agent"].startswith("python-httpx")
    assert md["x-forwarded-for"] == "198.51.100.1, 203.0.113.7"
    assert md["x-forwarded-host"] == "gw.test"
    assert "x-not-forwarded" not in md
    assert 0 < reply["timeRemaining"] <= 5
    assert reply["peer"] == "ipv4:203.0.113.7:4321"
    assert response.headers["grpc-metadata-x-initial"] == "hello"
    assert response.headers["grpc-metadata-x-bin-bin"] == "AAE="
    assert response.headers["grpc-trailer-x-trailer"] == "bye"


async def test_forward_headers_switch():
    gw, _ = make_gateway(forward_headers=["X-Auth-Token"])
    async with client_for(gw.app) as client:
        reply = (await client.post("/v1/metadata", json={}, headers={"X-Auth-Token": "tok"})).json()
    assert reply["metadata"]["x-auth-token"] == "tok"
    assert reply["timeRemaining"] == -1


async def test_deadline_before_first_message_is_504(client):
    response = await client.get("/v1/shelves/s/books:stream?count=3&interval=30s",
                                headers={"Grpc-Timeout": "20m"})
    assert response.status_code == 504
    assert response.json() == {"code": 4, "message": "Deadline Exceeded", "details": []}


async def test_ignore_unknown_switches():
    gw, _ = make_gateway(ignore_unknown_query_params=True, json_options=JsonOptions(ignore_unknown_fields=True))
    async with client_for(gw.app) as client:
        query = await client.get("/v1/echo?bogus=1&name=n")
        body = await client.post("/v1/echo", json={"bogus": 1, "name": "m"})
    assert query.status_code == 200 and query.json()["name"] == "n"
    assert body.status_code == 200 and body.json()["name"] == "m"


async def test_json_switches():
    gw, _ = make_gateway(json_options=JsonOptions(use_proto_names=True, emit_unpopulated=False,
                                                  enums_as_ints=True))
    async with client_for(gw.app) as client:
        response = await client.get("/v1/echo?int64Value=3&hue=HUE_RED")
    assert json.loads(response.content) == {"int64_value": "3", "hue": 1}


async def test_success_codes_switch_gives_grpc_gateway_200():
    gw, _ = make_gateway(success_codes=False)
    async with client_for(gw.app) as client:
        created = await client.post("/v1/shelves/s/books", json={})
        deleted = await client.delete("/v1/shelves/s/books/b")
    assert created.status_code == 200 and "location" not in created.headers
    assert deleted.status_code == 200 and deleted.json() == {}


async def test_unbound_methods_switch():
    gw, _ = make_gateway(unbound_methods=True)
    async with client_for(gw.app) as client:
        response = await client.post("/gwtest.v1.Transcoding/Unbound", json={})
    assert response.status_code == 200 and response.json() == {}


async def test_cors_preflight_and_simple_request():
    gw, _ = make_gateway(cors=CorsOptions(allow_origins=["https://app.example"], expose_headers=["Grpc-Metadata-X-Initial"]))
    async with client_for(gw.app) as client:
        preflight = await client.options("/v1/echo", headers={
            "Origin": "https://app.example", "Access-Control-Request-Method": "POST"})
        simple = await client.post("/v1/metadata", json={}, headers={"Origin": "https://app.example"})
        other = await client.get("/v1/echo", headers={"Origin": "https://evil.example"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://app.example"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert simple.headers["access-control-allow-origin"] == "https://app.example"
    assert simple.headers["access-control-expose-headers"] == "Grpc-Metadata-X-Initial"
    assert "access-control-allow-origin" not in other.headers


async def test_mounted_under_a_fastapi_app():
    from fastapi import FastAPI

    gw, _ = make_gateway()
    outer = FastAPI()
    outer.mount("/api", gw.app)
    async with client_for(outer) as client:
        got = await client.get("/api/v1/shelves/s/books/b")
        created = await client.post("/api/v1/shelves/s/books?bookId=n", json={})
    assert got.status_code == 200 and got.json()["name"] == "shelves/s/books/b"
    assert created.status_code == 201 and created.headers["location"] == "/api/v1/shelves/s/books/n"


async def test_raw_stream_failure_breaks_the_response():
    from gateway import Gateway
    from gateway.app import BrokenStream

    _, servicer = make_gateway()

    async def failing(request, context):
        from google.api import httpbody_pb2
        yield httpbody_pb2.HttpBody(content_type="text/plain", data=b"part")
        await context.abort(grpc.StatusCode.DATA_LOSS, "disk gone")

    servicer.Download = failing
    gw = Gateway({SERVICE: servicer})
    async with client_for(gw.app) as c:
        try:
            await c.get("/v1/downloads/x")
            raise AssertionError("a failed download must not look complete")
        except BrokenStream:
            pass


async def test_bad_streamed_input_stays_a_400_through_exception_mapping_interceptors():
    class MapEverything:  # like an app's "unexpected exception -> INTERNAL" interceptor
        async def intercept(self, call, request, context, proceed):
            try:
                return await proceed(request, context)
            except grpc.aio.AbortError:
                raise
            except Exception:
                await context.abort(grpc.StatusCode.INTERNAL, "mapped")

    gw, _ = make_gateway(interceptors=[MapEverything()])
    async with client_for(gw.app) as client:
        response = await client.post("/v1/books:collect", content=b'{"title":"a"}\n{oops}\n')
    assert response.status_code == 400
    assert response.json()["code"] == 3


async def test_patch_field_mask_switch_off():
    gw, _ = make_gateway(patch_field_mask=False)
    async with client_for(gw.app) as client:
        response = await client.patch("/v1/shelves/s/books/b", json={"title": "new"})
    assert response.json()["title"] == "new []"


class WritingServicer:
    """Server streaming written with `await context.write(...)` instead of `yield`."""

    def __init__(self, servicer):
        self._servicer = servicer

    async def StreamBooks(self, request, context):
        for i in range(request.count):
            if request.fail_code and i == request.fail_after:
                await context.abort(grpc.StatusCode.ABORTED, f"failed at {i}")
            await context.write(pb.Book(name=f"{request.parent}/books/{i}", pages=i))

    def __getattr__(self, name):
        return getattr(self._servicer, name)


async def test_write_style_server_stream_over_rest_and_grpc():
    from gateway import Gateway

    _, plain = make_gateway()
    gw = Gateway({SERVICE: WritingServicer(plain)})
    async with client_for(gw.app) as client:
        ok = await client.get("/v1/shelves/s/books:stream?count=2")
        failed = await client.get("/v1/shelves/s/books:stream?count=2&failCode=10&failAfter=1")
    assert [json.loads(line)["result"]["pages"] for line in ok.content.splitlines()] == ["0", "1"]
    assert failed.content.splitlines()[-1] == b'{"error":{"code":10,"message":"failed at 1","details":[]}}'

    server = grpc.aio.server()
    gw.add_to_grpc_server(server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = transcoding_pb2_grpc.TranscodingStub(channel)
            books = [b async for b in stub.StreamBooks(pb.StreamBooksRequest(parent="shelves/s", count=2))]
    finally:
        await server.stop(None)
    assert [b.pages for b in books] == [0, 1]


async def test_read_style_client_stream():
    from gateway import Gateway

    class Reading:
        def __init__(self, servicer):
            self._servicer = servicer

        async def CollectBooks(self, request_iterator, context):
            titles = []
            while (book := await context.read()) is not grpc.aio.EOF:
                titles.append(book.title)
            return pb.CollectBooksResponse(titles=titles)

        def __getattr__(self, name):
            return getattr(self._servicer, name)

    _, plain = make_gateway()
    gw = Gateway({SERVICE: Reading(plain)})
    async with client_for(gw.app) as client:
        response = await client.post("/v1/books:collect", content=b'{"title":"a"}\n{"title":"b"}\n')
    assert response.json()["titles"] == ["a", "b"]
