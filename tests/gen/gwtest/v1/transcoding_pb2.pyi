import datetime

from google.api import annotations_pb2 as _annotations_pb2
from google.api import httpbody_pb2 as _httpbody_pb2
from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import empty_pb2 as _empty_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf import wrappers_pb2 as _wrappers_pb2
from protoc_gen_openapiv2.options import annotations_pb2 as _annotations_pb2_1
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Hue(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    HUE_UNSPECIFIED: _ClassVar[Hue]
    HUE_RED: _ClassVar[Hue]
    HUE_GREEN: _ClassVar[Hue]
HUE_UNSPECIFIED: Hue
HUE_RED: Hue
HUE_GREEN: Hue

class Inner(_message.Message):
    __slots__ = ("id", "size", "hue", "child")
    ID_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    HUE_FIELD_NUMBER: _ClassVar[int]
    CHILD_FIELD_NUMBER: _ClassVar[int]
    id: str
    size: int
    hue: Hue
    child: Inner
    def __init__(self, id: _Optional[str] = ..., size: _Optional[int] = ..., hue: _Optional[_Union[Hue, str]] = ..., child: _Optional[_Union[Inner, _Mapping]] = ...) -> None: ...

class Everything(_message.Message):
    __slots__ = ("name", "int32_value", "int64_value", "uint64_value", "double_value", "float_value", "bool_value", "bytes_value", "hue", "tags", "numbers", "hues", "inner", "labels", "counts", "when", "timeout", "mask", "maybe_name", "maybe_size", "maybe_flag", "opt_value", "choice_a", "choice_b", "json_named", "extra", "items", "uint32_value", "sint64_value", "fixed64_value", "blobs", "hue_map")
    class LabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class CountsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: int
        def __init__(self, key: _Optional[int] = ..., value: _Optional[int] = ...) -> None: ...
    class HueMapEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: Hue
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[Hue, str]] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    INT32_VALUE_FIELD_NUMBER: _ClassVar[int]
    INT64_VALUE_FIELD_NUMBER: _ClassVar[int]
    UINT64_VALUE_FIELD_NUMBER: _ClassVar[int]
    DOUBLE_VALUE_FIELD_NUMBER: _ClassVar[int]
    FLOAT_VALUE_FIELD_NUMBER: _ClassVar[int]
    BOOL_VALUE_FIELD_NUMBER: _ClassVar[int]
    BYTES_VALUE_FIELD_NUMBER: _ClassVar[int]
    HUE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    NUMBERS_FIELD_NUMBER: _ClassVar[int]
    HUES_FIELD_NUMBER: _ClassVar[int]
    INNER_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    WHEN_FIELD_NUMBER: _ClassVar[int]
    TIMEOUT_FIELD_NUMBER: _ClassVar[int]
    MASK_FIELD_NUMBER: _ClassVar[int]
    MAYBE_NAME_FIELD_NUMBER: _ClassVar[int]
    MAYBE_SIZE_FIELD_NUMBER: _ClassVar[int]
    MAYBE_FLAG_FIELD_NUMBER: _ClassVar[int]
    OPT_VALUE_FIELD_NUMBER: _ClassVar[int]
    CHOICE_A_FIELD_NUMBER: _ClassVar[int]
    CHOICE_B_FIELD_NUMBER: _ClassVar[int]
    JSON_NAMED_FIELD_NUMBER: _ClassVar[int]
    EXTRA_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    UINT32_VALUE_FIELD_NUMBER: _ClassVar[int]
    SINT64_VALUE_FIELD_NUMBER: _ClassVar[int]
    FIXED64_VALUE_FIELD_NUMBER: _ClassVar[int]
    BLOBS_FIELD_NUMBER: _ClassVar[int]
    HUE_MAP_FIELD_NUMBER: _ClassVar[int]
    name: str
    int32_value: int
    int64_value: int
    uint64_value: int
    double_value: float
    float_value: float
    bool_value: bool
    bytes_value: bytes
    hue: Hue
    tags: _containers.RepeatedScalarFieldContainer[str]
    numbers: _containers.RepeatedScalarFieldContainer[int]
    hues: _containers.RepeatedScalarFieldContainer[Hue]
    inner: Inner
    labels: _containers.ScalarMap[str, str]
    counts: _containers.ScalarMap[int, int]
    when: _timestamp_pb2.Timestamp
    timeout: _duration_pb2.Duration
    mask: _field_mask_pb2.FieldMask
    maybe_name: _wrappers_pb2.StringValue
    maybe_size: _wrappers_pb2.Int64Value
    maybe_flag: _wrappers_pb2.BoolValue
    opt_value: int
    choice_a: str
    choice_b: int
    json_named: str
    extra: _struct_pb2.Struct
    items: _containers.RepeatedCompositeFieldContainer[Inner]
    uint32_value: int
    sint64_value: int
    fixed64_value: int
    blobs: _containers.RepeatedScalarFieldContainer[bytes]
    hue_map: _containers.ScalarMap[str, Hue]
    def __init__(self, name: _Optional[str] = ..., int32_value: _Optional[int] = ..., int64_value: _Optional[int] = ..., uint64_value: _Optional[int] = ..., double_value: _Optional[float] = ..., float_value: _Optional[float] = ..., bool_value: _Optional[bool] = ..., bytes_value: _Optional[bytes] = ..., hue: _Optional[_Union[Hue, str]] = ..., tags: _Optional[_Iterable[str]] = ..., numbers: _Optional[_Iterable[int]] = ..., hues: _Optional[_Iterable[_Union[Hue, str]]] = ..., inner: _Optional[_Union[Inner, _Mapping]] = ..., labels: _Optional[_Mapping[str, str]] = ..., counts: _Optional[_Mapping[int, int]] = ..., when: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., timeout: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ..., maybe_name: _Optional[_Union[_wrappers_pb2.StringValue, _Mapping]] = ..., maybe_size: _Optional[_Union[_wrappers_pb2.Int64Value, _Mapping]] = ..., maybe_flag: _Optional[_Union[_wrappers_pb2.BoolValue, _Mapping]] = ..., opt_value: _Optional[int] = ..., choice_a: _Optional[str] = ..., choice_b: _Optional[int] = ..., json_named: _Optional[str] = ..., extra: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., items: _Optional[_Iterable[_Union[Inner, _Mapping]]] = ..., uint32_value: _Optional[int] = ..., sint64_value: _Optional[int] = ..., fixed64_value: _Optional[int] = ..., blobs: _Optional[_Iterable[bytes]] = ..., hue_map: _Optional[_Mapping[str, Hue]] = ...) -> None: ...

class Book(_message.Message):
    __slots__ = ("name", "title", "pages", "published")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PAGES_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_FIELD_NUMBER: _ClassVar[int]
    name: str
    title: str
    pages: int
    published: _timestamp_pb2.Timestamp
    def __init__(self, name: _Optional[str] = ..., title: _Optional[str] = ..., pages: _Optional[int] = ..., published: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class GetBookRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class CreateBookRequest(_message.Message):
    __slots__ = ("parent", "book_id", "book")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    BOOK_ID_FIELD_NUMBER: _ClassVar[int]
    BOOK_FIELD_NUMBER: _ClassVar[int]
    parent: str
    book_id: str
    book: Book
    def __init__(self, parent: _Optional[str] = ..., book_id: _Optional[str] = ..., book: _Optional[_Union[Book, _Mapping]] = ...) -> None: ...

class UpdateBookRequest(_message.Message):
    __slots__ = ("book", "update_mask")
    BOOK_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    book: Book
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, book: _Optional[_Union[Book, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class DeleteBookRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ArchiveBookRequest(_message.Message):
    __slots__ = ("name", "reason")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    name: str
    reason: str
    def __init__(self, name: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ListBooksRequest(_message.Message):
    __slots__ = ("parent", "page_size")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    parent: str
    page_size: int
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ...) -> None: ...

class ListBooksResponse(_message.Message):
    __slots__ = ("books", "next_page_token")
    BOOKS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    books: _containers.RepeatedCompositeFieldContainer[Book]
    next_page_token: str
    def __init__(self, books: _Optional[_Iterable[_Union[Book, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class StreamBooksRequest(_message.Message):
    __slots__ = ("parent", "count", "fail_after", "fail_code", "interval")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    FAIL_AFTER_FIELD_NUMBER: _ClassVar[int]
    FAIL_CODE_FIELD_NUMBER: _ClassVar[int]
    INTERVAL_FIELD_NUMBER: _ClassVar[int]
    parent: str
    count: int
    fail_after: int
    fail_code: int
    interval: _duration_pb2.Duration
    def __init__(self, parent: _Optional[str] = ..., count: _Optional[int] = ..., fail_after: _Optional[int] = ..., fail_code: _Optional[int] = ..., interval: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class CollectBooksResponse(_message.Message):
    __slots__ = ("titles", "total_pages")
    TITLES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_PAGES_FIELD_NUMBER: _ClassVar[int]
    titles: _containers.RepeatedScalarFieldContainer[str]
    total_pages: int
    def __init__(self, titles: _Optional[_Iterable[str]] = ..., total_pages: _Optional[int] = ...) -> None: ...

class UploadRequest(_message.Message):
    __slots__ = ("name", "chunk")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    name: str
    chunk: _httpbody_pb2.HttpBody
    def __init__(self, name: _Optional[str] = ..., chunk: _Optional[_Union[_httpbody_pb2.HttpBody, _Mapping]] = ...) -> None: ...

class UploadResponse(_message.Message):
    __slots__ = ("name", "size", "chunks", "content_type", "sha256")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    CHUNKS_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    name: str
    size: int
    chunks: int
    content_type: str
    sha256: str
    def __init__(self, name: _Optional[str] = ..., size: _Optional[int] = ..., chunks: _Optional[int] = ..., content_type: _Optional[str] = ..., sha256: _Optional[str] = ...) -> None: ...

class DownloadRequest(_message.Message):
    __slots__ = ("name", "chunks")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CHUNKS_FIELD_NUMBER: _ClassVar[int]
    name: str
    chunks: int
    def __init__(self, name: _Optional[str] = ..., chunks: _Optional[int] = ...) -> None: ...

class FetchFileRequest(_message.Message):
    __slots__ = ("path",)
    PATH_FIELD_NUMBER: _ClassVar[int]
    path: str
    def __init__(self, path: _Optional[str] = ...) -> None: ...

class FailRequest(_message.Message):
    __slots__ = ("code", "message", "with_details", "via_set_code", "crash")
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    WITH_DETAILS_FIELD_NUMBER: _ClassVar[int]
    VIA_SET_CODE_FIELD_NUMBER: _ClassVar[int]
    CRASH_FIELD_NUMBER: _ClassVar[int]
    code: int
    message: str
    with_details: bool
    via_set_code: bool
    crash: bool
    def __init__(self, code: _Optional[int] = ..., message: _Optional[str] = ..., with_details: _Optional[bool] = ..., via_set_code: _Optional[bool] = ..., crash: _Optional[bool] = ...) -> None: ...

class MetadataReply(_message.Message):
    __slots__ = ("metadata", "time_remaining", "peer")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    METADATA_FIELD_NUMBER: _ClassVar[int]
    TIME_REMAINING_FIELD_NUMBER: _ClassVar[int]
    PEER_FIELD_NUMBER: _ClassVar[int]
    metadata: _containers.ScalarMap[str, str]
    time_remaining: float
    peer: str
    def __init__(self, metadata: _Optional[_Mapping[str, str]] = ..., time_remaining: _Optional[float] = ..., peer: _Optional[str] = ...) -> None: ...

class SearchRequest(_message.Message):
    __slots__ = ("query",)
    QUERY_FIELD_NUMBER: _ClassVar[int]
    query: str
    def __init__(self, query: _Optional[str] = ...) -> None: ...
