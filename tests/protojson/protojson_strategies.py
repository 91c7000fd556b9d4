"""Hypothesis strategies for the ProtoJSON differential tests, driven by the descriptors.

`messages(descriptor)` builds random messages of any type from its fields (so every field
kind of gwtest.v1.Kitchen is covered, including well-known types, oneofs and recursion);
`junk_json()` builds the awkward JSON values that probe the accept/reject rules.
"""
from __future__ import annotations

from google.protobuf import any_pb2, duration_pb2, message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from hypothesis import strategies as st

from gwtest.v1 import kitchen_pb2

_F = FieldDescriptor

INT32_EDGES = [-(2**31), 2**31 - 1, 0, -1, 1]
UINT32_EDGES = [0, 1, 2**32 - 1]
INT64_EDGES = [-(2**63), 2**63 - 1, 0, -1, 2**53, 2**53 + 1, -(2**53) - 1]
UINT64_EDGES = [0, 1, 2**64 - 1, 2**63, 2**53 + 1]


def _ints(low: int, high: int, edges: list[int]) -> st.SearchStrategy[int]:
    return st.sampled_from(edges) | st.integers(low, high)


# Unicode text without lone surrogates (which protobuf strings cannot hold).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)

JSON_LEAF = st.none() | st.booleans() | st.floats(allow_nan=False, allow_infinity=False) | TEXT
JSON_TREE = st.recursive(
    JSON_LEAF,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)

_SCALARS = {
    _F.TYPE_DOUBLE: st.floats(),  # includes NaN, +-Infinity and -0.0
    _F.TYPE_FLOAT: st.floats(width=32),
    _F.TYPE_INT32: _ints(-(2**31), 2**31 - 1, INT32_EDGES),
    _F.TYPE_SINT32: _ints(-(2**31), 2**31 - 1, INT32_EDGES),
    _F.TYPE_SFIXED32: _ints(-(2**31), 2**31 - 1, INT32_EDGES),
    _F.TYPE_INT64: _ints(-(2**63), 2**63 - 1, INT64_EDGES),
    _F.TYPE_SINT64: _ints(-(2**63), 2**63 - 1, INT64_EDGES),
    _F.TYPE_SFIXED64: _ints(-(2**63), 2**63 - 1, INT64_EDGES),
    _F.TYPE_UINT32: _ints(0, 2**32 - 1, UINT32_EDGES),
    _F.TYPE_FIXED32: _ints(0, 2**32 - 1, UINT32_EDGES),
    _F.TYPE_UINT64: _ints(0, 2**64 - 1, UINT64_EDGES),
    _F.TYPE_FIXED64: _ints(0, 2**64 - 1, UINT64_EDGES),
    _F.TYPE_BOOL: st.booleans(),
    _F.TYPE_STRING: TEXT,
    _F.TYPE_BYTES: st.binary(max_size=10),
}

_FIELD_MASK_PATH = st.from_regex(r"[a-z]{1,4}(_[a-z]{1,4}){0,2}(\.[a-z]{1,4}){0,2}", fullmatch=True)


def _enum(field: FieldDescriptor) -> st.SearchStrategy[int]:
    known = st.sampled_from([value.number for value in field.enum_type.values])
    return known | st.integers(-(2**31), 2**31 - 1)  # open enums keep unknown numbers


def _well_known(descriptor: Descriptor, depth: int) -> st.SearchStrategy | None:
    """Constructor values for the well-known types (valid ones, mostly)."""
    name = descriptor.full_name
    if name == "google.protobuf.Timestamp":
        seconds = st.integers(-62135596800, 253402300799) | st.sampled_from([0, -1, 253402300800])
        return st.fixed_dictionaries({"seconds": seconds, "nanos": st.sampled_from([0, 1000, 10**6, 999999999]) | st.integers(0, 999999999)})
    if name == "google.protobuf.Duration":
        return st.integers(-315576000000, 315576000000).flatmap(
            lambda s: st.fixed_dictionaries({
                "seconds": st.just(s),
                "nanos": st.integers(-999999999, 0) if s < 0 else st.integers(0, 999999999) if s > 0
                else st.integers(-999999999, 999999999),
            }))
    if name == "google.protobuf.FieldMask":
        return st.fixed_dictionaries({"paths": st.lists(_FIELD_MASK_PATH | st.sampled_from(["aB", "a__b"]), max_size=3)})
    if name == "google.protobuf.Struct":
        return st.dictionaries(TEXT, JSON_TREE, max_size=3)
    if name == "google.protobuf.ListValue":
        return st.lists(JSON_TREE, max_size=3)
    if name == "google.protobuf.Value":
        return st.one_of(
            st.just({"null_value": 0}), st.builds(dict, string_value=TEXT),
            st.builds(dict, number_value=st.floats(allow_nan=False, allow_infinity=False)),
            st.builds(dict, bool_value=st.booleans()),
            st.builds(dict, struct_value=st.dictionaries(TEXT, JSON_TREE, max_size=3)),
            st.builds(dict, list_value=st.lists(JSON_TREE, max_size=3)),
            st.just({"number_value": float("nan")}),  # not encodable: both codecs must refuse
        )
    if name == "google.protobuf.Any":
        # A regular payload and a well-known one (whose JSON nests under "value").
        payload = messages(kitchen_pb2.Nested.DESCRIPTOR, depth + 1) | st.just(duration_pb2.Duration(seconds=3))

        def pack(message):
            packed = any_pb2.Any()
            packed.Pack(message)
            return packed

        return st.builds(pack, payload)
    return None


def _value(field: FieldDescriptor, depth: int) -> st.SearchStrategy:
    if field.type == _F.TYPE_ENUM:
        return _enum(field)
    if field.type == _F.TYPE_MESSAGE:
        return messages_kwargs(field.message_type, depth + 1)
    return _SCALARS[field.type]


def _field(field: FieldDescriptor, depth: int) -> st.SearchStrategy:
    if field.type == _F.TYPE_MESSAGE and field.message_type.GetOptions().map_entry:
        key, value = field.message_type.fields_by_name["key"], field.message_type.fields_by_name["value"]
        return st.dictionaries(_value(key, depth), _value(value, depth), max_size=3)
    if field.is_repeated:
        return st.lists(_value(field, depth), max_size=3)
    return _value(field, depth)


def messages_kwargs(descriptor: Descriptor, depth: int = 0) -> st.SearchStrategy:
    """Constructor keyword arguments (or a constructor-ready value) for `descriptor`."""
    special = _well_known(descriptor, depth)
    if special is not None:
        return special
    optional = {}
    oneofs: dict[str, list[FieldDescriptor]] = {}
    for field in descriptor.fields:
        recursive = field.type == _F.TYPE_MESSAGE and field.message_type.full_name in (
            "gwtest.v1.Kitchen", "gwtest.v1.Nested")
        if recursive and depth >= 2:
            continue  # bounded recursion keeps examples small
        oneof = field.containing_oneof
        if oneof is not None and len(oneof.fields) > 1:
            oneofs.setdefault(oneof.name, []).append(field)
        else:
            optional[field.name] = _field(field, depth)
    base = st.fixed_dictionaries({}, optional=optional)
    for members in oneofs.values():
        choice = st.one_of(st.just({}), *[
            _field(member, depth).map(lambda value, name=member.name: {name: value}) for member in members])
        base = st.builds(lambda a, b: {**a, **b}, base, choice)
    return base


def messages(descriptor: Descriptor, depth: int = 0) -> st.SearchStrategy:
    message_class = message_factory.GetMessageClass(descriptor)
    return messages_kwargs(descriptor, depth).map(
        lambda kwargs: kwargs if isinstance(kwargs, message_class) else message_class(**kwargs))


# --- awkward JSON -----------------------------------------------------------------------

JUNK_SCALARS = st.sampled_from([
    None, True, False, 0, 1, -1, 1.0, 1.5, -0.0, 1e39, 3.4e38, -3.5e38, 1e300,
    2**31, 2**31 - 1, -(2**31) - 1, 2**32, 2**63, 2**63 - 1, -(2**63), 2**64, 2**64 - 1,
    "", "0", "1", "-1", " 1", "1 ", "1e3", "1.5", "1E2", "0x10", "1_000", "+5", "007", "١٢",
    "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
    "NaN", "nan", "Infinity", "-Infinity", "inf", "-inf", "infinity", "true", "false",
    "AAA=", "AAA", "_-8", "+/8=", "YWJj", "YW Jj", "!!", "====", "é",
    "COLOR_RED", "COLOR_INFRARED", "COLOR_NOPE", "NULL_VALUE", "2", "-1",
    "1970-01-01T00:00:00Z", "2020-02-29T12:00:00.123456789Z", "2020-02-30T00:00:00Z",
    "2020-01-01T00:00:00+01:00", "2020-01-01T00:00:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
    "2020-01-01t00:00:00Z", "1s", "-1.5s", "0.000000001s", "1.5", "315576000001s", "-315576000000s", "1.0000000001s",
    "a,b.c", "fooBar", "foo_bar", "a.b",
])
JUNK_KEYS_EXTRA = ["unknownField", "@type", "value", "[gwtest.v1.ext]", "FInt32", "f_Int32"]


def _keys(descriptors: list[Descriptor]) -> list[str]:
    keys = set(JUNK_KEYS_EXTRA)
    for descriptor in descriptors:
        for field in descriptor.fields:
            keys.update((field.name, field.json_name))
    return sorted(keys)


KITCHEN_KEYS = _keys([kitchen_pb2.Kitchen.DESCRIPTOR, kitchen_pb2.Nested.DESCRIPTOR])


def junk_json(keys: list[str] = KITCHEN_KEYS) -> st.SearchStrategy:
    """JSON values built from field names and edge-case scalars, nested a little."""
    return st.recursive(
        JUNK_SCALARS | TEXT,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(keys) | TEXT, inner, max_size=4),
        max_leaves=10,
    )


def junk_objects(keys: list[str] = KITCHEN_KEYS) -> st.SearchStrategy[dict]:
    return st.dictionaries(st.sampled_from(keys), junk_json(keys), max_size=6)



# --- awkward JSON aimed at one field's type ------------------------------------------------

def _around(low: int, high: int) -> list:
    edges = [low - 1, low, high, high + 1]
    return edges + [str(e) for e in edges] + [float(e) for e in edges] + [f"{high}.0", f"{high + 1}e0"]


_INTEGER_JUNK = {
    _F.CPPTYPE_INT32: _around(-(2**31), 2**31 - 1),
    _F.CPPTYPE_UINT32: _around(0, 2**32 - 1),
    _F.CPPTYPE_INT64: _around(-(2**63), 2**63 - 1),
    _F.CPPTYPE_UINT64: _around(0, 2**64 - 1),
}
_FLOAT_JUNK = [3.4028234663852886e38, 3.4028235677973366e38, -3.5e38, 1e-50, 1e308, "1e39", "3.5e38",
               "-3.5e38", "NaN", "Infinity", "-Infinity", "nan", "inf", "-0", -0.0, "1_0.5", True, 2**70, 10**400]
_BYTES_JUNK = ["", "AA", "AA==", "AA=", "AAA", "AAAA", "-_-_", "+/+/", "_w", "/w==", "a!b", "====", "YQ", "YQ==x", 5]
_BOOL_JUNK = [True, False, "true", "false", 0, 1, "True", None]


def typed_junk(field: FieldDescriptor, depth: int = 0) -> st.SearchStrategy:
    """A JSON value for `field` that sits near the edge of what its type accepts."""
    if field.type == _F.TYPE_MESSAGE and field.message_type.GetOptions().map_entry:
        value = field.message_type.fields_by_name["value"]
        key_junk = st.sampled_from(["true", "false", "1", "-1", "01", " 1", "1.0", "x", "", "4294967296",
                                    "-2147483649", "9223372036854775808", "18446744073709551616"]) | TEXT
        return st.dictionaries(key_junk, _single_junk(value, depth) | st.none(), max_size=3) | junk_json()
    if field.is_repeated:
        return st.lists(_single_junk(field, depth) | st.none(), max_size=3) | junk_json()
    return _single_junk(field, depth) | st.none()


def _single_junk(field: FieldDescriptor, depth: int) -> st.SearchStrategy:
    cpp = field.cpp_type
    if cpp in _INTEGER_JUNK:
        return st.sampled_from(_INTEGER_JUNK[cpp]) | JUNK_SCALARS
    if cpp in (_F.CPPTYPE_FLOAT, _F.CPPTYPE_DOUBLE):
        return st.sampled_from(_FLOAT_JUNK) | JUNK_SCALARS
    if cpp == _F.CPPTYPE_BOOL:
        return st.sampled_from(_BOOL_JUNK)
    if field.type == _F.TYPE_BYTES:
        return st.sampled_from(_BYTES_JUNK) | TEXT
    if cpp == _F.CPPTYPE_STRING:
        return TEXT | JUNK_SCALARS
    if cpp == _F.CPPTYPE_ENUM:
        names = [v.name for v in field.enum_type.values]
        return st.sampled_from(names + ["COLOR_NOPE", "color_red", 1, 2, 99, -1, 1.5, 1.0, "2", " 1", 2**31, True, "NULL_VALUE"])
    message = field.message_type
    if message.full_name.startswith("google.protobuf.") and not message.full_name.endswith("Empty"):
        return JUNK_SCALARS | junk_json()
    if depth >= 2:
        return junk_json()
    return typed_objects(message, depth + 1) | junk_json()


def typed_objects(descriptor: Descriptor, depth: int = 0) -> st.SearchStrategy[dict]:
    """JSON objects for `descriptor` whose keys are its fields (either spelling) or unknown."""
    entries = [
        st.tuples(st.sampled_from([field.json_name, field.name]), typed_junk(field, depth))
        for field in descriptor.fields
    ]
    unknown = st.tuples(st.sampled_from(["unknownField", "[x.y]", "@type"]), JUNK_SCALARS)
    return st.lists(st.one_of(*entries) | unknown, max_size=5).map(dict)
