"""Neutron: the seeded topology and network/router/floating IP operations."""


def test_seeded_topology(demo, alt, admin, require):
    require("network")
    public = admin.network.find_network("public")
    assert public.is_router_external and public.is_shared
    assert [s.cidr for s in admin.network.subnets(network_id=public.id)] == ["172.24.4.0/24"]
    for conn, cidr in ((demo, "10.0.0.0/24"), (alt, "10.0.1.0/24")):
        private = conn.network.find_network("private", project_id=conn.current_project_id)
        assert [s.cidr for s in conn.network.subnets(network_id=private.id)] == [cidr]
        router = conn.network.find_router("router1", project_id=conn.current_project_id)
        assert router.external_gateway_info["network_id"] == public.id
        assert list(conn.network.ports(device_id=router.id, network_id=private.id))


def test_projects_do_not_see_each_others_private_networks(demo, alt, require):
    require("network")
    demo_private = demo.network.find_network("private", project_id=demo.current_project_id)
    assert demo_private.id not in {n.id for n in alt.network.networks()}


def test_network_router_and_floating_ip(demo, require, name):
    require("network")
    public = demo.network.find_network("public")
    net = demo.create_network(name)
    try:
        subnet = demo.create_subnet(net.id, cidr="10.42.0.0/24", subnet_name=name)
        router = demo.create_router(name, ext_gateway_net_id=public.id)
        demo.add_router_interface(router, subnet_id=subnet.id)
        port = demo.create_port(net.id, name=name)
        fip = demo.create_floating_ip(network=public.id, port=port.id)
        assert fip.floating_ip_address.startswith("172.24.4.")
        assert fip.fixed_ip_address == port.fixed_ips[0]["ip_address"]
        assert fip.id in {f.id for f in demo.list_floating_ips()}
        demo.delete_floating_ip(fip.id)
        demo.delete_port(port.id)
        demo.remove_router_interface(router, subnet_id=subnet.id)
        demo.delete_router(router.id)
    finally:
        demo.delete_network(net.id)
