"""Swift behind keystone: objects and TempURLs."""
import requests


def test_object_round_trip_and_temp_url(demo, require, name):
    require("object-store")
    demo.create_container(name)
    try:
        demo.create_object(name, "hello.txt", data=b"hello devcloud")
        assert [o.name for o in demo.list_objects(name)] == ["hello.txt"]
        assert demo.object_store.download_object("hello.txt", container=name) == b"hello devcloud"

        key = "tempurl-key-" + name
        demo.object_store.set_account_temp_url_key(key)
        path = f"/v1/AUTH_{demo.current_project_id}/{name}/hello.txt"
        signed = demo.object_store.generate_temp_url(path, 120, "GET", temp_url_key=key)
        base = demo.object_store.get_endpoint().split("/v1/")[0]
        ok = requests.get(base + signed, timeout=30)  # no token
        assert ok.status_code == 200
        assert ok.content == b"hello devcloud"
        bad_sig = signed.replace("temp_url_sig=", "temp_url_sig=0")
        assert requests.get(base + bad_sig, timeout=30).status_code == 401
        assert requests.get(base + path, timeout=30).status_code == 401  # unsigned, no token
    finally:
        for obj in demo.list_objects(name):
            demo.delete_object(name, obj.name)
        demo.delete_container(name)
