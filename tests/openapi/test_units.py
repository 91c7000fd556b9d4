"""Small pieces of the generator on their own: naming, comments, path expansion."""
from __future__ import annotations

import pytest
from google.protobuf import descriptor_pb2

from gateway.openapi.comments import Comments, split_summary
from gateway.openapi.naming import legacy_names
from gateway.openapi.paths import openapi_path
from gateway.pathtemplate import PathTemplate


def test_legacy_names_add_context_only_on_collision():
    names = legacy_names(["a.v1.Thing", "b.v1.Thing", "a.v1.Other", "google.rpc.Status", "a.v1.Outer.Inner"])
    assert names == {"a.v1.Thing": "av1Thing", "b.v1.Thing": "bv1Thing", "a.v1.Other": "v1Other",
                     "google.rpc.Status": "rpcStatus", "a.v1.Outer.Inner": "OuterInner"}


def _file_with_comment(text: str) -> descriptor_pb2.FileDescriptorSet:
    fds = descriptor_pb2.FileDescriptorSet()
    f = fds.file.add(name="x.proto", package="p")
    f.message_type.add(name="M").field.add(name="f", number=1, type=descriptor_pb2.FieldDescriptorProto.TYPE_STRING)
    loc = f.source_code_info.location.add(path=[4, 0, 2, 0])
    loc.leading_comments = text
    return fds


def test_comments_drop_indent_and_internal_notes():
    comments = Comments(_file_with_comment(" The field.\n (-- api-linter: core::0140=disabled --)\n  Indented.\n"))
    assert comments["p.M.f"] == "The field.\n\n Indented."
    assert comments["p.M"] == ""
    assert Comments(_file_with_comment(" x\n").SerializeToString())["p.M.f"] == "x"  # bytes accepted


@pytest.mark.parametrize("comment, title_style, expected", [
    ("Gets a thing.", False, ("Gets a thing.", "")),
    ("Lists.\n\nMore words.", False, ("Lists.", "More words.")),
    ("A thing.", True, ("", "A thing.")),
    ("Thing title\n\nIts description.", True, ("Thing title", "Its description.")),
    ("", True, ("", "")),
])
def test_summary_split_follows_protoc_gen_openapiv2(comment, title_style, expected):
    assert split_summary(comment, title_style=title_style) == expected


@pytest.mark.parametrize("template, proto_names, path, names", [
    ("/v1/{name=publishers/*/books/*}", False, "/v1/publishers/{publisher}/books/{book}", ["publisher", "book"]),
    ("/v1/{name=boxes/*/policies/*}", False, "/v1/boxes/{box}/policies/{policy}", ["box", "policy"]),
    ("/v1/{name=shelves/*/archives/*}", False, "/v1/shelves/{shelf}/archives/{archive}", ["shelf", "archive"]),
    ("/v1/{name=projects/*/security-groups/*}", False, "/v1/projects/{project}/security-groups/{securityGroup}",
     ["project", "securityGroup"]),
    ("/v1/{name=projects/*/security-groups/*}", True, "/v1/projects/{project}/security-groups/{security_group}",
     ["project", "security_group"]),
    ("/v1/{parent=policies/*}/boxes:list", False, "/v1/policies/{policy}/boxes:list", ["policy"]),
    ("/v1/{name=things/*/things/*}", False, "/v1/things/{thing}/things/{thing_1}", ["thing", "thing_1"]),
    ("/v1/{name=*/x}", False, "/v1/{name}/x", ["name"]),
    ("/v1/{page_id}", False, "/v1/{pageId}", ["pageId"]),
    ("/v1/clouds/{location.cloud}/x/{location.region_name}", False,
     "/v1/clouds/{locationCloud}/x/{locationRegionName}", ["locationCloud", "locationRegionName"]),
    ("/v1/clouds/{location.cloud}", True, "/v1/clouds/{location_cloud}", ["location_cloud"]),
    ("/v1/{path=files/**}", False, "/v1/files/{file}", ["file"]),
])
def test_slashed_templates_expand(template, proto_names, path, names):
    def json_name(field_path):
        parts = []
        for part in field_path:
            head, *rest = part.split("_")
            parts.append(part if proto_names else head + "".join(w.capitalize() for w in rest))
        return ".".join(parts)

    got_path, params = openapi_path(PathTemplate.parse(template), proto_names=proto_names, json_name_of=json_name)
    assert got_path == path
    assert [p.name for p in params] == names
