"""Leading comments of .proto elements, read from a FileDescriptorSet's SourceCodeInfo.

Comments are keyed by the element's full name (``pkg.Message``, ``pkg.Message.field``,
``pkg.Enum.VALUE``, ``pkg.Service.Method``), which is how the generator meets the
elements when it walks the runtime descriptors.
"""
from __future__ import annotations

import re

from google.protobuf import descriptor_pb2

# Field numbers inside descriptor.proto that SourceCodeInfo paths are made of.
_FILE_MESSAGE, _FILE_ENUM, _FILE_SERVICE = 4, 5, 6
_MESSAGE_FIELD, _MESSAGE_NESTED, _MESSAGE_ENUM = 2, 3, 4
_ENUM_VALUE = 2
_SERVICE_METHOD = 2

# AIP-192 internal comments: "(-- api-linter: ... --)" never reach the published docs.
_INTERNAL = re.compile(r"\(--.*?--\)", re.DOTALL)


class Comments:
    """Full name -> cleaned leading comment ("" when there is none)."""

    def __init__(self, source: descriptor_pb2.FileDescriptorSet | bytes | None = None):
        self._by_name: dict[str, str] = {}
        if source is None:
            return
        if isinstance(source, (bytes, bytearray)):
            source = descriptor_pb2.FileDescriptorSet.FromString(bytes(source))
        for file in source.file:
            self._read_file(file)

    def __getitem__(self, full_name: str) -> str:
        return self._by_name.get(full_name, "")

    def _read_file(self, file: descriptor_pb2.FileDescriptorProto) -> None:
        by_path = {tuple(loc.path): loc.leading_comments for loc in file.source_code_info.location
                   if loc.leading_comments}
        prefix = f"{file.package}." if file.package else ""

        def remember(name: str, path: tuple[int, ...]) -> None:
            text = _clean(by_path.get(path, ""))
            if text:
                self._by_name[name] = text

        def enum(e: descriptor_pb2.EnumDescriptorProto, name: str, path: tuple[int, ...]) -> None:
            remember(name, path)
            for i, value in enumerate(e.value):
                remember(f"{name}.{value.name}", path + (_ENUM_VALUE, i))

        def message(m: descriptor_pb2.DescriptorProto, name: str, path: tuple[int, ...]) -> None:
            remember(name, path)
            for i, f in enumerate(m.field):
                remember(f"{name}.{f.name}", path + (_MESSAGE_FIELD, i))
            for i, nested in enumerate(m.nested_type):
                message(nested, f"{name}.{nested.name}", path + (_MESSAGE_NESTED, i))
            for i, e in enumerate(m.enum_type):
                enum(e, f"{name}.{e.name}", path + (_MESSAGE_ENUM, i))

        for i, m in enumerate(file.message_type):
            message(m, prefix + m.name, (_FILE_MESSAGE, i))
        for i, e in enumerate(file.enum_type):
            enum(e, prefix + e.name, (_FILE_ENUM, i))
        for i, s in enumerate(file.service):
            remember(prefix + s.name, (_FILE_SERVICE, i))
            for j, method in enumerate(s.method):
                remember(f"{prefix}{s.name}.{method.name}", (_FILE_SERVICE, i, _SERVICE_METHOD, j))


def _clean(raw: str) -> str:
    """Drop protoc's one-space indent, internal (-- --) notes and surrounding blank lines."""
    text = _INTERNAL.sub("", raw)
    lines = [line[1:] if line.startswith(" ") else line for line in text.split("\n")]
    return "\n".join(line.rstrip() for line in lines).strip()


def split_summary(comment: str, *, title_style: bool) -> tuple[str, str]:
    """protoc-gen-openapiv2's rule: (summary-or-title, description).

    Operations (title_style=False): the first paragraph is the summary, the rest the
    description. Schemas (title_style=True): the first paragraph is a title only when it
    does not end with a period; otherwise the whole comment is the description.
    """
    if not comment:
        return "", ""
    paragraphs = comment.split("\n\n")
    first = paragraphs[0].strip()
    rest = "\n\n".join(paragraphs[1:]).strip()
    if not title_style or (first and not first.endswith(".")):
        return first, rest
    return "", comment
