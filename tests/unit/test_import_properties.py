"""Property tests: whatever a spreadsheet holds, the importer answers with rows or reasons,
never with a crash."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from eteams.services import importing

cell = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "12",
            "12A",
            "12-3",
            "12 bis",
            "0",
            "-1",
            "3531 CA",
            "3531ca",
            "SS",
            "tussenwoning",
            "huur",
            "A++",
            "1920",
            "52,09",
            "5.1",
            "",
        ]
    ),
)
rows = st.lists(st.lists(cell, min_size=0, max_size=8), max_size=12)
HEADER = ["straat", "huisnummer", "postcode", "woonplaats", "bouwjaar", "woningtype", "lat", "lon"]


def _file(header: list[str], body: list[list[str]], delimiter: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(body)
    return out.getvalue().encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(body=rows, delimiter=st.sampled_from([",", ";", "\t"]))
def test_every_row_is_either_clean_values_or_reasons(body: list[list[str]], delimiter: str) -> None:
    try:
        table = importing.read_table(_file(HEADER, body, delimiter))
    except importing.ImportRejected as rejected:
        assert rejected.file_problems
        return
    mapping = importing.guess_mapping(table.header)
    for _number, cells in table.rows:
        values, problems = importing.parse_row(cells, mapping)
        if not problems:
            assert values["street"] and values["city"]
            assert values["house_number"] > 0
            assert len(values["postcode"]) == 7 and values["postcode"][4] == " "


@settings(max_examples=200, deadline=None)
@given(content=st.binary(max_size=400))
def test_any_bytes_are_read_or_rejected_with_a_reason(content: bytes) -> None:
    try:
        table = importing.read_table(content)
    except importing.ImportRejected as rejected:
        assert rejected.file_problems
    else:
        assert isinstance(table.header, list)
