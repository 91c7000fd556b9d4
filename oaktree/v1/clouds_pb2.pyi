import datetime

from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.rpc import status_pb2 as _status_pb2
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

class GetCapabilitiesRequest(_message.Message):
    __slots__ = ("location", "refresh")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    REFRESH_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    refresh: bool
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., refresh: _Optional[bool] = ...) -> None: ...

class GetCapabilitiesResponse(_message.Message):
    __slots__ = ("capabilities", "errors")
    CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    capabilities: _containers.RepeatedCompositeFieldContainer[Capabilities]
    errors: _containers.RepeatedCompositeFieldContainer[_location_pb2.LocationError]
    def __init__(self, capabilities: _Optional[_Iterable[_Union[Capabilities, _Mapping]]] = ..., errors: _Optional[_Iterable[_Union[_location_pb2.LocationError, _Mapping]]] = ...) -> None: ...

class Capabilities(_message.Message):
    __slots__ = ("location", "services", "image", "network", "object_store", "quotas", "problems", "fetch_time")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    OBJECT_STORE_FIELD_NUMBER: _ClassVar[int]
    QUOTAS_FIELD_NUMBER: _ClassVar[int]
    PROBLEMS_FIELD_NUMBER: _ClassVar[int]
    FETCH_TIME_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    services: _containers.RepeatedCompositeFieldContainer[ServiceCapability]
    image: ImageCapabilities
    network: NetworkCapabilities
    object_store: ObjectStoreCapabilities
    quotas: _containers.RepeatedCompositeFieldContainer[QuotaLimit]
    problems: _containers.RepeatedCompositeFieldContainer[CapabilityProblem]
    fetch_time: _timestamp_pb2.Timestamp
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., services: _Optional[_Iterable[_Union[ServiceCapability, _Mapping]]] = ..., image: _Optional[_Union[ImageCapabilities, _Mapping]] = ..., network: _Optional[_Union[NetworkCapabilities, _Mapping]] = ..., object_store: _Optional[_Union[ObjectStoreCapabilities, _Mapping]] = ..., quotas: _Optional[_Iterable[_Union[QuotaLimit, _Mapping]]] = ..., problems: _Optional[_Iterable[_Union[CapabilityProblem, _Mapping]]] = ..., fetch_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ServiceCapability(_message.Message):
    __slots__ = ("type", "name", "endpoint", "versions")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ENDPOINT_FIELD_NUMBER: _ClassVar[int]
    VERSIONS_FIELD_NUMBER: _ClassVar[int]
    type: str
    name: str
    endpoint: str
    versions: _containers.RepeatedCompositeFieldContainer[ApiVersion]
    def __init__(self, type: _Optional[str] = ..., name: _Optional[str] = ..., endpoint: _Optional[str] = ..., versions: _Optional[_Iterable[_Union[ApiVersion, _Mapping]]] = ...) -> None: ...

class ApiVersion(_message.Message):
    __slots__ = ("version", "status", "min_microversion", "max_microversion")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    MIN_MICROVERSION_FIELD_NUMBER: _ClassVar[int]
    MAX_MICROVERSION_FIELD_NUMBER: _ClassVar[int]
    version: str
    status: str
    min_microversion: str
    max_microversion: str
    def __init__(self, version: _Optional[str] = ..., status: _Optional[str] = ..., min_microversion: _Optional[str] = ..., max_microversion: _Optional[str] = ...) -> None: ...

class ImageCapabilities(_message.Message):
    __slots__ = ("disk_formats", "container_formats", "import_methods", "default_disk_format", "uses_tasks")
    DISK_FORMATS_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_FORMATS_FIELD_NUMBER: _ClassVar[int]
    IMPORT_METHODS_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_DISK_FORMAT_FIELD_NUMBER: _ClassVar[int]
    USES_TASKS_FIELD_NUMBER: _ClassVar[int]
    disk_formats: _containers.RepeatedScalarFieldContainer[str]
    container_formats: _containers.RepeatedScalarFieldContainer[str]
    import_methods: _containers.RepeatedScalarFieldContainer[str]
    default_disk_format: str
    uses_tasks: bool
    def __init__(self, disk_formats: _Optional[_Iterable[str]] = ..., container_formats: _Optional[_Iterable[str]] = ..., import_methods: _Optional[_Iterable[str]] = ..., default_disk_format: _Optional[str] = ..., uses_tasks: _Optional[bool] = ...) -> None: ...

class NetworkCapabilities(_message.Message):
    __slots__ = ("floating_ip_source", "external_networks", "internal_networks", "nat_source", "nat_destination", "default_network")
    FLOATING_IP_SOURCE_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_NETWORKS_FIELD_NUMBER: _ClassVar[int]
    INTERNAL_NETWORKS_FIELD_NUMBER: _ClassVar[int]
    NAT_SOURCE_FIELD_NUMBER: _ClassVar[int]
    NAT_DESTINATION_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_NETWORK_FIELD_NUMBER: _ClassVar[int]
    floating_ip_source: str
    external_networks: _containers.RepeatedCompositeFieldContainer[NetworkRef]
    internal_networks: _containers.RepeatedCompositeFieldContainer[NetworkRef]
    nat_source: NetworkRef
    nat_destination: NetworkRef
    default_network: NetworkRef
    def __init__(self, floating_ip_source: _Optional[str] = ..., external_networks: _Optional[_Iterable[_Union[NetworkRef, _Mapping]]] = ..., internal_networks: _Optional[_Iterable[_Union[NetworkRef, _Mapping]]] = ..., nat_source: _Optional[_Union[NetworkRef, _Mapping]] = ..., nat_destination: _Optional[_Union[NetworkRef, _Mapping]] = ..., default_network: _Optional[_Union[NetworkRef, _Mapping]] = ...) -> None: ...

class NetworkRef(_message.Message):
    __slots__ = ("id", "name")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class ObjectStoreCapabilities(_message.Message):
    __slots__ = ("max_file_size", "max_object_name_length", "container_listing_limit", "slo", "slo_max_manifest_segments", "slo_max_manifest_size", "slo_min_segment_size", "tempurl", "tempurl_digests", "info")
    MAX_FILE_SIZE_FIELD_NUMBER: _ClassVar[int]
    MAX_OBJECT_NAME_LENGTH_FIELD_NUMBER: _ClassVar[int]
    CONTAINER_LISTING_LIMIT_FIELD_NUMBER: _ClassVar[int]
    SLO_FIELD_NUMBER: _ClassVar[int]
    SLO_MAX_MANIFEST_SEGMENTS_FIELD_NUMBER: _ClassVar[int]
    SLO_MAX_MANIFEST_SIZE_FIELD_NUMBER: _ClassVar[int]
    SLO_MIN_SEGMENT_SIZE_FIELD_NUMBER: _ClassVar[int]
    TEMPURL_FIELD_NUMBER: _ClassVar[int]
    TEMPURL_DIGESTS_FIELD_NUMBER: _ClassVar[int]
    INFO_FIELD_NUMBER: _ClassVar[int]
    max_file_size: int
    max_object_name_length: int
    container_listing_limit: int
    slo: bool
    slo_max_manifest_segments: int
    slo_max_manifest_size: int
    slo_min_segment_size: int
    tempurl: bool
    tempurl_digests: _containers.RepeatedScalarFieldContainer[str]
    info: _struct_pb2.Struct
    def __init__(self, max_file_size: _Optional[int] = ..., max_object_name_length: _Optional[int] = ..., container_listing_limit: _Optional[int] = ..., slo: _Optional[bool] = ..., slo_max_manifest_segments: _Optional[int] = ..., slo_max_manifest_size: _Optional[int] = ..., slo_min_segment_size: _Optional[int] = ..., tempurl: _Optional[bool] = ..., tempurl_digests: _Optional[_Iterable[str]] = ..., info: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class QuotaLimit(_message.Message):
    __slots__ = ("service", "resource", "limit", "used")
    SERVICE_FIELD_NUMBER: _ClassVar[int]
    RESOURCE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    USED_FIELD_NUMBER: _ClassVar[int]
    service: str
    resource: str
    limit: int
    used: int
    def __init__(self, service: _Optional[str] = ..., resource: _Optional[str] = ..., limit: _Optional[int] = ..., used: _Optional[int] = ...) -> None: ...

class CapabilityProblem(_message.Message):
    __slots__ = ("section", "status")
    SECTION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    section: str
    status: _status_pb2.Status
    def __init__(self, section: _Optional[str] = ..., status: _Optional[_Union[_status_pb2.Status, _Mapping]] = ...) -> None: ...
