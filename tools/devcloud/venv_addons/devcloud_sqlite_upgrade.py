"""Let a read-only SQLite transaction that starts writing re-begin instead of failing.

Loaded at interpreter start in the devcloud venv (devcloud_sqlite_upgrade.pth).

oslo.db opens every transaction with a deferred BEGIN. When a transaction has only
read and then writes, while another connection wrote in between, SQLite answers
"database is locked" at once (waiting could deadlock, so the busy timeout does not
apply). On MySQL, which these services are written for, the same write simply
applies to the latest row versions. This does the equivalent: if the transaction
has changed nothing yet, roll it back, BEGIN IMMEDIATE (which does wait for the
write lock) and run the write again. Transactions that already wrote hold the write
lock and never reach this path.
"""
import sqlite3

_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def _is_write(sql) -> bool:
    return isinstance(sql, str) and sql.lstrip().upper().startswith(_WRITES)


class _Cursor(sqlite3.Cursor):
    def _run(self, method, sql, *args, **kwargs):
        conn = self.connection
        if isinstance(sql, str) and sql.lstrip().upper().startswith("BEGIN"):
            result = method(self, sql, *args, **kwargs)
            conn.changes_at_begin = conn.total_changes
            return result
        try:
            return method(self, sql, *args, **kwargs)
        except sqlite3.OperationalError as e:
            unchanged = conn.total_changes == getattr(conn, "changes_at_begin", -1)
            if not ("database is locked" in str(e) and _is_write(sql)
                    and conn.in_transaction and unchanged):
                raise
        conn.execute("ROLLBACK")
        conn.execute("BEGIN IMMEDIATE")
        return method(self, sql, *args, **kwargs)

    def execute(self, sql, *args, **kwargs):
        return self._run(sqlite3.Cursor.execute, sql, *args, **kwargs)

    def executemany(self, sql, *args, **kwargs):
        return self._run(sqlite3.Cursor.executemany, sql, *args, **kwargs)


class _Connection(sqlite3.Connection):
    def cursor(self, factory=_Cursor):
        return super().cursor(factory)


_connect = sqlite3.connect


def connect(*args, **kwargs):
    kwargs.setdefault("factory", _Connection)
    return _connect(*args, **kwargs)


sqlite3.connect = connect
sqlite3.dbapi2.connect = connect
