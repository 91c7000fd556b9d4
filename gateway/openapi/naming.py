"""Definition names, as protoc-gen-openapiv2's default ("legacy") naming strategy makes them.

Each type gets the shortest dotted suffix of its full name (joined without dots) that is
unique among the types named together, with at least one component of context:
``gwtest.v1.Plant`` -> ``v1Plant``, ``gwtest.v1.Plant.Care`` -> ``PlantCare``,
``google.rpc.Status`` -> ``rpcStatus``, ``google.protobuf.Any`` -> ``protobufAny``.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable


def legacy_names(full_names: Iterable[str]) -> dict[str, str]:
    """Full type name (no leading dot) -> definition name, for every name given."""
    parts = {name: name.split(".") for name in sorted(set(full_names))}
    suffixes: dict[int, Counter] = {}
    for components in parts.values():
        for depth in range(len(components)):
            suffixes.setdefault(depth, Counter())[tuple(components[len(components) - depth - 1:])] += 1
    names: dict[str, str] = {}
    for name, components in parts.items():
        depth = 1 if len(components) > 1 else 0
        while depth < len(components) - 1 and \
                suffixes[depth][tuple(components[len(components) - depth - 1:])] > 1:
            depth += 1
        names[name] = "".join(components[len(components) - depth - 1:])
    return names
