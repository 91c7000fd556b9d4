"""The route table: every google.api.http binding, compiled once from the descriptors.

The runtime and the OpenAPI generator both read this table, so the served API and the
documents cannot drift. Construction validates everything that can be validated
statically: template grammar, that path variables and body/response_body name real
fields, that no two rules can match the same request (an error naming both).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from google.api import annotations_pb2, http_pb2
from google.protobuf.descriptor import FieldDescriptor, MethodDescriptor, ServiceDescriptor

from .pathtemplate import PathTemplate, PathDecodeError, TemplateError

__all__ = [
    "Binding", "RouteTable", "RouteConflict", "RouteError", "NoRoute", "MethodNotAllowed",
    "PathDecodeError", "SCALAR_PATH_MESSAGES",
]

_PATTERNS = ("get", "put", "post", "delete", "patch")
EMPTY = "google.protobuf.Empty"
HTTP_BODY = "google.api.HttpBody"
# Messages whose JSON form is a single string/number, so a path variable may name them
# (grpc-gateway allows well-known types in the path too).
SCALAR_PATH_MESSAGES = frozenset({
    "google.protobuf.Timestamp", "google.protobuf.Duration", "google.protobuf.FieldMask",
    "google.protobuf.StringValue", "google.protobuf.BytesValue", "google.protobuf.BoolValue",
    "google.protobuf.Int32Value", "google.protobuf.Int64Value", "google.protobuf.UInt32Value",
    "google.protobuf.UInt64Value", "google.protobuf.FloatValue", "google.protobuf.DoubleValue",
})


class RouteError(ValueError):
    """An http rule that cannot be served (found at start-up)."""


class RouteConflict(RouteError):
    """Two rules would match exactly the same requests."""


class NoRoute(LookupError):
    """No template matches the path (404)."""


class MethodNotAllowed(LookupError):
    """Templates match the path, but not for this HTTP method (405)."""

    def __init__(self, allowed: Iterable[str]):
        self.allowed = tuple(sorted(set(allowed)))
        super().__init__(", ".join(self.allowed))


@dataclass(frozen=True, eq=False)
class Binding:
    """One HttpRule (the primary rule is index 0, additional_bindings follow)."""

    method: MethodDescriptor
    http_method: str  # "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | custom kind ("*" = any)
    template: PathTemplate
    body: str  # "" | "*" | top-level request field name
    response_body: str  # "" | top-level response field name
    index: int
    # 200, or 201/204 by the rule in `success_status_for` (the OpenAPI generator reads it).
    success_status: int = 200
    # For 201: a GET template whose variables are filled from the response -> Location header.
    location: PathTemplate | None = None
    # Derived field descriptors, resolved once.
    path_fields: tuple[tuple[str, tuple[FieldDescriptor, ...]], ...] = field(default=(), repr=False)
    body_field: FieldDescriptor | None = field(default=None, repr=False)
    response_body_field: FieldDescriptor | None = field(default=None, repr=False)

    @property
    def client_streaming(self) -> bool:
        return self.method.client_streaming

    @property
    def server_streaming(self) -> bool:
        return self.method.server_streaming

    @property
    def request_type(self):
        return self.method.input_type

    @property
    def response_type(self):
        return self.method.output_type

    @property
    def label(self) -> str:
        return f"{self.method.full_name} ({self.http_method} {self.template.source})"

    def __repr__(self) -> str:
        return f"<Binding {self.label} #{self.index}>"


class RouteTable:
    def __init__(self, bindings: Iterable[Binding]):
        self.bindings: tuple[Binding, ...] = tuple(bindings)
        _check_conflicts(self.bindings)
        # Most specific template first; declaration order breaks ties.
        ordered = sorted(self.bindings, key=lambda b: b.template.specificity, reverse=True)
        self._wild: list[Binding] = [b for b in ordered if _first_literal(b) is None]
        self._by_first: dict[str, list[Binding]] = {}
        for key in {k for k in map(_first_literal, ordered) if k is not None}:
            self._by_first[key] = [b for b in ordered if _first_literal(b) in (key, None)]

    @classmethod
    def from_services(
        cls,
        services: Iterable[ServiceDescriptor],
        *,
        success_codes: bool = True,
        unbound_methods: bool = False,
    ) -> "RouteTable":
        """Compile every method's google.api.http rule (and its additional_bindings).

        success_codes: apply the 201/204 rule (see ``success_status_for``); False answers
            every success with 200 as grpc-gateway does.
        unbound_methods: give methods without an http rule grpc-gateway's default
            ``POST /pkg.Service/Method`` with ``body: "*"``.
        """
        services = list(services)
        bindings: list[Binding] = []
        for service in services:
            for method in service.methods:
                rules = _rules(method, unbound_methods)
                for index, rule in enumerate(rules):
                    bindings.append(_compile(method, rule, index))
        if success_codes:
            bindings = [_with_success_status(b, bindings) for b in bindings]
        return cls(bindings)

    def lookup(self, http_method: str, path: str) -> tuple[Binding, dict[str, str]]:
        """Find the binding for a request; raise NoRoute, MethodNotAllowed or PathDecodeError."""
        first = path[1:].split("/", 1)[0] if path.startswith("/") else ""
        candidates = self._by_first.get(first)
        if candidates is None:
            candidates = self._wild
        allowed: set[str] = set()
        for binding in candidates:
            values = binding.template.match(path)
            if values is None:
                continue
            if binding.http_method == http_method or binding.http_method == "*":
                return binding, values
            allowed.add(binding.http_method)
        if allowed:
            raise MethodNotAllowed(allowed)
        raise NoRoute(path)

    def allowed_methods(self, path: str) -> tuple[str, ...]:
        """HTTP methods some binding serves at this path ('*' bindings count as all five)."""
        first = path[1:].split("/", 1)[0] if path.startswith("/") else ""
        methods: set[str] = set()
        for binding in self._by_first.get(first, self._wild):
            try:
                if binding.template.match(path) is not None:
                    methods.update(_PATTERNS_UPPER if binding.http_method == "*" else (binding.http_method,))
            except PathDecodeError:
                continue
        return tuple(sorted(methods))

    def __iter__(self):
        return iter(self.bindings)

    def __len__(self) -> int:
        return len(self.bindings)


_PATTERNS_UPPER = tuple(p.upper() for p in _PATTERNS)


def _first_literal(binding: Binding) -> str | None:
    segments = binding.template.segments
    if segments and segments[0] not in ("*", "**"):
        return segments[0]
    return None


def _rules(method: MethodDescriptor, unbound_methods: bool) -> list[http_pb2.HttpRule]:
    options = method.GetOptions()
    if options.HasExtension(annotations_pb2.http):
        primary = options.Extensions[annotations_pb2.http]
        for extra in primary.additional_bindings:
            if extra.additional_bindings:
                raise RouteError(f"{method.full_name}: additional_bindings must not nest")
        return [primary, *primary.additional_bindings]
    if unbound_methods:
        rule = http_pb2.HttpRule(post=f"/{method.containing_service.full_name}/{method.name}", body="*")
        return [rule]
    return []


def _compile(method: MethodDescriptor, rule: http_pb2.HttpRule, index: int) -> Binding:
    kind = rule.WhichOneof("pattern")
    if kind is None:
        raise RouteError(f"{method.full_name}: http rule #{index} has no pattern")
    if kind == "custom":
        http_method, source = rule.custom.kind.upper(), rule.custom.path
        if not http_method:
            raise RouteError(f"{method.full_name}: custom http rule #{index} has no kind")
    else:
        http_method, source = kind.upper(), getattr(rule, kind)
    try:
        template = PathTemplate.parse(source)
    except TemplateError as exc:
        raise RouteError(f"{method.full_name}: {exc}") from None
    where = f"{method.full_name} ({http_method} {source})"
    request, response = method.input_type, method.output_type
    path_fields = tuple((v.name, _path_field(request, v.field_path, where)) for v in template.variables)
    if rule.body and http_method in ("GET", "HEAD"):
        raise RouteError(f"{where}: a {http_method} rule cannot have a body")
    body_field = None
    if rule.body and rule.body != "*":
        body_field = request.fields_by_name.get(rule.body)
        if body_field is None:
            raise RouteError(f"{where}: body {rule.body!r} is not a field of {request.full_name}")
    if method.client_streaming and not rule.body:
        raise RouteError(f"{where}: a client-streaming method needs a body (\"*\" or a field)")
    response_body_field = None
    if rule.response_body:
        response_body_field = response.fields_by_name.get(rule.response_body)
        if response_body_field is None:
            raise RouteError(
                f"{where}: response_body {rule.response_body!r} is not a field of {response.full_name}")
    return Binding(
        method=method, http_method=http_method, template=template, body=rule.body,
        response_body=rule.response_body, index=index, path_fields=path_fields,
        body_field=body_field, response_body_field=response_body_field,
    )


def _path_field(message, field_path: tuple[str, ...], where: str) -> tuple[FieldDescriptor, ...]:
    chain: list[FieldDescriptor] = []
    for i, name in enumerate(field_path):
        fd = message.fields_by_name.get(name) if message is not None else None
        if fd is None:
            raise RouteError(f"{where}: path variable {'.'.join(field_path)!r} names no field "
                             f"({name!r} is not in {message.full_name if message else '?'})")
        if is_repeated(fd):
            raise RouteError(f"{where}: path variable {'.'.join(field_path)!r} is repeated or a map")
        chain.append(fd)
        last = i == len(field_path) - 1
        if fd.type == FieldDescriptor.TYPE_MESSAGE:
            if last and fd.message_type.full_name not in SCALAR_PATH_MESSAGES:
                raise RouteError(f"{where}: path variable {'.'.join(field_path)!r} is a message")
            message = fd.message_type
        elif not last:
            raise RouteError(f"{where}: {name!r} in path variable {'.'.join(field_path)!r} is not a message")
    return tuple(chain)


def is_repeated(fd: FieldDescriptor) -> bool:
    # `is_repeated` exists on newer protobuf; `label` on older ones.
    flag = getattr(fd, "is_repeated", None)
    if flag is not None:
        return bool(flag)
    return fd.label == FieldDescriptor.LABEL_REPEATED


def _check_conflicts(bindings: tuple[Binding, ...]) -> None:
    seen: dict[tuple, Binding] = {}
    for binding in bindings:
        key = (binding.http_method, binding.template.shape)
        other = seen.get(key)
        if other is not None:
            raise RouteConflict(f"http rules conflict: {other.label} and {binding.label} "
                                "match the same requests")
        seen[key] = binding


# ---- success status: 201 / 204 ------------------------------------------------------------

def success_status_for(binding: Binding) -> int:
    """The HTTP status of a successful call; 200 unless the method says otherwise.

    1. Declared: the method's ``openapiv2_operation.responses`` lists 201, 202 or 204 and
       not 200 -> the lowest of those.
    2. Naming rule (AIP-133/135): ``Create*`` bound to POST -> 201;
       ``Delete*`` bound to DELETE returning ``google.protobuf.Empty`` -> 204.
    Streaming methods always answer 200.
    """
    if binding.client_streaming or binding.server_streaming:
        return 200
    declared = _declared_statuses(binding.method)
    if declared:
        return min(declared)
    name = binding.method.name
    if binding.http_method == "POST" and name.startswith("Create"):
        return 201
    if binding.http_method == "DELETE" and name.startswith("Delete") and \
            binding.response_type.full_name == EMPTY and not binding.response_body:
        return 204
    return 200


def _declared_statuses(method: MethodDescriptor) -> list[int]:
    try:
        from protoc_gen_openapiv2.options import annotations_pb2 as openapiv2
    except ImportError:  # optional dependency
        return []
    options = method.GetOptions()
    if not options.HasExtension(openapiv2.openapiv2_operation):
        return []
    codes = set(options.Extensions[openapiv2.openapiv2_operation].responses.keys())
    if "200" in codes:
        return []
    return sorted(int(c) for c in codes & {"201", "202", "204"})


def _with_success_status(binding: Binding, all_bindings: list[Binding]) -> Binding:
    status = success_status_for(binding)
    if status == 200:
        return binding
    location = _location_template(binding, all_bindings) if status == 201 else None
    return _replace(binding, success_status=status, location=location)


def _location_template(binding: Binding, all_bindings: list[Binding]) -> PathTemplate | None:
    """CreateX -> the GET template of GetX, if the response carries all of its variables."""
    name = binding.method.name
    if not name.startswith("Create"):
        return None
    getter = "Get" + name[len("Create"):]
    service = binding.method.containing_service
    for other in all_bindings:
        if (other.method.containing_service is service and other.method.name == getter
                and other.http_method == "GET" and other.template.variables):
            try:
                for var in other.template.variables:
                    _path_field(binding.response_type, var.field_path, "")
            except RouteError:
                return None
            if any(s in ("*", "**") for s in _unnamed_segments(other.template)):
                return None
            return other.template
    return None


def _unnamed_segments(template: PathTemplate) -> list[str]:
    covered = set()
    for var in template.variables:
        end = len(template.segments) if var.end is None else var.end
        covered.update(range(var.start, end))
    return [s for i, s in enumerate(template.segments) if i not in covered]


def _replace(binding: Binding, **changes) -> Binding:
    from dataclasses import replace

    return replace(binding, **changes)
