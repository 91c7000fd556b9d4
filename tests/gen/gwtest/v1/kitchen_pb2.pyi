import datetime

from google.protobuf import any_pb2 as _any_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import empty_pb2 as _empty_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf import wrappers_pb2 as _wrappers_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Color(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    COLOR_UNSPECIFIED: _ClassVar[Color]
    COLOR_RED: _ClassVar[Color]
    COLOR_GREEN: _ClassVar[Color]
    COLOR_INFRARED: _ClassVar[Color]
COLOR_UNSPECIFIED: Color
COLOR_RED: Color
COLOR_GREEN: Color
COLOR_INFRARED: Color

class Nested(_message.Message):
    __slots__ = ("id", "label", "inner", "counts")
    ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    INNER_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    id: int
    label: str
    inner: Nested
    counts: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, id: _Optional[int] = ..., label: _Optional[str] = ..., inner: _Optional[_Union[Nested, _Mapping]] = ..., counts: _Optional[_Iterable[int]] = ...) -> None: ...

class Kitchen(_message.Message):
    __slots__ = ("f_double", "f_float", "f_int32", "f_int64", "f_uint32", "f_uint64", "f_sint32", "f_sint64", "f_fixed32", "f_fixed64", "f_sfixed32", "f_sfixed64", "f_bool", "f_string", "f_bytes", "f_color", "f_nested", "renamed", "field2_with_3digits", "r_double", "r_float", "r_int32", "r_int64", "r_uint32", "r_uint64", "r_sint32", "r_sint64", "r_fixed32", "r_fixed64", "r_sfixed32", "r_sfixed64", "r_bool", "r_string", "r_bytes", "r_color", "r_nested", "m_string_string", "m_int32_int32", "m_int64_int64", "m_uint32_uint32", "m_uint64_uint64", "m_sint32_double", "m_sint64_float", "m_fixed32_bool", "m_fixed64_bytes", "m_sfixed32_color", "m_sfixed64_nested", "m_bool_string", "m_string_nested", "m_string_timestamp", "m_string_value", "m_string_int64_wrapper", "choice_string", "choice_int64", "choice_nested", "choice_color", "choice_null", "choice_value", "choice_wrapper", "other_bool", "other_bytes", "o_int32", "o_int64", "o_double", "o_string", "o_bytes", "o_bool", "o_color", "w_timestamp", "w_duration", "w_field_mask", "w_struct", "w_value", "w_list_value", "w_empty", "w_any", "w_null", "w_double", "w_float", "w_int64", "w_uint64", "w_int32", "w_uint32", "w_bool", "w_string", "w_bytes", "rw_timestamp", "rw_duration", "rw_value", "rw_int32", "rw_any", "rw_struct", "child", "children")
    class MStringStringEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class MInt32Int32Entry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: int
        def __init__(self, key: _Optional[int] = ..., value: _Optional[int] = ...) -> None: ...
    class MInt64Int64Entry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: int
        def __init__(self, key: _Optional[int] = ..., value: _Optional[int] = ...) -> None: ...
    class MUint32Uint32Entry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: int
        def __init__(self, key: _Optional[int] = ..., value: _Optional[int] = ...) -> None: ...
    class MUint64Uint64Entry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: int
        def __init__(self, key: _Optional[int] = ..., value: _Optional[int] = ...) -> None: ...
    class MSint32DoubleEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: float
        def __init__(self, key: _Optional[int] = ..., value: _Optional[float] = ...) -> None: ...
    class MSint64FloatEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: float
        def __init__(self, key: _Optional[int] = ..., value: _Optional[float] = ...) -> None: ...
    class MFixed32BoolEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: bool
        def __init__(self, key: _Optional[int] = ..., value: _Optional[bool] = ...) -> None: ...
    class MFixed64BytesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: bytes
        def __init__(self, key: _Optional[int] = ..., value: _Optional[bytes] = ...) -> None: ...
    class MSfixed32ColorEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: Color
        def __init__(self, key: _Optional[int] = ..., value: _Optional[_Union[Color, str]] = ...) -> None: ...
    class MSfixed64NestedEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: Nested
        def __init__(self, key: _Optional[int] = ..., value: _Optional[_Union[Nested, _Mapping]] = ...) -> None: ...
    class MBoolStringEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: bool
        value: str
        def __init__(self, key: _Optional[bool] = ..., value: _Optional[str] = ...) -> None: ...
    class MStringNestedEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: Nested
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[Nested, _Mapping]] = ...) -> None: ...
    class MStringTimestampEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _timestamp_pb2.Timestamp
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
    class MStringValueEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _struct_pb2.Value
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ...) -> None: ...
    class MStringInt64WrapperEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: _wrappers_pb2.Int64Value
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[_wrappers_pb2.Int64Value, _Mapping]] = ...) -> None: ...
    F_DOUBLE_FIELD_NUMBER: _ClassVar[int]
    F_FLOAT_FIELD_NUMBER: _ClassVar[int]
    F_INT32_FIELD_NUMBER: _ClassVar[int]
    F_INT64_FIELD_NUMBER: _ClassVar[int]
    F_UINT32_FIELD_NUMBER: _ClassVar[int]
    F_UINT64_FIELD_NUMBER: _ClassVar[int]
    F_SINT32_FIELD_NUMBER: _ClassVar[int]
    F_SINT64_FIELD_NUMBER: _ClassVar[int]
    F_FIXED32_FIELD_NUMBER: _ClassVar[int]
    F_FIXED64_FIELD_NUMBER: _ClassVar[int]
    F_SFIXED32_FIELD_NUMBER: _ClassVar[int]
    F_SFIXED64_FIELD_NUMBER: _ClassVar[int]
    F_BOOL_FIELD_NUMBER: _ClassVar[int]
    F_STRING_FIELD_NUMBER: _ClassVar[int]
    F_BYTES_FIELD_NUMBER: _ClassVar[int]
    F_COLOR_FIELD_NUMBER: _ClassVar[int]
    F_NESTED_FIELD_NUMBER: _ClassVar[int]
    RENAMED_FIELD_NUMBER: _ClassVar[int]
    FIELD2_WITH_3DIGITS_FIELD_NUMBER: _ClassVar[int]
    R_DOUBLE_FIELD_NUMBER: _ClassVar[int]
    R_FLOAT_FIELD_NUMBER: _ClassVar[int]
    R_INT32_FIELD_NUMBER: _ClassVar[int]
    R_INT64_FIELD_NUMBER: _ClassVar[int]
    R_UINT32_FIELD_NUMBER: _ClassVar[int]
    R_UINT64_FIELD_NUMBER: _ClassVar[int]
    R_SINT32_FIELD_NUMBER: _ClassVar[int]
    R_SINT64_FIELD_NUMBER: _ClassVar[int]
    R_FIXED32_FIELD_NUMBER: _ClassVar[int]
    R_FIXED64_FIELD_NUMBER: _ClassVar[int]
    R_SFIXED32_FIELD_NUMBER: _ClassVar[int]
    R_SFIXED64_FIELD_NUMBER: _ClassVar[int]
    R_BOOL_FIELD_NUMBER: _ClassVar[int]
    R_STRING_FIELD_NUMBER: _ClassVar[int]
    R_BYTES_FIELD_NUMBER: _ClassVar[int]
    R_COLOR_FIELD_NUMBER: _ClassVar[int]
    R_NESTED_FIELD_NUMBER: _ClassVar[int]
    M_STRING_STRING_FIELD_NUMBER: _ClassVar[int]
    M_INT32_INT32_FIELD_NUMBER: _ClassVar[int]
    M_INT64_INT64_FIELD_NUMBER: _ClassVar[int]
    M_UINT32_UINT32_FIELD_NUMBER: _ClassVar[int]
    M_UINT64_UINT64_FIELD_NUMBER: _ClassVar[int]
    M_SINT32_DOUBLE_FIELD_NUMBER: _ClassVar[int]
    M_SINT64_FLOAT_FIELD_NUMBER: _ClassVar[int]
    M_FIXED32_BOOL_FIELD_NUMBER: _ClassVar[int]
    M_FIXED64_BYTES_FIELD_NUMBER: _ClassVar[int]
    M_SFIXED32_COLOR_FIELD_NUMBER: _ClassVar[int]
    M_SFIXED64_NESTED_FIELD_NUMBER: _ClassVar[int]
    M_BOOL_STRING_FIELD_NUMBER: _ClassVar[int]
    M_STRING_NESTED_FIELD_NUMBER: _ClassVar[int]
    M_STRING_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    M_STRING_VALUE_FIELD_NUMBER: _ClassVar[int]
    M_STRING_INT64_WRAPPER_FIELD_NUMBER: _ClassVar[int]
    CHOICE_STRING_FIELD_NUMBER: _ClassVar[int]
    CHOICE_INT64_FIELD_NUMBER: _ClassVar[int]
    CHOICE_NESTED_FIELD_NUMBER: _ClassVar[int]
    CHOICE_COLOR_FIELD_NUMBER: _ClassVar[int]
    CHOICE_NULL_FIELD_NUMBER: _ClassVar[int]
    CHOICE_VALUE_FIELD_NUMBER: _ClassVar[int]
    CHOICE_WRAPPER_FIELD_NUMBER: _ClassVar[int]
    OTHER_BOOL_FIELD_NUMBER: _ClassVar[int]
    OTHER_BYTES_FIELD_NUMBER: _ClassVar[int]
    O_INT32_FIELD_NUMBER: _ClassVar[int]
    O_INT64_FIELD_NUMBER: _ClassVar[int]
    O_DOUBLE_FIELD_NUMBER: _ClassVar[int]
    O_STRING_FIELD_NUMBER: _ClassVar[int]
    O_BYTES_FIELD_NUMBER: _ClassVar[int]
    O_BOOL_FIELD_NUMBER: _ClassVar[int]
    O_COLOR_FIELD_NUMBER: _ClassVar[int]
    W_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    W_DURATION_FIELD_NUMBER: _ClassVar[int]
    W_FIELD_MASK_FIELD_NUMBER: _ClassVar[int]
    W_STRUCT_FIELD_NUMBER: _ClassVar[int]
    W_VALUE_FIELD_NUMBER: _ClassVar[int]
    W_LIST_VALUE_FIELD_NUMBER: _ClassVar[int]
    W_EMPTY_FIELD_NUMBER: _ClassVar[int]
    W_ANY_FIELD_NUMBER: _ClassVar[int]
    W_NULL_FIELD_NUMBER: _ClassVar[int]
    W_DOUBLE_FIELD_NUMBER: _ClassVar[int]
    W_FLOAT_FIELD_NUMBER: _ClassVar[int]
    W_INT64_FIELD_NUMBER: _ClassVar[int]
    W_UINT64_FIELD_NUMBER: _ClassVar[int]
    W_INT32_FIELD_NUMBER: _ClassVar[int]
    W_UINT32_FIELD_NUMBER: _ClassVar[int]
    W_BOOL_FIELD_NUMBER: _ClassVar[int]
    W_STRING_FIELD_NUMBER: _ClassVar[int]
    W_BYTES_FIELD_NUMBER: _ClassVar[int]
    RW_TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    RW_DURATION_FIELD_NUMBER: _ClassVar[int]
    RW_VALUE_FIELD_NUMBER: _ClassVar[int]
    RW_INT32_FIELD_NUMBER: _ClassVar[int]
    RW_ANY_FIELD_NUMBER: _ClassVar[int]
    RW_STRUCT_FIELD_NUMBER: _ClassVar[int]
    CHILD_FIELD_NUMBER: _ClassVar[int]
    CHILDREN_FIELD_NUMBER: _ClassVar[int]
    f_double: float
    f_float: float
    f_int32: int
    f_int64: int
    f_uint32: int
    f_uint64: int
    f_sint32: int
    f_sint64: int
    f_fixed32: int
    f_fixed64: int
    f_sfixed32: int
    f_sfixed64: int
    f_bool: bool
    f_string: str
    f_bytes: bytes
    f_color: Color
    f_nested: Nested
    renamed: str
    field2_with_3digits: int
    r_double: _containers.RepeatedScalarFieldContainer[float]
    r_float: _containers.RepeatedScalarFieldContainer[float]
    r_int32: _containers.RepeatedScalarFieldContainer[int]
    r_int64: _containers.RepeatedScalarFieldContainer[int]
    r_uint32: _containers.RepeatedScalarFieldContainer[int]
    r_uint64: _containers.RepeatedScalarFieldContainer[int]
    r_sint32: _containers.RepeatedScalarFieldContainer[int]
    r_sint64: _containers.RepeatedScalarFieldContainer[int]
    r_fixed32: _containers.RepeatedScalarFieldContainer[int]
    r_fixed64: _containers.RepeatedScalarFieldContainer[int]
    r_sfixed32: _containers.RepeatedScalarFieldContainer[int]
    r_sfixed64: _containers.RepeatedScalarFieldContainer[int]
    r_bool: _containers.RepeatedScalarFieldContainer[bool]
    r_string: _containers.RepeatedScalarFieldContainer[str]
    r_bytes: _containers.RepeatedScalarFieldContainer[bytes]
    r_color: _containers.RepeatedScalarFieldContainer[Color]
    r_nested: _containers.RepeatedCompositeFieldContainer[Nested]
    m_string_string: _containers.ScalarMap[str, str]
    m_int32_int32: _containers.ScalarMap[int, int]
    m_int64_int64: _containers.ScalarMap[int, int]
    m_uint32_uint32: _containers.ScalarMap[int, int]
    m_uint64_uint64: _containers.ScalarMap[int, int]
    m_sint32_double: _containers.ScalarMap[int, float]
    m_sint64_float: _containers.ScalarMap[int, float]
    m_fixed32_bool: _containers.ScalarMap[int, bool]
    m_fixed64_bytes: _containers.ScalarMap[int, bytes]
    m_sfixed32_color: _containers.ScalarMap[int, Color]
    m_sfixed64_nested: _containers.MessageMap[int, Nested]
    m_bool_string: _containers.ScalarMap[bool, str]
    m_string_nested: _containers.MessageMap[str, Nested]
    m_string_timestamp: _containers.MessageMap[str, _timestamp_pb2.Timestamp]
    m_string_value: _containers.MessageMap[str, _struct_pb2.Value]
    m_string_int64_wrapper: _containers.MessageMap[str, _wrappers_pb2.Int64Value]
    choice_string: str
    choice_int64: int
    choice_nested: Nested
    choice_color: Color
    choice_null: _struct_pb2.NullValue
    choice_value: _struct_pb2.Value
    choice_wrapper: _wrappers_pb2.Int32Value
    other_bool: bool
    other_bytes: bytes
    o_int32: int
    o_int64: int
    o_double: float
    o_string: str
    o_bytes: bytes
    o_bool: bool
    o_color: Color
    w_timestamp: _timestamp_pb2.Timestamp
    w_duration: _duration_pb2.Duration
    w_field_mask: _field_mask_pb2.FieldMask
    w_struct: _struct_pb2.Struct
    w_value: _struct_pb2.Value
    w_list_value: _struct_pb2.ListValue
    w_empty: _empty_pb2.Empty
    w_any: _any_pb2.Any
    w_null: _struct_pb2.NullValue
    w_double: _wrappers_pb2.DoubleValue
    w_float: _wrappers_pb2.FloatValue
    w_int64: _wrappers_pb2.Int64Value
    w_uint64: _wrappers_pb2.UInt64Value
    w_int32: _wrappers_pb2.Int32Value
    w_uint32: _wrappers_pb2.UInt32Value
    w_bool: _wrappers_pb2.BoolValue
    w_string: _wrappers_pb2.StringValue
    w_bytes: _wrappers_pb2.BytesValue
    rw_timestamp: _containers.RepeatedCompositeFieldContainer[_timestamp_pb2.Timestamp]
    rw_duration: _containers.RepeatedCompositeFieldContainer[_duration_pb2.Duration]
    rw_value: _containers.RepeatedCompositeFieldContainer[_struct_pb2.Value]
    rw_int32: _containers.RepeatedCompositeFieldContainer[_wrappers_pb2.Int32Value]
    rw_any: _containers.RepeatedCompositeFieldContainer[_any_pb2.Any]
    rw_struct: _containers.RepeatedCompositeFieldContainer[_struct_pb2.Struct]
    child: Kitchen
    children: _containers.RepeatedCompositeFieldContainer[Kitchen]
    def __init__(self, f_double: _Optional[float] = ..., f_float: _Optional[float] = ..., f_int32: _Optional[int] = ..., f_int64: _Optional[int] = ..., f_uint32: _Optional[int] = ..., f_uint64: _Optional[int] = ..., f_sint32: _Optional[int] = ..., f_sint64: _Optional[int] = ..., f_fixed32: _Optional[int] = ..., f_fixed64: _Optional[int] = ..., f_sfixed32: _Optional[int] = ..., f_sfixed64: _Optional[int] = ..., f_bool: _Optional[bool] = ..., f_string: _Optional[str] = ..., f_bytes: _Optional[bytes] = ..., f_color: _Optional[_Union[Color, str]] = ..., f_nested: _Optional[_Union[Nested, _Mapping]] = ..., renamed: _Optional[str] = ..., field2_with_3digits: _Optional[int] = ..., r_double: _Optional[_Iterable[float]] = ..., r_float: _Optional[_Iterable[float]] = ..., r_int32: _Optional[_Iterable[int]] = ..., r_int64: _Optional[_Iterable[int]] = ..., r_uint32: _Optional[_Iterable[int]] = ..., r_uint64: _Optional[_Iterable[int]] = ..., r_sint32: _Optional[_Iterable[int]] = ..., r_sint64: _Optional[_Iterable[int]] = ..., r_fixed32: _Optional[_Iterable[int]] = ..., r_fixed64: _Optional[_Iterable[int]] = ..., r_sfixed32: _Optional[_Iterable[int]] = ..., r_sfixed64: _Optional[_Iterable[int]] = ..., r_bool: _Optional[_Iterable[bool]] = ..., r_string: _Optional[_Iterable[str]] = ..., r_bytes: _Optional[_Iterable[bytes]] = ..., r_color: _Optional[_Iterable[_Union[Color, str]]] = ..., r_nested: _Optional[_Iterable[_Union[Nested, _Mapping]]] = ..., m_string_string: _Optional[_Mapping[str, str]] = ..., m_int32_int32: _Optional[_Mapping[int, int]] = ..., m_int64_int64: _Optional[_Mapping[int, int]] = ..., m_uint32_uint32: _Optional[_Mapping[int, int]] = ..., m_uint64_uint64: _Optional[_Mapping[int, int]] = ..., m_sint32_double: _Optional[_Mapping[int, float]] = ..., m_sint64_float: _Optional[_Mapping[int, float]] = ..., m_fixed32_bool: _Optional[_Mapping[int, bool]] = ..., m_fixed64_bytes: _Optional[_Mapping[int, bytes]] = ..., m_sfixed32_color: _Optional[_Mapping[int, Color]] = ..., m_sfixed64_nested: _Optional[_Mapping[int, Nested]] = ..., m_bool_string: _Optional[_Mapping[bool, str]] = ..., m_string_nested: _Optional[_Mapping[str, Nested]] = ..., m_string_timestamp: _Optional[_Mapping[str, _timestamp_pb2.Timestamp]] = ..., m_string_value: _Optional[_Mapping[str, _struct_pb2.Value]] = ..., m_string_int64_wrapper: _Optional[_Mapping[str, _wrappers_pb2.Int64Value]] = ..., choice_string: _Optional[str] = ..., choice_int64: _Optional[int] = ..., choice_nested: _Optional[_Union[Nested, _Mapping]] = ..., choice_color: _Optional[_Union[Color, str]] = ..., choice_null: _Optional[_Union[_struct_pb2.NullValue, str]] = ..., choice_value: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., choice_wrapper: _Optional[_Union[_wrappers_pb2.Int32Value, _Mapping]] = ..., other_bool: _Optional[bool] = ..., other_bytes: _Optional[bytes] = ..., o_int32: _Optional[int] = ..., o_int64: _Optional[int] = ..., o_double: _Optional[float] = ..., o_string: _Optional[str] = ..., o_bytes: _Optional[bytes] = ..., o_bool: _Optional[bool] = ..., o_color: _Optional[_Union[Color, str]] = ..., w_timestamp: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., w_duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., w_field_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., w_struct: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., w_value: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., w_list_value: _Optional[_Union[_struct_pb2.ListValue, _Mapping]] = ..., w_empty: _Optional[_Union[_empty_pb2.Empty, _Mapping]] = ..., w_any: _Optional[_Union[_any_pb2.Any, _Mapping]] = ..., w_null: _Optional[_Union[_struct_pb2.NullValue, str]] = ..., w_double: _Optional[_Union[_wrappers_pb2.DoubleValue, _Mapping]] = ..., w_float: _Optional[_Union[_wrappers_pb2.FloatValue, _Mapping]] = ..., w_int64: _Optional[_Union[_wrappers_pb2.Int64Value, _Mapping]] = ..., w_uint64: _Optional[_Union[_wrappers_pb2.UInt64Value, _Mapping]] = ..., w_int32: _Optional[_Union[_wrappers_pb2.Int32Value, _Mapping]] = ..., w_uint32: _Optional[_Union[_wrappers_pb2.UInt32Value, _Mapping]] = ..., w_bool: _Optional[_Union[_wrappers_pb2.BoolValue, _Mapping]] = ..., w_string: _Optional[_Union[_wrappers_pb2.StringValue, _Mapping]] = ..., w_bytes: _Optional[_Union[_wrappers_pb2.BytesValue, _Mapping]] = ..., rw_timestamp: _Optional[_Iterable[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]]] = ..., rw_duration: _Optional[_Iterable[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]]] = ..., rw_value: _Optional[_Iterable[_Union[_struct_pb2.Value, _Mapping]]] = ..., rw_int32: _Optional[_Iterable[_Union[_wrappers_pb2.Int32Value, _Mapping]]] = ..., rw_any: _Optional[_Iterable[_Union[_any_pb2.Any, _Mapping]]] = ..., rw_struct: _Optional[_Iterable[_Union[_struct_pb2.Struct, _Mapping]]] = ..., child: _Optional[_Union[Kitchen, _Mapping]] = ..., children: _Optional[_Iterable[_Union[Kitchen, _Mapping]]] = ...) -> None: ...

class BenchSmall(_message.Message):
    __slots__ = ("message", "id", "tags")
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    message: str
    id: int
    tags: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, message: _Optional[str] = ..., id: _Optional[int] = ..., tags: _Optional[_Iterable[str]] = ...) -> None: ...

class BenchItem(_message.Message):
    __slots__ = ("name", "size", "ratio", "active", "color")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    RATIO_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    COLOR_FIELD_NUMBER: _ClassVar[int]
    name: str
    size: int
    ratio: float
    active: bool
    color: Color
    def __init__(self, name: _Optional[str] = ..., size: _Optional[int] = ..., ratio: _Optional[float] = ..., active: _Optional[bool] = ..., color: _Optional[_Union[Color, str]] = ...) -> None: ...

class BenchBig(_message.Message):
    __slots__ = ("id", "name", "description", "count", "priority", "created_at_ms", "total_bytes", "flags", "version", "score", "latitude", "weight", "enabled", "shared", "color", "checksum", "updated", "tags", "labels", "owner", "region", "items")
    class LabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_BYTES_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    LATITUDE_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    SHARED_FIELD_NUMBER: _ClassVar[int]
    COLOR_FIELD_NUMBER: _ClassVar[int]
    CHECKSUM_FIELD_NUMBER: _ClassVar[int]
    UPDATED_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    description: str
    count: int
    priority: int
    created_at_ms: int
    total_bytes: int
    flags: int
    version: int
    score: float
    latitude: float
    weight: float
    enabled: bool
    shared: bool
    color: Color
    checksum: bytes
    updated: _timestamp_pb2.Timestamp
    tags: _containers.RepeatedScalarFieldContainer[str]
    labels: _containers.ScalarMap[str, str]
    owner: str
    region: str
    items: _containers.RepeatedCompositeFieldContainer[BenchItem]
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., count: _Optional[int] = ..., priority: _Optional[int] = ..., created_at_ms: _Optional[int] = ..., total_bytes: _Optional[int] = ..., flags: _Optional[int] = ..., version: _Optional[int] = ..., score: _Optional[float] = ..., latitude: _Optional[float] = ..., weight: _Optional[float] = ..., enabled: _Optional[bool] = ..., shared: _Optional[bool] = ..., color: _Optional[_Union[Color, str]] = ..., checksum: _Optional[bytes] = ..., updated: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., tags: _Optional[_Iterable[str]] = ..., labels: _Optional[_Mapping[str, str]] = ..., owner: _Optional[str] = ..., region: _Optional[str] = ..., items: _Optional[_Iterable[_Union[BenchItem, _Mapping]]] = ...) -> None: ...
