"""Treat SQLite's "database is locked" as a deadlock, so oslo.db callers retry it.

Loaded at interpreter start in the devcloud venv (devcloud_sqlite_retry.pth); it
only hooks the import of oslo.db's exception filters, so other programs in the
venv (pip, the tool's own scripts) pay nothing.

Why: what devcloud_sqlite_upgrade can't re-begin (a transaction that already wrote
and then waited past the busy timeout) still ends in "database is locked". On MySQL
the matching situations are deadlock/lock-wait errors, which oslo.db maps to
DBDeadlock, and nova, cinder, neutron and keystone retry the whole transaction on
DBDeadlock. Mapping SQLite's error the same way gives those retries to devcloud.
(Starting every transaction with BEGIN IMMEDIATE instead deadlocks keystone,
whose requests nest a second session inside an open one.)
"""
import importlib.abc
import importlib.machinery
import sys

_TARGET = "oslo_db.sqlalchemy.exc_filters"


def _register(exc_filters) -> None:
    from sqlalchemy import exc as sqla_exc

    exc_filters.filters("sqlite", sqla_exc.OperationalError,
                        r".*database is locked.*")(exc_filters._deadlock_error)


class _Loader(importlib.abc.Loader):
    def __init__(self, wrapped):
        self.wrapped = wrapped

    def create_module(self, spec):
        return self.wrapped.create_module(spec)

    def exec_module(self, module):
        self.wrapped.exec_module(module)
        _register(module)


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != _TARGET:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)
        return spec


sys.meta_path.insert(0, _Finder())
