"""Generated code is reproducible by one command and checked in; the protos lint clean."""
from __future__ import annotations

import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_generated_files_are_fresh():
    result = subprocess.run([sys.executable, "tools/generate.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_buf_lint_passes():
    sys.path.insert(0, str(ROOT / "tools"))
    import generate

    buf = ROOT / "node_modules" / ".bin" / "buf"
    assert buf.exists(), "run `npm ci` in the repository root"
    with tempfile.TemporaryDirectory() as tmp:
        image = pathlib.Path(tmp) / "image.binpb"
        options = pathlib.Path(tmp) / "options.binpb"
        generate._openapiv2_descriptor_set(options)
        generate._protoc([f"-I{ROOT / 'protos'}", *[f"-I{d}" for d in generate._include_dirs()],
                          f"--descriptor_set_in={options}", f"--descriptor_set_out={image}",
                          "--include_imports", "--include_source_info",
                          *generate._proto_files(ROOT / "protos")])
        result = subprocess.run([str(buf), "lint", str(image), "--path", "oaktree/v1",
                                 "--config", "buf.yaml"], cwd=ROOT / "protos", capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
