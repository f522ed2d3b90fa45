"""Known vulnerabilities in the installed dependencies, for `make test`.

pip-audit does the work (`pip-audit --strict`). Where its vulnerability service cannot be
reached — on a machine whose only way out is a package registry, pip-audit's per-release
PyPI query answers 404 — this falls back to what PyPI's project page does publish: the known
vulnerabilities of each project's *latest* release. A dependency installed at its latest
release is then checked exactly; one that is not is listed as unchecked. Any known
vulnerability fails; so does reaching neither source.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
OWN = {"eteams"}
PYPI = os.environ.get("ETEAMS_AUDIT_PYPI_URL", "https://pypi.org")


def pip_audit() -> tuple[int, str]:
    run = subprocess.run(
        [str(BIN / "pip-audit"), "--strict", "--skip-editable", "--progress-spinner", "off"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return run.returncode, run.stdout + run.stderr


def latest_release_check() -> int:
    vulnerable, unchecked, checked = [], [], 0
    for dist in sorted(
        importlib.metadata.distributions(), key=lambda d: d.metadata["Name"].lower()
    ):
        name, version = dist.metadata["Name"], dist.version
        if name.lower() in OWN:
            continue
        try:
            with urllib.request.urlopen(f"{PYPI}/pypi/{name}/json", timeout=20) as r:  # noqa: S310 - PyPI, or a test server
                project = json.load(r)
        except (urllib.error.URLError, TimeoutError) as error:
            print(f"cannot reach PyPI for {name}: {error}")
            return 2
        if project["info"]["version"] != version:
            unchecked.append(f"{name} {version} (latest {project['info']['version']})")
            continue
        checked += 1
        for vuln in project.get("vulnerabilities") or []:
            if not vuln.get("withdrawn"):
                vulnerable.append(
                    f"{name} {version}: {vuln['id']} (fixed in {vuln.get('fixed_in')})"
                )
    print(f"checked {checked} dependencies at their latest release: "
          f"{len(vulnerable)} known vulnerabilities")  # fmt: skip
    for line in vulnerable:
        print(f"  VULNERABLE {line}")
    if unchecked:
        print(f"not checked here (not the latest release; run `make audit` where pip-audit "
              f"reaches its service): {', '.join(unchecked)}")  # fmt: skip
    return 1 if vulnerable else 0


def main() -> int:
    code, output = pip_audit()
    if code == 0:
        print(
            output.strip().splitlines()[-1]
            if output.strip()
            else "pip-audit: no known vulnerabilities"
        )
        return 0
    if "Found" in output and "known vulnerabilit" in output:
        print(output)
        return 1  # a real finding
    print("pip-audit could not reach its vulnerability service; using PyPI's project pages")
    return latest_release_check()


if __name__ == "__main__":
    raise SystemExit(main())
