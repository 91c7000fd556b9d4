"""The conformance corpus: one case per mapping rule, with the gRPC call it must equal.

Each case gives the REST request, the exact expected status, a subset of expected
headers and the expected JSON body (or raw bytes). `rpc` (method, request message) is
the native gRPC call that must give the same answer; test_parity.py checks that.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from google.api import httpbody_pb2
from google.protobuf import duration_pb2, empty_pb2, field_mask_pb2, timestamp_pb2, wrappers_pb2

from gwtest.v1 import transcoding_pb2 as pb


@dataclass
class Case:
    id: str
    method: str
    url: str
    status: int
    body: Any = None  # expected JSON (compared exactly) unless raw is set
    headers: dict[str, str] = field(default_factory=dict)
    json: Any = None
    content: bytes | None = None
    send_headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None
    rpc: tuple[str, Any] | None = None
    absent_headers: tuple[str, ...] = ()


def request_kwargs(case: Case) -> dict:
    """httpx keyword arguments for a case's request."""
    kwargs: dict = {"headers": dict(case.send_headers)}
    if case.json is not None:
        kwargs["json"] = case.json
    if case.content is not None:
        kwargs["content"] = case.content
    return kwargs


def everything(**fields) -> dict:
    """The JSON of an Everything with grpc-gateway defaults (zero values emitted)."""
    base = {
        "name": "", "int32Value": 0, "int64Value": "0", "uint64Value": "0", "doubleValue": 0.0,
        "floatValue": 0.0, "boolValue": False, "bytesValue": "", "hue": "HUE_UNSPECIFIED",
        "tags": [], "numbers": [], "hues": [], "labels": {}, "counts": {}, "customJson": "",
        "items": [], "uint32Value": 0, "sint64Value": "0", "fixed64Value": "0", "blobs": [], "hueMap": {},
    }
    base.update(fields)
    return base


def inner(**fields) -> dict:
    base = {"id": "", "size": "0", "hue": "HUE_UNSPECIFIED"}
    base.update(fields)
    return base


def bad_request(field_name: str, description: str, message: str | None = None) -> dict:
    return {
        "code": 3,
        "message": message or f"invalid value for {field_name}: {description}",
        "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest",
                     "fieldViolations": [{"field": field_name, "description": description, "reason": ""}]}],
    }


def status(code: int, message: str, details: list | None = None) -> dict:
    return {"code": code, "message": message, "details": details or []}


E = pb.Everything
TS = timestamp_pb2.Timestamp(seconds=1577934245, nanos=500000000)

CASES: list[Case] = [
    # ---- query parameters -------------------------------------------------------------
    Case("query-scalars", "GET", "/v1/echo?name=n&int32Value=-3&int64_value=9007199254740993"
         "&uint64Value=18446744073709551615&doubleValue=1.5&float_value=NaN&boolValue=true",
         200, everything(name="n", int32Value=-3, int64Value="9007199254740993",
                         uint64Value="18446744073709551615", doubleValue=1.5, floatValue="NaN", boolValue=True),
         rpc=("Echo", E(name="n", int32_value=-3, int64_value=9007199254740993, uint64_value=2**64 - 1,
                        double_value=1.5, float_value=float("nan"), bool_value=True))),
    Case("query-repeated", "GET", "/v1/echo?tags=a&tags=b%20c&numbers=1&numbers=-2&hues=HUE_RED&hues=2",
         200, everything(tags=["a", "b c"], numbers=["1", "-2"], hues=["HUE_RED", "HUE_GREEN"]),
         rpc=("Echo", E(tags=["a", "b c"], numbers=[1, -2], hues=[1, 2]))),
    Case("query-nested-proto-and-json-names", "GET", "/v1/echo?inner.id=x&inner.size=7&inner.child.hue=HUE_RED",
         200, everything(inner=inner(id="x", size="7", child=inner(hue="HUE_RED"))),
         rpc=("Echo", E(inner=pb.Inner(id="x", size=7, child=pb.Inner(hue=1))))),
    Case("query-json-name-option", "GET", "/v1/echo?customJson=j", 200, everything(customJson="j"),
         rpc=("Echo", E(json_named="j"))),
    Case("query-enum-by-number", "GET", "/v1/echo?hue=2", 200, everything(hue="HUE_GREEN"),
         rpc=("Echo", E(hue=2))),
    Case("query-bytes-std-base64", "GET", "/v1/echo?bytesValue=%2B%2F8%3D", 200, everything(bytesValue="+/8="),
         rpc=("Echo", E(bytes_value=b"\xfb\xff"))),
    Case("query-bytes-url-base64", "GET", "/v1/echo?bytesValue=-_8", 200, everything(bytesValue="+/8="),
         rpc=("Echo", E(bytes_value=b"\xfb\xff"))),
    Case("query-wkt", "GET", "/v1/echo?when=2020-01-02T03:04:05.5Z&timeout=1.5s&mask=a.b,cD"
         "&maybeName=&maybeSize=-4&maybe_flag=false",
         200, everything(when="2020-01-02T03:04:05.500Z", timeout="1.500s", mask="a.b,cD", maybeName="",
                         maybeSize="-4", maybeFlag=False),
         rpc=("Echo", E(when=TS, timeout=duration_pb2.Duration(seconds=1, nanos=500000000),
                        mask=field_mask_pb2.FieldMask(paths=["a.b", "c_d"]),
                        maybe_name=wrappers_pb2.StringValue(value=""),
                        maybe_size=wrappers_pb2.Int64Value(value=-4),
                        maybe_flag=wrappers_pb2.BoolValue(value=False)))),
    Case("query-maps", "GET", "/v1/echo?labels[a]=1&labels[b%20c]=2&counts[3]=4&hueMap[x]=HUE_RED",
         200, everything(labels={"a": "1", "b c": "2"}, counts={"3": "4"}, hueMap={"x": "HUE_RED"}),
         rpc=("Echo", E(labels={"a": "1", "b c": "2"}, counts={3: 4}, hue_map={"x": 1}))),
    Case("query-optional-and-oneof", "GET", "/v1/echo?optValue=0&choiceB=5", 200,
         everything(optValue=0, choiceB=5), rpc=("Echo", E(opt_value=0, choice_b=5))),
    Case("query-struct-as-json", "GET", "/v1/echo?extra=%7B%22a%22%3A%5B1%2Ctrue%5D%7D", 200,
         everything(extra={"a": [1, True]})),
    Case("query-unknown-rejected", "GET", "/v1/echo?bogus=1", 400,
         bad_request("bogus", "unknown query parameter")),
    Case("query-repeated-message-rejected", "GET", "/v1/echo?items.id=1", 400,
         bad_request("items.id", "repeated message fields cannot be set from query parameters")),
    Case("query-singular-twice", "GET", "/v1/echo?name=a&name=b", 400,
         bad_request("name", "more than one value for a singular field")),
    Case("query-bad-int", "GET", "/v1/echo?int32Value=x", 400, None),
    Case("query-bad-bool", "GET", "/v1/echo?boolValue=maybe", 400,
         bad_request("boolValue", "invalid bool value 'maybe'")),
    Case("query-bad-enum", "GET", "/v1/echo?hue=PURPLE", 400, None),
    Case("query-oneof-twice", "GET", "/v1/echo?choiceA=x&choiceB=1", 400, None),
    Case("query-body-star-takes-none", "POST", "/v1/echo?name=x", 400,
         bad_request("name", "unknown query parameter: this method takes every field in the body"),
         json={}),
    Case("query-path-field-rejected", "PUT", "/v1/echo/a?name=b", 400,
         bad_request("name", "unknown query parameter: the field is bound by the URL path"), json={}),
    Case("query-body-field-rejected", "PUT", "/v1/echo/a?inner.id=b", 400,
         bad_request("inner.id", "unknown query parameter: the field is bound by the request body"), json={}),
    # ---- path templates -------------------------------------------------------------------
    Case("path-multi-segment", "GET", "/v1/shelves/s1/books/b2", 200,
         {"name": "shelves/s1/books/b2", "title": "Title of shelves/s1/books/b2", "pages": "12"},
         rpc=("GetBook", pb.GetBookRequest(name="shelves/s1/books/b2"))),
    Case("path-nested-fields", "GET", "/v1/echo/x%2Fy/nested/z", 200,
         everything(inner=inner(id="x/y", child=inner(id="z"))),
         rpc=("Echo", E(inner=pb.Inner(id="x/y", child=pb.Inner(id="z"))))),
    Case("path-typed-values", "GET", "/v1/echo/int/-12/HUE_GREEN/true", 200,
         everything(int64Value="-12", hue="HUE_GREEN", boolValue=True),
         rpc=("Echo", E(int64_value=-12, hue=2, bool_value=True))),
    Case("path-wkt-values", "GET", "/v1/echo/wkt/2020-01-02T03:04:05.5Z/42", 200,
         everything(when="2020-01-02T03:04:05.500Z", maybeSize="42"),
         rpc=("Echo", E(when=TS, maybe_size=wrappers_pb2.Int64Value(value=42)))),
    Case("path-double-star-keeps-reserved", "GET", "/v1/echo/deep/a/b%2Fc/d%20e%3Af", 200,
         everything(name="a/b%2Fc/d e%3Af")),
    Case("path-single-segment-decodes-slash", "PUT", "/v1/echo/a%2Fb%20c", 200,
         everything(name="a/b c", inner=inner(id="i")), json={"id": "i"}),
    Case("path-verb", "POST", "/v1/shelves/1/books/2:archive", 200,
         {"name": "shelves/1/books/2", "title": "archived: old", "pages": "0"}, json={"reason": "old"},
         rpc=("ArchiveBook", pb.ArchiveBookRequest(name="shelves/1/books/2", reason="old"))),
    Case("path-bad-value", "GET", "/v1/echo/int/abc/HUE_RED/true", 400, None),
    Case("path-malformed-escape", "GET", "/v1/shelves/%zz/books/1", 400, None),
    # ---- bodies ------------------------------------------------------------------------
    Case("body-star", "POST", "/v1/echo", 200, everything(name="b", tags=["t"], inner=inner(size="3")),
         json={"name": "b", "tags": ["t"], "inner": {"size": 3}},
         rpc=("Echo", E(name="b", tags=["t"], inner=pb.Inner(size=3)))),
    Case("body-proto-names-accepted", "POST", "/v1/echo", 200, everything(int64Value="5"),
         json={"int64_value": "5"}, rpc=("Echo", E(int64_value=5))),
    Case("body-field", "POST", "/v1/shelves/s/books?bookId=b1", 201,
         {"name": "shelves/s/books/b1", "title": "T", "pages": "3"},
         headers={"location": "/v1/shelves/s/books/b1"}, json={"title": "T", "pages": 3},
         rpc=("CreateBook", pb.CreateBookRequest(parent="shelves/s", book_id="b1",
                                                 book=pb.Book(title="T", pages=3)))),
    Case("body-path-wins", "PATCH", "/v1/shelves/s/books/b?updateMask=title", 200,
         {"name": "shelves/s/books/b", "title": "new [title]", "pages": "0"},
         json={"name": "shelves/other/books/x", "title": "new"},
         rpc=("UpdateBook", pb.UpdateBookRequest(book=pb.Book(name="shelves/s/books/b", title="new"),
                                                 update_mask=field_mask_pb2.FieldMask(paths=["title"])))),
    Case("patch-mask-from-body-keys", "PATCH", "/v1/shelves/s/books/b", 200,
         {"name": "shelves/s/books/b", "title": "new [title,pages,published]", "pages": "2",
          "published": "2020-01-02T03:04:05.500Z"},
         json={"title": "new", "pages": 2, "published": "2020-01-02T03:04:05.5Z"}),
    Case("body-unknown-field-rejected", "POST", "/v1/echo", 400, None, json={"nope": 1}),
    Case("body-not-json", "POST", "/v1/echo", 400, None, content=b"{not json",
         send_headers={"content-type": "application/json"}),
    Case("body-wrong-content-type", "POST", "/v1/echo", 415, None, content=b"a=b",
         send_headers={"content-type": "text/plain"}),
    Case("body-empty-is-empty-message", "POST", "/v1/echo", 200, everything(), content=b"",
         rpc=("Echo", E())),
    Case("custom-method", "SEARCH", "/v1/books", 200,
         {"books": [{"name": "", "title": "q", "pages": "0"}], "nextPageToken": ""}, json={"query": "q"},
         rpc=("SearchBooks", pb.SearchRequest(query="q"))),
    # ---- responses ---------------------------------------------------------------------
    Case("response-body-repeated", "GET", "/v1/shelves/s/books?pageSize=1", 200,
         [{"name": "shelves/s/books/0", "title": "", "pages": "0"}],
         rpc=("ListBooks", pb.ListBooksRequest(parent="shelves/s", page_size=1))),
    Case("declared-202", "POST", "/v1/books:import", 202, {}, json={"query": "q"},
         rpc=("ImportBooks", pb.SearchRequest(query="q"))),
    Case("delete-204", "DELETE", "/v1/shelves/s/books/b", 204, None, raw=b"",
         rpc=("DeleteBook", pb.DeleteBookRequest(name="shelves/s/books/b"))),
    Case("httpbody-response-raw", "GET", "/v1/files/dir/report%20.csv", 200, None,
         headers={"content-type": "text/csv"}, raw=b"path,dir/report .csv\n",
         rpc=("GetFile", pb.FetchFileRequest(path="dir/report .csv"))),
    Case("head-get", "HEAD", "/v1/shelves/s/books/b", 200, None, raw=b"",
         headers={"content-type": "application/json", "content-length": "78"}),
    Case("options-allow", "OPTIONS", "/v1/shelves/s/books/b", 204, None, raw=b"",
         headers={"allow": "DELETE, GET, HEAD, OPTIONS, PATCH"}),
    Case("options-unknown-path-404", "OPTIONS", "/v2/nothing", 404, status(5, "Not Found")),
    Case("options-custom-method", "OPTIONS", "/v1/books", 204, None, raw=b"",
         headers={"allow": "OPTIONS, SEARCH"}),
    Case("head-stream-headers-only", "HEAD", "/v1/shelves/s/books:stream?count=2", 200, None, raw=b"",
         headers={"content-type": "application/json"}),
    # ---- errors ------------------------------------------------------------------------
    Case("error-abort", "GET", "/v1/shelves/s/books/missing", 404,
         status(5, "shelves/s/books/missing not found"),
         rpc=("GetBook", pb.GetBookRequest(name="shelves/s/books/missing"))),
    Case("error-details-from-abort-with-status", "POST", "/v1/fail", 409,
         status(10, "conflict", [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "TEST",
                                  "domain": "gwtest", "metadata": {"k": "v"}}]),
         json={"code": 10, "message": "conflict", "withDetails": True},
         rpc=("Fail", pb.FailRequest(code=10, message="conflict", with_details=True))),
    Case("error-set-code", "POST", "/v1/fail", 429, status(8, "slow down"),
         json={"code": 8, "message": "slow down", "viaSetCode": True},
         rpc=("Fail", pb.FailRequest(code=8, message="slow down", via_set_code=True))),
    Case("error-unauthenticated-www-authenticate", "POST", "/v1/fail", 401, status(16, "who are you"),
         headers={"www-authenticate": "who are you"}, json={"code": 16, "message": "who are you"},
         rpc=("Fail", pb.FailRequest(code=16, message="who are you"))),
    Case("error-exception-unknown", "POST", "/v1/fail", 500,
         status(2, "Unexpected <class 'RuntimeError'>: boom"), json={"crash": True},
         rpc=("Fail", pb.FailRequest(crash=True))),
    Case("routing-404", "GET", "/v2/nothing", 404, status(5, "Not Found")),
    Case("routing-405-allow", "PUT", "/v1/shelves/s/books/b", 405, status(12, "Method Not Allowed"),
         headers={"allow": "DELETE, GET, HEAD, OPTIONS, PATCH"}),
    Case("routing-406", "GET", "/v1/shelves/s/books/b", 406,
         status(3, "cannot produce any of text/html; this method answers application/json"),
         send_headers={"accept": "text/html"}),
    Case("routing-415", "POST", "/v1/echo", 415,
         status(3, "unsupported Content-Type 'application/xml'; send application/json"),
         content=b"<a/>", send_headers={"content-type": "application/xml"}),
    # ---- streaming -----------------------------------------------------------------------
    Case("stream-ndjson", "GET", "/v1/shelves/s/books:stream?count=2", 200, None,
         headers={"content-type": "application/json"},
         raw=b'{"result":{"name":"shelves/s/books/0","title":"","pages":"0"}}\n'
             b'{"result":{"name":"shelves/s/books/1","title":"","pages":"1"}}\n',
         rpc=("StreamBooks", pb.StreamBooksRequest(parent="shelves/s", count=2))),
    Case("stream-error-before-first-message", "GET", "/v1/shelves/s/books:stream?count=2&failCode=7", 403,
         status(7, "failed at 0"),
         rpc=("StreamBooks", pb.StreamBooksRequest(parent="shelves/s", count=2, fail_code=7))),
    Case("stream-error-mid-stream", "GET", "/v1/shelves/s/books:stream?count=2&failCode=14&failAfter=1", 200,
         None, raw=b'{"result":{"name":"shelves/s/books/0","title":"","pages":"0"}}\n'
                   b'{"error":{"code":14,"message":"failed at 1","details":[]}}\n',
         rpc=("StreamBooks", pb.StreamBooksRequest(parent="shelves/s", count=2, fail_code=14, fail_after=1))),
    Case("stream-sse", "GET", "/v1/shelves/s/books:stream?count=1&failCode=14&failAfter=1", 200, None,
         headers={"content-type": "text/event-stream", "cache-control": "no-cache"},
         send_headers={"accept": "text/event-stream"},
         raw=b'data: {"name":"shelves/s/books/0","title":"","pages":"0"}\n\n'
             b'event: error\ndata: {"code":14,"message":"failed at end","details":[]}\n\n'),
    Case("stream-ndjson-content-type-on-request", "GET", "/v1/shelves/s/books:stream?count=1", 200, None,
         headers={"content-type": "application/x-ndjson"}, send_headers={"accept": "application/x-ndjson"},
         raw=b'{"result":{"name":"shelves/s/books/0","title":"","pages":"0"}}\n'),
    Case("client-stream-ndjson", "POST", "/v1/books:collect", 200, {"titles": ["a", "b"], "totalPages": "5"},
         content=b'{"title":"a","pages":2}\n\n{"title":"b","pages":3}',
         send_headers={"content-type": "application/x-ndjson"},
         rpc=("CollectBooks", [pb.Book(title="a", pages=2), pb.Book(title="b", pages=3)])),
    Case("bidi-stream-ndjson", "POST", "/v1/books:chat", 200, None,
         content=b'{"name":"a","title":"x","pages":1}\n{"name":"b","title":"y"}\n',
         raw=b'{"result":{"name":"a","title":"X","pages":"1"}}\n{"result":{"name":"b","title":"Y","pages":"0"}}\n',
         rpc=("Chat", [pb.Book(name="a", title="x", pages=1), pb.Book(name="b", title="y")])),
    Case("client-stream-bad-line", "POST", "/v1/books:collect", 400, None, content=b'{"title":"a"}\n{oops}\n'),
    Case("httpbody-upload", "PUT", "/v1/uploads/file.bin", 200,
         {"name": "file.bin", "size": "5", "chunks": 1, "contentType": "application/octet-stream",
          "sha256": "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"},
         content=b"hello", send_headers={"content-type": "application/octet-stream"},
         rpc=("Upload", [pb.UploadRequest(name="file.bin", chunk=httpbody_pb2.HttpBody(
             content_type="application/octet-stream", data=b"hello"))])),
    Case("httpbody-stream-download", "GET", "/v1/downloads/x?chunks=3", 200, None,
         headers={"content-type": "text/plain"}, raw=b"part 0;part 1;part 2;",
         rpc=("Download", pb.DownloadRequest(name="x", chunks=3))),
    Case("grpc-timeout-invalid", "POST", "/v1/metadata", 400,
         bad_request("Grpc-Timeout", "invalid timeout 'soon': want 1-8 digits and a unit H M S m u n"),
         json={}, send_headers={"grpc-timeout": "soon"}),
]

__all__ = ["CASES", "Case", "everything", "inner", "status", "bad_request", "empty_pb2"]
