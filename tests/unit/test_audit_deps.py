"""The dependency audit's fallback reads PyPI's project pages the way PyPI writes them
(a local server answers like pypi.org): a known vulnerability fails the audit."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLED = {d.metadata["Name"].lower(): d.version for d in importlib.metadata.distributions()}


@pytest.fixture
def pypi():  # noqa: ANN201
    answers: dict[str, dict] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            name = self.path.split("/")[2].lower()
            body = answers.get(name) or {"info": {"version": INSTALLED.get(name, "0")},
                                         "vulnerabilities": []}  # fmt: skip
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", answers
    server.shutdown()


def _fallback(url: str) -> subprocess.CompletedProcess:
    code = "import sys; sys.path.insert(0, 'tools'); import audit_deps; raise SystemExit(audit_deps.latest_release_check())"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env={"ETEAMS_AUDIT_PYPI_URL": url, "PATH": "/usr/bin"}, check=False)  # fmt: skip


def test_a_known_vulnerability_fails_the_audit(pypi) -> None:  # noqa: ANN001
    url, answers = pypi
    clean = _fallback(url)
    assert clean.returncode == 0, clean.stdout
    assert "0 known vulnerabilities" in clean.stdout
    answers["flask"] = {"info": {"version": INSTALLED["flask"]},
                        "vulnerabilities": [{"id": "PYSEC-2099-1", "fixed_in": ["9.9"]}]}  # fmt: skip
    answers["numpy"] = {"info": {"version": "99.0"}, "vulnerabilities": []}
    found = _fallback(url)
    assert found.returncode == 1
    assert "VULNERABLE Flask" in found.stdout and "PYSEC-2099-1" in found.stdout
    assert "numpy" in found.stdout.split("not checked here")[1]  # behind latest: said so


def test_no_pypi_at_all_fails_the_audit() -> None:
    result = _fallback("http://127.0.0.1:9")  # nothing listens there
    assert result.returncode == 2 and "cannot reach PyPI" in result.stdout
