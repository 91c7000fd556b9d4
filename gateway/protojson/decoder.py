"""JSON -> message: one generated function per message type, building constructor kwargs.

The generated function for a type turns a parsed JSON object into the keyword arguments of
the upb message constructor (nested messages as nested dicts), looking each field up by its
JSON name, then its proto name. The constructor then builds the whole tree in C, which is
what makes this far faster than json_format.ParseDict.

Inputs whose meaning depends on json_format's key-order quirks -- a field spelled both ways,
two members of a oneof with a null among them, a non-object where an object belongs,
extension syntax -- are handed to json_format for that sub-object (`reference.parse_part`),
so the verdict is always json_format's. Unknown fields are found by counting: if fewer keys
were recognised than the object has, the slow path names the first unknown one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

import orjson
from google.protobuf import message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message

from . import scalars
from .codegen import Compiler
from .errors import ProtoJsonError
from .options import JsonOptions
from .reference import MAX_DEPTH, parse_part, reference_decoder_for
from .wkt import is_wrapper, wkt_decoder

_F = FieldDescriptor
_MISSING = object()
_NULL_VALUE = {"null_value": 0}
_EXTENSION_KEY = re.compile(r"\[[a-zA-Z0-9\._]*\]$")  # json_format's extension syntax


@dataclass(frozen=True)
class _TypeInfo:
    """What the slow path needs to know about one message type."""

    message_class: type[Message]
    fields_by_key: dict[str, FieldDescriptor]
    oneofs: tuple[tuple[str, frozenset[FieldDescriptor]], ...]
    ignore_unknown: bool


def _irregular(info: _TypeInfo, js: Any, depth: int, kw: dict | None = None) -> Any:
    """The slow path: unknown keys, a field given twice, oneof conflicts, non-objects."""
    if kw is None or type(js) is not dict or depth > MAX_DEPTH:
        return parse_part(info.message_class, js, info.ignore_unknown, depth)
    seen: set[FieldDescriptor] = set()
    for key in js:
        field = info.fields_by_key.get(key)
        if field is None:
            if _EXTENSION_KEY.match(key):  # json_format rejects these even when ignoring unknowns
                return parse_part(info.message_class, js, info.ignore_unknown, depth)
            if info.ignore_unknown:
                continue
            raise ProtoJsonError(key, f"unknown field of {info.message_class.DESCRIPTOR.full_name}")
        if field in seen:  # the JSON and the proto name of one field: json_format merges in order
            return parse_part(info.message_class, js, info.ignore_unknown, depth)
        seen.add(field)
    for oneof_name, members in info.oneofs:
        present = [key for key in js if info.fields_by_key.get(key) in members]
        if len(present) > 1:
            set_members = [key for key in present if js[key] is not None]
            if len(set_members) > 1:
                raise ProtoJsonError(set_members[1], f"only one field of oneof {oneof_name} may be set")
            # A null beside a value: the outcome depends on key order (a null Value is set).
            return parse_part(info.message_class, js, info.ignore_unknown, depth)
    return kw


def _spelled(js: dict, names: tuple[str, ...]) -> str:
    """The key the client used for a field (error paths name the field as it was sent)."""
    for name in names:
        if name in js:
            return name
    return names[0]


class _Source:
    """Indented lines of generated Python."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.indent = 1

    def add(self, *lines: str) -> None:
        self.lines += ["    " * self.indent + line for line in lines]

    def text(self, header: str) -> str:
        return header + "\n" + "\n".join(self.lines) + "\n"


def _convert_scalar(compiler: Compiler, field: FieldDescriptor, var: str, ignore: bool) -> tuple[str, bool]:
    """(expression converting JSON `var` for `field`, whether it may yield SKIP)."""
    cpp_type = field.cpp_type
    if cpp_type in scalars.INTEGER_RANGES:
        low, high = scalars.INTEGER_RANGES[cpp_type]
        bounds = compiler.constant((low, high), "range")
        fast = f"{var} if type({var}) is int and {low} <= {var} <= {high}"
        if cpp_type in (_F.CPPTYPE_INT64, _F.CPPTYPE_UINT64):
            # 64-bit integers arrive as strings; up to 18 decimal digits always fit.
            fast += f" else int({var}) if type({var}) is str and {var}.isdecimal() and len({var}) < 19"
        return f"({fast} else _to_int({var}, {bounds}))", False
    if cpp_type in (_F.CPPTYPE_DOUBLE, _F.CPPTYPE_FLOAT):
        # Finite floats (and exact integers) in range pass as they are; the constructor
        # rounds a double to float32 as json_format's setattr does.
        limit = repr(scalars.FLOAT32_MAX) if cpp_type == _F.CPPTYPE_FLOAT else "1.7976931348623157e308"
        single = cpp_type == _F.CPPTYPE_FLOAT
        return (f"({var} if (type({var}) is float or type({var}) is int and -{1 << 53} <= {var} <= {1 << 53}) "
                f"and -{limit} <= {var} <= {limit} else _to_float({var}, {single}))"), False
    if cpp_type == _F.CPPTYPE_BOOL:
        return f"({var} if type({var}) is bool else _to_bool({var}))", False
    if field.type == _F.TYPE_BYTES:
        return f"_to_bytes({var})", False
    if cpp_type == _F.CPPTYPE_STRING:
        return f"({var} if type({var}) is str else _to_str({var}))", False
    if cpp_type == _F.CPPTYPE_ENUM:
        enum = field.enum_type
        names = compiler.constant({name: value.number for name, value in enum.values_by_name.items()}, "names")
        descriptor = compiler.constant(enum, "enum")
        return (f"({names}[{var}] if type({var}) is str and {var} in {names} "
                f"else _to_enum({var}, {descriptor}, {ignore}))"), ignore
    raise TypeError(f"not a scalar: {field.full_name}")


def _is_map(field: FieldDescriptor) -> bool:
    return field.cpp_type == _F.CPPTYPE_MESSAGE and field.message_type.GetOptions().map_entry


def _null_element(field: FieldDescriptor) -> str | None:
    """What a JSON null means as one value (list element, map value) of `field`, or None if invalid."""
    if field.cpp_type == _F.CPPTYPE_MESSAGE and field.message_type.full_name == "google.protobuf.Value":
        return "_NULL_VALUE"
    return None


def _emit_value(src: _Source, compiler: Compiler, field: FieldDescriptor, var: str, store: str, ignore: bool) -> None:
    """Lines converting the JSON value `var` (not null) and handing it to `store` (a format string)."""
    if field.cpp_type == _F.CPPTYPE_MESSAGE:
        src.add(store.format(f"{compiler.name_for(field.message_type)}({var}, depth1)"))
        return
    expression, may_skip = _convert_scalar(compiler, field, var, ignore)
    if may_skip:
        src.add(f"c = {expression}", "if c is not _SKIP:", "    " + store.format("c"))
    else:
        src.add(store.format(expression))


def _element_expression(compiler: Compiler, field: FieldDescriptor, var: str, ignore: bool) -> tuple[str, bool]:
    """One expression converting a list element / map value (null included: the converters
    refuse it, except Value's, which makes it a null_value, as json_format does)."""
    if field.cpp_type == _F.CPPTYPE_MESSAGE:
        return f"{compiler.name_for(field.message_type)}({var}, depth1)", False
    return _convert_scalar(compiler, field, var, ignore)


def _emit_element(src: _Source, compiler: Compiler, field: FieldDescriptor, var: str, store: str, ignore: bool) -> None:
    """Like _emit_value, for list elements and map values, where null is an error (or a null Value)."""
    null = _null_element(field)
    src.add(f"if {var} is None:")
    src.indent += 1
    if null is None:
        src.add("raise ProtoJsonError('', 'null is not allowed here')")
    else:
        src.add(store.format(null))
    src.indent -= 1
    src.add("else:")
    src.indent += 1
    _emit_value(src, compiler, field, var, store, ignore)
    src.indent -= 1


def _emit_field(src: _Source, compiler: Compiler, field: FieldDescriptor, oneof_counter: str | None, ignore: bool) -> None:
    names = (field.json_name, field.name) if field.json_name != field.name else (field.name,)
    names_constant = compiler.constant(names, "names")
    target = f"kw[{field.name!r}]"
    otherwise = f"js.get({names[1]!r}, _MISSING)" if len(names) > 1 else "_MISSING"
    src.add(f"v = js[{names[0]!r}] if {names[0]!r} in js else {otherwise}")
    src.add("if v is not _MISSING:")
    src.indent += 1
    src.add("n += 1")
    if oneof_counter:
        src.add(f"{oneof_counter} += 1")
    # null: the field stays unset, except where null is a value (Value, NullValue) -- and a
    # list or map of those cannot be null (json_format fails assigning null_value to it).
    null_is_value = (
        field.cpp_type == _F.CPPTYPE_MESSAGE and field.message_type.full_name == "google.protobuf.Value"
        or field.cpp_type == _F.CPPTYPE_ENUM and field.enum_type.full_name == "google.protobuf.NullValue")
    if null_is_value and field.is_repeated:
        null = f"raise ProtoJsonError(_spelled(js, {names_constant}), 'a list or map cannot be null')"
    elif null_is_value:
        null = f"{target} = {'_NULL_VALUE' if field.cpp_type == _F.CPPTYPE_MESSAGE else '0'}"
    else:
        null = "pass"
    if null == "pass":
        src.add("if v is not None:")
    else:
        src.add("if v is None:", f"    {null}", "else:")
    src.indent += 1
    if _is_map(field):
        entry = field.message_type
        key_field, value_field = entry.fields_by_name["key"], entry.fields_by_name["value"]
        key_constant = compiler.constant(key_field, "key")
        src.add(
            "if not isinstance(v, dict):",
            f"    raise ProtoJsonError(_spelled(js, {names_constant}), 'a map must be a JSON object')",
        )
        if key_field.cpp_type == _F.CPPTYPE_STRING:
            key = "(mk if type(mk) is str else _to_str(mk))"
        else:
            key = f"_to_map_key(mk, {key_constant})"
        value, may_skip = _element_expression(compiler, value_field, "x", ignore)
        if may_skip:
            # (the key is converted first: json_format rejects a bad key even when skipping the value)
            comprehension = f"{{k: c for k, c in (({key}, {value}) for mk, x in v.items()) if c is not _SKIP}}"
        else:
            comprehension = f"{{{key}: {value} for mk, x in v.items()}}"
        # Fast path: one comprehension. On error, the loop below finds and names the key.
        src.add("try:", f"    {target} = {comprehension}", "except ProtoJsonError:")
        src.indent += 1
        src.add(
            "out = {}",
            "mk = None",
            "try:",
        )
        src.indent += 1
        src.add("for mk, x in v.items():")
        src.indent += 1
        if key_field.cpp_type == _F.CPPTYPE_STRING:
            src.add("k = mk if type(mk) is str else _to_str(mk)")
        else:
            src.add(f"k = _to_map_key(mk, {key_constant})")
        _emit_element(src, compiler, value_field, "x", "out[k] = {}", ignore)
        src.indent -= 2
        src.add(
            "except ProtoJsonError as e:",
            f"    raise e.under(_spelled(js, {names_constant}), mk) from None",
            "raise",
        )
        src.indent -= 1
    elif field.is_repeated:
        src.add(
            "if not isinstance(v, (list, tuple)):",
            f"    raise ProtoJsonError(_spelled(js, {names_constant}), 'a repeated field must be a JSON array')",
        )
        element, may_skip = _element_expression(compiler, field, "x", ignore)
        if may_skip:
            comprehension = f"[c for x in v if (c := {element}) is not _SKIP]"
        else:
            comprehension = f"[{element} for x in v]"
        # Fast path: one comprehension. On error, the loop below finds and names the index.
        src.add("try:", f"    {target} = {comprehension}", "except ProtoJsonError:")
        src.indent += 1
        src.add(
            "out = []",
            "append = out.append",
            "i = 0",
            "try:",
        )
        src.indent += 1
        src.add("for i, x in enumerate(v):")
        src.indent += 1
        _emit_element(src, compiler, field, "x", "append({})", ignore)
        src.indent -= 2
        src.add(
            "except ProtoJsonError as e:",
            f"    raise e.under(_spelled(js, {names_constant}), i) from None",
            "raise",
        )
        src.indent -= 1
    else:
        src.add("try:")
        src.indent += 1
        _emit_value(src, compiler, field, "v", f"{target} = {{}}", ignore)
        src.indent -= 1
        src.add(
            "except ProtoJsonError as e:",
            f"    raise e.under(_spelled(js, {names_constant})) from None",
        )
    src.indent -= 2


def _type_info(descriptor: Descriptor, options: JsonOptions) -> _TypeInfo:
    fields_by_key: dict[str, FieldDescriptor] = {}
    for field in descriptor.fields:
        fields_by_key[field.name] = field
    for field in descriptor.fields:
        fields_by_key[field.json_name] = field  # json_format looks the JSON name up first
    oneofs = tuple((oneof.name, frozenset(oneof.fields)) for oneof in descriptor.oneofs)
    return _TypeInfo(message_factory.GetMessageClass(descriptor), fields_by_key, oneofs,
                     options.ignore_unknown_fields)


def _generate_message(compiler: Compiler, descriptor: Descriptor, name: str, options: JsonOptions) -> str:
    ignore = options.ignore_unknown_fields
    info = compiler.constant(_type_info(descriptor, options), "info")
    src = _Source()
    src.add(
        "if type(js) is not dict or depth > MAX_DEPTH:",
        f"    return _irregular({info}, js, depth)",
        "kw = {}",
        "n = 0",
        "depth1 = depth + 1",
    )
    counters = {}
    for oneof in descriptor.oneofs:
        if len(oneof.fields) > 1:  # a synthetic (proto3 optional) oneof cannot conflict
            counters[oneof.name] = f"o{len(counters)}"
            src.add(f"{counters[oneof.name]} = 0")
    for field in descriptor.fields:
        oneof = field.containing_oneof
        _emit_field(src, compiler, field, counters.get(oneof.name) if oneof else None, ignore)
    conflicts = "".join(f" or {counter} > 1" for counter in counters.values())
    src.add(f"if n != len(js){conflicts}:", f"    return _irregular({info}, js, depth, kw)", "return kw")
    return src.text(f"def {name}(js, depth):")


def _generate_wrapper(compiler: Compiler, descriptor: Descriptor, name: str) -> str:
    # A wrapper's JSON is its bare value; null never reaches here (it leaves the field unset).
    expression, _ = _convert_scalar(compiler, descriptor.fields_by_name["value"], "js", False)
    return (f"def {name}(js, depth):\n"
            f"    if depth > MAX_DEPTH:\n"
            f"        raise ProtoJsonError('', 'message nesting too deep')\n"
            f"    return {{'value': {expression}}}\n")


def _generate(options: JsonOptions) -> Callable[[Compiler, Descriptor], str]:
    def generate(compiler: Compiler, descriptor: Descriptor) -> str:
        name = compiler.name_for(descriptor)
        special = wkt_decoder(descriptor, options)
        if special is not None:
            return f"{name} = {compiler.constant(special, 'wkt')}\n"
        if is_wrapper(descriptor):
            return _generate_wrapper(compiler, descriptor, name)
        return _generate_message(compiler, descriptor, name, options)

    return generate


def _namespace() -> dict[str, Any]:
    return {
        "_MISSING": _MISSING, "_NULL_VALUE": _NULL_VALUE, "_SKIP": scalars.SKIP, "MAX_DEPTH": MAX_DEPTH,
        "ProtoJsonError": ProtoJsonError, "_irregular": _irregular, "_spelled": _spelled,
        "_to_int": scalars.to_int, "_to_float": scalars.to_float, "_to_bool": scalars.to_bool,
        "_to_str": scalars.to_str, "_to_bytes": scalars.to_bytes, "_to_enum": scalars.to_enum,
        "_to_map_key": scalars.to_map_key,
    }


_compilers: dict[JsonOptions, Compiler] = {}


def _compiler(options: JsonOptions) -> Compiler:
    compiler = _compilers.get(options)
    if compiler is None:
        compiler = _compilers.setdefault(options, Compiler(_generate(options), _namespace()))
    return compiler


_TEXT = (bytes, bytearray, memoryview, str)


def _load(text: Any) -> Any:
    """Parse JSON text. Unlike json.loads, orjson refuses NaN/Infinity literals (not JSON)
    and keeps the last of duplicate keys, where json_format.Parse rejects them."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as e:
        raise ProtoJsonError("", f"malformed JSON: {e}") from None


def compile_decoder(message_class: type[Message], options: JsonOptions) -> Callable[[Any], Message]:
    """bytes/str (JSON text) or a parsed dict -> a new `message_class` message."""
    descriptor = message_class.DESCRIPTOR
    reference = reference_decoder_for(message_class, options)
    if wkt_decoder(descriptor, options) is not None or is_wrapper(descriptor):
        # A well-known type at the top (rare: request messages are ordinary messages).
        ignore = options.ignore_unknown_fields

        def decode_special(data: Any) -> Message:
            return parse_part(message_class, _load(data) if isinstance(data, _TEXT) else data, ignore, 1)
        return decode_special

    to_kwargs = _compiler(options).compile(descriptor)

    def decode(data: Any) -> Message:
        js = _load(data) if isinstance(data, _TEXT) else data
        kwargs = to_kwargs(js, 1)
        if type(kwargs) is not dict:
            return kwargs  # json_format built it (see _irregular)
        try:
            return message_class(**kwargs)
        except (ValueError, TypeError, OverflowError):
            # Something the upb setters refuse that the converters let through (a lone
            # surrogate in a string, say): json_format gives the verdict and the message.
            return reference(js)

    return decode
