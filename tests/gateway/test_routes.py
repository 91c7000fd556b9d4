"""Path templates and the route table: grammar, matching, conflicts, the 201/204 rule."""
from __future__ import annotations

import pytest
from google.api import annotations_pb2, http_pb2
from google.protobuf import descriptor_pb2, descriptor_pool

from gateway.pathtemplate import PathDecodeError, PathTemplate, TemplateError
from gateway.routes import MethodNotAllowed, NoRoute, RouteConflict, RouteError, RouteTable
from gwtest.v1 import transcoding_pb2

SERVICE = transcoding_pb2.DESCRIPTOR.services_by_name["Transcoding"]


@pytest.mark.parametrize("source, path, expected", [
    ("/v1/{name}", "/v1/a%2Fb", {"name": "a/b"}),
    ("/v1/{name=*}", "/v1/a:b", {"name": "a:b"}),
    ("/v1/{a.b.c}/x", "/v1/v/x", {"a.b.c": "v"}),
    ("/v1/{name=projects/*/images/*}", "/v1/projects/p/images/i", {"name": "projects/p/images/i"}),
    ("/v1/{name=projects/*/images/*}", "/v1/projects/p%2Fq/images/i", {"name": "projects/p%2Fq/images/i"}),
    ("/v1/{path=**}", "/v1/a/b/c%20d%3F", {"path": "a/b/c d%3F"}),
    ("/v1/{name=*}:cancel", "/v1/op1:cancel", {"name": "op1"}),
    ("/v1/{name=**}:do:it", "/v1/a/b:do:it", {"name": "a/b"}),
    ("/v1/*/x/{y}", "/v1/any/x/y1", {"y": "y1"}),
    ("/v1/things", "/v1/things", {}),
])
def test_match(source, path, expected):
    assert PathTemplate.parse(source).match(path) == expected


@pytest.mark.parametrize("source, path", [
    ("/v1/{name}", "/v1/a/b"),
    ("/v1/{name}", "/v1/"),
    ("/v1/{name}:cancel", "/v1/:cancel"),
    ("/v1/{name}:cancel", "/v1/x"),
    ("/v1/{p=**}", "/v1"),
    ("/v1/things", "/v1/thing"),
])
def test_no_match(source, path):
    assert PathTemplate.parse(source).match(path) is None


def test_malformed_escape_is_a_decode_error():
    with pytest.raises(PathDecodeError):
        PathTemplate.parse("/v1/{name}").match("/v1/%G1")


@pytest.mark.parametrize("source", [
    "v1", "/v1/{a{b}}", "/v1/**/x", "/v1/{a}:", "/v1/{a}/{a}", "/v1//x", "/v1/{a=**/b}",
    "/v1/{a=b/{c}}", "/v1/{1a}", "/v1/{a", "/v1/{a.}",
])
def test_bad_templates(source):
    with pytest.raises(TemplateError):
        PathTemplate.parse(source)


def test_template_parts():
    t = PathTemplate.parse("/v1/{name=shelves/*/books/*}:archive")
    assert (t.source, t.segments, t.verb) == (
        "/v1/{name=shelves/*/books/*}:archive", ("v1", "shelves", "*", "books", "*"), "archive")
    (var,) = t.variables
    assert (var.field_path, var.start, var.end, var.pattern, var.multi_segment) == (
        ("name",), 1, 5, "shelves/*/books/*", True)


def test_table_bindings_in_declaration_order():
    table = RouteTable.from_services([SERVICE])
    echo = [(b.http_method, b.template.source, b.body, b.index) for b in table.bindings
            if b.method.name == "Echo"]
    assert echo[:3] == [("GET", "/v1/echo", "", 0), ("POST", "/v1/echo", "*", 1),
                        ("PUT", "/v1/echo/{name}", "inner", 2)]
    by_name = {b.method.name: b for b in table.bindings}
    assert by_name["ListBooks"].response_body == "books"
    assert by_name["SearchBooks"].http_method == "SEARCH"
    assert "Unbound" not in by_name


def test_success_status_and_location_are_on_the_binding():
    by_name = {b.method.name: b for b in RouteTable.from_services([SERVICE]).bindings}
    assert by_name["CreateBook"].success_status == 201
    assert by_name["CreateBook"].location.source == "/v1/{name=shelves/*/books/*}"
    assert by_name["DeleteBook"].success_status == 204
    assert by_name["GetBook"].success_status == 200
    assert by_name["ImportBooks"].success_status == 202  # declared by openapiv2_operation.responses
    assert by_name["StreamBooks"].success_status == 200
    plain = {b.method.name: b for b in RouteTable.from_services([SERVICE], success_codes=False).bindings}
    assert plain["CreateBook"].success_status == 200 and plain["CreateBook"].location is None


def test_lookup_prefers_verb_and_reports_allowed_methods():
    table = RouteTable.from_services([SERVICE])
    binding, values = table.lookup("POST", "/v1/shelves/1/books/2:archive")
    assert binding.method.name == "ArchiveBook" and values == {"name": "shelves/1/books/2"}
    with pytest.raises(MethodNotAllowed) as exc:
        table.lookup("PUT", "/v1/shelves/1/books/2")
    assert exc.value.allowed == ("DELETE", "GET", "PATCH")
    with pytest.raises(NoRoute):
        table.lookup("GET", "/v2/x")


def _service(rules: dict[str, str], body: str = ""):
    """A throwaway service in its own descriptor pool: method name -> GET template."""
    fdp = descriptor_pb2.FileDescriptorProto(name="dyn.proto", package="dyn", syntax="proto3",
                                             dependency=["google/api/annotations.proto"])
    msg = fdp.message_type.add(name="Req")
    msg.field.add(name="name", number=1, type=9, label=1)
    msg.field.add(name="id", number=2, type=9, label=1)
    svc = fdp.service.add(name="Svc")
    for name, template in rules.items():
        method = svc.method.add(name=name, input_type=".dyn.Req", output_type=".dyn.Req")
        method.options.Extensions[annotations_pb2.http].CopyFrom(http_pb2.HttpRule(get=template, body=body))
    pool = descriptor_pool.DescriptorPool()
    for module in (descriptor_pb2, http_pb2, annotations_pb2):
        proto = descriptor_pb2.FileDescriptorProto()
        module.DESCRIPTOR.CopyToProto(proto)
        pool.Add(proto)
    pool.Add(fdp)
    return pool.FindServiceByName("dyn.Svc")


def test_conflicting_rules_name_both():
    with pytest.raises(RouteConflict) as exc:
        RouteTable.from_services([_service({"First": "/v1/things/{name}", "Second": "/v1/things/{id=*}"})])
    message = str(exc.value)
    assert "dyn.Svc.First (GET /v1/things/{name})" in message
    assert "dyn.Svc.Second (GET /v1/things/{id=*})" in message


@pytest.mark.parametrize("template, body, why", [
    ("/v1/{nope}", "", "names no field"),
    ("/v1/{name}", "*", "cannot have a body"),
    ("/v1/{name.x}", "", "is not a message"),
])
def test_invalid_rules_fail_at_start_up(template, body, why):
    with pytest.raises(RouteError, match=why):
        RouteTable.from_services([_service({"M": template}, body)])
