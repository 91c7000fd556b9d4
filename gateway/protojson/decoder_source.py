"""Python source of the per-message-type decoders (see decoder.py for what they do).

The function generated for a message type takes (parsed JSON, nesting depth) and returns
the upb constructor's keyword arguments for it. Per field it inlines the common case (a
str, an int in range, a finite float, an enum name) and calls scalars.py for the rest;
lists and maps convert in one comprehension, and only on error is the element re-walked to
name the index or key in the error. Names in the source resolve in decoder.py's namespace.
"""
from __future__ import annotations

from typing import Callable

from google.protobuf.descriptor import Descriptor, FieldDescriptor

from . import scalars
from .codegen import Compiler
from .irregular import type_info
from .options import JsonOptions
from .wkt import is_wrapper, wkt_decoder

_F = FieldDescriptor


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


def _generate_message(compiler: Compiler, descriptor: Descriptor, name: str, options: JsonOptions) -> str:
    ignore = options.ignore_unknown_fields
    info = compiler.constant(type_info(descriptor, ignore), "info")
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


def generate_for(options: JsonOptions) -> Callable[[Compiler, Descriptor], str]:
    def generate(compiler: Compiler, descriptor: Descriptor) -> str:
        name = compiler.name_for(descriptor)
        special = wkt_decoder(descriptor, options)
        if special is not None:
            return f"{name} = {compiler.constant(special, 'wkt')}\n"
        if is_wrapper(descriptor):
            return _generate_wrapper(compiler, descriptor, name)
        return _generate_message(compiler, descriptor, name, options)

    return generate


