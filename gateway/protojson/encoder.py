"""Message -> JSON-ready dict, one generated function per message type.

For a message type the generated function reads each field once, straight from the upb
message, and writes the ProtoJSON value under the JSON (or proto) name. The output equals
json_format.MessageToDict with the same options; orjson then makes the bytes.
"""
from __future__ import annotations

from typing import Any, Callable

import orjson
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message

from . import scalars
from .codegen import Compiler, attribute
from .options import JsonOptions
from .wkt import is_wrapper, wkt_encoder

_F = FieldDescriptor
_INT64 = (_F.CPPTYPE_INT64, _F.CPPTYPE_UINT64)


def _signbit_set(value: float) -> bool:
    return str(value).startswith("-")


def _scalar(compiler: Compiler, field: FieldDescriptor, source: str, options: JsonOptions) -> str:
    """A Python expression giving the JSON value of `field`'s scalar read by `source`.

    `source` is evaluated exactly once (a walrus binds `t` where the value is needed twice).
    """
    cpp_type = field.cpp_type
    if cpp_type in _INT64:
        return f"str({source})"
    if cpp_type == _F.CPPTYPE_DOUBLE:
        return f"(t if (t := {source}) - t == 0.0 else _nonfinite(t))"
    if cpp_type == _F.CPPTYPE_FLOAT:
        return f"_float32({source})"
    if field.type == _F.TYPE_BYTES:
        return f"_b64({source})"
    if cpp_type == _F.CPPTYPE_ENUM:
        if options.enums_as_ints:
            return source
        enum = field.enum_type
        if enum.full_name == "google.protobuf.NullValue":
            return "None"
        names = compiler.constant({number: value.name for number, value in enum.values_by_number.items()}, "names")
        descriptor = compiler.constant(enum, "enum")
        return f"({names}[t] if (t := {source}) in {names} else _unknown_enum(t, {descriptor}))"
    return source  # int32/uint32, bool, string: JSON-ready as they are


def _value(compiler: Compiler, field: FieldDescriptor, source: str, options: JsonOptions) -> str:
    """The JSON value of one (non-repeated) value of `field`: a scalar or a message."""
    if field.cpp_type == _F.CPPTYPE_MESSAGE:
        return f"{compiler.name_for(field.message_type)}({source})"
    return _scalar(compiler, field, source, options)


def _is_map(field: FieldDescriptor) -> bool:
    return field.cpp_type == _F.CPPTYPE_MESSAGE and field.message_type.GetOptions().map_entry


def _map_key(field: FieldDescriptor, var: str) -> str:
    if field.cpp_type == _F.CPPTYPE_STRING:
        return var
    if field.cpp_type == _F.CPPTYPE_BOOL:
        return f"('true' if {var} else 'false')"
    return f"str({var})"


def _always_emitted(field: FieldDescriptor, options: JsonOptions) -> bool:
    """Fields printed whatever their value: these go into one dict display."""
    return options.emit_unpopulated and (field.is_repeated or not field.has_presence)


def _entry(compiler: Compiler, field: FieldDescriptor, options: JsonOptions) -> str:
    """`key: value` of an always-emitted field, for the dict display."""
    key = repr(field.name if options.use_proto_names else field.json_name)
    read = attribute(field.name)
    if _is_map(field):
        entry = field.message_type
        k, x = entry.fields_by_name["key"], entry.fields_by_name["value"]
        return f"{key}: {{{_map_key(k, 'k')}: {_value(compiler, x, 'x', options)} for k, x in {read}.items()}}"
    if field.is_repeated:
        element = _value(compiler, field, "x", options)
        return f"{key}: " + (f"list({read})" if element == "x" else f"[{element} for x in {read}]")
    return f"{key}: {_value(compiler, field, read, options)}"


def _field_lines(compiler: Compiler, field: FieldDescriptor, options: JsonOptions) -> list[str]:
    """Statements that put `field` of `m` into `d` when it is set (or non-zero)."""
    key = repr(field.name if options.use_proto_names else field.json_name)
    read = attribute(field.name)
    if _is_map(field):
        entry = field.message_type
        k, x = entry.fields_by_name["key"], entry.fields_by_name["value"]
        convert = f"{{{_map_key(k, 'k')}: {_value(compiler, x, 'x', options)} for k, x in v.items()}}"
        return [f"v = {read}", f"if v: d[{key}] = {convert}"]
    if field.is_repeated:
        element = _value(compiler, field, "x", options)
        convert = "list(v)" if element == "x" else f"[{element} for x in v]"
        return [f"v = {read}", f"if v: d[{key}] = {convert}"]
    convert = _value(compiler, field, "v", options)
    if field.has_presence:
        return [f"if m.HasField({field.name!r}):", f"    v = {read}", f"    d[{key}] = {convert}"]
    if field.cpp_type in (_F.CPPTYPE_DOUBLE, _F.CPPTYPE_FLOAT):
        # -0.0 is falsy but counts as set (upb keeps its sign bit), as json_format sees it.
        return [f"v = {read}", f"if v or _signbit_set(v): d[{key}] = {convert}"]
    return [f"v = {read}", f"if v: d[{key}] = {convert}"]


def _oneof_lines(compiler: Compiler, oneof, options: JsonOptions) -> list[str]:
    """One WhichOneof call instead of a HasField per member."""
    lines = [f"w = m.WhichOneof({oneof.name!r})"]
    for position, field in enumerate(oneof.fields):
        key = repr(field.name if options.use_proto_names else field.json_name)
        keyword = "if" if position == 0 else "elif"
        lines += [
            f"{keyword} w == {field.name!r}:",
            f"    v = {attribute(field.name)}",
            f"    d[{key}] = {_value(compiler, field, 'v', options)}",
        ]
    return lines


def _generate(options: JsonOptions) -> Callable[[Compiler, Descriptor], str]:
    def generate(compiler: Compiler, descriptor: Descriptor) -> str:
        name = compiler.name_for(descriptor)
        special = wkt_encoder(descriptor, options)
        if special is not None:
            return f"{name} = {compiler.constant(special, 'wkt')}\n"
        if is_wrapper(descriptor):
            value = _scalar(compiler, descriptor.fields_by_name["value"], "v", options)
            return f"def {name}(m):\n    v = m.value\n    return {value}\n"
        entries = [_entry(compiler, f, options) for f in descriptor.fields if _always_emitted(f, options)]
        body: list[str] = ["d = {" + ", ".join(entries) + "}"]
        done_oneofs = set()
        for field in descriptor.fields:
            oneof = field.containing_oneof
            if oneof is not None and len(oneof.fields) > 1:
                if oneof.name not in done_oneofs:
                    done_oneofs.add(oneof.name)
                    body += _oneof_lines(compiler, oneof, options)
            elif not _always_emitted(field, options):
                body += _field_lines(compiler, field, options)
        body.append("return d")
        return f"def {name}(m):\n" + "".join(f"    {line}\n" for line in body)

    return generate


def _namespace() -> dict[str, Any]:
    return {
        "_nonfinite": scalars.nonfinite,
        "_float32": scalars.float32,
        "_b64": scalars.b64,
        "_unknown_enum": scalars.unknown_enum_number,
        "_signbit_set": _signbit_set,
    }


_compilers: dict[JsonOptions, Compiler] = {}


def _compiler(options: JsonOptions) -> Compiler:
    compiler = _compilers.get(options)
    if compiler is None:
        compiler = _compilers.setdefault(options, Compiler(_generate(options), _namespace()))
    return compiler


def compile_to_dict(descriptor: Descriptor, options: JsonOptions) -> Callable[[Message], Any]:
    """The generated Message -> dict (or JSON value, for well-known types) function."""
    return _compiler(options).compile(descriptor)


def compile_encoder(descriptor: Descriptor, options: JsonOptions) -> Callable[[Message], bytes]:
    to_dict = compile_to_dict(descriptor, options)
    dumps = orjson.dumps
    return lambda message: dumps(to_dict(message))
