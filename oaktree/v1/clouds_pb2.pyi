from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from oaktree.v1 import location_pb2 as _location_pb2
from protoc_gen_openapiv2.options import annotations_pb2 as _annotations_pb2_1
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Cloud(_message.Message):
    __slots__ = ("name", "regions", "auth_url", "auth_type", "project")
    NAME_FIELD_NUMBER: _ClassVar[int]
    REGIONS_FIELD_NUMBER: _ClassVar[int]
    AUTH_URL_FIELD_NUMBER: _ClassVar[int]
    AUTH_TYPE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    name: str
    regions: _containers.RepeatedScalarFieldContainer[str]
    auth_url: str
    auth_type: str
    project: _location_pb2.Project
    def __init__(self, name: _Optional[str] = ..., regions: _Optional[_Iterable[str]] = ..., auth_url: _Optional[str] = ..., auth_type: _Optional[str] = ..., project: _Optional[_Union[_location_pb2.Project, _Mapping]] = ...) -> None: ...

class ListCloudsRequest(_message.Message):
    __slots__ = ("cloud",)
    CLOUD_FIELD_NUMBER: _ClassVar[int]
    cloud: str
    def __init__(self, cloud: _Optional[str] = ...) -> None: ...

class ListCloudsResponse(_message.Message):
    __slots__ = ("clouds",)
    CLOUDS_FIELD_NUMBER: _ClassVar[int]
    clouds: _containers.RepeatedCompositeFieldContainer[Cloud]
    def __init__(self, clouds: _Optional[_Iterable[_Union[Cloud, _Mapping]]] = ...) -> None: ...
