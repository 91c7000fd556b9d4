"""Compile each codec once per (message type, options) and reuse it."""
from __future__ import annotations

import functools
from typing import Callable, TypeVar

Factory = TypeVar("Factory", bound=Callable)


def compiled_once(factory: Factory) -> Factory:
    """Memoise a codec factory on its (descriptor or class, JsonOptions) arguments.

    Descriptors, message classes and the frozen JsonOptions are hashable and live for the
    process, so an unbounded cache holds exactly one codec per type and option set in use.
    """
    return functools.cache(factory)  # type: ignore[return-value]
