"""The `oaktree` command."""
from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    help="oaktree: one gRPC and REST/JSON API over many OpenStack clouds.\n\n"
         "Clouds come from clouds.yaml (and secure.yaml, OS_* variables), found where every "
         "OpenStack tool looks: ./clouds.yaml, ~/.config/openstack/, /etc/openstack/, or the "
         "file named by OS_CLIENT_CONFIG_FILE.",
    no_args_is_help=True, add_completion=False, rich_markup_mode=None)


def _setup_logging(level: str) -> None:
    logging.basicConfig(level=level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    # openstacksdk and keystoneauth are chatty at INFO; their warnings still show.
    for noisy in ("keystoneauth", "openstack", "stevedore", "urllib3"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))


@app.command()
def serve(
    grpc_port: Annotated[int, typer.Option(envvar="OAKTREE_GRPC_PORT", help="gRPC port (0: any free port).")] = 50051,
    http_port: Annotated[int, typer.Option(envvar="OAKTREE_HTTP_PORT", help="REST/JSON port (0: any free port).")] = 8080,
    host: Annotated[str, typer.Option(envvar="OAKTREE_HOST", help="Address to listen on. The default serves this machine only; use 0.0.0.0 to serve the network.")] = "127.0.0.1",
    cloud: Annotated[Optional[list[str]], typer.Option("--cloud", "-c", envvar="OAKTREE_CLOUDS", help="Serve only this cloud from clouds.yaml (repeatable). Default: every configured cloud.")] = None,
    clouds_file: Annotated[Optional[Path], typer.Option(envvar="OS_CLIENT_CONFIG_FILE", help="clouds.yaml to read instead of the usual search path.", exists=True, dir_okay=False)] = None,
    workers: Annotated[int, typer.Option(envvar="OAKTREE_WORKERS", help="Threads for blocking cloud calls.")] = 16,
    grace: Annotated[float, typer.Option(envvar="OAKTREE_GRACE", help="Seconds in-flight calls get to finish on SIGTERM.")] = 10.0,
    watch_interval: Annotated[float, typer.Option(envvar="OAKTREE_WATCH_INTERVAL", min=0.1, help="Seconds between two server lists of the shared poller that feeds every watch and wait stream of a cloud region.")] = 2.0,
    log_level: Annotated[str, typer.Option(envvar="OAKTREE_LOG_LEVEL", help="debug, info, warning or error.")] = "info",
    config: Annotated[Optional[Path], typer.Option("--config", envvar="OAKTREE_CONFIG", help="oaktree.yaml: cache (backend, TTL per resource kind) and rate limits per cloud and service (see oaktree/config.py).", exists=True, dir_okay=False)] = None,
    cache: Annotated[Optional[str], typer.Option(envvar="OAKTREE_CACHE", help="Cache backend: memory (default), none, or redis://host:port/db to share lists and single-flight locks between replicas. Overrides the config file.")] = None,
    auth: Annotated[str, typer.Option(envvar="OAKTREE_AUTH", help="none: personal mode, calls act with clouds.yaml's credentials. keystone: shared mode, every call must carry a Keystone token (x-auth-token or authorization: Bearer) and acts with it.")] = "none",
    token_revalidate: Annotated[float, typer.Option(envvar="OAKTREE_TOKEN_REVALIDATE", min=0, help="Shared mode: seconds a token validation is reused (never past the token's expiry); a revoked token stops working within this time.")] = 30.0,
    max_token_connections: Annotated[int, typer.Option(envvar="OAKTREE_MAX_TOKEN_CONNECTIONS", min=1, help="Shared mode: cloud connections kept for callers' tokens (least recently used closed first).")] = 256,
    tls_cert: Annotated[Optional[Path], typer.Option(envvar="OAKTREE_TLS_CERT", help="PEM certificate (chain): serve gRPC and REST over TLS.", exists=True, dir_okay=False)] = None,
    tls_key: Annotated[Optional[Path], typer.Option(envvar="OAKTREE_TLS_KEY", help="PEM private key for --tls-cert.", exists=True, dir_okay=False)] = None,
    tls_client_ca: Annotated[Optional[Path], typer.Option(envvar="OAKTREE_TLS_CLIENT_CA", help="PEM CA bundle: require client certificates it signed on both ports (mutual TLS).", exists=True, dir_okay=False)] = None,
) -> None:
    """Serve gRPC and REST/JSON from one process.

    Example: oaktree serve --cloud devcloud --grpc-port 50051 --http-port 8080
    """
    from oaktree import config as oaktree_config
    from oaktree.server import OaktreeServer, Settings

    _setup_logging(log_level)
    try:
        options = oaktree_config.load(config, cache)
    except oaktree_config.ConfigError as exc:
        raise typer.BadParameter(str(exc), param_hint="--config/--cache") from None
    settings = Settings(host=host, grpc_port=grpc_port, http_port=http_port,
                        config_files=[str(clouds_file)] if clouds_file else [],
                        clouds=list(cloud or []), max_workers=workers, grace_seconds=grace,
                        config=options, watch_interval=watch_interval, auth=auth, token_revalidate_seconds=token_revalidate,
                        max_token_connections=max_token_connections,
                        tls_cert=str(tls_cert or ""), tls_key=str(tls_key or ""),
                        tls_client_ca=str(tls_client_ca or ""))
    try:
        server = OaktreeServer(settings)
    except KeyError as exc:
        raise typer.BadParameter(str(exc.args[0]), param_hint="--cloud") from None
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    try:
        asyncio.run(server.serve_forever())
    except OSError as exc:
        typer.echo(f"oaktree: {exc}", err=True)
        raise typer.Exit(1) from None


@app.command()
def clouds(
    clouds_file: Annotated[Optional[Path], typer.Option(envvar="OS_CLIENT_CONFIG_FILE", help="clouds.yaml to read.", exists=True, dir_okay=False)] = None,
) -> None:
    """List the clouds and regions oaktree would serve (reads configuration only)."""
    from rich.console import Console
    from rich.table import Table

    from oaktree.clouds import CloudRegistry

    registry = CloudRegistry.load([str(clouds_file)] if clouds_file else [])
    table = Table("cloud", "regions", "auth url")
    for name in registry.cloud_names():
        info = registry.info(name)
        table.add_row(name, ", ".join(info.regions) or "(default)", info.auth_url)
    Console().print(table)


def main() -> None:
    app()
