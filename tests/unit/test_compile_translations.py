"""A fresh install compiles its translations at start (review of issue 15: a clone without
.mo files wrote Dutch letters in English, and nothing warned)."""

from __future__ import annotations

import gettext
import shutil
from pathlib import Path

from eteams import compile_translations

SOURCE = Path(__file__).resolve().parents[2] / "eteams" / "translations"


def test_a_fresh_install_speaks_dutch(tmp_path: Path) -> None:
    copy = tmp_path / "translations"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns("*.mo"))
    assert not list(copy.glob("*/LC_MESSAGES/*.mo"))
    compile_translations(copy)
    dutch = gettext.translation("messages", localedir=copy, languages=["nl"])
    assert dutch.gettext("Dear residents,") == "Beste bewoners,"
    mo = copy / "nl" / "LC_MESSAGES" / "messages.mo"
    before = mo.stat().st_mtime_ns
    compile_translations(copy)  # up to date: left alone
    assert mo.stat().st_mtime_ns == before
    assert not [p for p in copy.rglob("*") if p.name.startswith("tmp")]  # nothing left aside
