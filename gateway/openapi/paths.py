"""google.api.http path templates -> OpenAPI paths whose parameters never hold a slash.

``/v1/{name=beds/*/plants/*}`` becomes ``/v1/beds/{bed}/plants/{plant}``: every ``*`` of a
variable's pattern is its own parameter, named after the literal segment before it
(singular), so Swagger UI and generated clients build the URL the runtime matches (they
would percent-encode a slash inside one parameter). The runtime reassembles the field
value from the segments, so nothing is lost. ``**`` stays one parameter (it may hold
slashes) and says so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from gateway.pathtemplate import PathTemplate

_WORD = re.compile(r"[A-Za-z0-9]+")
# "-ves" plurals whose singular ends in "f"/"fe" (the others - archives, drives - lose the "s").
_VES = {"shelves": "shelf", "halves": "half", "leaves": "leaf", "knives": "knife", "lives": "life",
        "wives": "wife", "wolves": "wolf", "selves": "self", "calves": "calf", "loaves": "loaf",
        "thieves": "thief", "scarves": "scarf", "wharves": "wharf"}


@dataclass(frozen=True)
class PathParam:
    name: str  # the OpenAPI parameter name
    field_path: tuple[str, ...]  # the request field the segment belongs to
    whole_field: bool  # the parameter is the field's entire value
    multi_segment: bool  # "**": the value may contain "/"
    pattern: str  # the variable's pattern, for the description


def openapi_path(template: PathTemplate, *, proto_names: bool, json_name_of) -> tuple[str, list[PathParam]]:
    """The OpenAPI path string and its parameters, in path order.

    json_name_of(field_path) -> the runtime's name for a field path (dotted).
    """
    segments = list(template.segments)
    owner: dict[int, object] = {}
    for var in template.variables:
        end = len(segments) if var.end is None else var.end
        for i in range(var.start, end):
            owner[i] = var
    used: set[str] = set()
    params: list[PathParam] = []
    out: list[str] = []
    for i, segment in enumerate(segments):
        var = owner.get(i)
        if var is None or segment not in ("*", "**"):
            out.append(segment)
            continue
        whole = var.pattern in ("*", "**")
        if whole:
            base = _identifier(json_name_of(var.field_path), proto_names)
        else:
            # Only a literal of the same variable names a segment ("/v1/{name=*/x}" -> {name}).
            previous = segments[i - 1] if i > var.start and segments[i - 1] not in ("*", "**") else ""
            base = _singular(previous, proto_names) or _identifier(json_name_of(var.field_path), proto_names)
        name = _unique(base, used)
        params.append(PathParam(name, tuple(var.field_path), whole, segment == "**", var.pattern))
        out.append("{" + name + "}")
    path = "/" + "/".join(out)
    if template.verb:
        path += ":" + template.verb
    return path, params


def _identifier(dotted: str, proto_names: bool) -> str:
    """A nested field path as one identifier: generators reject "." in path parameters
    (openapi-python-client drops the operation), so location.cloud -> locationCloud."""
    head, *rest = dotted.split(".")
    if proto_names:
        return "_".join([head, *rest])
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _singular(literal: str, proto_names: bool) -> str:
    words = [w.lower() for w in _WORD.findall(literal)]
    if not words:
        return ""
    last = words[-1]
    if last in _VES:
        last = _VES[last]
    elif last.endswith("ies") and len(last) > 3:
        last = last[:-3] + "y"
    elif last.endswith(("sses", "xes", "ches", "shes")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 1:
        last = last[:-1]
    words[-1] = last
    if proto_names:
        return "_".join(words)
    return words[0] + "".join(w.capitalize() for w in words[1:])


def _unique(base: str, used: set[str]) -> str:
    name, n = base, 1
    while name in used:
        name = f"{base}_{n}"
        n += 1
    used.add(name)
    return name
