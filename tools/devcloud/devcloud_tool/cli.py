"""devcloud up | down | status | env — see tools/devcloud/README.md.

Runs on the bare system python3 (stdlib only); everything OpenStack runs from
the devcloud venv, started as separate processes.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time

from . import clouds, configs, install, schemas, snapshot
from .config import HOST, TOOL_DIR, Config, ConfigError
from .procs import ProcessTable, rss_by_process_group
from .services import (
    Process,
    answers,
    port_in_use,
    ports_needed,
    process_env,
    processes,
)

START_TIMEOUT = 300  # seconds for one service to answer (cold, loaded 2-core machine)


class UpError(Exception):
    pass


class Progress:
    def __init__(self):
        self.t0 = time.monotonic()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.t0

    def __call__(self, msg: str) -> None:
        print(f"[{self.elapsed:3.0f}s] {msg}", flush=True)


def _log_tail(path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def env_line(cfg: Config) -> str:
    return f"export OS_CLIENT_CONFIG_FILE={cfg.clouds_yaml}"


# ----------------------------------------------------------------- up
class Launcher:
    """Starts processes, waits for them to answer, and remembers what it started."""

    def __init__(self, cfg: Config, progress: Progress):
        self.cfg = cfg
        self.progress = progress
        self.table = ProcessTable(cfg.run, cfg.log)
        self.started: dict[str, Process] = {}
        self.answered: set[str] = set()

    def start(self, procs: list[Process]) -> None:
        for p in procs:
            self.table.start(p.name, p.argv, process_env(self.cfg, p), cwd=self.cfg.home)
            self.started[p.name] = p

    def wait(self, procs: list[Process]) -> None:
        pending = [p for p in procs if p.name not in self.answered]
        deadline = time.monotonic() + START_TIMEOUT
        while pending:
            for p in list(pending):
                rec = self.table.recorded(p.name)
                if rec is None or not rec.alive():
                    log = self.table.log_file(p.name)
                    raise UpError(f"{p.name} exited during startup; see {log}\n{_log_tail(log)}")
                if answers(self.cfg, p):
                    pending.remove(p)
                    self.answered.add(p.name)
                    where = f" on {HOST}:{self.cfg.ports[p.port]}" if p.port else ""
                    self.progress(f"{p.name}: up{where}")
            if pending and time.monotonic() > deadline:
                raise UpError(f"no answer within {START_TIMEOUT}s from: "
                              + " ".join(p.name for p in pending))
            if pending:
                time.sleep(0.3)

    def stop_all(self) -> None:
        recorded = [r for r in (self.table.recorded(n) for n in self.started) if r]
        self.table.stop(recorded)

    def check_still_running(self) -> None:
        dead = [n for n in self.started
                if not (r := self.table.recorded(n)) or not r.alive()]
        if dead:
            log = self.table.log_file(dead[0])
            raise UpError(f"exited after start: {' '.join(dead)}; see {log}\n{_log_tail(log)}")


def run_venv_module(cfg: Config, launcher: Launcher, module: str, log_name: str,
                    *args: str) -> None:
    """Run a devcloud_tool module in the venv; fail early if a service dies meanwhile."""
    log = cfg.log / f"{log_name}.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OS_", "PYTHON"))}
    env["PYTHONPATH"] = str(TOOL_DIR)
    with open(log, "wb") as out:
        proc = subprocess.Popen([cfg.bin("python"), "-m", module, str(cfg.json_file), *args],
                                stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cfg.home)
        try:
            while proc.poll() is None:
                launcher.check_still_running()
                time.sleep(0.5)
        finally:
            if proc.poll() is None:
                proc.terminate()
                proc.wait()
    if proc.returncode != 0:
        raise UpError(f"{module} failed; see {log}\n{_log_tail(log)}")


def preflight(cfg: Config, table: ProcessTable, procs: list[Process]) -> bool:
    """False when devcloud already runs (nothing to do); raises if half-running or ports taken."""
    recorded = table.all_recorded()
    alive = {r.name for r in recorded if r.alive()}
    wanted = {p.name for p in procs}
    if alive:
        if alive == wanted:
            return False
        missing = sorted(wanted - alive)
        extra = sorted(alive - wanted)
        detail = "; ".join(filter(None, [
            f"not running: {' '.join(missing)}" if missing else "",
            f"running but not in DEVCLOUD_SERVICES: {' '.join(extra)}" if extra else ""]))
        raise UpError(f"devcloud in {cfg.home} is partly running ({detail}); "
                      "run `devcloud down` first")
    for r in recorded:  # stale pid files of a crashed run
        r.pidfile.unlink(missing_ok=True)
    busy = [f"127.0.0.1:{port} (DEVCLOUD_PORT_{name})"
            for name, port in ports_needed(cfg).items() if port_in_use(port)]
    if busy:
        raise UpError("port(s) in use by another program: " + ", ".join(busy)
                      + "; stop it or move devcloud with DEVCLOUD_PORT_<NAME>=...")
    return True


def rotate_logs(cfg: Config) -> None:
    """Each up gets fresh logs; the previous run's stay in log.previous/."""
    if cfg.log.is_dir():
        previous = cfg.home / "log.previous"
        shutil.rmtree(previous, ignore_errors=True)
        cfg.log.rename(previous)


def fresh_state(cfg: Config) -> None:
    shutil.rmtree(cfg.data, ignore_errors=True)
    for pattern in snapshot.SWIFT_RING_GLOBS:
        for f in (cfg.etc / "swift").glob(pattern):
            f.unlink()
    cfg.app_credential_file.unlink(missing_ok=True)


def up(cfg: Config) -> int:
    progress = Progress()
    table = ProcessTable(cfg.run, cfg.log)
    procs = processes(cfg)
    if not preflight(cfg, table, procs):
        print(f"devcloud is already running in {cfg.home} ({len(procs)} processes); nothing to do")
        print(env_line(cfg))
        return 0
    rotate_logs(cfg)
    for d in (cfg.home, cfg.log, cfg.run, cfg.etc):
        d.mkdir(parents=True, exist_ok=True)
    if not install.venv_ready(cfg):
        install.install_venv(cfg, progress)
    install.install_addons(cfg)
    if cfg.needs_rabbit and not install.rabbitmq_installed():
        install.install_rabbitmq(cfg, progress)
    cfg.json_file.write_text(cfg.to_json())
    configs.write_all(cfg)
    clouds.write(cfg)

    launcher = Launcher(cfg, progress)
    try:
        warm = snapshot.available(cfg)
        if warm:
            start_warm(cfg, launcher, procs, progress)
        else:
            start_cold(cfg, launcher, procs, progress)
        time.sleep(1)
        launcher.check_still_running()
    except BaseException:
        progress("up failed: stopping what was started (logs stay in " + str(cfg.log) + ")")
        launcher.stop_all()
        raise
    print_summary(cfg, procs, "warm start from snapshot" if warm else "cold start", progress)
    return 0


def _reset_volatile(cfg: Config) -> None:
    """Fresh broker and lock dirs on every up: nothing in them outlives the processes."""
    for name in snapshot.SKIP_DIRS:
        shutil.rmtree(cfg.data / name, ignore_errors=True)
        (cfg.data / name).mkdir(parents=True)


def start_cold(cfg: Config, launcher: Launcher, procs: list[Process], progress: Progress) -> None:
    progress("no snapshot for this configuration: cold bootstrap")
    fresh_state(cfg)
    _reset_volatile(cfg)
    infra = [p for p in procs if p.infrastructure]
    keystone = [p for p in procs if p.name == "keystone"]
    rest = [p for p in procs if not p.infrastructure and p.name != "keystone"]
    launcher.start(infra)  # the broker boots while the schemas are built
    schemas.create_all(cfg, progress)
    launcher.start(keystone)
    launcher.wait(keystone)
    run_venv_module(cfg, launcher, "devcloud_tool.catalog", "catalog")
    schemas.mark_keystone_users_active(cfg)
    progress("keystone: users, regions and catalog registered")
    launcher.start(rest)
    launcher.wait(infra + rest)
    progress("seeding (waits for nova-compute / cinder-volume to report in)")
    run_venv_module(cfg, launcher, "devcloud_tool.seed", "seed")
    progress("seeded; saving snapshot for warm starts")
    where = snapshot.save(cfg)
    progress(f"snapshot saved: {where}")


def start_warm(cfg: Config, launcher: Launcher, procs: list[Process], progress: Progress) -> None:
    progress(f"restoring snapshot {snapshot.snapshot_key(cfg)}")
    snapshot.restore(cfg)
    _reset_volatile(cfg)
    schemas.enable_wal(cfg)
    schemas.mark_keystone_users_active(cfg)
    # keystone (and the broker) first: nova-scheduler gives up on placement for good
    # if keystone does not answer while it starts
    first = [p for p in procs if p.infrastructure or p.name == "keystone"]
    started_at = time.time()
    launcher.start(first)
    launcher.wait([p for p in first if p.name == "keystone"])
    rest = [p for p in procs if p not in first]
    launcher.start(rest)
    launcher.wait(first + rest)
    if cfg.has("nova") or cfg.has("cinder"):
        progress("waiting for nova-compute / cinder-volume to report in")
        run_venv_module(cfg, launcher, "devcloud_tool.readiness", "readiness", str(started_at))


def print_summary(cfg: Config, procs: list[Process], how: str, progress: Progress) -> None:
    progress(f"devcloud is up ({how}): {' '.join(cfg.services)}")
    for p in procs:
        if p.health_path:
            print(f"    {p.name:<12} http://{HOST}:{cfg.ports[p.port]}{p.health_path}")
    print(f"  clouds.yaml: {cfg.clouds_yaml}  (clouds: devcloud, devcloud-alt, devcloud-admin)")
    if cfg.app_credential_file.is_file():
        print(f"  app credential: {cfg.app_credential_file}")
    print(f"  logs: {cfg.log}   stop: devcloud down")
    print(env_line(cfg))


# ----------------------------------------------------------------- down / status / env
def down(cfg: Config) -> int:
    table = ProcessTable(cfg.run, cfg.log)
    recorded = table.all_recorded()
    if not any(r.alive() for r in recorded):
        for r in recorded:
            r.pidfile.unlink(missing_ok=True)
        print(f"devcloud is not running in {cfg.home}; nothing to stop")
        return 0
    infra_names = {"rabbitmq", "epmd"}
    # services first, so nova/cinder don't log a storm of reconnects to a vanished broker
    stopped = table.stop([r for r in recorded if r.name not in infra_names])
    stopped += table.stop([r for r in recorded if r.name in infra_names])
    print(f"stopped {len(stopped)} processes: {' '.join(stopped)}")
    return 0


def status(cfg: Config) -> int:
    table = ProcessTable(cfg.run, cfg.log)
    procs = {p.name: p for p in processes(cfg)}
    recorded = {r.name: r for r in table.all_recorded()}
    names = list(procs) + sorted(set(recorded) - set(procs))
    rows = [("SERVICE", "STATE", "PORT", "PID", "RSS", "LOG")]
    running = 0
    rss = rss_by_process_group()
    total_rss = 0
    for name in names:
        rec = recorded.get(name)
        alive = bool(rec and rec.alive())
        running += alive
        port = procs[name].port if name in procs else None
        group_rss = rss.get(rec.pid, 0) if alive else 0
        total_rss += group_rss
        rows.append((name, "running" if alive else "stopped",
                     str(cfg.ports[port]) if port else "-",
                     str(rec.pid) if alive else "-",
                     f"{group_rss / 2**20:.0f}M" if alive else "-", str(table.log_file(name))))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    print(f"total RSS: {total_rss / 2**20:.0f} MiB   state dir: {cfg.home}")
    return 0 if running == len(names) and running else 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="devcloud", description="A real local OpenStack (2026.1) on loopback for oaktree.")
    parser.add_argument("verb", choices=["up", "down", "status", "env"])
    args = parser.parse_args(argv)
    try:
        cfg = Config.from_env()
        if args.verb == "env":
            print(env_line(cfg))
            return 0
        return {"up": up, "down": down, "status": status}[args.verb](cfg)
    except (ConfigError, UpError, install.InstallError, schemas.SetupError,
            configs.RenderError) as e:
        print(f"devcloud {args.verb}: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
