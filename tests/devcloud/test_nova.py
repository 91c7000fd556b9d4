"""Nova (fake driver) with placement and neutron: a server goes ACTIVE and away."""


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
    server = demo.create_server(name, image="cirros-tiny", flavor="m1.tiny",
                                network=private.id, key_name="demo-key",
                                wait=True, timeout=300)
    try:
        assert server.status == "ACTIVE"
        assert server.private_v4.startswith("10.0.0."), server.addresses
        assert name in {s.name for s in demo.list_servers()}
    finally:
        demo.delete_server(server.id, wait=True, timeout=300)
    assert demo.get_server(server.id) is None
