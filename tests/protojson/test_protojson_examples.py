"""Example-based tests of the ProtoJSON codec, one edge of the mapping per test.

Each decoding example also checks json_format's verdict on the same input, so an example
cannot drift from the reference while looking right on its own.
"""
from __future__ import annotations

import math

import orjson
import pytest
from google.protobuf import any_pb2, duration_pb2, json_format, struct_pb2, timestamp_pb2, wrappers_pb2

from gateway.protojson import (
    JsonOptions, ProtoJsonEncodeError, ProtoJsonError, decoder_for, encoder_for, to_dict_for,
)
from gwtest.v1 import kitchen_pb2

Kitchen = kitchen_pb2.Kitchen
DEFAULT = JsonOptions()
SPARSE = JsonOptions(emit_unpopulated=False)


def decode(data, options: JsonOptions = DEFAULT) -> Kitchen:
    """Our decoder, asserting json_format gives the same message."""
    text = data if isinstance(data, (bytes, str)) else orjson.dumps(data)
    ours = decoder_for(Kitchen, options)(data)
    assert ours == json_format.Parse(text, Kitchen(), options.ignore_unknown_fields)
    return ours


def rejected(data, options: JsonOptions = DEFAULT) -> ProtoJsonError:
    """Our decoder's error, asserting json_format refuses the input too."""
    text = data if isinstance(data, (bytes, str)) else orjson.dumps(data)
    with pytest.raises(json_format.ParseError):
        json_format.Parse(text, Kitchen(), options.ignore_unknown_fields)
    with pytest.raises(ProtoJsonError) as caught:
        decoder_for(Kitchen, options)(data)
    return caught.value


def encode(message, options: JsonOptions = SPARSE) -> dict:
    """Our encoding as a dict, asserting it equals MessageToDict's."""
    ours = orjson.loads(encoder_for(type(message).DESCRIPTOR, options)(message))
    assert ours == json_format.MessageToDict(
        message, always_print_fields_with_no_presence=options.emit_unpopulated,
        preserving_proto_field_name=options.use_proto_names, use_integers_for_enums=options.enums_as_ints)
    return ours


# --- names ---------------------------------------------------------------------------------

def test_output_uses_lower_camel_case_or_the_custom_json_name():
    assert encode(Kitchen(f_int32=1, renamed="r", field2_with_3digits=3)) == {
        "fInt32": 1, "customJsonName": "r", "field2With3digits": 3}


def test_output_uses_proto_names_when_asked():
    options = JsonOptions(use_proto_names=True, emit_unpopulated=False)
    assert encode(Kitchen(f_int32=1, renamed="r"), options) == {"f_int32": 1, "renamed": "r"}


def test_input_accepts_json_and_proto_names():
    assert decode({"fInt32": 1, "renamed": "a"}) == Kitchen(f_int32=1, renamed="a")
    assert decode({"f_int32": 1, "customJsonName": "a"}) == Kitchen(f_int32=1, renamed="a")


def test_a_field_spelled_both_ways_merges_in_key_order_like_json_format():
    assert decode(b'{"fNested": {"id": 1}, "f_nested": {"label": "x"}}').f_nested == kitchen_pb2.Nested(id=1, label="x")


def test_emit_unpopulated_prints_zero_values_but_not_unset_messages():
    printed = encode(Kitchen(), DEFAULT)
    assert printed["fInt32"] == 0 and printed["fInt64"] == "0" and printed["rString"] == [] and printed["mStringString"] == {}
    assert "fNested" not in printed and "oInt32" not in printed and "wTimestamp" not in printed


# --- enums -----------------------------------------------------------------------------------

def test_enums_print_as_names_or_numbers():
    assert encode(Kitchen(f_color=kitchen_pb2.COLOR_INFRARED)) == {"fColor": "COLOR_INFRARED"}
    assert encode(Kitchen(f_color=1), JsonOptions(emit_unpopulated=False, enums_as_ints=True)) == {"fColor": 1}
    assert encode(Kitchen(f_color=99)) == {"fColor": 99}  # open enum: unknown numbers stay numbers


def test_enums_parse_from_names_and_numbers():
    assert decode({"fColor": "COLOR_RED"}).f_color == 1
    assert decode({"fColor": 2}).f_color == 2
    assert decode({"fColor": "-1"}).f_color == -1
    assert decode({"fColor": 77}).f_color == 77


def test_unknown_enum_names_are_rejected_unless_unknowns_are_ignored():
    assert rejected({"fColor": "COLOR_NOPE"}).field == "fColor"
    ignoring = JsonOptions(ignore_unknown_fields=True)
    assert not decode({"fColor": "COLOR_NOPE"}, ignoring).f_color
    assert list(decode({"rColor": ["COLOR_RED", "COLOR_NOPE", "COLOR_GREEN"]}, ignoring).r_color) == [1, 2]


# --- integers ----------------------------------------------------------------------------------

def test_64_bit_integers_print_as_strings():
    assert encode(Kitchen(f_int64=-(2**63), f_uint64=2**64 - 1, f_int32=-5)) == {
        "fInt64": "-9223372036854775808", "fUint64": "18446744073709551615", "fInt32": -5}


@pytest.mark.parametrize("value, expected", [
    ("9223372036854775807", 2**63 - 1), (9223372036854775807, 2**63 - 1), ("-9223372036854775808", -(2**63)),
    ("1e3", 1000), (1e3, 1000), ("007", 7)])
def test_64_bit_integers_parse_from_strings_and_numbers(value, expected):
    assert decode({"fInt64": value}).f_int64 == expected


@pytest.mark.parametrize("value, expected", [("12", 12), ("1e2", 100), (1.0, 1), ("-2147483648", -(2**31)), (2147483647, 2**31 - 1)])
def test_32_bit_integers_accept_strings_exponents_and_integral_floats(value, expected):
    assert decode({"fInt32": value}).f_int32 == expected


@pytest.mark.parametrize("field, value", [
    ("fInt32", 2**31), ("fInt32", "-2147483649"), ("fUint32", -1), ("fUint32", 2**32),
    ("fInt64", "9223372036854775808"), ("fUint64", "18446744073709551616"), ("fUint64", "-1"),
    ("fInt32", 1.5), ("fInt32", "1.5"), ("fInt32", " 1"), ("fInt32", True), ("fInt32", "0x10"), ("fInt32", []),
])
def test_integers_out_of_range_or_not_integral_are_rejected(field, value):
    assert rejected({field: value}).field == field


# --- floats ------------------------------------------------------------------------------------

def test_non_finite_floats_print_as_strings():
    printed = encode(Kitchen(f_double=math.inf, f_float=-math.inf, r_double=[math.nan]))
    assert printed["fDouble"] == "Infinity" and printed["fFloat"] == "-Infinity" and printed["rDouble"] == ["NaN"]


def test_float32_prints_its_shortest_round_trip_form():
    assert encode(Kitchen(f_float=0.1)) == {"fFloat": 0.1}


def test_negative_zero_is_printed_even_when_omitting_zero_values():
    assert encode(Kitchen(f_double=-0.0)) == {"fDouble": -0.0}


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1.5", 1, "1e10"])
def test_floats_parse_from_numbers_and_spelled_out_specials(value):
    parsed = decode({"fDouble": value}).f_double
    assert math.isnan(parsed) if value == "NaN" else parsed == float(value)


@pytest.mark.parametrize("field, value", [("fDouble", "nan"), ("fDouble", "abc"), ("fFloat", 3.5e38), ("fDouble", [])])
def test_bad_floats_are_rejected(field, value):
    assert rejected({field: value}).field == field


# --- bytes ---------------------------------------------------------------------------------------

def test_bytes_print_as_standard_base64():
    assert encode(Kitchen(f_bytes=b"\xfb\xff")) == {"fBytes": "+/8="}


@pytest.mark.parametrize("text", ["+/8=", "+/8", "-_8=", "-_8"])
def test_bytes_parse_from_standard_and_url_safe_base64_with_or_without_padding(text):
    assert decode({"fBytes": text}).f_bytes == b"\xfb\xff"


def test_bad_base64_is_rejected():
    assert rejected({"fBytes": "A"}).field == "fBytes"


# --- repeated and maps ---------------------------------------------------------------------------

def test_null_inside_a_list_is_rejected_with_its_index():
    assert rejected({"rInt32": [1, None]}).field == "rInt32[1]"
    assert rejected({"rNested": [{}, None]}).field == "rNested[1]"


def test_null_inside_a_list_of_values_is_a_null_value():
    assert decode({"rwValue": [None]}).rw_value[0].WhichOneof("kind") == "null_value"


def test_a_list_must_be_an_array():
    assert rejected({"rInt32": 5}).field == "rInt32"


def test_map_keys_print_as_strings():
    assert encode(Kitchen(m_bool_string={True: "t"}, m_int64_int64={-5: 7})) == {
        "mBoolString": {"true": "t"}, "mInt64Int64": {"-5": "7"}}


def test_map_keys_parse_per_key_type():
    parsed = decode({"mBoolString": {"false": "f"}, "mInt32Int32": {"-3": 1}, "mUint64Uint64": {"18446744073709551615": "2"}})
    assert dict(parsed.m_bool_string) == {False: "f"}
    assert dict(parsed.m_int32_int32) == {-3: 1}
    assert dict(parsed.m_uint64_uint64) == {2**64 - 1: 2}


@pytest.mark.parametrize("field, key", [("mBoolString", "True"), ("mInt32Int32", "x"), ("mInt32Int32", "2147483648"), ("mUint32Uint32", "-1")])
def test_bad_map_keys_are_rejected(field, key):
    assert rejected({field: {key: "1" if field != "mBoolString" else "v"}}).field == f"{field}[{key}]"


def test_null_map_values_are_rejected_except_for_value():
    assert rejected({"mStringNested": {"a": None}}).field == "mStringNested[a]"
    assert decode({"mStringValue": {"a": None}}).m_string_value["a"].WhichOneof("kind") == "null_value"


# --- oneofs and presence --------------------------------------------------------------------------

def test_two_members_of_a_oneof_are_rejected():
    assert rejected({"choiceString": "a", "choiceInt64": "1"}).field == "choiceInt64"


def test_a_null_oneof_member_beside_a_set_one_follows_json_format():
    assert decode({"choiceString": "a", "choiceInt64": None}).WhichOneof("choice") == "choice_string"
    assert decode({"choiceString": "a", "choiceValue": None}).WhichOneof("choice") == "choice_value"
    assert decode({"choiceValue": None, "choiceString": "a"}).WhichOneof("choice") == "choice_string"


def test_oneof_member_with_zero_value_is_set_and_printed():
    parsed = decode({"choiceInt64": "0"})
    assert parsed.WhichOneof("choice") == "choice_int64"
    assert encode(parsed) == {"choiceInt64": "0"}


def test_proto3_optional_zero_is_present_and_printed():
    parsed = decode({"oInt32": 0, "oString": ""})
    assert parsed.HasField("o_int32") and parsed.HasField("o_string")
    assert encode(parsed) == {"oInt32": 0, "oString": ""}
    assert "oInt32" not in encode(Kitchen(), DEFAULT)


# --- null -----------------------------------------------------------------------------------------

def test_null_leaves_fields_unset():
    parsed = decode({"fInt32": None, "fNested": None, "rInt32": None, "mStringString": None, "wInt32": None, "oInt32": None})
    assert parsed == Kitchen()


def test_null_is_a_value_for_value_and_null_value_fields():
    parsed = decode({"wValue": None, "wNull": None, "choiceNull": None})
    assert parsed.w_value.WhichOneof("kind") == "null_value"
    assert parsed.WhichOneof("choice") == "choice_null"


# --- well-known types -------------------------------------------------------------------------------

def test_timestamp_and_duration_print_in_rfc3339_and_seconds():
    message = Kitchen(w_timestamp=timestamp_pb2.Timestamp(seconds=1, nanos=500_000_000),
                      w_duration=duration_pb2.Duration(seconds=-1, nanos=-500_000_000))
    assert encode(message) == {"wTimestamp": "1970-01-01T00:00:01.500Z", "wDuration": "-1.500s"}


@pytest.mark.parametrize("text", ["2020-02-29T12:00:00Z", "2020-01-01T00:00:00.123456789+01:00", "0001-01-01T00:00:00Z"])
def test_timestamps_parse(text):
    assert decode({"wTimestamp": text}).HasField("w_timestamp")


@pytest.mark.parametrize("field, text", [("wTimestamp", "2020-02-30T00:00:00Z"), ("wTimestamp", "2020-01-01T00:00:00"),
                                         ("wTimestamp", 5), ("wDuration", "1.5"), ("wDuration", "315576000001s")])
def test_bad_timestamps_and_durations_are_rejected(field, text):
    assert rejected({field: text}).field == field


def test_unprintable_timestamp_is_an_encode_error():
    with pytest.raises(ProtoJsonEncodeError):
        encoder_for(Kitchen.DESCRIPTOR, DEFAULT)(Kitchen(w_timestamp=timestamp_pb2.Timestamp(seconds=10**13)))


def test_field_mask_round_trips_in_camel_case():
    message = Kitchen(w_field_mask={"paths": ["f_int32", "f_nested.inner_id"]})
    assert encode(message) == {"wFieldMask": "fInt32,fNested.innerId"}
    assert decode({"wFieldMask": "fInt32,fNested.innerId"}) == message


def test_struct_value_and_list_value_map_to_plain_json():
    message = decode({"wStruct": {"a": [1, "x", None, {"b": True}]}, "wValue": 2.5, "wListValue": ["y", {}]})
    assert encode(message) == {"wStruct": {"a": [1.0, "x", None, {"b": True}]}, "wValue": 2.5, "wListValue": ["y", {}]}


def test_value_holding_nan_is_an_encode_error():
    with pytest.raises(ProtoJsonEncodeError):
        encoder_for(Kitchen.DESCRIPTOR, DEFAULT)(Kitchen(w_value=struct_pb2.Value(number_value=math.nan)))


def test_wrappers_print_bare_values_and_null_leaves_them_unset():
    message = Kitchen(w_int64=wrappers_pb2.Int64Value(value=5), w_bytes=wrappers_pb2.BytesValue(value=b"\x00"),
                      w_bool=wrappers_pb2.BoolValue(value=False))
    assert encode(message) == {"wInt64": "5", "wBytes": "AA==", "wBool": False}
    assert decode({"wInt64": "5", "wBytes": "AA==", "wBool": False}) == message
    assert not decode({"wInt64": None}).HasField("w_int64")


def test_empty_is_an_empty_object():
    assert encode(Kitchen(w_empty={})) == {"wEmpty": {}}
    assert decode({"wEmpty": {}}).HasField("w_empty")
    assert rejected({"wEmpty": {"x": 1}}).field == "wEmpty.x"


def test_any_carries_its_type_and_wraps_well_known_payloads_in_value():
    message = Kitchen()
    message.w_any.Pack(kitchen_pb2.Nested(id=7))
    message.rw_any.add().Pack(duration_pb2.Duration(seconds=3))
    printed = encode(message)
    assert printed == {"wAny": {"@type": "type.googleapis.com/gwtest.v1.Nested", "id": 7},
                       "rwAny": [{"@type": "type.googleapis.com/google.protobuf.Duration", "value": "3s"}]}
    assert decode(printed) == message


def test_any_without_type_is_rejected():
    assert rejected({"wAny": {"id": 7}}).field.startswith("wAny")


# --- unknown fields, paths, depth, malformed input ---------------------------------------------------

def test_unknown_fields_are_rejected_with_their_dotted_path():
    assert rejected({"nope": 1}).field == "nope"
    assert rejected({"fNested": {"inner": {"nope": 1}}}).field == "fNested.inner.nope"
    assert rejected({"rNested": [{}, {"nope": 1}]}).field == "rNested[1].nope"
    assert rejected({"mStringNested": {"k": {"nope": 1}}}).field == "mStringNested[k].nope"


def test_unknown_fields_are_skipped_when_asked():
    ignoring = JsonOptions(ignore_unknown_fields=True)
    assert decode({"nope": 1, "fInt32": 2, "fNested": {"nope": {}}}, ignoring) == Kitchen(f_int32=2, f_nested={})


def test_error_paths_use_the_clients_spelling():
    assert rejected({"f_nested": {"id": "x"}}).field == "f_nested.id"


def _nested(levels: int) -> dict:
    js: dict = {}
    for _ in range(levels):
        js = {"child": js}
    return js


def test_nesting_is_limited_at_json_formats_depth():
    assert decode(_nested(99)).child.child.HasField("child")
    rejected(_nested(100))


def test_value_nesting_counts_towards_the_depth_limit():
    deep: object = 1
    for _ in range(49):
        deep = [deep]
    decode({"wValue": deep})
    rejected({"wValue": [deep]})


@pytest.mark.parametrize("text", [b"{", b"[1]", b"5", b"", b"{'a': 1}", b'{"fInt32": 1} x'])
def test_malformed_or_non_object_json_is_rejected(text):
    assert rejected(text).field == ""


def test_non_object_json_follows_json_formats_quirks():
    # json_format iterates a string or an array as if it were an object's keys.
    assert decode(b"[]") == Kitchen()
    assert rejected(b'"x"').field == "x"


def test_to_dict_for_gives_json_ready_values():
    assert to_dict_for(Kitchen.DESCRIPTOR, SPARSE)(Kitchen(f_uint64=3)) == {"fUint64": "3"}
    assert to_dict_for(timestamp_pb2.Timestamp.DESCRIPTOR, SPARSE)(timestamp_pb2.Timestamp(seconds=0)) == "1970-01-01T00:00:00Z"


def test_codecs_are_compiled_once_per_type_and_options():
    assert encoder_for(Kitchen.DESCRIPTOR, DEFAULT) is encoder_for(Kitchen.DESCRIPTOR, JsonOptions())
    assert decoder_for(Kitchen, DEFAULT) is decoder_for(Kitchen, JsonOptions())


def test_a_well_known_type_can_be_decoded_at_the_top():
    assert decoder_for(any_pb2.Any, DEFAULT)(b"{}") == any_pb2.Any()
    assert decoder_for(timestamp_pb2.Timestamp, DEFAULT)(b'"1970-01-01T00:00:01Z"').seconds == 1


def test_error_paths_survive_the_hand_over_to_json_format():
    # Any payloads and fields spelled both ways are parsed by json_format; the path is kept.
    any_nested = {"@type": "type.googleapis.com/gwtest.v1.Nested", "id": "x"}
    assert rejected({"wAny": any_nested}).field == "wAny.id"
    assert rejected({"fInt32": 1, "f_int32": "x"}).field == "f_int32"
    assert rejected({"rNested": [{"inner": {"label": "a", "inner": "ab"}}]}).field == "rNested[0].inner.inner.a"


def test_documented_differences_on_text_that_is_not_plain_json():
    # Duplicate keys: json_format refuses the text; orjson keeps the last value.
    with pytest.raises(json_format.ParseError):
        json_format.Parse(b'{"fInt32": 1, "fInt32": 2}', Kitchen())
    assert decoder_for(Kitchen, DEFAULT)(b'{"fInt32": 1, "fInt32": 2}').f_int32 == 2
    # Bare NaN is not JSON: json.loads (inside json_format) reads it, orjson does not.
    with pytest.raises(ProtoJsonError):
        decoder_for(Kitchen, DEFAULT)(b'{"fDouble": NaN}')
