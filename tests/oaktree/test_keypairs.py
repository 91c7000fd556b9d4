"""Keypair lifecycle over gRPC and REST: create (private key once), import, list, get, delete."""
from __future__ import annotations

import uuid

import grpc
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from oaktree.v1 import compute_pb2, location_pb2

DEVCLOUD = location_pb2.Location(cloud="devcloud", region="RegionOne")
REGION_PATH = "/v1/clouds/devcloud/regions/RegionOne"


@pytest.fixture
def names(demo):
    prefix = f"oaktree-test-kp-{uuid.uuid4().hex[:8]}"
    made = {"generated": f"{prefix}-gen", "imported": f"{prefix}-imp",
            "generated_rest": f"{prefix}-gen2", "imported_grpc": f"{prefix}-imp2"}
    yield made
    for name in made.values():
        demo.compute.delete_keypair(name, ignore_missing=True)


def public_key() -> str:
    key = ed25519.Ed25519PrivateKey.generate().public_key()
    return key.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH).decode()


def test_keypair_lifecycle(names, stubs, http, demo):
    created = stubs.compute.CreateKeypair(compute_pb2.CreateKeypairRequest(
        location=DEVCLOUD, name=names["generated"]), timeout=60)
    assert created.name == created.id == names["generated"]
    assert "PRIVATE KEY" in created.private_key  # the only time anyone sees it
    assert created.public_key.startswith("ssh-") and created.fingerprint
    assert demo.compute.find_keypair(names["generated"]).public_key == created.public_key

    # Same name again: ALREADY_EXISTS (409 over REST).
    with pytest.raises(grpc.RpcError) as caught:
        stubs.compute.CreateKeypair(compute_pb2.CreateKeypairRequest(location=DEVCLOUD, name=names["generated"]))
    assert caught.value.code() == grpc.StatusCode.ALREADY_EXISTS

    key = public_key()
    reply = http.post(f"{REGION_PATH}/keypairs:import", json={"name": names["imported"], "publicKey": key})
    assert reply.status_code == 200, reply.text
    imported = reply.json()
    assert imported["publicKey"] == key and imported["privateKey"] == "" and imported["type"] == "ssh"

    # The other protocol for each: create over REST (201), import over gRPC.
    reply = http.post(f"{REGION_PATH}/keypairs", json={"name": names["generated_rest"]})
    assert reply.status_code == 201, reply.text
    assert "PRIVATE KEY" in reply.json()["privateKey"]
    key2 = public_key()
    imported_grpc = stubs.compute.ImportKeypair(compute_pb2.ImportKeypairRequest(
        location=DEVCLOUD, name=names["imported_grpc"], public_key=key2))
    assert imported_grpc.public_key == key2 and not imported_grpc.private_key

    # Read back: never a private key.
    got = stubs.compute.GetKeypair(compute_pb2.GetKeypairRequest(location=DEVCLOUD, name_or_id=names["generated"]))
    assert got.public_key == created.public_key and got.private_key == ""
    listed = http.get(f"{REGION_PATH}/keypairs", params={"nameOrId": names["generated"].rsplit("-", 1)[0] + "-*"})
    assert listed.status_code == 200, listed.text
    assert sorted(k["name"] for k in listed.json()["keypairs"]) == sorted(names.values())
    assert all(k["privateKey"] == "" for k in listed.json()["keypairs"])

    over_grpc = stubs.compute.ListKeypairs(compute_pb2.ListKeypairsRequest(
        location=DEVCLOUD, name_or_id=names["generated"].rsplit("-", 1)[0] + "-*"))
    assert sorted(k.name for k in over_grpc.keypairs) == sorted(names.values())

    for name in (names["imported"], names["generated_rest"]):
        reply = http.delete(f"{REGION_PATH}/keypairs/{name}")
        assert reply.status_code == 204, reply.text
    for name in (names["generated"], names["imported_grpc"]):
        stubs.compute.DeleteKeypair(compute_pb2.DeleteKeypairRequest(location=DEVCLOUD, name_or_id=name))
    for name in names.values():
        assert demo.compute.find_keypair(name, ignore_missing=True) is None
    with pytest.raises(grpc.RpcError) as caught:
        stubs.compute.DeleteKeypair(compute_pb2.DeleteKeypairRequest(location=DEVCLOUD, name_or_id=names["generated"]))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert http.get(f"{REGION_PATH}/keypairs/{names['imported']}").status_code == 404


def test_import_rejects_garbage(names, http):
    reply = http.post(f"{REGION_PATH}/keypairs:import", json={"name": names["imported"], "publicKey": "not a key"})
    assert reply.status_code == 400, reply.text
    reply = http.post(f"{REGION_PATH}/keypairs:import", json={"name": names["imported"]})
    assert reply.status_code == 400 and "publicKey" in reply.text or "public_key" in reply.text
