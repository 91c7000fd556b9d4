"""Start background processes and stop exactly the ones devcloud recorded.

Each process gets its own session (process group), its output in
``<state>/log/<name>.log`` and a pid file ``<state>/run/<name>.pid`` holding
"<pid> <start time>". The start time (from /proc) makes sure a recycled PID is
never mistaken for ours. Stopping signals the recorded process group (uwsgi
masters have workers, rabbitmq-server has beam.smp below a shell).
"""
from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


def _start_time(pid: int) -> str | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # after the command name (which may contain spaces): state, ..., starttime (field 22)
    fields = stat.rsplit(")", 1)[1].split()
    if fields[0] in ("Z", "X"):  # exited, waiting to be reaped
        return None
    return fields[19]


def rss_by_process_group() -> dict[int, int]:
    """Resident memory in bytes of every process group (uwsgi master + workers etc.)."""
    page = os.sysconf("SC_PAGE_SIZE")
    totals: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # exited meanwhile
        pgrp, rss_pages = int(fields[2]), int(fields[21])
        totals[pgrp] = totals.get(pgrp, 0) + rss_pages * page
    return totals


@dataclass(frozen=True)
class Recorded:
    name: str
    pid: int
    start_time: str
    pidfile: Path

    def alive(self) -> bool:
        return _start_time(self.pid) == self.start_time

    def group_alive(self) -> bool:
        try:
            os.killpg(self.pid, 0)
            return True
        except ProcessLookupError:
            return False
        except PermissionError:
            return True

    def signal_group(self, sig: int) -> None:
        try:
            os.killpg(self.pid, sig)
        except ProcessLookupError:
            pass


class ProcessTable:
    def __init__(self, run_dir: Path, log_dir: Path):
        self.run_dir = run_dir
        self.log_dir = log_dir

    def log_file(self, name: str) -> Path:
        return self.log_dir / f"{name}.log"

    def pidfile(self, name: str) -> Path:
        return self.run_dir / f"{name}.pid"

    def start(self, name: str, argv: list[str], env: dict[str, str], cwd: Path) -> Recorded:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_file(name), "ab") as out:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=subprocess.STDOUT, env=env, cwd=cwd,
                                    start_new_session=True)
        started = _start_time(proc.pid) or "?"
        self.pidfile(name).write_text(f"{proc.pid} {started}\n")
        return Recorded(name, proc.pid, started, self.pidfile(name))

    def recorded(self, name: str) -> Recorded | None:
        try:
            pid, started = self.pidfile(name).read_text().split()
            return Recorded(name, int(pid), started, self.pidfile(name))
        except (OSError, ValueError):
            return None

    def all_recorded(self) -> list[Recorded]:
        if not self.run_dir.is_dir():
            return []
        found = (self.recorded(p.stem) for p in sorted(self.run_dir.glob("*.pid")))
        return [r for r in found if r is not None]

    def stop(self, procs: list[Recorded], grace: float = 15.0) -> list[str]:
        """SIGTERM every group at once, SIGKILL what is left after `grace` seconds.

        Returns the names of the processes that were running."""
        running = [p for p in procs if p.alive()]
        for p in running:
            p.signal_group(signal.SIGTERM)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and any(p.group_alive() for p in running):
            time.sleep(0.1)
        for p in running:
            if p.group_alive():
                p.signal_group(signal.SIGKILL)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(p.group_alive() for p in running):
            time.sleep(0.05)
        for p in procs:
            p.pidfile.unlink(missing_ok=True)
        return [p.name for p in running]
