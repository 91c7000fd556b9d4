"""The clouds and regions oaktree is configured for, from clouds.yaml / secure.yaml / OS_*.

openstacksdk's own config loader reads the files (same search path and merging rules as
every other OpenStack tool); this module only indexes its answer by cloud and region.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from openstack import config as os_config
from openstack.config.cloud_region import CloudRegion


@dataclasses.dataclass(frozen=True)
class CloudInfo:
    name: str
    regions: tuple[str, ...]
    auth_url: str
    auth_type: str
    project_id: str
    project_name: str
    project_domain_id: str
    project_domain_name: str


class CloudRegistry:
    """Every configured (cloud, region), loaded once at start-up."""

    def __init__(self, regions: Iterable[CloudRegion]):
        self._regions: dict[tuple[str, str], CloudRegion] = {}
        for region in regions:
            self._regions[(region.name, region.get_region_name() or "")] = region

    @classmethod
    def load(cls, config_files: list[str] | None = None,
             only: Iterable[str] = ()) -> "CloudRegistry":
        """Load clouds.yaml (+ secure.yaml and OS_* variables); keep only `only` if given."""
        loader = os_config.OpenStackConfig(
            config_files=config_files or None, load_envvars=True, app_name="oaktree")
        wanted = set(only)
        unknown = wanted - {c.name for c in loader.get_all()}
        if unknown:
            raise KeyError(f"cloud(s) not in the configuration: {', '.join(sorted(unknown))}")
        return cls(r for r in loader.get_all() if not wanted or r.name in wanted)

    def cloud_names(self) -> list[str]:
        return sorted({cloud for cloud, _ in self._regions})

    def regions_of(self, cloud: str) -> list[str]:
        return sorted(region for name, region in self._regions if name == cloud)

    def region(self, cloud: str, region: str) -> CloudRegion:
        return self._regions[(cloud, region)]

    def has_cloud(self, cloud: str) -> bool:
        return any(name == cloud for name, _ in self._regions)

    def info(self, cloud: str) -> CloudInfo:
        first = self._regions[(cloud, self.regions_of(cloud)[0])]
        auth = first.config.get("auth", {}) or {}
        return CloudInfo(
            name=cloud,
            regions=tuple(r for r in self.regions_of(cloud) if r),
            auth_url=str(auth.get("auth_url", "")),
            auth_type=str(first.config.get("auth_type", "") or ""),
            project_id=str(auth.get("project_id", "") or ""),
            project_name=str(auth.get("project_name", "") or ""),
            project_domain_id=str(auth.get("project_domain_id", "") or ""),
            project_domain_name=str(auth.get("project_domain_name", "") or ""),
        )
