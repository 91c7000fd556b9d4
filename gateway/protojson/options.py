"""The switches of the ProtoJSON mapping (grpc-gateway's marshaler options)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JsonOptions:
    """How messages map to JSON. Frozen and hashable: compiled codecs are cached per value.

    The defaults are grpc-gateway's: lowerCamelCase names, fields without presence emitted
    even when they hold their zero value, enums by name, unknown input fields rejected.
    """

    use_proto_names: bool = False
    """Emit the .proto field names instead of lowerCamelCase json names (parsers accept both)."""
    emit_unpopulated: bool = True
    """Emit zero-valued scalars, empty lists and empty maps (json_format's
    always_print_fields_with_no_presence). Fields with presence are never invented."""
    enums_as_ints: bool = False
    """Emit enum numbers instead of names."""
    ignore_unknown_fields: bool = False
    """Skip unknown input fields (and unknown enum names) instead of rejecting them."""
