"""Glance in two regions: RegionOne's and RegionTwo's are independent services."""
import io
import random

import openstack


def test_upload_and_download_in_region_one(demo, require, name):
    require("image", "RegionOne")
    data = random.Random(name).randbytes(256 * 1024 + 7)
    image = demo.create_image(name, data=data, disk_format="raw", container_format="bare",
                              wait=True)
    try:
        assert image.status == "active"
        out = io.BytesIO()
        demo.download_image(image.id, output_file=out)
        assert out.getvalue() == data
    finally:
        demo.delete_image(image.id, wait=True)


def test_upload_in_region_two_stays_in_region_two(demo, demo_region_two, require, name):
    require("image", "RegionTwo")
    data = random.Random(name).randbytes(64 * 1024)
    image = demo_region_two.create_image(name, data=data, disk_format="raw",
                                         container_format="bare", wait=True)
    try:
        out = io.BytesIO()
        demo_region_two.download_image(image.id, output_file=out)
        assert out.getvalue() == data
        assert demo.image.find_image(name) is None
    finally:
        demo_region_two.delete_image(image.id, wait=True)


def test_seeded_images_differ_per_region(demo, demo_region_two, require):
    require("image", "RegionOne")
    require("image", "RegionTwo")
    region_one = {i.name for i in demo.image.images()}
    region_two = {i.name for i in demo_region_two.image.images()}
    assert {"cirros-tiny", "cirros-small"} <= region_one
    assert "regiontwo-image" not in region_one
    assert "regiontwo-image" in region_two
    assert not {"cirros-tiny", "cirros-small"} & region_two


def test_seeded_image_bytes_are_deterministic(demo, require):
    require("image", "RegionOne")
    image = demo.image.find_image("cirros-tiny")
    out = io.BytesIO()
    demo.download_image(image.id, output_file=out)
    assert out.getvalue() == random.Random("cirros-tiny").randbytes(4096)


def test_devcloud_cloud_yields_one_cloud_region_per_region(clouds_yaml):
    config = openstack.config.OpenStackConfig(config_files=[str(clouds_yaml)])
    regions = sorted(c.region_name for c in config.get_all_clouds() if c.name == "devcloud")
    assert regions == ["RegionOne", "RegionTwo"]


def test_region_two_has_no_compute_or_network(demo_region_two, require):
    require("image", "RegionTwo")
    # what a multi-region fan-out sees in a region that lacks a service
    assert demo_region_two.has_service("image")
    assert not demo_region_two.has_service("compute")
    assert not demo_region_two.has_service("network")
