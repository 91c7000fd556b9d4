"""Keystone tokens, application credentials and a throw-away CA for the auth tests.

Tokens come from Keystone directly (keystoneauth / HTTP), never through oaktree."""
from __future__ import annotations

import dataclasses
import datetime
import ipaddress
import pathlib
import uuid

import httpx
import openstack
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PREFIX = "oaktree-auth-test-"


def unique(kind: str) -> str:
    return f"{PREFIX}{kind}-{uuid.uuid4().hex[:8]}"


def new_token(cloud: str) -> str:
    """A fresh project-scoped token for the cloud's user (a password login, in the test)."""
    connection = openstack.connect(cloud=cloud, region_name="RegionOne")
    try:
        return connection.session.get_token()
    finally:
        connection.close()


def unscoped_token(connection) -> str:
    """A token for the connection's user scoped to nothing (password login without a project)."""
    response = httpx.post(f"{keystone_url(connection)}/auth/tokens", json={"auth": {"identity": {
        "methods": ["password"], "password": {"user": {
            "name": connection.config.config["auth"]["username"], "domain": {"name": "Default"},
            "password": connection.config.config["auth"]["password"]}}},
        "scope": "unscoped"}})  # else Keystone scopes to the user's default project
    assert response.status_code == 201, response.text
    assert "project" not in response.json()["token"]
    return response.headers["X-Subject-Token"]


def keystone_url(connection) -> str:
    return connection.config.config["auth"]["auth_url"].rstrip("/")


def revoke(connection, token: str) -> None:
    """DELETE /v3/auth/tokens: the token's owner may revoke it (policy rule:token_subject)."""
    response = httpx.delete(f"{keystone_url(connection)}/auth/tokens",
                            headers={"X-Auth-Token": token, "X-Subject-Token": token})
    assert response.status_code == 204, response.text


@dataclasses.dataclass
class AppCredential:
    id: str
    secret: str
    token_url: str


def create_app_credential(connection, expires_at: datetime.datetime | None = None) -> AppCredential:
    cred = connection.identity.create_application_credential(
        connection.current_user_id, name=unique("appcred"),
        expires_at=expires_at.strftime("%Y-%m-%dT%H:%M:%S") if expires_at else None)
    return AppCredential(cred.id, cred.secret, f"{keystone_url(connection)}/OS-OAUTH2/token")


def delete_app_credential(connection, cred: AppCredential) -> None:
    connection.identity.delete_application_credential(connection.current_user_id, cred.id,
                                                      ignore_missing=True)


def oauth2_token(cred: AppCredential) -> str:
    """OAuth 2.0 client-credentials grant: HTTP Basic id:secret -> a Keystone token as access_token."""
    response = httpx.post(cred.token_url, auth=(cred.id, cred.secret),
                          data={"grant_type": "client_credentials"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "Bearer"
    return body["access_token"]


@dataclasses.dataclass
class Pki:
    ca: pathlib.Path
    server_cert: pathlib.Path
    server_key: pathlib.Path
    client_cert: pathlib.Path
    client_key: pathlib.Path

    def read(self, name: str) -> bytes:
        return getattr(self, name).read_bytes()


def make_pki(directory: pathlib.Path) -> Pki:
    """A test CA, a server certificate for 127.0.0.1/localhost and a client certificate."""
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "oaktree test CA")])
    ca_cert = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
               .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(minutes=5))
               .not_valid_after(now + datetime.timedelta(days=1))
               .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                              critical=True)
               .sign(ca_key, hashes.SHA256()))

    def leaf(common_name: str, usage, san: list | None):
        key = ec.generate_private_key(ec.SECP256R1())
        builder = (x509.CertificateBuilder()
                   .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
                   .issuer_name(ca_name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(minutes=5))
                   .not_valid_after(now + datetime.timedelta(days=1))
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                   .add_extension(x509.ExtendedKeyUsage([usage]), critical=False))
        if san:
            builder = builder.add_extension(x509.SubjectAlternativeName(san), critical=False)
        return key, builder.sign(ca_key, hashes.SHA256())

    server_key, server_cert = leaf("localhost", ExtendedKeyUsageOID.SERVER_AUTH, [
        x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))])
    client_key, client_cert = leaf("oaktree test client", ExtendedKeyUsageOID.CLIENT_AUTH, None)

    def write(name: str, data: bytes) -> pathlib.Path:
        path = directory / name
        path.write_bytes(data)
        return path

    def pem_key(key) -> bytes:
        return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption())

    return Pki(
        ca=write("ca.pem", ca_cert.public_bytes(serialization.Encoding.PEM)),
        server_cert=write("server.pem", server_cert.public_bytes(serialization.Encoding.PEM)),
        server_key=write("server-key.pem", pem_key(server_key)),
        client_cert=write("client.pem", client_cert.public_bytes(serialization.Encoding.PEM)),
        client_key=write("client-key.pem", pem_key(client_key)))
