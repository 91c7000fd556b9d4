"""The processes devcloud runs: how each is started and how we know it answers.

``processes(cfg)`` lists them in start order for the chosen services. Web APIs
run under uwsgi with the flags the services need on loopback (see README:
``--http11-socket`` for keep-alive, chunked input for uploads).
"""
from __future__ import annotations

import os
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from .config import HOST, Config

RABBITMQ_SERVER = "/usr/lib/rabbitmq/bin/rabbitmq-server"


@dataclass(frozen=True)
class Process:
    name: str
    service: str                 # the DEVCLOUD_SERVICES entry (or "rabbitmq") it belongs to
    argv: list[str]
    port: str | None = None      # key into cfg.ports
    health_path: str | None = None  # HTTP path that answers once ready; None: TCP connect
    env: dict[str, str] = field(default_factory=dict)
    infrastructure: bool = False  # stopped last (the message bus)


def _uwsgi(cfg: Config, name: str, service: str, port: str, module: str, health: str,
           *extra: str, threads: int = 4) -> Process:
    argv = [cfg.bin("uwsgi"), "--master", "--processes", "1", "--threads", str(threads),
            "--enable-threads", "--die-on-term", "--lazy-apps", "--need-app",
            "--buffer-size", "65535", "--http-chunked-input", "--http-raw-body",
            "--chunked-input-limit", "10485760",
            # plain --http-socket drops kept-alive connections (RemoteDisconnected in the SDK)
            "--http11-socket", f"{HOST}:{cfg.ports[port]}",
            "--module", module, *extra]
    return Process(name, service, argv, port=port, health_path=health)


def processes(cfg: Config) -> list[Process]:
    etc = cfg.etc
    out: list[Process] = []
    if cfg.needs_rabbit:
        out.append(Process("epmd", "rabbitmq",
                           ["epmd", "-address", HOST, "-port", str(cfg.ports["EPMD"])],
                           port="EPMD", infrastructure=True))
        rabbit_data = cfg.data / "rabbitmq"
        out.append(Process("rabbitmq", "rabbitmq", [RABBITMQ_SERVER], port="RABBIT",
                           infrastructure=True, env={
                               "HOME": str(rabbit_data),  # the erlang cookie goes here
                               "ERL_EPMD_ADDRESS": HOST,
                               "ERL_EPMD_PORT": str(cfg.ports["EPMD"]),
                               "RABBITMQ_NODENAME": cfg.rabbit_node,
                               "RABBITMQ_NODE_IP_ADDRESS": HOST,
                               "RABBITMQ_NODE_PORT": str(cfg.ports["RABBIT"]),
                               "RABBITMQ_DIST_PORT": str(cfg.ports["RABBIT_DIST"]),
                               "RABBITMQ_MNESIA_BASE": str(rabbit_data / "mnesia"),
                               "RABBITMQ_LOG_BASE": str(cfg.log / "rabbitmq"),
                               "RABBITMQ_ENABLED_PLUGINS_FILE": str(etc / "rabbitmq/enabled_plugins"),
                               "RABBITMQ_CONFIG_FILE": str(etc / "rabbitmq/rabbitmq.conf"),
                               "RABBITMQ_PID_FILE": str(cfg.run / "rabbitmq-beam.pid.txt"),
                               "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS":
                                   "-kernel inet_dist_use_interface {127,0,0,1}",
                           }))
    # 8 threads: with --http11-socket an idle kept-alive client holds a thread until
    # uwsgi's socket timeout, and every service keeps a session open to keystone
    out.append(_uwsgi(cfg, "keystone", "keystone", "KEYSTONE", "keystone.wsgi.api:application",
                      "/v3", "--env", f"OS_KEYSTONE_CONFIG_FILES={etc}/keystone/keystone.conf",
                      threads=8))
    if cfg.has("glance"):
        for name, port in (("glance", "GLANCE"), ("glance-r2", "GLANCE_R2")):
            out.append(_uwsgi(cfg, name, "glance", port, "glance.wsgi.api:application", "/",
                              "--http-auto-chunked", "--env", f"OS_GLANCE_CONFIG_DIR={etc}/{name}"))
    if cfg.has("swift"):
        for kind, port in (("account", "SWIFT_ACCOUNT"), ("container", "SWIFT_CONTAINER"),
                           ("object", "SWIFT_OBJECT")):
            out.append(Process(f"swift-{kind}", "swift",
                               [cfg.bin(f"swift-{kind}-server"), f"{etc}/swift/{kind}-server.conf", "-v"],
                               port=port))
        out.append(Process("swift-proxy", "swift",
                           [cfg.bin("swift-proxy-server"), f"{etc}/swift/proxy-server.conf", "-v"],
                           port="SWIFT", health_path="/healthcheck"))
    if cfg.has("neutron"):
        out.append(_uwsgi(cfg, "neutron", "neutron", "NEUTRON", "neutron.wsgi.api:application", "/",
                          "--env", f"OS_NEUTRON_CONFIG_DIR={etc}/neutron",
                          "--env", "OS_NEUTRON_CONFIG_FILES=neutron.conf;ml2_conf.ini"))
    if cfg.has("nova"):
        out.append(_uwsgi(cfg, "placement", "nova", "PLACEMENT", "placement.wsgi.api:application", "/",
                          "--env", f"OS_PLACEMENT_CONFIG_DIR={etc}/placement"))
        # the paste file must come first in OS_NOVA_CONFIG_FILES
        out.append(_uwsgi(cfg, "nova-api", "nova", "NOVA", "nova.wsgi.osapi_compute:application", "/",
                          "--env", f"OS_NOVA_CONFIG_DIR={etc}/nova",
                          "--env", "OS_NOVA_CONFIG_FILES=api-paste.ini;nova.conf"))
        for worker in ("conductor", "scheduler", "compute"):
            out.append(Process(f"nova-{worker}", "nova",
                               [cfg.bin(f"nova-{worker}"), "--config-file", f"{etc}/nova/nova.conf"]))
    if cfg.has("cinder"):
        out.append(_uwsgi(cfg, "cinder-api", "cinder", "CINDER", "cinder.wsgi.api:application", "/",
                          "--pyargv", f"--config-file {etc}/cinder/cinder.conf"))
        for worker in ("scheduler", "volume"):
            out.append(Process(f"cinder-{worker}", "cinder",
                               [cfg.bin(f"cinder-{worker}"), "--config-file", f"{etc}/cinder/cinder.conf"]))
    return out


def process_env(cfg: Config, proc: Process) -> dict[str, str]:
    """The caller's environment minus anything that would point a service elsewhere."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("OS_", "PYTHON", "VIRTUAL_ENV", "RABBITMQ_", "ERL_"))}
    env["PATH"] = f"{cfg.venv / 'bin'}:{env.get('PATH', '/usr/bin:/bin')}"
    env.update(proc.env)
    return env


def answers(cfg: Config, proc: Process) -> bool:
    """True once the process serves: any HTTP status (401 included) or a TCP accept."""
    if proc.port is None:
        return True
    port = cfg.ports[proc.port]
    if proc.health_path is None:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return True
        except OSError:
            return False
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}{proc.health_path}", timeout=3):
            return True
    except urllib.error.HTTPError:
        return True
    except (OSError, ValueError):
        return False


def port_in_use(port: int) -> bool:
    """Would binding 127.0.0.1:port fail? (also catches listeners on 0.0.0.0)"""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError:
            return True
    return False


def ports_needed(cfg: Config) -> dict[str, int]:
    """Port name -> number for every listener the chosen services open."""
    names = {p.port for p in processes(cfg) if p.port}
    if cfg.needs_rabbit:
        names.add("RABBIT_DIST")
    return {n: cfg.ports[n] for n in sorted(names)}
