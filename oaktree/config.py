"""oaktree's own configuration file (`oaktree serve --config oaktree.yaml`): the cache and
the rate limits. Clouds stay in clouds.yaml. Unknown keys are errors, so a typo is not
silently ignored. Example:

    cache:
      backend: redis://127.0.0.1:6379/0   # memory (default), none, or a Redis URL
      ttl:                                # seconds a list stays fresh, per resource kind
        flavor: 600
        server: 3
      default_ttl: 10                     # kinds not listed (built-in defaults: oaktree.cache.settings)
      stale_factor: 1.0                   # serve a stale list for stale_factor × ttl while refreshing
    limits:
      max_wait: 30                        # longest wait for a slot when the caller set no deadline
      clouds:                             # per cloud ("*": any), per service type ("*": any)
        devcloud:
          compute: {rate: 5, burst: 10, concurrency: 4}
        "*":
          "*": {concurrency: 16}
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path

import yaml

from oaktree.cache.settings import CacheSettings
from oaktree.limits import Limit, LimitSettings


class ConfigError(ValueError):
    pass


@dataclasses.dataclass(frozen=True)
class Config:
    cache: CacheSettings = CacheSettings()
    limits: LimitSettings = LimitSettings()


def load(path: str | Path | None, cache_backend: str | None = None) -> Config:
    """The file's configuration (defaults without one); `cache_backend` (--cache) wins
    over the file's cache.backend."""
    data = {}
    if path is not None:
        try:
            data = yaml.safe_load(Path(path).read_text()) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"{path}: {exc}") from None
    config = parse(data, str(path or "config"))
    if cache_backend:
        _check_backend(cache_backend, "--cache")
        config = dataclasses.replace(
            config, cache=dataclasses.replace(config.cache, backend=cache_backend))
    return config


def parse(data: Mapping, where: str = "config") -> Config:
    _only(data, {"cache", "limits"}, where)
    return Config(cache=_cache(data.get("cache") or {}, f"{where}: cache"),
                  limits=_limits(data.get("limits") or {}, f"{where}: limits"))


def _cache(data: Mapping, where: str) -> CacheSettings:
    fields = {"backend", "ttl", "default_ttl", "stale_factor", "namespace", "lock_seconds",
              "backend_timeout"}
    _only(data, fields, where)
    values = {k: v for k, v in data.items() if k != "ttl"}
    for name in ("default_ttl", "stale_factor", "lock_seconds", "backend_timeout"):
        if name in values:
            values[name] = _number(values[name], f"{where}.{name}")
    if "backend" in values:
        values["backend"] = _check_backend(values["backend"], f"{where}.backend")
    ttls = data.get("ttl") or {}
    if not isinstance(ttls, Mapping):
        raise ConfigError(f"{where}.ttl: want a mapping of resource kind to seconds")
    return CacheSettings(ttls={str(k): _number(v, f"{where}.ttl.{k}") for k, v in ttls.items()},
                         **values)


def _limits(data: Mapping, where: str) -> LimitSettings:
    _only(data, {"max_wait", "clouds"}, where)
    rules = {}
    for cloud, services in (data.get("clouds") or {}).items():
        if not isinstance(services, Mapping):
            raise ConfigError(f"{where}.clouds.{cloud}: want a mapping of service type to limits")
        for service, limit in services.items():
            here = f"{where}.clouds.{cloud}.{service}"
            if not isinstance(limit, Mapping):
                raise ConfigError(f"{here}: want {{rate, burst, concurrency}}")
            _only(limit, {"rate", "burst", "concurrency"}, here)
            rules[(str(cloud), str(service))] = Limit(
                rate=_number(limit["rate"], f"{here}.rate") if "rate" in limit else None,
                burst=int(_number(limit["burst"], f"{here}.burst")) if "burst" in limit else None,
                concurrency=(int(_number(limit["concurrency"], f"{here}.concurrency"))
                             if "concurrency" in limit else None))
    max_wait = _number(data.get("max_wait", LimitSettings.max_wait), f"{where}.max_wait")
    return LimitSettings(rules=rules, max_wait=max_wait)


def _check_backend(url, where: str) -> str:
    url = str(url)
    if url not in ("memory", "none") and url.split("://", 1)[0] not in ("redis", "rediss", "unix"):
        raise ConfigError(f"{where}: want memory, none or redis://host:port/db, got {url!r}")
    return url


def _only(data, allowed: set[str], where: str) -> None:
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}: want a mapping")
    unknown = set(map(str, data)) - allowed
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; "
                          f"known: {', '.join(sorted(allowed))}")


def _number(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ConfigError(f"{where}: want a non-negative number, got {value!r}")
    return float(value)
