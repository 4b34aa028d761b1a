#!/usr/bin/env python3
"""Render deploy/nginx/policyshare.conf.template from the environment (docs/deploy.md).

    APP_SERVERS=127.0.0.1:8000,10.0.0.12:8000 SERVER_NAME=policies.example.org \
        python3 deploy/render_nginx.py > /etc/nginx/sites-available/policyshare
"""

import os
import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx" / "policyshare.conf.template"
DEFAULTS = {
    "LISTEN": "80",
    "SERVER_NAME": "_",
    "APP_SERVERS": "127.0.0.1:8000",
    "STATIC_ROOT": "/var/lib/policyshare/static",
    "MEDIA_ROOT": "/var/lib/policyshare/media",
    "CACHE_DIR": "/var/cache/nginx/policyshare",
    "PURGE_LISTEN": "127.0.0.1:8081",
    # Where the access log goes, in the masking format; "off" for none.
    "ACCESS_LOG": "/var/log/nginx/access.log",
}


def render(values: dict[str, str]) -> str:
    values = {**DEFAULTS, **values}
    servers = [s.strip() for s in values["APP_SERVERS"].split(",") if s.strip()]
    values["UPSTREAM_SERVERS"] = "\n".join(
        f"    server {server} max_fails=3 fail_timeout=5s;" for server in servers
    )
    path = values["ACCESS_LOG"]
    values["ACCESS_LOG"] = (
        "access_log off;" if path == "off" else f"access_log {path} policyshare_private;"
    )
    # Only ${UPPER_CASE} is ours; nginx's own $variables pass through untouched.
    return re.sub(r"\$\{([A-Z_]+)\}", lambda m: values[m.group(1)], TEMPLATE.read_text())


if __name__ == "__main__":
    sys.stdout.write(render({k: v for k, v in os.environ.items() if k in DEFAULTS}))
