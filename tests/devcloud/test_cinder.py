"""Cinder (fake volume driver): a volume becomes available and is deleted."""


def test_volume_available_then_deleted(demo, require, name):
    require("block-storage")
    volume = demo.create_volume(1, name=name, wait=True, timeout=300)
    try:
        assert volume.status == "available"
        assert name in {v.name for v in demo.list_volumes()}
    finally:
        demo.delete_volume(volume.id, wait=True, timeout=300)
    assert demo.get_volume(volume.id) is None
