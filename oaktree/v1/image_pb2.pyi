import datetime

from google.api import annotations_pb2 as _annotations_pb2
from google.api import httpbody_pb2 as _httpbody_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import empty_pb2 as _empty_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oaktree.v1 import location_pb2 as _location_pb2
from protoc_gen_openapiv2.options import annotations_pb2 as _annotations_pb2_1
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ImageStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    IMAGE_STATUS_UNSPECIFIED: _ClassVar[ImageStatus]
    IMAGE_STATUS_QUEUED: _ClassVar[ImageStatus]
    IMAGE_STATUS_SAVING: _ClassVar[ImageStatus]
    IMAGE_STATUS_UPLOADING: _ClassVar[ImageStatus]
    IMAGE_STATUS_IMPORTING: _ClassVar[ImageStatus]
    IMAGE_STATUS_ACTIVE: _ClassVar[ImageStatus]
    IMAGE_STATUS_KILLED: _ClassVar[ImageStatus]
    IMAGE_STATUS_DELETED: _ClassVar[ImageStatus]
    IMAGE_STATUS_PENDING_DELETE: _ClassVar[ImageStatus]
    IMAGE_STATUS_DEACTIVATED: _ClassVar[ImageStatus]

class ImageVisibility(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    IMAGE_VISIBILITY_UNSPECIFIED: _ClassVar[ImageVisibility]
    IMAGE_VISIBILITY_PUBLIC: _ClassVar[ImageVisibility]
    IMAGE_VISIBILITY_PRIVATE: _ClassVar[ImageVisibility]
    IMAGE_VISIBILITY_SHARED: _ClassVar[ImageVisibility]
    IMAGE_VISIBILITY_COMMUNITY: _ClassVar[ImageVisibility]

class ImageUploadMethod(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    IMAGE_UPLOAD_METHOD_UNSPECIFIED: _ClassVar[ImageUploadMethod]
    IMAGE_UPLOAD_METHOD_PUT: _ClassVar[ImageUploadMethod]
    IMAGE_UPLOAD_METHOD_GLANCE_DIRECT: _ClassVar[ImageUploadMethod]
IMAGE_STATUS_UNSPECIFIED: ImageStatus
IMAGE_STATUS_QUEUED: ImageStatus
IMAGE_STATUS_SAVING: ImageStatus
IMAGE_STATUS_UPLOADING: ImageStatus
IMAGE_STATUS_IMPORTING: ImageStatus
IMAGE_STATUS_ACTIVE: ImageStatus
IMAGE_STATUS_KILLED: ImageStatus
IMAGE_STATUS_DELETED: ImageStatus
IMAGE_STATUS_PENDING_DELETE: ImageStatus
IMAGE_STATUS_DEACTIVATED: ImageStatus
IMAGE_VISIBILITY_UNSPECIFIED: ImageVisibility
IMAGE_VISIBILITY_PUBLIC: ImageVisibility
IMAGE_VISIBILITY_PRIVATE: ImageVisibility
IMAGE_VISIBILITY_SHARED: ImageVisibility
IMAGE_VISIBILITY_COMMUNITY: ImageVisibility
IMAGE_UPLOAD_METHOD_UNSPECIFIED: ImageUploadMethod
IMAGE_UPLOAD_METHOD_PUT: ImageUploadMethod
IMAGE_UPLOAD_METHOD_GLANCE_DIRECT: ImageUploadMethod

class Image(_message.Message):
    __slots__ = ("location", "id", "name", "status", "visibility", "is_protected", "disk_format", "container_format", "size", "virtual_size", "min_disk", "min_ram", "checksum", "hash_algo", "hash_value", "tags", "create_time", "update_time", "properties")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    IS_PROTECTED_FIELD_NUMBER: _ClassVar[int]
    DISK_FORMAT_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_FORMAT_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    VIRTUAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    MIN_DISK_FIELD_NUMBER: _ClassVar[int]
    MIN_RAM_FIELD_NUMBER: _ClassVar[int]
    CHECKSUM_FIELD_NUMBER: _ClassVar[int]
    HASH_ALGO_FIELD_NUMBER: _ClassVar[int]
    HASH_VALUE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    id: str
    name: str
    status: ImageStatus
    visibility: ImageVisibility
    is_protected: bool
    disk_format: str
    container_format: str
    size: int
    virtual_size: int
    min_disk: int
    min_ram: int
    checksum: str
    hash_algo: str
    hash_value: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    properties: _struct_pb2.Struct
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., id: _Optional[str] = ..., name: _Optional[str] = ..., status: _Optional[_Union[ImageStatus, str]] = ..., visibility: _Optional[_Union[ImageVisibility, str]] = ..., is_protected: _Optional[bool] = ..., disk_format: _Optional[str] = ..., container_format: _Optional[str] = ..., size: _Optional[int] = ..., virtual_size: _Optional[int] = ..., min_disk: _Optional[int] = ..., min_ram: _Optional[int] = ..., checksum: _Optional[str] = ..., hash_algo: _Optional[str] = ..., hash_value: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., properties: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ListImagesRequest(_message.Message):
    __slots__ = ("location", "name_or_id", "filters", "page_size", "page_token")
    class FiltersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_OR_ID_FIELD_NUMBER: _ClassVar[int]
    FILTERS_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name_or_id: str
    filters: _containers.ScalarMap[str, str]
    page_size: int
    page_token: str
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name_or_id: _Optional[str] = ..., filters: _Optional[_Mapping[str, str]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListImagesResponse(_message.Message):
    __slots__ = ("images", "errors", "next_page_token")
    IMAGES_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    images: _containers.RepeatedCompositeFieldContainer[Image]
    errors: _containers.RepeatedCompositeFieldContainer[_location_pb2.LocationError]
    next_page_token: str
    def __init__(self, images: _Optional[_Iterable[_Union[Image, _Mapping]]] = ..., errors: _Optional[_Iterable[_Union[_location_pb2.LocationError, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetImageRequest(_message.Message):
    __slots__ = ("location", "name_or_id")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_OR_ID_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name_or_id: str
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name_or_id: _Optional[str] = ...) -> None: ...

class ImageSpec(_message.Message):
    __slots__ = ("name", "disk_format", "container_format", "visibility", "min_disk", "min_ram", "tags", "is_protected", "properties", "upload_method")
    class PropertiesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISK_FORMAT_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_FORMAT_FIELD_NUMBER: _ClassVar[int]
    VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    MIN_DISK_FIELD_NUMBER: _ClassVar[int]
    MIN_RAM_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    IS_PROTECTED_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    UPLOAD_METHOD_FIELD_NUMBER: _ClassVar[int]
    name: str
    disk_format: str
    container_format: str
    visibility: ImageVisibility
    min_disk: int
    min_ram: int
    tags: _containers.RepeatedScalarFieldContainer[str]
    is_protected: bool
    properties: _containers.ScalarMap[str, str]
    upload_method: ImageUploadMethod
    def __init__(self, name: _Optional[str] = ..., disk_format: _Optional[str] = ..., container_format: _Optional[str] = ..., visibility: _Optional[_Union[ImageVisibility, str]] = ..., min_disk: _Optional[int] = ..., min_ram: _Optional[int] = ..., tags: _Optional[_Iterable[str]] = ..., is_protected: _Optional[bool] = ..., properties: _Optional[_Mapping[str, str]] = ..., upload_method: _Optional[_Union[ImageUploadMethod, str]] = ...) -> None: ...

class UploadImageRequest(_message.Message):
    __slots__ = ("location", "spec", "data")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    spec: ImageSpec
    data: _httpbody_pb2.HttpBody
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., spec: _Optional[_Union[ImageSpec, _Mapping]] = ..., data: _Optional[_Union[_httpbody_pb2.HttpBody, _Mapping]] = ...) -> None: ...

class CreateImageRequest(_message.Message):
    __slots__ = ("location", "spec", "source_uri")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    SOURCE_URI_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    spec: ImageSpec
    source_uri: str
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., spec: _Optional[_Union[ImageSpec, _Mapping]] = ..., source_uri: _Optional[str] = ...) -> None: ...

class DeleteImageRequest(_message.Message):
    __slots__ = ("location", "name_or_id")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_OR_ID_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name_or_id: str
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name_or_id: _Optional[str] = ...) -> None: ...

class DownloadImageRequest(_message.Message):
    __slots__ = ("location", "name_or_id")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_OR_ID_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name_or_id: str
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name_or_id: _Optional[str] = ...) -> None: ...
