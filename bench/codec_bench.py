"""ProtoJSON codec speed: gateway.protojson vs google.protobuf.json_format.

    .venv/bin/python bench/codec_bench.py            # both messages, both directions
    taskset -c 1 .venv/bin/python bench/codec_bench.py   # one pinned core, as the baselines

Messages: gwtest.v1.BenchSmall (an echo request) and gwtest.v1.BenchBig (21 mixed fields +
100 items of 5 fields, ~7.5 KB of JSON: the shape of ../shared/reference/perf-baselines.md).
Each line is the median over REPEATS timings of a loop of N calls, in µs per call. Encode
is Message -> JSON bytes; decode is JSON bytes -> Message (both include orjson).
"""
from __future__ import annotations

import pathlib
import statistics
import sys
import timeit

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "gen")]

import orjson  # noqa: E402
from google.protobuf import __version__ as protobuf_version, json_format  # noqa: E402
from google.protobuf.internal import api_implementation  # noqa: E402

from gateway.protojson import JsonOptions, decoder_for, encoder_for  # noqa: E402
from gwtest.v1 import kitchen_pb2  # noqa: E402

REPEATS = 7
OPTIONS = JsonOptions()  # grpc-gateway defaults: camelCase, zero values emitted


def small() -> kitchen_pb2.BenchSmall:
    return kitchen_pb2.BenchSmall(message="hello, world", id=42, tags=["a", "b", "c"])


def big() -> kitchen_pb2.BenchBig:
    message = kitchen_pb2.BenchBig(
        id="0f8fad5b-d9cb-469f-a165-70867728950e", name="benchmark-object", description="a benchmark object",
        count=1234, priority=-7, created_at_ms=1732406400123, total_bytes=9_876_543_210_123,
        flags=0xF0F0, version=17, score=0.875, latitude=52.520008, weight=71.25, enabled=True,
        shared=False, color=kitchen_pb2.COLOR_GREEN, checksum=bytes(range(32)),
        tags=[f"tag-{i}" for i in range(8)], labels={f"key{i}": f"value-{i}" for i in range(6)},
        owner="someone@example.org", region="RegionOne",
    )
    message.updated.FromJsonString("2026-11-24T18:30:00.123456Z")
    for i in range(100):
        message.items.add(name=f"i{i}", size=100_000 + i * 977, ratio=(i % 8) / 4,
                          active=i % 3 == 0, color=i % 3)
    return message


def per_call_us(function, argument) -> float:
    """Median µs per call over REPEATS loops sized to ~0.2 s each."""
    loops, _ = timeit.Timer(lambda: function(argument)).autorange()
    timings = timeit.Timer(lambda: function(argument)).repeat(repeat=REPEATS, number=loops)
    return statistics.median(timings) / loops * 1e6


def main() -> None:
    print(f"protobuf {protobuf_version} backend={api_implementation.Type()} python={sys.version.split()[0]}")
    reference_options = dict(always_print_fields_with_no_presence=OPTIONS.emit_unpopulated,
                             preserving_proto_field_name=OPTIONS.use_proto_names,
                             use_integers_for_enums=OPTIONS.enums_as_ints)
    for label, message in (("small", small()), ("big", big())):
        cls = type(message)
        encode = encoder_for(cls.DESCRIPTOR, OPTIONS)
        decode = decoder_for(cls, OPTIONS)
        text = encode(message)
        assert orjson.loads(text) == json_format.MessageToDict(message, **reference_options)
        assert decode(text) == json_format.Parse(text, cls())
        print(f"{label}: binary={len(message.SerializeToString())} B, JSON={len(text)} B")

        def reference_encode(m):
            return orjson.dumps(json_format.MessageToDict(m, **reference_options))

        def reference_decode(data):
            return json_format.ParseDict(orjson.loads(data), cls())

        ref_enc = per_call_us(reference_encode, message)
        our_enc = per_call_us(encode, message)
        ref_dec = per_call_us(reference_decode, text)
        our_dec = per_call_us(decode, text)
        print(f"  encode  json_format {ref_enc:9.2f} us   protojson {our_enc:8.2f} us   speed-up {ref_enc / our_enc:5.1f}x")
        print(f"  decode  json_format {ref_dec:9.2f} us   protojson {our_dec:8.2f} us   speed-up {ref_dec / our_dec:5.1f}x")
        print(f"  round   json_format {ref_enc + ref_dec:9.2f} us   protojson {our_enc + our_dec:8.2f} us   "
              f"speed-up {(ref_enc + ref_dec) / (our_enc + our_dec):5.1f}x")


if __name__ == "__main__":
    main()
