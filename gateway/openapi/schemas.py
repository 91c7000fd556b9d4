"""Messages and enums -> JSON Schema, exactly as the runtime's JSON options write them.

One builder serves both documents; ``v3`` switches on what only OpenAPI 3.1 can say
(oneOf for oneofs, nullable wrappers/optional, writeOnly, sibling keywords next to $ref).
References are recorded as ``TypeRef`` markers and resolved to definition names at the end,
because the names depend on the whole set of types (see naming.py).
"""
from __future__ import annotations

from typing import Any

from google.api import field_behavior_pb2
from google.protobuf.descriptor import Descriptor, EnumDescriptor, FieldDescriptor

from . import options, wkt
from .comments import Comments, split_summary

_FB = field_behavior_pb2.FieldBehavior
_T = FieldDescriptor

_SCALARS: dict[int, dict[str, str]] = {
    _T.TYPE_DOUBLE: {"type": "number", "format": "double"},
    _T.TYPE_FLOAT: {"type": "number", "format": "float"},
    # 64-bit integers are JSON strings in ProtoJSON.
    _T.TYPE_INT64: {"type": "string", "format": "int64"},
    _T.TYPE_SINT64: {"type": "string", "format": "int64"},
    _T.TYPE_SFIXED64: {"type": "string", "format": "int64"},
    _T.TYPE_UINT64: {"type": "string", "format": "uint64"},
    _T.TYPE_FIXED64: {"type": "string", "format": "uint64"},
    _T.TYPE_INT32: {"type": "integer", "format": "int32"},
    _T.TYPE_SINT32: {"type": "integer", "format": "int32"},
    _T.TYPE_SFIXED32: {"type": "integer", "format": "int32"},
    # uint32 does not fit int32; protoc-gen-openapiv2 says int64 too.
    _T.TYPE_UINT32: {"type": "integer", "format": "int64"},
    _T.TYPE_FIXED32: {"type": "integer", "format": "int64"},
    _T.TYPE_BOOL: {"type": "boolean"},
    _T.TYPE_STRING: {"type": "string"},
    _T.TYPE_BYTES: {"type": "string", "format": "byte"},
}


class TypeRef(str):
    """A $ref to the definition of a message or enum, by full name (resolved later)."""


def is_repeated(field: FieldDescriptor) -> bool:
    flag = getattr(field, "is_repeated", None)
    return bool(flag) if flag is not None else field.label == _T.LABEL_REPEATED


def is_map(field: FieldDescriptor) -> bool:
    return field.type == _T.TYPE_MESSAGE and field.message_type.GetOptions().map_entry


def is_proto3_optional(field: FieldDescriptor) -> bool:
    oneof = field.containing_oneof
    return oneof is not None and len(oneof.fields) == 1 and oneof.name == "_" + field.name


def real_oneofs(message: Descriptor):
    return [o for o in message.oneofs if not (len(o.fields) == 1 and is_proto3_optional(o.fields[0]))]


def field_behavior(field: FieldDescriptor) -> set[int]:
    return set(field.GetOptions().Extensions[field_behavior_pb2.field_behavior])


class SchemaBuilder:
    def __init__(self, json_options, comments: Comments, *, v3: bool):
        self.use_proto_names = bool(getattr(json_options, "use_proto_names", False))
        self.enums_as_ints = bool(getattr(json_options, "enums_as_ints", False))
        self.comments = comments
        self.v3 = v3
        self.pending: dict[str, Descriptor | EnumDescriptor] = {}  # referenced, not built yet
        self.definitions: dict[str, dict[str, Any]] = {}  # full name -> schema

    # ---- names -----------------------------------------------------------------------
    def json_name(self, field: FieldDescriptor) -> str:
        return field.name if self.use_proto_names else field.json_name

    # ---- references ------------------------------------------------------------------
    def ref(self, descriptor: Descriptor | EnumDescriptor) -> dict[str, Any]:
        if descriptor.full_name not in self.definitions:
            self.pending.setdefault(descriptor.full_name, descriptor)
        return {"$ref": TypeRef(descriptor.full_name)}

    def message(self, descriptor: Descriptor) -> dict[str, Any]:
        """Schema for a message used somewhere: inline for well-known types, else a $ref."""
        if wkt.is_wkt(descriptor.full_name):
            return wkt.wkt_schema(descriptor.full_name, v3=self.v3)
        if descriptor.full_name == wkt.HTTP_BODY:
            return {"type": "string", "format": "binary"}
        return self.ref(descriptor)

    def build_pending(self) -> None:
        """Build every referenced definition (which may reference more)."""
        while self.pending:
            full_name, descriptor = self.pending.popitem()
            if full_name in self.definitions:
                continue
            self.definitions[full_name] = {}  # placeholder: recursion stops here
            if isinstance(descriptor, EnumDescriptor):
                self.definitions[full_name] = self.enum_definition(descriptor)
            elif full_name == wkt.ANY:
                self.definitions[full_name] = wkt.any_definition()
            else:
                self.definitions[full_name] = self.message_definition(descriptor)

    # ---- enums -----------------------------------------------------------------------
    def enum_definition(self, enum: EnumDescriptor) -> dict[str, Any]:
        values = []
        seen_numbers = set()
        for value in enum.values:  # aliases: the runtime writes the first name of a number
            if value.number not in seen_numbers:
                seen_numbers.add(value.number)
                values.append(value)
        if self.enums_as_ints:
            schema: dict[str, Any] = {"type": "integer", "format": "int32",
                                      "enum": [v.number for v in values], "default": values[0].number}
        else:
            schema = {"type": "string", "enum": [v.name for v in values], "default": values[0].name}
        lines = []
        comment = self.comments[enum.full_name]
        if comment:
            lines.append(comment)
        documented = [(v.name, self.comments[f"{enum.full_name}.{v.name}"]) for v in values]
        if any(text for _, text in documented):
            lines.append("\n".join(f" - {name}: {text}" if text else f" - {name}" for name, text in documented))
        if lines:
            schema["description"] = "\n\n".join(lines)
        annotation = options.option(enum, options.ENUM)
        if annotation is not None:
            schema.update(_enum_annotation(annotation, v3=self.v3))
        return schema

    # ---- messages --------------------------------------------------------------------
    def message_definition(self, message: Descriptor) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "object"}
        title, description = split_summary(self.comments[message.full_name], title_style=True)
        if title:
            schema["title"] = title
        if description:
            schema["description"] = description
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in message.fields:
            name = self.json_name(field)
            properties[name] = self.property(field)
            if _FB.REQUIRED in field_behavior(field):
                required.append(name)
        schema["properties"] = properties
        annotation = options.option(message, options.SCHEMA)
        if annotation is not None:
            extra = options.json_schema(annotation.json_schema, v3=self.v3)
            required += [r for r in extra.pop("required", []) if r not in required]
            schema.update(extra)
            if annotation.example:
                value = options.example(annotation.example)
                if self.v3:
                    schema["examples"] = [value]
                else:
                    schema["example"] = value
            docs = options.external_docs(annotation.external_docs)
            if docs:
                schema["externalDocs"] = docs
            if annotation.read_only:
                schema["readOnly"] = True
        if required:
            schema["required"] = required
        if self.v3:
            # Always under allOf, even for one group: generators (openapi-python-client) read a
            # top-level oneOf as "this object is a union" and lose the model.
            constraints = [self.oneof_constraint(o) for o in real_oneofs(message) if len(o.fields) > 1]
            if constraints:
                schema["allOf"] = constraints
        return schema

    def oneof_constraint(self, oneof) -> dict[str, Any]:
        """At most one member of a proto oneof is present (JSON Schema cannot say 'oneof' directly)."""
        members = [{"required": [self.json_name(f)]} for f in oneof.fields]
        return {"oneOf": [{"not": {"anyOf": members}}, *members]}

    def property(self, field: FieldDescriptor) -> dict[str, Any]:
        """A field as a property of its message: type, description, field_behavior, annotations."""
        schema = self.field_type(field)
        is_ref = "$ref" in schema
        extra: dict[str, Any] = {}
        title, description = split_summary(self.comments[field.full_name], title_style=True)
        if title:
            extra["title"] = title
        if description:
            extra["description"] = description
        behaviors = field_behavior(field)
        if _FB.OUTPUT_ONLY in behaviors:
            extra["readOnly"] = True
        if _FB.INPUT_ONLY in behaviors and self.v3:
            extra["writeOnly"] = True
        if self.v3 and field.GetOptions().deprecated:
            extra["deprecated"] = True
        if self.v3 and field.containing_oneof is not None and not is_proto3_optional(field):
            extra.setdefault("description", f"Member of the oneof `{field.containing_oneof.name}`.")
        annotation = options.option(field, options.FIELD)
        if annotation is not None:
            extra.update(options.json_schema(annotation, v3=self.v3))
            extra.pop("required", None)
        if is_ref and not self.v3:
            return schema  # Swagger 2.0 ignores keywords beside $ref
        return {**schema, **extra}

    def field_type(self, field: FieldDescriptor) -> dict[str, Any]:
        if is_map(field):
            value = field.message_type.fields_by_name["value"]
            return {"type": "object", "additionalProperties": self.value_type(value)}
        if is_repeated(field):
            return {"type": "array", "items": self.value_type(field)}
        schema = self.value_type(field)
        if self.v3 and is_proto3_optional(field):
            schema = nullable(schema)
        return schema

    def value_type(self, field: FieldDescriptor) -> dict[str, Any]:
        if field.type == _T.TYPE_MESSAGE or field.type == _T.TYPE_GROUP:
            return self.message(field.message_type)
        if field.type == _T.TYPE_ENUM:
            if field.enum_type.full_name == "google.protobuf.NullValue":
                return wkt.wkt_schema(field.enum_type.full_name, v3=self.v3)
            return self.ref(field.enum_type)
        return dict(_SCALARS[field.type])


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """Also allow JSON null (= unset on input)."""
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    kind = schema.get("type")
    if isinstance(kind, str):
        return {**schema, "type": [kind, "null"]}
    return schema


def _enum_annotation(annotation, *, v3: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if annotation.title:
        out["title"] = annotation.title
    if annotation.description:
        out["description"] = annotation.description
    if annotation.default:
        out["default"] = annotation.default
    if annotation.example:
        value = options.example(annotation.example)
        if v3:
            out["examples"] = [value]
        else:
            out["example"] = value
    docs = options.external_docs(annotation.external_docs)
    if docs:
        out["externalDocs"] = docs
    out.update(options.extensions(annotation.extensions))
    return out
