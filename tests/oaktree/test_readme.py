"""The README's "Try it" examples work as written (pointed at the test server's ports)."""
from __future__ import annotations

import json
import pathlib
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]


def try_it_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Try it", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.*?)```", section, re.S)


def localised(block: str, server) -> str:
    return (block.replace("localhost:8080", f"localhost:{server.http_port}")
                 .replace("127.0.0.1:50051", server.grpc_target))


def test_curl_examples_answer_json(server):
    curl_block = try_it_blocks()[0]
    commands = [c.split("  #")[0] for c in curl_block.replace("\\\n", "").strip().splitlines()]
    assert len(commands) >= 5
    for command in commands:
        result = subprocess.run(["bash", "-c", localised(command, server)], capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 0, (command, result.stderr)
        body = json.loads(result.stdout)
        assert body, command
        if "m1.tiny" in command and "regions" not in command:
            assert body["code"] == 3 and "devcloud-alt" in body["message"]


def test_grpc_example_runs(server):
    grpc_block = try_it_blocks()[1]
    result = subprocess.run(["bash", "-c", localised(grpc_block, server)], capture_output=True,
                            text=True, timeout=180, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "RegionOne m1.tiny 512 1" in result.stdout
    assert "error: RegionTwo" in result.stdout


def test_image_example_round_trips(server, demo):
    image_block = try_it_blocks()[2]
    assert "images:upload" in image_block
    try:
        result = subprocess.run(["bash", "-c", localised(image_block, server)], capture_output=True,
                                text=True, timeout=180, cwd=ROOT)
        assert result.returncode == 0, result.stderr
        assert "same bytes" in result.stdout
        assert '"region":"RegionTwo"' in result.stdout
    finally:
        for image in demo.image.images(name="readme-disk"):
            demo.image.delete_image(image, ignore_missing=True)
