"""Keep the translation catalogues in step with the code.

    python tools/translations.py          extract messages, rewrite nl/en .po (Dutch from nl_terms.py)
    python tools/translations.py --check  fail when a message has no Dutch or a .po is out of date

English is the source language; Dutch is filled from tools/nl_terms.py so reviews see one
plain dictionary. A counted message (ngettext) is keyed by its English singular and has a
tuple of the two Dutch forms, (one, more). `make translations` compiles the .po files into .mo.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "eteams" / "translations"
LANGUAGES = ("nl", "en")
sys.path.insert(0, str(ROOT / "tools"))
from nl_terms import NL  # noqa: E402


def extract() -> Catalog:
    pybabel = str(Path(sys.executable).parent / "pybabel")
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "messages.pot"
        subprocess.run(
            [pybabel, "extract", "-F", "babel.cfg", "-k", "_l", "-k", "_ln:1,2", "--no-location",
             "--sort-output", "--omit-header", "-o", str(pot), "."],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        with pot.open("rb") as handle:
            return read_po(handle)


def catalogue(template: Catalog, lang: str) -> tuple[bytes, list[str]]:
    fixed = datetime(2026, 1, 1, tzinfo=UTC)  # a stable header keeps --check deterministic
    catalog = Catalog(
        locale=lang, project="eteams", fuzzy=False, creation_date=fixed, revision_date=fixed
    )
    missing = []
    for message in template:
        if not message.id:
            continue
        plural = isinstance(message.id, tuple)  # ngettext: (singular, plural) in English
        key = message.id[0] if plural else message.id
        text = NL.get(key, "") if lang == "nl" else ""
        if lang == "nl" and (not text or plural != isinstance(text, tuple)):
            missing.append(key)  # a counted message needs both Dutch forms, as a tuple
        if plural:
            text = tuple(text) if isinstance(text, tuple) else ("", "")
        catalog.add(message.id, text)
    out = io.BytesIO()
    write_po(out, catalog, sort_output=True, no_location=True)
    return out.getvalue(), missing


def main(check: bool) -> int:
    template = extract()
    problems = []
    for lang in LANGUAGES:
        content, missing = catalogue(template, lang)
        problems += [f"no Dutch for: {m!r}" for m in missing]
        path = TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po"
        if check:
            if not path.exists() or path.read_bytes() != content:
                problems.append(
                    f"{path.relative_to(ROOT)} is out of date: run tools/translations.py"
                )
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(check="--check" in sys.argv))
