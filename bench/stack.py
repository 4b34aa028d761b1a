"""A throw-away production stack on this machine, for bench/load and bench/faults.

Each piece is private to the run: a PostgreSQL cluster made with initdb in a temporary
directory, a redis-server, gunicorn with deploy/gunicorn.conf.py and production settings,
and nginx with the configuration rendered from deploy/nginx. Every piece listens on a free
loopback port and is stopped, and its directory removed, when the run ends. Servers that
others use (a PostgreSQL on 5432, a Redis on 6379) are never touched.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
NGINX_PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")

sys.path.insert(0, str(ROOT / "deploy"))
from render_nginx import render as render_nginx  # noqa: E402


def _needs(*, proxy: bool, load: bool) -> list[tuple[str, str | None, bool]]:
    """(what, Debian package or None, present) for each thing the stack needs; `proxy`:
    nginx too; `load`: wrk too."""
    needs = [
        (f"PostgreSQL server ({PG_BIN}/initdb, Debian postgresql-15)", "postgresql-15",
         (PG_BIN / "initdb").exists()),
        ("redis-server (Debian redis-server)", "redis-server", bool(shutil.which("redis-server"))),
        ("gunicorn (make install)", None, (VENV_BIN / "gunicorn").exists()),
    ]  # fmt: skip
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: the cluster is the postgres user's
        needs.append(("runuser (util-linux)", "util-linux", bool(shutil.which("runuser"))))
    if proxy:
        needs.append(("nginx (Debian nginx-light)", "nginx-light", bool(shutil.which("nginx"))))
        needs.append((
            "nginx cache purge module (libnginx-mod-http-cache-purge)",
            "libnginx-mod-http-cache-purge",
            NGINX_PURGE_MODULE.exists(),
        ))  # fmt: skip
    if load:
        needs.append(("wrk (Debian wrk)", "wrk", bool(shutil.which("wrk"))))
    return needs


def missing_tools(*, proxy: bool = True, load: bool = False) -> list[str]:
    """What this machine lacks to start the stack (`proxy`: nginx too; `load`: wrk too)."""
    return [what for what, _package, present in _needs(proxy=proxy, load=load) if not present]


def debian_packages_to_install(*, proxy: bool = True, load: bool = False) -> list[str]:
    """The Debian packages that would supply what is missing, when this process may install
    them: as root, with apt-get (as `.ci/run` does); otherwise none."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return []
    return [
        package
        for _what, package, present in _needs(proxy=proxy, load=load)
        if not present and package is not None
    ]


def install_missing(*, proxy: bool = True, load: bool = False) -> list[str]:
    """Install the missing Debian packages when run as root on Debian, then return what is
    still missing (for the caller to name and stop)."""
    packages = debian_packages_to_install(proxy=proxy, load=load)
    if packages:
        print("installing " + " ".join(packages) + " with apt-get", flush=True)
        environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=environment)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
            check=True,
            env=environment,
        )
    return missing_tools(proxy=proxy, load=load)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, *, timeout: float = 30.0, process=None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process for port {port} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), 0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port} after {timeout}s")


def stop_process(process: subprocess.Popen | None, *, timeout: float = 10.0) -> None:
    """Stop a process this run started (its own session), waiting for it to exit."""
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


class Postgres:
    """A private cluster, owned by the postgres user, trusting loopback connections."""

    def __init__(self, workdir: Path):
        self.dir = workdir / "pg"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/policyshare"

    def _as_postgres(self, *args: str, check=True) -> subprocess.CompletedProcess:
        # As root, run the cluster as the postgres user; otherwise as whoever runs this.
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return subprocess.run(
            [*prefix, *args],
            check=check,
            capture_output=True,
            text=True,
        )

    def start(self) -> None:
        if not (self.dir / "PG_VERSION").exists():
            self.dir.mkdir(parents=True, exist_ok=True)
            if os.geteuid() == 0:
                shutil.chown(self.dir, "postgres", "postgres")
            os.chmod(self.dir, 0o700)
            self._as_postgres(
                str(PG_BIN / "initdb"), "-D", str(self.dir), "-A", "trust", "-U", "postgres",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
            )  # fmt: skip
            created = True
        else:
            created = False
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
            "-c shared_buffers=256MB -c max_connections=200"
        )
        self._as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.dir), "-o", options,
            "-l", str(self.dir / "server.log"), "-w", "-t", "30", "start",
        )  # fmt: skip
        if created:
            self._as_postgres(
                str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                "-U", "postgres", "policyshare",
            )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.dir), "-m", mode, "-w", "stop", check=False
        )

    def psql(self, sql: str) -> str:
        return self._as_postgres(
            str(PG_BIN.parent / "bin" / "psql"), "-h", "127.0.0.1", "-p", str(self.port),
            "-U", "postgres", "-d", "policyshare", "-At", "-c", sql,
        ).stdout.strip()  # fmt: skip


class Redis:
    def __init__(self, workdir: Path):
        self.dir = workdir / "redis"
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                "redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", str(self.dir),
                "--maxmemory", "512mb", "--maxmemory-policy", "allkeys-lru",
            ],
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        wait_for_port(self.port, process=self.process)

    def stop(self) -> None:
        stop_process(self.process)
        self.process = None


class App:
    """gunicorn with production settings, as deploy/gunicorn.conf.py runs it."""

    def __init__(self, workdir: Path, *, database_url: str, redis_url: str, extra_env=None):
        self.workdir = workdir
        self.port = free_port()
        self.process = None
        self.log = workdir / "gunicorn.log"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "policyshare.settings.production",
            "SECRET_KEY": "bench-only-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "SECURE_SSL_REDIRECT": "false",
            "SITE_URL": "http://localhost",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "PYTHONUNBUFFERED": "1",
            **(extra_env or {}),
        }

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [str(VENV_BIN / "python"), "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def python(self, script: Path, *args: str) -> str:
        result = subprocess.run(
            [str(VENV_BIN / "python"), str(script), *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{script.name} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [str(VENV_BIN / "gunicorn"), "-c", str(ROOT / "deploy/gunicorn.conf.py"),
                 "policyshare.wsgi:application"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        wait_for_port(self.port, timeout=60, process=self.process)

    def stop(self) -> None:
        stop_process(self.process, timeout=30)
        self.process = None


class Nginx:
    """nginx with deploy/nginx/policyshare.conf.template, in a private prefix."""

    def __init__(self, workdir: Path, *, app_ports: list[int], static_root: Path, media_root):
        self.dir = workdir / "nginx"
        self.port = free_port()
        self.purge_port = free_port()
        self.values = {
            "LISTEN": f"127.0.0.1:{self.port}",
            "SERVER_NAME": "localhost",
            "APP_SERVERS": ",".join(f"127.0.0.1:{port}" for port in app_ports),
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(media_root),
            "CACHE_DIR": str(self.dir / "cache"),
            "PURGE_LISTEN": f"127.0.0.1:{self.purge_port}",
            "ACCESS_LOG": "off",
        }
        self.process = None

    def start(self) -> None:
        for sub in ("cache", "tmp", "logs"):
            (self.dir / sub).mkdir(parents=True, exist_ok=True)
        (self.dir / "site.conf").write_text(render_nginx(self.values))
        (self.dir / "nginx.conf").write_text(
            f"load_module {NGINX_PURGE_MODULE};\n"
            "worker_processes auto;\n"
            "worker_rlimit_nofile 65536;\n"
            f"pid {self.dir}/nginx.pid;\n"
            f"error_log {self.dir}/logs/error.log warn;\n"
            "daemon off;\n"
            "events { worker_connections 4096; }\n"
            "http {\n"
            "  include /etc/nginx/mime.types;\n"
            "  access_log off;\n"
            "  sendfile on; tcp_nopush on; keepalive_requests 100000;\n"
            f"  client_body_temp_path {self.dir}/tmp/body;\n"
            f"  proxy_temp_path {self.dir}/tmp/proxy;\n"
            f"  fastcgi_temp_path {self.dir}/tmp/fastcgi;\n"
            f"  uwsgi_temp_path {self.dir}/tmp/uwsgi;\n"
            f"  scgi_temp_path {self.dir}/tmp/scgi;\n"
            f"  include {self.dir}/site.conf;\n"
            "}\n"
        )
        self.process = subprocess.Popen(
            ["nginx", "-p", str(self.dir), "-c", str(self.dir / "nginx.conf")],
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        wait_for_port(self.port, process=self.process)

    def stop(self) -> None:
        stop_process(self.process)
        self.process = None


def workdir(prefix: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix=prefix))
    os.chmod(path, 0o755)  # the postgres user must reach its cluster directory inside
    return path
