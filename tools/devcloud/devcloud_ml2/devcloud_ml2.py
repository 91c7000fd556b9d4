"""ML2 mechanism driver for an agent-less test cloud.

Binds every port, on any host, as an OVS port and marks it ACTIVE. Without a
mechanism driver ports stay unbound and nova (fake virt driver) fails to boot
servers on neutron networks with PortBindingFailed; devcloud runs no L2 agents.
"""
from neutron_lib import constants
from neutron_lib.api.definitions import portbindings
from neutron_lib.plugins.ml2 import api


class BindAllMechanismDriver(api.MechanismDriver):

    def initialize(self):
        pass

    @property
    def connectivity(self):
        return portbindings.CONNECTIVITY_L2

    def bind_port(self, context):
        for segment in context.segments_to_bind:
            context.set_binding(
                segment[api.ID], portbindings.VIF_TYPE_OVS,
                {portbindings.CAP_PORT_FILTER: True,
                 portbindings.OVS_HYBRID_PLUG: False},
                status=constants.PORT_STATUS_ACTIVE)
            return
