"""Scalar values between ProtoJSON and Python, by json_format's exact rules.

The generated converters inline the common case (an int that fits, a finite float, a str)
and call these functions for everything else, so these carry json_format's quirks:
integers accept numeric strings, exponents and integral floats; floats accept numbers,
numeric strings, "NaN"/"Infinity"/"-Infinity" (and `true`, as json_format does); bytes
accept standard and URL-safe base64 with or without padding.
"""
from __future__ import annotations

import binascii
import math
from typing import Any

from google.protobuf.descriptor import EnumDescriptor, FieldDescriptor
from google.protobuf.internal.type_checkers import ToShortestFloat

from .errors import ProtoJsonEncodeError, ProtoJsonError

INT32 = (-(1 << 31), (1 << 31) - 1)
UINT32 = (0, (1 << 32) - 1)
INT64 = (-(1 << 63), (1 << 63) - 1)
UINT64 = (0, (1 << 64) - 1)
FLOAT32_MAX = float.fromhex("0x1.fffffep+127")

INTEGER_RANGES = {
    FieldDescriptor.CPPTYPE_INT32: INT32,
    FieldDescriptor.CPPTYPE_UINT32: UINT32,
    FieldDescriptor.CPPTYPE_INT64: INT64,
    FieldDescriptor.CPPTYPE_UINT64: UINT64,
}

SKIP = object()
"""Returned for an unknown enum name under ignore_unknown_fields: leave the field unset."""

_URLSAFE_TO_STD = bytes.maketrans(b"-_", b"+/")


# --- JSON -> Python -------------------------------------------------------------------


def to_int(value: Any, bounds: tuple[int, int]) -> int:
    """An integer field value; raises ProtoJsonError (without a field; callers add it)."""
    if type(value) is int:
        number = value
    elif isinstance(value, bool):
        raise ProtoJsonError("", f"expected an integer, got {value!r}")
    elif isinstance(value, float):
        if not value.is_integer():
            raise ProtoJsonError("", f"expected an integer, got {value!r}")
        number = int(value)
    elif isinstance(value, str):
        if " " in value:
            raise ProtoJsonError("", f"expected an integer, got {value!r}")
        try:
            number = int(value)
        except ValueError:
            try:
                as_float = float(value)
            except ValueError:
                raise ProtoJsonError("", f"expected an integer, got {value!r}") from None
            if not as_float.is_integer():
                raise ProtoJsonError("", f"expected an integer, got {value!r}")
            number = int(as_float)
    elif isinstance(value, int):  # an int subclass from a dict built in Python
        number = int(value)
    else:
        raise ProtoJsonError("", f"expected an integer, got {type(value).__name__}")
    low, high = bounds
    if not low <= number <= high:
        raise ProtoJsonError("", f"integer out of range: {number}")
    return number


def to_float(value: Any, single: bool) -> float:
    """A float/double field value."""
    if isinstance(value, float):
        if math.isnan(value):
            raise ProtoJsonError("", 'NaN must be written as the string "NaN"')
        if math.isinf(value):
            raise ProtoJsonError("", 'infinity must be written as "Infinity" or "-Infinity"')
        if single and not -FLOAT32_MAX <= value <= FLOAT32_MAX:
            raise ProtoJsonError("", f"out of range for a float: {value!r}")
        return value
    if value == "nan":
        raise ProtoJsonError("", 'NaN must be written as "NaN"')
    try:
        return float(value)  # numbers, numeric strings, and (like json_format) true/false
    except (ValueError, TypeError, OverflowError):
        pass
    if value == "-Infinity":
        return -math.inf
    if value == "Infinity":
        return math.inf
    if value == "NaN":
        return math.nan
    raise ProtoJsonError("", f"expected a number, got {value!r}")


def to_bool(value: Any) -> bool:
    if type(value) is bool:
        return value
    raise ProtoJsonError("", f"expected true or false, got {value!r}")


def to_str(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise ProtoJsonError("", f"expected a string, got {type(value).__name__}")


def to_bytes(value: Any) -> bytes:
    """Base64, standard or URL-safe alphabet, padding optional (json_format's lenient decoder)."""
    encoded = value.encode("utf-8") if isinstance(value, str) else value
    try:
        padded = encoded + b"=" * (4 - len(encoded) % 4)
        return binascii.a2b_base64(padded.translate(_URLSAFE_TO_STD))
    except (binascii.Error, TypeError, ValueError) as e:
        raise ProtoJsonError("", f"invalid base64: {e}") from None


def to_enum(value: Any, enum: EnumDescriptor, ignore_unknown: bool) -> Any:
    """An enum number from a name or a number; SKIP for an ignorable unknown name."""
    try:
        known = enum.values_by_name.get(value)
    except TypeError:  # unhashable (a list or an object)
        raise ProtoJsonError("", f"invalid value for enum {enum.full_name}") from None
    if known is not None:
        return known.number
    try:
        number = int(value)
    except ValueError:
        if ignore_unknown:
            return SKIP
        raise ProtoJsonError("", f"unknown value {value!r} for enum {enum.full_name}") from None
    except (TypeError, OverflowError):
        raise ProtoJsonError("", f"invalid value {value!r} for enum {enum.full_name}") from None
    if number in enum.values_by_number:
        return number
    if enum.is_closed:
        raise ProtoJsonError("", f"unknown value {value!r} for enum {enum.full_name}")
    if not INT32[0] <= number <= INT32[1]:
        raise ProtoJsonError("", f"enum number out of range: {number}")
    return number


def to_map_key(value: Any, key_field: FieldDescriptor) -> Any:
    """A map key: JSON object keys are strings, so numbers and bools arrive spelled out."""
    cpp_type = key_field.cpp_type
    if cpp_type == FieldDescriptor.CPPTYPE_STRING:
        return to_str(value)
    if cpp_type == FieldDescriptor.CPPTYPE_BOOL:
        if value == "true":
            return True
        if value == "false":
            return False
        raise ProtoJsonError("", f'expected "true" or "false", got {value!r}')
    return to_int(value, INTEGER_RANGES[cpp_type])


# --- Python -> JSON -------------------------------------------------------------------


def nonfinite(value: float) -> str:
    """The JSON spelling of a float that JSON numbers cannot express."""
    if value != value:
        return "NaN"
    return "Infinity" if value > 0 else "-Infinity"


def float32(value: float) -> Any:
    """A float field as json_format prints it: the shortest decimal that round-trips."""
    if value - value != 0.0:
        return nonfinite(value)
    return ToShortestFloat(value)


def b64(value: bytes) -> str:
    return binascii.b2a_base64(value, newline=False).decode("ascii")


def unknown_enum_number(number: int, enum: EnumDescriptor) -> int:
    if enum.is_closed:
        raise ProtoJsonEncodeError(f"{number} is not a value of the closed enum {enum.full_name}")
    return number
