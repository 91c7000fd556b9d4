"""The cache through real `oaktree serve` processes: Cache-Control over REST and gRPC, and
two replicas sharing one Redis. Requests reaching Glance are counted by a reverse proxy
named as the image endpoint in the test's clouds.yaml."""
from __future__ import annotations

import concurrent.futures
import subprocess
import sys
import uuid

import grpc
import httpx
import pytest
import yaml

from oaktree.v1 import image_pb2, image_pb2_grpc

from counting import CountingProxy
from oaktree_server import start_server, stop_server

GLANCE = "http://127.0.0.1:9292"  # the local cloud's RegionOne image service
IMAGES_PATH = "/v1/clouds/devcloud/regions/RegionOne/images"
REQUEST = image_pb2.ListImagesRequest(location={"cloud": "devcloud", "region": "RegionOne"})


def image_lists(proxy: CountingProxy) -> int:
    return proxy.count("GET", "/v2/images")


@pytest.fixture
def proxy():
    running = CountingProxy(GLANCE)
    yield running
    running.close()


@pytest.fixture
def proxied_clouds(clouds_yaml, tmp_path, proxy):
    """devcloud (RegionOne only) with Glance behind the counting proxy."""
    config = yaml.safe_load(clouds_yaml.read_text())
    cloud = config["clouds"]["devcloud"]
    cloud.pop("regions", None)
    cloud["region_name"] = "RegionOne"
    cloud["image_endpoint_override"] = proxy.url
    path = tmp_path / "clouds.yaml"
    path.write_text(yaml.safe_dump({"clouds": {"devcloud": cloud}}))
    return path


def list_over_grpc(server, metadata=()):
    with grpc.insecure_channel(server.grpc_target) as channel:
        return image_pb2_grpc.ImageServiceStub(channel).ListImages(REQUEST, metadata=metadata, timeout=60)


def list_over_rest(server, headers=None):
    reply = httpx.get(server.base_url + IMAGES_PATH, headers=headers, timeout=60)
    assert reply.status_code == 200, reply.text
    return reply.json()


def test_cache_control_no_cache_bypasses_over_rest_and_grpc(proxied_clouds, proxy, tmp_path):
    server = start_server(proxied_clouds, tmp_path / "oaktree.log")
    try:
        first = list_over_rest(server)
        names = {image["name"] for image in first["images"]}
        assert "cirros-tiny" in names, first
        list_over_rest(server)
        list_over_grpc(server)
        assert image_lists(proxy) == 1
        list_over_rest(server, {"Cache-Control": "no-cache"})
        assert image_lists(proxy) == 2
        list_over_grpc(server, (("cache-control", "no-cache"),))
        assert image_lists(proxy) == 3
        list_over_rest(server)  # the refreshed list was stored
        list_over_grpc(server)
        assert image_lists(proxy) == 3
        metrics = httpx.get(server.base_url + "/metrics").text
        assert 'oaktree_cache_bypasses_total{cloud="devcloud",kind="image",service="image"} 2.0' in metrics
        assert 'oaktree_backend_calls_total{cloud="devcloud",service="image"} 3.0' in metrics
    finally:
        assert stop_server(server) == 0, server.log()


def test_two_processes_sharing_redis_make_one_backend_call(proxied_clouds, proxy, redis_server, tmp_path):
    config = tmp_path / "oaktree.yaml"
    config.write_text(yaml.safe_dump({"cache": {"namespace": f"test-{uuid.uuid4().hex[:8]}"}}))
    servers = [start_server(proxied_clouds, tmp_path / f"oaktree-{i}.log", "--config", str(config),
                            "--cache", redis_server.url) for i in range(2)]
    try:
        calls = [lambda s=s: list_over_grpc(s) for s in servers for _ in range(10)]
        calls += [lambda s=s: list_over_rest(s) for s in servers for _ in range(10)]
        with concurrent.futures.ThreadPoolExecutor(len(calls)) as pool:
            answers = list(pool.map(lambda call: call(), calls))
        assert len(answers) == 40
        assert image_lists(proxy) == 1
    finally:
        for server in servers:
            assert stop_server(server) == 0, server.log()


def test_bad_config_is_a_clear_error(tmp_path, clouds_yaml):
    config = tmp_path / "oaktree.yaml"
    config.write_text(yaml.safe_dump({"cache": {"ttls": {"image": 5}}}))
    result = subprocess.run([sys.executable, "-m", "oaktree", "serve", "--config", str(config)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "unknown key(s) ttls" in result.stderr
    result = subprocess.run([sys.executable, "-m", "oaktree", "serve", "--cache", "memcached://x"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "want memory, none or redis://" in result.stderr


def test_over_the_rate_limit_is_429_and_resource_exhausted(proxied_clouds, proxy, tmp_path):
    config = tmp_path / "oaktree.yaml"
    config.write_text(yaml.safe_dump({"limits": {
        "max_wait": 0.5, "clouds": {"devcloud": {"image": {"rate": 0.05}}}}}))  # 1 call / 20 s
    server = start_server(proxied_clouds, tmp_path / "oaktree.log", "--config", str(config))
    path = IMAGES_PATH + "/cirros-tiny"
    try:
        assert httpx.get(server.base_url + path, timeout=60).status_code == 200
        refused = httpx.get(server.base_url + path, headers={"Cache-Control": "no-cache"}, timeout=60)
        assert refused.status_code == 429, refused.text
        body = refused.json()
        assert body["code"] == grpc.StatusCode.RESOURCE_EXHAUSTED.value[0]  # no deadline: max_wait
        assert "rate limit" in body["message"]
        assert any(d["@type"].endswith("google.rpc.RetryInfo") for d in body["details"])
        with grpc.insecure_channel(server.grpc_target) as channel:
            with pytest.raises(grpc.RpcError) as caught:
                image_pb2_grpc.ImageServiceStub(channel).GetImage(
                    image_pb2.GetImageRequest(location=REQUEST.location, name_or_id="cirros-tiny"),
                    metadata=(("cache-control", "no-cache"),), timeout=3)  # token due in ~20 s
        assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        assert image_lists(proxy) == 1  # the refused calls never reached Glance
    finally:
        assert stop_server(server) == 0, server.log()
