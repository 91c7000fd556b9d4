"""Nova (fake driver) with placement and neutron: a server goes ACTIVE and away."""
import openstack.utils


def test_seeded_flavors_and_keypair(demo, require):
    require("compute")
    flavors = {f.name: f for f in demo.compute.flavors()}
    sizes = {n: (f.ram, f.vcpus, f.disk) for n, f in flavors.items()}
    assert sizes["m1.tiny"] == (512, 1, 1)
    assert sizes["m1.small"] == (2048, 1, 20)
    assert sizes["m1.medium"] == (4096, 2, 40)
    assert sizes["m1.large"] == (8192, 4, 80)
    assert demo.compute.find_keypair("demo-key") is not None


def test_server_active_on_private_network_then_deleted(demo, require, name):
    require("compute")
    require("network")
    require("image")
    private = demo.network.find_network("private", project_id=demo.current_project_id)
    # the cloud layer's default auto_ip attaches a floating IP from `public` and waits
    # until nova lists it (neutron notifies nova of the association)
    server = demo.create_server(name, image="cirros-tiny", flavor="m1.tiny",
                                network=private.id, key_name="demo-key",
                                wait=True, timeout=300)
    try:
        assert server.status == "ACTIVE"
        by_type = {a["OS-EXT-IPS:type"]: a["addr"] for a in server.addresses["private"]}
        assert by_type["fixed"].startswith("10.0.0."), server.addresses
        assert by_type["floating"].startswith("172.24.4."), server.addresses
        assert name in {s.name for s in demo.list_servers()}
    finally:
        # the cloud layer's wait=True checks through its server-list cache and may
        # return early: wait on the proxy, which GETs the server until 404 or DELETED
        resource = demo.compute.get_server(server.id)
        demo.delete_server(server.id, delete_ips=True)
        demo.compute.wait_for_delete(resource, wait=300)
    # DELETED shows while nova-compute finishes; then the server leaves the listing
    for _ in openstack.utils.iterate_timeout(120, "server still listed after delete", wait=1):
        if name not in {s.name for s in demo.compute.servers()}:
            break
    assert demo.compute.find_server(server.id) is None
