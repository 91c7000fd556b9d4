"""TLS for both ports from one set of files: the server certificate and key, and optionally
a CA whose client certificates are then required (mutual TLS) on gRPC and REST alike."""
from __future__ import annotations

import dataclasses
import pathlib
import ssl

import grpc


@dataclasses.dataclass(frozen=True)
class TlsFiles:
    cert: str            # PEM certificate chain
    key: str             # PEM private key
    client_ca: str = ""  # PEM CA bundle: clients must present a certificate it signed

    def __post_init__(self) -> None:
        for name in ("cert", "key", "client_ca"):
            path = getattr(self, name)
            if path and not pathlib.Path(path).is_file():
                raise OSError(f"TLS {name.replace('_', ' ')} file not found: {path}")

    def grpc_credentials(self) -> grpc.ServerCredentials:
        key, cert = pathlib.Path(self.key).read_bytes(), pathlib.Path(self.cert).read_bytes()
        client_ca = pathlib.Path(self.client_ca).read_bytes() if self.client_ca else None
        return grpc.ssl_server_credentials([(key, cert)], root_certificates=client_ca,
                                           require_client_auth=client_ca is not None)

    def uvicorn_options(self) -> dict:
        options = {"ssl_certfile": self.cert, "ssl_keyfile": self.key}
        if self.client_ca:
            options.update(ssl_ca_certs=self.client_ca, ssl_cert_reqs=ssl.CERT_REQUIRED)
        return options
