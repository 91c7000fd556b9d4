import datetime

from google.api import annotations_pb2 as _annotations_pb2
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

class FloatingIpStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FLOATING_IP_STATUS_UNSPECIFIED: _ClassVar[FloatingIpStatus]
    FLOATING_IP_STATUS_ACTIVE: _ClassVar[FloatingIpStatus]
    FLOATING_IP_STATUS_DOWN: _ClassVar[FloatingIpStatus]
    FLOATING_IP_STATUS_ERROR: _ClassVar[FloatingIpStatus]
FLOATING_IP_STATUS_UNSPECIFIED: FloatingIpStatus
FLOATING_IP_STATUS_ACTIVE: FloatingIpStatus
FLOATING_IP_STATUS_DOWN: FloatingIpStatus
FLOATING_IP_STATUS_ERROR: FloatingIpStatus

class FloatingIp(_message.Message):
    __slots__ = ("location", "id", "floating_ip_address", "fixed_ip_address", "network_id", "port_id", "router_id", "is_attached", "status", "description", "create_time", "update_time", "properties")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    FLOATING_IP_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    FIXED_IP_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    NETWORK_ID_FIELD_NUMBER: _ClassVar[int]
    PORT_ID_FIELD_NUMBER: _ClassVar[int]
    ROUTER_ID_FIELD_NUMBER: _ClassVar[int]
    IS_ATTACHED_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    id: str
    floating_ip_address: str
    fixed_ip_address: str
    network_id: str
    port_id: str
    router_id: str
    is_attached: bool
    status: FloatingIpStatus
    description: str
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    properties: _struct_pb2.Struct
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., id: _Optional[str] = ..., floating_ip_address: _Optional[str] = ..., fixed_ip_address: _Optional[str] = ..., network_id: _Optional[str] = ..., port_id: _Optional[str] = ..., router_id: _Optional[str] = ..., is_attached: _Optional[bool] = ..., status: _Optional[_Union[FloatingIpStatus, str]] = ..., description: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., properties: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ListFloatingIpsRequest(_message.Message):
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

class ListFloatingIpsResponse(_message.Message):
    __slots__ = ("floating_ips", "errors", "next_page_token")
    FLOATING_IPS_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    floating_ips: _containers.RepeatedCompositeFieldContainer[FloatingIp]
    errors: _containers.RepeatedCompositeFieldContainer[_location_pb2.LocationError]
    next_page_token: str
    def __init__(self, floating_ips: _Optional[_Iterable[_Union[FloatingIp, _Mapping]]] = ..., errors: _Optional[_Iterable[_Union[_location_pb2.LocationError, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetFloatingIpRequest(_message.Message):
    __slots__ = ("location", "name_or_id")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_OR_ID_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name_or_id: str
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name_or_id: _Optional[str] = ...) -> None: ...

class CreateFloatingIpRequest(_message.Message):
    __slots__ = ("location", "network", "server", "fixed_address", "nat_destination", "port", "wait")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    SERVER_FIELD_NUMBER: _ClassVar[int]
    FIXED_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    NAT_DESTINATION_FIELD_NUMBER: _ClassVar[int]
    PORT_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    network: str
    server: str
    fixed_address: str
    nat_destination: str
    port: str
    wait: bool
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., network: _Optional[str] = ..., server: _Optional[str] = ..., fixed_address: _Optional[str] = ..., nat_destination: _Optional[str] = ..., port: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class AttachFloatingIpRequest(_message.Message):
    __slots__ = ("location", "name_or_id", "server", "fixed_address", "nat_destination", "wait")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_OR_ID_FIELD_NUMBER: _ClassVar[int]
    SERVER_FIELD_NUMBER: _ClassVar[int]
    FIXED_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    NAT_DESTINATION_FIELD_NUMBER: _ClassVar[int]
    WAIT_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name_or_id: str
    server: str
    fixed_address: str
    nat_destination: str
    wait: bool
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name_or_id: _Optional[str] = ..., server: _Optional[str] = ..., fixed_address: _Optional[str] = ..., nat_destination: _Optional[str] = ..., wait: _Optional[bool] = ...) -> None: ...

class DetachFloatingIpRequest(_message.Message):
    __slots__ = ("location", "name_or_id")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_OR_ID_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name_or_id: str
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name_or_id: _Optional[str] = ...) -> None: ...

class DeleteFloatingIpRequest(_message.Message):
    __slots__ = ("location", "name_or_id", "retry")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_OR_ID_FIELD_NUMBER: _ClassVar[int]
    RETRY_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name_or_id: str
    retry: int
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name_or_id: _Optional[str] = ..., retry: _Optional[int] = ...) -> None: ...

class DeleteUnattachedFloatingIpsRequest(_message.Message):
    __slots__ = ("location", "dry_run", "retry")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    RETRY_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    dry_run: bool
    retry: int
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., dry_run: _Optional[bool] = ..., retry: _Optional[int] = ...) -> None: ...

class DeleteUnattachedFloatingIpsResponse(_message.Message):
    __slots__ = ("floating_ips", "errors", "dry_run")
    FLOATING_IPS_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    floating_ips: _containers.RepeatedCompositeFieldContainer[FloatingIp]
    errors: _containers.RepeatedCompositeFieldContainer[_location_pb2.LocationError]
    dry_run: bool
    def __init__(self, floating_ips: _Optional[_Iterable[_Union[FloatingIp, _Mapping]]] = ..., errors: _Optional[_Iterable[_Union[_location_pb2.LocationError, _Mapping]]] = ..., dry_run: _Optional[bool] = ...) -> None: ...
