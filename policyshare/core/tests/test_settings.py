"""Production settings refuse to start without their secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def run_check(**env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="policyshare.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {
        "SECRET_KEY": "s" * 20 + "-Xy7_q9Lp2Zr4Wt6Vb8Nc1Md3Kf5Hj0Gs",
        "ALLOWED_HOSTS": "x.example",
    }
    del env[missing]
    result = run_check(**env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_passes_the_deploy_check():
    result = run_check(
        SECRET_KEY="s" * 20 + "-Xy7_q9Lp2Zr4Wt6Vb8Nc1Md3Kf5Hj0Gs", ALLOWED_HOSTS="x.example"
    )
    assert result.returncode == 0, result.stdout + result.stderr
