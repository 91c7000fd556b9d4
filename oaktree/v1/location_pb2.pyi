from google.rpc import status_pb2 as _status_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Project(_message.Message):
    __slots__ = ("id", "name", "domain_id", "domain_name")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DOMAIN_ID_FIELD_NUMBER: _ClassVar[int]
    DOMAIN_NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    domain_id: str
    domain_name: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., domain_id: _Optional[str] = ..., domain_name: _Optional[str] = ...) -> None: ...

class Location(_message.Message):
    __slots__ = ("cloud", "region", "zone", "project")
    CLOUD_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    ZONE_FIELD_NUMBER: _ClassVar[int]
    PROJECT_FIELD_NUMBER: _ClassVar[int]
    cloud: str
    region: str
    zone: str
    project: Project
    def __init__(self, cloud: _Optional[str] = ..., region: _Optional[str] = ..., zone: _Optional[str] = ..., project: _Optional[_Union[Project, _Mapping]] = ...) -> None: ...

class LocationError(_message.Message):
    __slots__ = ("location", "status")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    location: Location
    status: _status_pb2.Status
    def __init__(self, location: _Optional[_Union[Location, _Mapping]] = ..., status: _Optional[_Union[_status_pb2.Status, _Mapping]] = ...) -> None: ...
