import datetime

from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import httpbody_pb2 as _httpbody_pb2
from google.protobuf import any_pb2 as _any_pb2
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

class Species(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SPECIES_UNSPECIFIED: _ClassVar[Species]
    TOMATO: _ClassVar[Species]
    BASIL: _ClassVar[Species]
SPECIES_UNSPECIFIED: Species
TOMATO: Species
BASIL: Species

class Plant(_message.Message):
    __slots__ = ("name", "display_name", "species", "height_mm", "seed_count", "create_time", "watering_interval", "max_height_cm", "nickname", "ph", "secret_note", "bed_slot", "coordinates", "labels", "tags", "photo_thumbnail", "attributes", "care", "rating", "code", "extra", "metadata", "waterings", "neighbours", "organic", "old_code")
    class Care(_message.Message):
        __slots__ = ("indoor", "companions")
        INDOOR_FIELD_NUMBER: _ClassVar[int]
        COMPANIONS_FIELD_NUMBER: _ClassVar[int]
        indoor: bool
        companions: _containers.RepeatedCompositeFieldContainer[Plant.Care]
        def __init__(self, indoor: _Optional[bool] = ..., companions: _Optional[_Iterable[_Union[Plant.Care, _Mapping]]] = ...) -> None: ...
    class LabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class NeighboursEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: Coordinates
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[Coordinates, _Mapping]] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    SPECIES_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_MM_FIELD_NUMBER: _ClassVar[int]
    SEED_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    WATERING_INTERVAL_FIELD_NUMBER: _ClassVar[int]
    MAX_HEIGHT_CM_FIELD_NUMBER: _ClassVar[int]
    NICKNAME_FIELD_NUMBER: _ClassVar[int]
    PH_FIELD_NUMBER: _ClassVar[int]
    SECRET_NOTE_FIELD_NUMBER: _ClassVar[int]
    BED_SLOT_FIELD_NUMBER: _ClassVar[int]
    COORDINATES_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    PHOTO_THUMBNAIL_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    CARE_FIELD_NUMBER: _ClassVar[int]
    RATING_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    EXTRA_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    WATERINGS_FIELD_NUMBER: _ClassVar[int]
    NEIGHBOURS_FIELD_NUMBER: _ClassVar[int]
    ORGANIC_FIELD_NUMBER: _ClassVar[int]
    OLD_CODE_FIELD_NUMBER: _ClassVar[int]
    name: str
    display_name: str
    species: Species
    height_mm: int
    seed_count: int
    create_time: _timestamp_pb2.Timestamp
    watering_interval: _duration_pb2.Duration
    max_height_cm: _wrappers_pb2.Int32Value
    nickname: _wrappers_pb2.StringValue
    ph: float
    secret_note: str
    bed_slot: str
    coordinates: Coordinates
    labels: _containers.ScalarMap[str, str]
    tags: _containers.RepeatedScalarFieldContainer[str]
    photo_thumbnail: bytes
    attributes: _struct_pb2.Struct
    care: Plant.Care
    rating: float
    code: str
    extra: _any_pb2.Any
    metadata: _struct_pb2.Value
    waterings: _containers.RepeatedCompositeFieldContainer[_timestamp_pb2.Timestamp]
    neighbours: _containers.MessageMap[str, Coordinates]
    organic: bool
    old_code: str
    def __init__(self, name: _Optional[str] = ..., display_name: _Optional[str] = ..., species: _Optional[_Union[Species, str]] = ..., height_mm: _Optional[int] = ..., seed_count: _Optional[int] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., watering_interval: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., max_height_cm: _Optional[_Union[_wrappers_pb2.Int32Value, _Mapping]] = ..., nickname: _Optional[_Union[_wrappers_pb2.StringValue, _Mapping]] = ..., ph: _Optional[float] = ..., secret_note: _Optional[str] = ..., bed_slot: _Optional[str] = ..., coordinates: _Optional[_Union[Coordinates, _Mapping]] = ..., labels: _Optional[_Mapping[str, str]] = ..., tags: _Optional[_Iterable[str]] = ..., photo_thumbnail: _Optional[bytes] = ..., attributes: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., care: _Optional[_Union[Plant.Care, _Mapping]] = ..., rating: _Optional[float] = ..., code: _Optional[str] = ..., extra: _Optional[_Union[_any_pb2.Any, _Mapping]] = ..., metadata: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., waterings: _Optional[_Iterable[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]]] = ..., neighbours: _Optional[_Mapping[str, Coordinates]] = ..., organic: _Optional[bool] = ..., old_code: _Optional[str] = ...) -> None: ...

class Coordinates(_message.Message):
    __slots__ = ("row", "column")
    ROW_FIELD_NUMBER: _ClassVar[int]
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    row: int
    column: int
    def __init__(self, row: _Optional[int] = ..., column: _Optional[int] = ...) -> None: ...

class GetPlantRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class PlantFilter(_message.Message):
    __slots__ = ("min_height_mm", "planted_after", "inner")
    MIN_HEIGHT_MM_FIELD_NUMBER: _ClassVar[int]
    PLANTED_AFTER_FIELD_NUMBER: _ClassVar[int]
    INNER_FIELD_NUMBER: _ClassVar[int]
    min_height_mm: int
    planted_after: _timestamp_pb2.Timestamp
    inner: PlantFilter
    def __init__(self, min_height_mm: _Optional[int] = ..., planted_after: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., inner: _Optional[_Union[PlantFilter, _Mapping]] = ...) -> None: ...

class ListPlantsRequest(_message.Message):
    __slots__ = ("parent", "page_size", "page_token", "species", "filter", "labels", "near", "organic")
    class LabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PARENT_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    SPECIES_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    NEAR_FIELD_NUMBER: _ClassVar[int]
    ORGANIC_FIELD_NUMBER: _ClassVar[int]
    parent: str
    page_size: int
    page_token: str
    species: _containers.RepeatedScalarFieldContainer[Species]
    filter: PlantFilter
    labels: _containers.ScalarMap[str, str]
    near: _containers.RepeatedCompositeFieldContainer[Coordinates]
    organic: _wrappers_pb2.BoolValue
    def __init__(self, parent: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., species: _Optional[_Iterable[_Union[Species, str]]] = ..., filter: _Optional[_Union[PlantFilter, _Mapping]] = ..., labels: _Optional[_Mapping[str, str]] = ..., near: _Optional[_Iterable[_Union[Coordinates, _Mapping]]] = ..., organic: _Optional[_Union[_wrappers_pb2.BoolValue, _Mapping]] = ...) -> None: ...

class ListPlantsResponse(_message.Message):
    __slots__ = ("plants", "next_page_token", "total_size")
    PLANTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SIZE_FIELD_NUMBER: _ClassVar[int]
    plants: _containers.RepeatedCompositeFieldContainer[Plant]
    next_page_token: str
    total_size: int
    def __init__(self, plants: _Optional[_Iterable[_Union[Plant, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total_size: _Optional[int] = ...) -> None: ...

class CreatePlantRequest(_message.Message):
    __slots__ = ("parent", "plant_id", "plant")
    PARENT_FIELD_NUMBER: _ClassVar[int]
    PLANT_ID_FIELD_NUMBER: _ClassVar[int]
    PLANT_FIELD_NUMBER: _ClassVar[int]
    parent: str
    plant_id: str
    plant: Plant
    def __init__(self, parent: _Optional[str] = ..., plant_id: _Optional[str] = ..., plant: _Optional[_Union[Plant, _Mapping]] = ...) -> None: ...

class UpdatePlantRequest(_message.Message):
    __slots__ = ("plant", "update_mask")
    PLANT_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    plant: Plant
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, plant: _Optional[_Union[Plant, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class DeletePlantRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class WatchPlantsRequest(_message.Message):
    __slots__ = ("parent",)
    PARENT_FIELD_NUMBER: _ClassVar[int]
    parent: str
    def __init__(self, parent: _Optional[str] = ...) -> None: ...

class PlantEvent(_message.Message):
    __slots__ = ("kind", "plant")
    class Kind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        KIND_UNSPECIFIED: _ClassVar[PlantEvent.Kind]
        ADDED: _ClassVar[PlantEvent.Kind]
        REMOVED: _ClassVar[PlantEvent.Kind]
    KIND_UNSPECIFIED: PlantEvent.Kind
    ADDED: PlantEvent.Kind
    REMOVED: PlantEvent.Kind
    KIND_FIELD_NUMBER: _ClassVar[int]
    PLANT_FIELD_NUMBER: _ClassVar[int]
    kind: PlantEvent.Kind
    plant: Plant
    def __init__(self, kind: _Optional[_Union[PlantEvent.Kind, str]] = ..., plant: _Optional[_Union[Plant, _Mapping]] = ...) -> None: ...

class UploadPhotoRequest(_message.Message):
    __slots__ = ("name", "photo")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PHOTO_FIELD_NUMBER: _ClassVar[int]
    name: str
    photo: _httpbody_pb2.HttpBody
    def __init__(self, name: _Optional[str] = ..., photo: _Optional[_Union[_httpbody_pb2.HttpBody, _Mapping]] = ...) -> None: ...

class SearchPlantsRequest(_message.Message):
    __slots__ = ("query", "limit", "bed", "species", "newest_first", "tallest_first")
    QUERY_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    BED_FIELD_NUMBER: _ClassVar[int]
    SPECIES_FIELD_NUMBER: _ClassVar[int]
    NEWEST_FIRST_FIELD_NUMBER: _ClassVar[int]
    TALLEST_FIRST_FIELD_NUMBER: _ClassVar[int]
    query: str
    limit: int
    bed: str
    species: Species
    newest_first: bool
    tallest_first: bool
    def __init__(self, query: _Optional[str] = ..., limit: _Optional[int] = ..., bed: _Optional[str] = ..., species: _Optional[_Union[Species, str]] = ..., newest_first: _Optional[bool] = ..., tallest_first: _Optional[bool] = ...) -> None: ...

class GetBedRequest(_message.Message):
    __slots__ = ("bed_id",)
    BED_ID_FIELD_NUMBER: _ClassVar[int]
    bed_id: str
    def __init__(self, bed_id: _Optional[str] = ...) -> None: ...

class Bed(_message.Message):
    __slots__ = ("bed_id", "label")
    BED_ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    bed_id: str
    label: BedLabel
    def __init__(self, bed_id: _Optional[str] = ..., label: _Optional[_Union[BedLabel, _Mapping]] = ...) -> None: ...

class BedLabel(_message.Message):
    __slots__ = ("text",)
    TEXT_FIELD_NUMBER: _ClassVar[int]
    text: str
    def __init__(self, text: _Optional[str] = ...) -> None: ...

class RenameBedRequest(_message.Message):
    __slots__ = ("bed_id", "new_name")
    BED_ID_FIELD_NUMBER: _ClassVar[int]
    NEW_NAME_FIELD_NUMBER: _ClassVar[int]
    bed_id: str
    new_name: str
    def __init__(self, bed_id: _Optional[str] = ..., new_name: _Optional[str] = ...) -> None: ...

class GetFileRequest(_message.Message):
    __slots__ = ("path",)
    PATH_FIELD_NUMBER: _ClassVar[int]
    path: str
    def __init__(self, path: _Optional[str] = ...) -> None: ...

class File(_message.Message):
    __slots__ = ("path", "size")
    PATH_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    path: str
    size: int
    def __init__(self, path: _Optional[str] = ..., size: _Optional[int] = ...) -> None: ...

class CountSeedsRequest(_message.Message):
    __slots__ = ("species",)
    SPECIES_FIELD_NUMBER: _ClassVar[int]
    species: Species
    def __init__(self, species: _Optional[_Union[Species, str]] = ...) -> None: ...

class CountSeedsResponse(_message.Message):
    __slots__ = ("count",)
    COUNT_FIELD_NUMBER: _ClassVar[int]
    count: int
    def __init__(self, count: _Optional[int] = ...) -> None: ...
