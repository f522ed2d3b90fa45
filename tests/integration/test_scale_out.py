"""Two app processes with no shared memory count failed logins together through the
database they share, as several workers or instances behind a load balancer must (issue 14,
finding 8: Flask-Limiter's memory storage counted per process)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

from tests.conftest import PASSWORD


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(env: dict[str, str], port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "flask", "--app", "eteams", "run", "--port", str(port)]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the app did not start")


def test_two_instances_count_failed_logins_together(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "ETEAMS_DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite'}",
        "ETEAMS_SECRET_KEY": "s" * 64,
        "ETEAMS_PASSWORD_HASH_FAST": "true",
    }
    flask = [sys.executable, "-m", "flask", "--app", "eteams"]
    subprocess.run([*flask, "db", "upgrade"], env=env, check=True, capture_output=True)
    subprocess.run(
        [*flask, "create-user", "admin@example.nl", "--role", "admin", "--password-stdin"],
        env=env, input=PASSWORD.encode(), check=True, capture_output=True,
    )  # fmt: skip
    ports = [_free_port(), _free_port()]
    servers = [_serve(env, port) for port in ports]
    try:
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        page = opener.open(f"http://127.0.0.1:{ports[0]}/login").read().decode()
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        bad = urllib.parse.urlencode(
            {"email": "admin@example.nl", "password": "wrong password!", "csrf_token": token}
        ).encode()

        def post(port: int) -> int:
            try:
                return opener.open(f"http://127.0.0.1:{port}/login", data=bad).status
            except urllib.error.HTTPError as error:
                return error.code

        codes = [post(ports[n % 2]) for n in range(10)]
        assert codes == [200] * 10
        assert post(ports[0]) == 429
        assert post(ports[1]) == 429
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
