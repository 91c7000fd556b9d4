"""Cinder (fake volume driver): a volume becomes available and is deleted."""


def test_volume_available_then_deleted(demo, require, name):
    require("block-storage")
    volume = demo.create_volume(1, name=name, wait=True, timeout=300)
    try:
        assert volume.status == "available"
        assert name in {v.name for v in demo.list_volumes()}
    finally:
        resource = demo.block_storage.get_volume(volume.id)
        demo.delete_volume(volume.id)
        demo.block_storage.wait_for_delete(resource, wait=300)
    assert demo.block_storage.find_volume(volume.id) is None
