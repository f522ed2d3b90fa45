"""Every action the code writes to the audit log has a label, so the auditor's page and its
filter read "Prijslijst verwijderd", not "price_book_removed"."""

from __future__ import annotations

import re
from pathlib import Path

from eteams.labels import AUDIT_ACTIONS

RECORDED = re.compile(r'audit\.record\(\s*[\w.]+,\s*"([a-z_]+)"')


def test_every_recorded_action_has_a_label() -> None:
    source = Path(__file__).parents[2] / "eteams"
    actions = {
        action
        for path in source.rglob("*.py")
        for action in RECORDED.findall(path.read_text(encoding="utf-8"))
    }
    assert len(actions) > 30  # the pattern still finds the calls
    assert sorted(actions - set(AUDIT_ACTIONS)) == []
