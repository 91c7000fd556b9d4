"""Differential property tests: the generated codec against google.protobuf.json_format.

For random messages of every field kind the encoder must print what MessageToDict prints,
and for random (often invalid) JSON the decoder must accept exactly what json_format
accepts, producing an equal message.
"""
from __future__ import annotations

import copy
import json

import orjson
import pytest
from google.protobuf import json_format
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gateway.protojson import (
    JsonOptions, ProtoJsonEncodeError, ProtoJsonError, decoder_for, encoder_for, to_dict_for,
)
from gwtest.v1 import kitchen_pb2

from protojson_strategies import junk_json, junk_objects, messages, messages_kwargs, typed_junk, typed_objects

Kitchen = kitchen_pb2.Kitchen
OPTIONS = st.builds(JsonOptions, st.booleans(), st.booleans(), st.booleans(), st.booleans())
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def reference_dict(message, options: JsonOptions):
    return json_format.MessageToDict(
        message,
        always_print_fields_with_no_presence=options.emit_unpopulated,
        preserving_proto_field_name=options.use_proto_names,
        use_integers_for_enums=options.enums_as_ints,
    )


def wire(message) -> bytes:
    """Message identity that also tells NaN from NaN-free and -0.0 from 0.0."""
    return message.SerializeToString(deterministic=True)


def reference_verdict(parse) -> bytes | None:
    """json_format's verdict: the parsed message's bytes, or None if it refused the input."""
    try:
        return wire(parse())
    except Exception:  # json_format lets some TypeErrors/OverflowErrors escape ParseDict
        return None


def our_verdict(decode, data) -> bytes | None:
    try:
        return wire(decode(data))
    except ProtoJsonError:
        return None


@SETTINGS
@given(messages(Kitchen.DESCRIPTOR), OPTIONS)
def test_encoder_prints_what_message_to_dict_prints(message, options):
    try:
        expected = reference_dict(message, options)
    except (json_format.Error, ValueError, TypeError):
        with pytest.raises(ProtoJsonEncodeError):
            encoder_for(Kitchen.DESCRIPTOR, options)(message)
        return
    assert to_dict_for(Kitchen.DESCRIPTOR, options)(message) == expected
    assert orjson.loads(encoder_for(Kitchen.DESCRIPTOR, options)(message)) == expected


@SETTINGS
@given(messages(Kitchen.DESCRIPTOR), OPTIONS)
def test_decoder_reads_what_json_format_reads(message, options):
    try:
        text = json.dumps(reference_dict(message, options))
    except (json_format.Error, ValueError, TypeError):
        return  # not encodable (covered above)
    expected = wire(json_format.Parse(text, Kitchen()))
    decode = decoder_for(Kitchen, options)
    assert wire(decode(text.encode())) == expected
    assert wire(decode(json.loads(text))) == expected


def _has_huge_negative_int(value) -> bool:
    """orjson reads integer literals below -2**63 as floats (a documented difference)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value < -(2**63)
    if isinstance(value, dict):
        return any(_has_huge_negative_int(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_huge_negative_int(v) for v in value)
    return False


@SETTINGS
@given(junk_objects(), st.booleans())
def test_random_json_gets_the_same_verdict(js, ignore_unknown):
    options = JsonOptions(ignore_unknown_fields=ignore_unknown)
    expected = reference_verdict(lambda: json_format.ParseDict(copy.deepcopy(js), Kitchen(), ignore_unknown))
    assert our_verdict(decoder_for(Kitchen, options), js) == expected
    if not _has_huge_negative_int(js):
        text = json.dumps(js)
        expected_text = reference_verdict(lambda: json_format.Parse(text, Kitchen(), ignore_unknown))
        assert our_verdict(decoder_for(Kitchen, options), text.encode()) == expected_text


@SETTINGS
@given(messages(Kitchen.DESCRIPTOR), st.data(), st.booleans())
def test_a_valid_object_with_one_value_replaced_gets_the_same_verdict(message, data, ignore_unknown):
    """Near-valid input: one field (possibly deep) swapped for an awkward value or dropped in."""
    try:
        js = reference_dict(message, JsonOptions(emit_unpopulated=False))
    except (json_format.Error, ValueError, TypeError):
        return
    target = js
    # Walk down a few levels of objects/arrays, then replace or add one key.
    for _ in range(data.draw(st.integers(0, 3))):
        children = [k for k, v in target.items() if isinstance(v, dict) and v] if isinstance(target, dict) else []
        if not children:
            break
        target = target[data.draw(st.sampled_from(sorted(children)))]
    if isinstance(target, dict):
        keys = sorted(target) + [f.json_name for f in Kitchen.DESCRIPTOR.fields] + ["f_int32", "unknown"]
        target[data.draw(st.sampled_from(keys))] = data.draw(junk_json())
    options = JsonOptions(ignore_unknown_fields=ignore_unknown)
    expected = reference_verdict(lambda: json_format.ParseDict(copy.deepcopy(js), Kitchen(), ignore_unknown))
    assert our_verdict(decoder_for(Kitchen, options), js) == expected


@SETTINGS
@given(typed_objects(Kitchen.DESCRIPTOR), st.booleans())
def test_edge_values_aimed_at_each_field_get_the_same_verdict(js, ignore_unknown):
    options = JsonOptions(ignore_unknown_fields=ignore_unknown)
    expected = reference_verdict(lambda: json_format.ParseDict(copy.deepcopy(js), Kitchen(), ignore_unknown))
    assert our_verdict(decoder_for(Kitchen, options), js) == expected
    if not _has_huge_negative_int(js):
        try:
            text = json.dumps(js, allow_nan=False)
        except ValueError:
            return
        expected_text = reference_verdict(lambda: json_format.Parse(text, Kitchen(), ignore_unknown))
        assert our_verdict(decoder_for(Kitchen, options), text.encode()) == expected_text


@pytest.mark.parametrize("field", Kitchen.DESCRIPTOR.fields, ids=lambda field: field.name)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data(), ignore_unknown=st.booleans())
def test_edge_values_of_each_field_get_the_same_verdict(field, data, ignore_unknown):
    key = data.draw(st.sampled_from([field.json_name, field.name]))
    js = {key: data.draw(typed_junk(field))}
    options = JsonOptions(ignore_unknown_fields=ignore_unknown)
    expected = reference_verdict(lambda: json_format.ParseDict(copy.deepcopy(js), Kitchen(), ignore_unknown))
    assert our_verdict(decoder_for(Kitchen, options), js) == expected


WELL_KNOWN_FIELDS = [field for field in Kitchen.DESCRIPTOR.fields
                     if field.message_type is not None and field.message_type.full_name.startswith("google.protobuf.")
                     and not field.is_repeated]


@st.composite
def well_known_messages(draw):
    """A well-known type message on its own (taken from the Kitchen field that holds it)."""
    field = draw(st.sampled_from(WELL_KNOWN_FIELDS))
    return getattr(Kitchen(**{field.name: draw(messages_kwargs(field.message_type))}), field.name)


@SETTINGS
@given(well_known_messages(), OPTIONS)
def test_well_known_types_at_the_top_match_json_format_both_ways(message, options):
    descriptor = message.DESCRIPTOR
    try:
        expected = reference_dict(message, options)
    except (json_format.Error, ValueError, TypeError):
        with pytest.raises(ProtoJsonEncodeError):
            encoder_for(descriptor, options)(message)
        return
    assert to_dict_for(descriptor, options)(message) == expected
    text = json.dumps(expected)
    assert wire(decoder_for(type(message), options)(text.encode())) == wire(json_format.Parse(text, type(message)()))
