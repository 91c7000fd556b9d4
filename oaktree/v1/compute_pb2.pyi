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

class ServerStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SERVER_STATUS_UNSPECIFIED: _ClassVar[ServerStatus]
    SERVER_STATUS_ACTIVE: _ClassVar[ServerStatus]
    SERVER_STATUS_BUILD: _ClassVar[ServerStatus]
    SERVER_STATUS_DELETED: _ClassVar[ServerStatus]
    SERVER_STATUS_ERROR: _ClassVar[ServerStatus]
    SERVER_STATUS_HARD_REBOOT: _ClassVar[ServerStatus]
    SERVER_STATUS_MIGRATING: _ClassVar[ServerStatus]
    SERVER_STATUS_PASSWORD: _ClassVar[ServerStatus]
    SERVER_STATUS_PAUSED: _ClassVar[ServerStatus]
    SERVER_STATUS_REBOOT: _ClassVar[ServerStatus]
    SERVER_STATUS_REBUILD: _ClassVar[ServerStatus]
    SERVER_STATUS_RESCUE: _ClassVar[ServerStatus]
    SERVER_STATUS_RESIZE: _ClassVar[ServerStatus]
    SERVER_STATUS_REVERT_RESIZE: _ClassVar[ServerStatus]
    SERVER_STATUS_SHELVED: _ClassVar[ServerStatus]
    SERVER_STATUS_SHELVED_OFFLOADED: _ClassVar[ServerStatus]
    SERVER_STATUS_SHUTOFF: _ClassVar[ServerStatus]
    SERVER_STATUS_SOFT_DELETED: _ClassVar[ServerStatus]
    SERVER_STATUS_SUSPENDED: _ClassVar[ServerStatus]
    SERVER_STATUS_UNKNOWN: _ClassVar[ServerStatus]
    SERVER_STATUS_VERIFY_RESIZE: _ClassVar[ServerStatus]
SERVER_STATUS_UNSPECIFIED: ServerStatus
SERVER_STATUS_ACTIVE: ServerStatus
SERVER_STATUS_BUILD: ServerStatus
SERVER_STATUS_DELETED: ServerStatus
SERVER_STATUS_ERROR: ServerStatus
SERVER_STATUS_HARD_REBOOT: ServerStatus
SERVER_STATUS_MIGRATING: ServerStatus
SERVER_STATUS_PASSWORD: ServerStatus
SERVER_STATUS_PAUSED: ServerStatus
SERVER_STATUS_REBOOT: ServerStatus
SERVER_STATUS_REBUILD: ServerStatus
SERVER_STATUS_RESCUE: ServerStatus
SERVER_STATUS_RESIZE: ServerStatus
SERVER_STATUS_REVERT_RESIZE: ServerStatus
SERVER_STATUS_SHELVED: ServerStatus
SERVER_STATUS_SHELVED_OFFLOADED: ServerStatus
SERVER_STATUS_SHUTOFF: ServerStatus
SERVER_STATUS_SOFT_DELETED: ServerStatus
SERVER_STATUS_SUSPENDED: ServerStatus
SERVER_STATUS_UNKNOWN: ServerStatus
SERVER_STATUS_VERIFY_RESIZE: ServerStatus

class Flavor(_message.Message):
    __slots__ = ("location", "id", "name", "description", "ram", "vcpus", "disk", "ephemeral", "swap", "rxtx_factor", "is_public", "is_disabled", "extra_specs", "properties")
    class ExtraSpecsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    RAM_FIELD_NUMBER: _ClassVar[int]
    VCPUS_FIELD_NUMBER: _ClassVar[int]
    DISK_FIELD_NUMBER: _ClassVar[int]
    EPHEMERAL_FIELD_NUMBER: _ClassVar[int]
    SWAP_FIELD_NUMBER: _ClassVar[int]
    RXTX_FACTOR_FIELD_NUMBER: _ClassVar[int]
    IS_PUBLIC_FIELD_NUMBER: _ClassVar[int]
    IS_DISABLED_FIELD_NUMBER: _ClassVar[int]
    EXTRA_SPECS_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    id: str
    name: str
    description: str
    ram: int
    vcpus: int
    disk: int
    ephemeral: int
    swap: int
    rxtx_factor: float
    is_public: bool
    is_disabled: bool
    extra_specs: _containers.ScalarMap[str, str]
    properties: _struct_pb2.Struct
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., ram: _Optional[int] = ..., vcpus: _Optional[int] = ..., disk: _Optional[int] = ..., ephemeral: _Optional[int] = ..., swap: _Optional[int] = ..., rxtx_factor: _Optional[float] = ..., is_public: _Optional[bool] = ..., is_disabled: _Optional[bool] = ..., extra_specs: _Optional[_Mapping[str, str]] = ..., properties: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ListFlavorsRequest(_message.Message):
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

class ListFlavorsResponse(_message.Message):
    __slots__ = ("flavors", "errors", "next_page_token")
    FLAVORS_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    flavors: _containers.RepeatedCompositeFieldContainer[Flavor]
    errors: _containers.RepeatedCompositeFieldContainer[_location_pb2.LocationError]
    next_page_token: str
    def __init__(self, flavors: _Optional[_Iterable[_Union[Flavor, _Mapping]]] = ..., errors: _Optional[_Iterable[_Union[_location_pb2.LocationError, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetFlavorRequest(_message.Message):
    __slots__ = ("location", "name_or_id")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_OR_ID_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name_or_id: str
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name_or_id: _Optional[str] = ...) -> None: ...

class ServerAddress(_message.Message):
    __slots__ = ("network", "address", "version", "type", "mac_address")
    NETWORK_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    MAC_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    network: str
    address: str
    version: int
    type: str
    mac_address: str
    def __init__(self, network: _Optional[str] = ..., address: _Optional[str] = ..., version: _Optional[int] = ..., type: _Optional[str] = ..., mac_address: _Optional[str] = ...) -> None: ...

class Server(_message.Message):
    __slots__ = ("location", "id", "name", "status", "fault_message", "task_state", "vm_state", "power_state", "progress", "image_id", "flavor_id", "flavor_name", "public_v4", "private_v4", "public_v6", "private_v6", "interface_ip", "addresses", "access_ipv4", "access_ipv6", "key_name", "security_groups", "metadata", "volume_ids", "host_id", "has_config_drive", "create_time", "update_time", "launch_time", "admin_password", "properties")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FAULT_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    TASK_STATE_FIELD_NUMBER: _ClassVar[int]
    VM_STATE_FIELD_NUMBER: _ClassVar[int]
    POWER_STATE_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    IMAGE_ID_FIELD_NUMBER: _ClassVar[int]
    FLAVOR_ID_FIELD_NUMBER: _ClassVar[int]
    FLAVOR_NAME_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_V4_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_V4_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_V6_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_V6_FIELD_NUMBER: _ClassVar[int]
    INTERFACE_IP_FIELD_NUMBER: _ClassVar[int]
    ADDRESSES_FIELD_NUMBER: _ClassVar[int]
    ACCESS_IPV4_FIELD_NUMBER: _ClassVar[int]
    ACCESS_IPV6_FIELD_NUMBER: _ClassVar[int]
    KEY_NAME_FIELD_NUMBER: _ClassVar[int]
    SECURITY_GROUPS_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    VOLUME_IDS_FIELD_NUMBER: _ClassVar[int]
    HOST_ID_FIELD_NUMBER: _ClassVar[int]
    HAS_CONFIG_DRIVE_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    UPDATE_TIME_FIELD_NUMBER: _ClassVar[int]
    LAUNCH_TIME_FIELD_NUMBER: _ClassVar[int]
    ADMIN_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    id: str
    name: str
    status: ServerStatus
    fault_message: str
    task_state: str
    vm_state: str
    power_state: int
    progress: int
    image_id: str
    flavor_id: str
    flavor_name: str
    public_v4: str
    private_v4: str
    public_v6: str
    private_v6: str
    interface_ip: str
    addresses: _containers.RepeatedCompositeFieldContainer[ServerAddress]
    access_ipv4: str
    access_ipv6: str
    key_name: str
    security_groups: _containers.RepeatedScalarFieldContainer[str]
    metadata: _containers.ScalarMap[str, str]
    volume_ids: _containers.RepeatedScalarFieldContainer[str]
    host_id: str
    has_config_drive: bool
    create_time: _timestamp_pb2.Timestamp
    update_time: _timestamp_pb2.Timestamp
    launch_time: _timestamp_pb2.Timestamp
    admin_password: str
    properties: _struct_pb2.Struct
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., id: _Optional[str] = ..., name: _Optional[str] = ..., status: _Optional[_Union[ServerStatus, str]] = ..., fault_message: _Optional[str] = ..., task_state: _Optional[str] = ..., vm_state: _Optional[str] = ..., power_state: _Optional[int] = ..., progress: _Optional[int] = ..., image_id: _Optional[str] = ..., flavor_id: _Optional[str] = ..., flavor_name: _Optional[str] = ..., public_v4: _Optional[str] = ..., private_v4: _Optional[str] = ..., public_v6: _Optional[str] = ..., private_v6: _Optional[str] = ..., interface_ip: _Optional[str] = ..., addresses: _Optional[_Iterable[_Union[ServerAddress, _Mapping]]] = ..., access_ipv4: _Optional[str] = ..., access_ipv6: _Optional[str] = ..., key_name: _Optional[str] = ..., security_groups: _Optional[_Iterable[str]] = ..., metadata: _Optional[_Mapping[str, str]] = ..., volume_ids: _Optional[_Iterable[str]] = ..., host_id: _Optional[str] = ..., has_config_drive: _Optional[bool] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., update_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., launch_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., admin_password: _Optional[str] = ..., properties: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ListServersRequest(_message.Message):
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

class ListServersResponse(_message.Message):
    __slots__ = ("servers", "errors", "next_page_token")
    SERVERS_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    servers: _containers.RepeatedCompositeFieldContainer[Server]
    errors: _containers.RepeatedCompositeFieldContainer[_location_pb2.LocationError]
    next_page_token: str
    def __init__(self, servers: _Optional[_Iterable[_Union[Server, _Mapping]]] = ..., errors: _Optional[_Iterable[_Union[_location_pb2.LocationError, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetServerRequest(_message.Message):
    __slots__ = ("location", "name_or_id")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_OR_ID_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name_or_id: str
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name_or_id: _Optional[str] = ...) -> None: ...

class CreateServerRequest(_message.Message):
    __slots__ = ("location", "name", "image", "flavor", "networks", "security_groups", "key_name", "boot_from_volume", "volume_size", "terminate_volume", "boot_volume", "volumes", "user_data", "metadata", "availability_zone", "auto_ip", "ips", "ip_pool", "reuse_ips", "nat_destination", "group", "config_drive")
    class MetadataEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    FLAVOR_FIELD_NUMBER: _ClassVar[int]
    NETWORKS_FIELD_NUMBER: _ClassVar[int]
    SECURITY_GROUPS_FIELD_NUMBER: _ClassVar[int]
    KEY_NAME_FIELD_NUMBER: _ClassVar[int]
    BOOT_FROM_VOLUME_FIELD_NUMBER: _ClassVar[int]
    VOLUME_SIZE_FIELD_NUMBER: _ClassVar[int]
    TERMINATE_VOLUME_FIELD_NUMBER: _ClassVar[int]
    BOOT_VOLUME_FIELD_NUMBER: _ClassVar[int]
    VOLUMES_FIELD_NUMBER: _ClassVar[int]
    USER_DATA_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    AVAILABILITY_ZONE_FIELD_NUMBER: _ClassVar[int]
    AUTO_IP_FIELD_NUMBER: _ClassVar[int]
    IPS_FIELD_NUMBER: _ClassVar[int]
    IP_POOL_FIELD_NUMBER: _ClassVar[int]
    REUSE_IPS_FIELD_NUMBER: _ClassVar[int]
    NAT_DESTINATION_FIELD_NUMBER: _ClassVar[int]
    GROUP_FIELD_NUMBER: _ClassVar[int]
    CONFIG_DRIVE_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name: str
    image: str
    flavor: str
    networks: _containers.RepeatedScalarFieldContainer[str]
    security_groups: _containers.RepeatedScalarFieldContainer[str]
    key_name: str
    boot_from_volume: bool
    volume_size: int
    terminate_volume: bool
    boot_volume: str
    volumes: _containers.RepeatedScalarFieldContainer[str]
    user_data: str
    metadata: _containers.ScalarMap[str, str]
    availability_zone: str
    auto_ip: bool
    ips: _containers.RepeatedScalarFieldContainer[str]
    ip_pool: str
    reuse_ips: bool
    nat_destination: str
    group: str
    config_drive: bool
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name: _Optional[str] = ..., image: _Optional[str] = ..., flavor: _Optional[str] = ..., networks: _Optional[_Iterable[str]] = ..., security_groups: _Optional[_Iterable[str]] = ..., key_name: _Optional[str] = ..., boot_from_volume: _Optional[bool] = ..., volume_size: _Optional[int] = ..., terminate_volume: _Optional[bool] = ..., boot_volume: _Optional[str] = ..., volumes: _Optional[_Iterable[str]] = ..., user_data: _Optional[str] = ..., metadata: _Optional[_Mapping[str, str]] = ..., availability_zone: _Optional[str] = ..., auto_ip: _Optional[bool] = ..., ips: _Optional[_Iterable[str]] = ..., ip_pool: _Optional[str] = ..., reuse_ips: _Optional[bool] = ..., nat_destination: _Optional[str] = ..., group: _Optional[str] = ..., config_drive: _Optional[bool] = ...) -> None: ...

class DeleteServerRequest(_message.Message):
    __slots__ = ("location", "name_or_id", "delete_ips")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_OR_ID_FIELD_NUMBER: _ClassVar[int]
    DELETE_IPS_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name_or_id: str
    delete_ips: bool
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name_or_id: _Optional[str] = ..., delete_ips: _Optional[bool] = ...) -> None: ...

class WatchServerRequest(_message.Message):
    __slots__ = ("location", "name_or_id", "until")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_OR_ID_FIELD_NUMBER: _ClassVar[int]
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name_or_id: str
    until: _containers.RepeatedScalarFieldContainer[ServerStatus]
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name_or_id: _Optional[str] = ..., until: _Optional[_Iterable[_Union[ServerStatus, str]]] = ...) -> None: ...

class Keypair(_message.Message):
    __slots__ = ("location", "id", "name", "public_key", "fingerprint", "type", "private_key", "user_id", "create_time", "properties")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_FIELD_NUMBER: _ClassVar[int]
    FINGERPRINT_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    PRIVATE_KEY_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    id: str
    name: str
    public_key: str
    fingerprint: str
    type: str
    private_key: str
    user_id: str
    create_time: _timestamp_pb2.Timestamp
    properties: _struct_pb2.Struct
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., id: _Optional[str] = ..., name: _Optional[str] = ..., public_key: _Optional[str] = ..., fingerprint: _Optional[str] = ..., type: _Optional[str] = ..., private_key: _Optional[str] = ..., user_id: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., properties: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ListKeypairsRequest(_message.Message):
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

class ListKeypairsResponse(_message.Message):
    __slots__ = ("keypairs", "errors", "next_page_token")
    KEYPAIRS_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    keypairs: _containers.RepeatedCompositeFieldContainer[Keypair]
    errors: _containers.RepeatedCompositeFieldContainer[_location_pb2.LocationError]
    next_page_token: str
    def __init__(self, keypairs: _Optional[_Iterable[_Union[Keypair, _Mapping]]] = ..., errors: _Optional[_Iterable[_Union[_location_pb2.LocationError, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetKeypairRequest(_message.Message):
    __slots__ = ("location", "name_or_id")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_OR_ID_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name_or_id: str
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name_or_id: _Optional[str] = ...) -> None: ...

class CreateKeypairRequest(_message.Message):
    __slots__ = ("location", "name")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name: str
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name: _Optional[str] = ...) -> None: ...

class ImportKeypairRequest(_message.Message):
    __slots__ = ("location", "name", "public_key")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name: str
    public_key: str
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name: _Optional[str] = ..., public_key: _Optional[str] = ...) -> None: ...

class DeleteKeypairRequest(_message.Message):
    __slots__ = ("location", "name_or_id")
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_OR_ID_FIELD_NUMBER: _ClassVar[int]
    location: _location_pb2.Location
    name_or_id: str
    def __init__(self, location: _Optional[_Union[_location_pb2.Location, _Mapping]] = ..., name_or_id: _Optional[str] = ...) -> None: ...
