"""Image upload and download through oaktree (gRPC and REST) vs openstacksdk directly.

    eval "$(tools/devcloud/devcloud env)"
    .venv/bin/python bench/image_bench.py [--size-mib 256] [--cloud devcloud] [--region RegionOne]

Starts its own `oaktree serve`, then moves the same amount of data six ways, one after
the other: upload with openstacksdk (`conn.image.create_image(data=<generator>)`, the
baseline), over gRPC (client stream of 1 MiB messages) and over REST (chunked raw body);
download with openstacksdk (`download_image(stream=True)`, unverified; and with
`output=`, which verifies the hash as oaktree does), over gRPC and over REST.
Prints MiB/s, the ratio to the openstacksdk baseline of the same run, and the peak RSS
growth of the oaktree process during each transfer (sampled every 10 ms with psutil).
The client data is generated chunk by chunk, so the bench itself never holds the image.
Every image it creates is deleted at the end. Not a test: numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import io
import os
import pathlib
import sys
import tempfile
import threading
import time
import uuid

ROOT = pathlib.Path(__file__).resolve().parent.parent
for extra in (ROOT, ROOT / "tests" / "oaktree"):
    sys.path.insert(0, str(extra))

MIB = 1 << 20


def chunks(size: int, chunk: int = MIB):
    """Deterministic, incompressible-enough data, produced 1 MiB at a time."""
    block = os.urandom(chunk)
    sent, counter = 0, 0
    while sent < size:
        piece = counter.to_bytes(8, "big") + block[8:min(chunk, size - sent)]
        yield piece
        sent += len(piece)
        counter += 1


class RssPeak:
    """Peak RSS of a process above its RSS at start, sampled in a thread."""

    def __init__(self, pid: int, interval: float = 0.01):
        import psutil
        self._process, self._interval = psutil.Process(pid), interval

    def __enter__(self):
        self.base = self.peak = self._process.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self):
        while not self._stop.wait(self._interval):
            self.peak = max(self.peak, self._process.memory_info().rss)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    @property
    def growth_mib(self) -> float:
        return (self.peak - self.base) / MIB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=256)
    parser.add_argument("--cloud", default="devcloud")
    parser.add_argument("--region", default="RegionOne")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each transfer; the best rate and the worst RSS growth count "
                             "(the machine is shared: the best run is the least disturbed one)")
    args = parser.parse_args()
    size = args.size_mib * MIB

    import grpc
    import httpx
    import openstack
    from oaktree_server import start_server, stop_server

    from oaktree.v1 import image_pb2, image_pb2_grpc, location_pb2

    clouds_yaml = os.environ.get("OS_CLIENT_CONFIG_FILE")
    if not clouds_yaml:
        sys.exit('no cloud: eval "$(tools/devcloud/devcloud env)" first')
    log = pathlib.Path(tempfile.mkdtemp()) / "oaktree.log"
    server = start_server(pathlib.Path(clouds_yaml), log)
    conn = openstack.connect(cloud=args.cloud, region_name=args.region)
    channel = grpc.insecure_channel(server.grpc_target, options=[
        ("grpc.max_receive_message_length", 8 * MIB)])
    stub = image_pb2_grpc.ImageServiceStub(channel)
    http = httpx.Client(base_url=server.base_url, timeout=600)
    location = location_pb2.Location(cloud=args.cloud, region=args.region)
    prefix = f"oaktree-bench-{uuid.uuid4().hex[:6]}"
    created: list[str] = []
    results: dict[str, tuple[float, float]] = {}

    def measure(label: str, fn) -> None:
        rates, growths = [], []
        for _ in range(args.repeat):
            with RssPeak(server.process.pid) as rss:
                started = time.perf_counter()
                moved = fn()
                seconds = time.perf_counter() - started
            assert moved == size, (label, moved, size)
            rates.append(size / MIB / seconds)
            growths.append(rss.growth_mib)
            while len(created) > 1:  # keep one image (for the downloads), not one per run
                conn.image.delete_image(created.pop(), ignore_missing=True)
        results[label] = (max(rates), max(growths))
        print(f"  {label:17s} {max(rates):8.1f} MiB/s (runs: {', '.join(f'{r:.0f}' for r in rates)})"
              f"   oaktree RSS +{max(growths):6.1f} MiB", flush=True)

    def sdk_upload() -> int:
        image = conn.image.create_image(f"{prefix}-sdk", data=chunks(size), disk_format="raw",
                                        container_format="bare", allow_duplicates=True,
                                        validate_checksum=False)
        created.append(image.id)
        return conn.image.get_image(image.id).size

    def grpc_upload() -> int:
        def requests():
            yield image_pb2.UploadImageRequest(location=location, spec=image_pb2.ImageSpec(
                name=f"{prefix}-grpc", disk_format="raw"))
            for piece in chunks(size):
                yield image_pb2.UploadImageRequest(data={"data": piece})
        image = stub.UploadImage(requests(), timeout=1200)
        created.append(image.id)
        return image.size

    def rest_upload() -> int:
        reply = http.post(f"/v1/clouds/{args.cloud}/regions/{args.region}/images:upload",
                          params={"spec.name": f"{prefix}-rest", "spec.diskFormat": "raw"},
                          content=chunks(size), headers={"Content-Type": "application/octet-stream"})
        reply.raise_for_status()
        created.append(reply.json()["id"])
        return int(reply.json()["size"])

    def sdk_download() -> int:
        response = conn.image.download_image(created[0], stream=True)
        return sum(len(piece) for piece in response.iter_content(chunk_size=MIB))

    class Sink(io.RawIOBase):
        """Discards what it is given (sdk's verified download writes to a file object)."""
        written = 0

        def writable(self):
            return True

        def write(self, data):
            self.written += len(data)
            return len(data)

    def sdk_verified_download() -> int:
        sink = Sink()
        conn.image.download_image(created[0], output=sink)  # verifies the hash, as oaktree does
        return sink.written

    def grpc_download() -> int:
        request = image_pb2.DownloadImageRequest(location=location, name_or_id=created[0])
        return sum(len(piece.data) for piece in stub.DownloadImage(request, timeout=1200))

    def rest_download() -> int:
        with http.stream("GET", f"/v1/clouds/{args.cloud}/regions/{args.region}/images/{created[0]}:download") as reply:
            reply.raise_for_status()
            return sum(len(piece) for piece in reply.iter_raw())

    print(f"image_bench: {args.size_mib} MiB, {args.cloud}/{args.region}, oaktree pid {server.process.pid}")
    try:
        for label, fn in (("upload sdk", sdk_upload), ("upload grpc", grpc_upload),
                          ("upload rest", rest_upload), ("download sdk", sdk_download),
                          ("download sdk+hash", sdk_verified_download),
                          ("download grpc", grpc_download), ("download rest", rest_download)):
            measure(label, fn)
    finally:
        for image_id in created:
            conn.image.delete_image(image_id, ignore_missing=True)
        http.close()
        channel.close()
        stop_server(server)
    print("\nratios to openstacksdk (same run; target >= 0.8) and peak RSS growth (target <= 64 MiB):")
    for kind in ("upload", "download"):
        base = results[f"{kind} sdk"][0]
        for proto in ("grpc", "rest"):
            rate, growth = results[f"{kind} {proto}"]
            line = f"  {kind:8s} {proto:4s}  {rate / base:5.2f}x of sdk"
            if kind == "download":  # oaktree verifies the hash; so does sdk's output= path
                line += f"   {rate / results['download sdk+hash'][0]:5.2f}x of sdk+hash"
            print(f"{line}   RSS +{growth:.1f} MiB")


if __name__ == "__main__":
    main()
