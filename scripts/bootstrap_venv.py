#!/usr/bin/env python3
"""Create .venv with pip, even where Debian's python3-venv (ensurepip) is not installed.

`python3 -m venv` needs ensurepip, which Debian ships separately. Without it, the venv is
created without pip and pip is installed from its wheel on PyPI, checked against the
SHA-256 digest PyPI publishes. Standard library only.
"""

import hashlib
import json
import subprocess
import sys
import tempfile
import urllib.request
import venv
from pathlib import Path

# The pip wheel that requirements/dev.txt pins, and its digest (from the lock file).
PIP_WHEEL = "pip-26.3-py3-none-any.whl"
PIP_SHA256 = "f3b60b20ffaadd4415ed7957212a38ac63fa4c5fa375bd0f4a797777940fad13"
SIMPLE_INDEX = "https://pypi.org/simple/pip/"


def main(target: str) -> int:
    path = Path(target)
    try:
        venv.EnvBuilder(with_pip=True).create(path)
        return 0
    except (subprocess.CalledProcessError, OSError) as error:
        print(f"venv with ensurepip failed ({error}); installing pip from PyPI instead.")
    venv.EnvBuilder(with_pip=False, clear=True).create(path)
    request = urllib.request.Request(
        SIMPLE_INDEX, headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (fixed https URL)
        files = json.load(response)["files"]
    url = next(f["url"] for f in files if f["filename"] == PIP_WHEEL)
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310
        data = response.read()
    if hashlib.sha256(data).hexdigest() != PIP_SHA256:
        print(f"error: {PIP_WHEEL} does not match its pinned digest", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        wheel_path = Path(scratch) / PIP_WHEEL
        wheel_path.write_bytes(data)
        python = path / "bin" / "python"
        # A pip wheel can run itself to install itself.
        subprocess.run(
            [str(python), f"{wheel_path}/pip", "install", "--no-index", "--quiet", str(wheel_path)],
            check=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ".venv"))
