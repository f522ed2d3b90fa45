"""Address import: a spreadsheet export in, every row or none into the campaign.

Files come from Excel in the Netherlands: comma or semicolon, UTF-8 with or without BOM or
Windows-1252, Dutch or English headers. One bad row rejects the whole file with a list of
row numbers and reasons; duplicates are reported and skipped, never imported twice.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l
from ftfy.badness import is_bad
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from eteams.models import Address, Campaign
from eteams.models.base import utcnow
from eteams.models.enums import Tenure
from eteams.services import address_parsing as parse
from eteams.services import audit
from eteams.services.address_parsing import CellError
from eteams.services.text import ZERO_WIDTH, clean

FIELDS = (
    "street",
    "house_number",
    "house_letter",
    "house_number_addition",
    "postcode",
    "city",
    "lat",
    "lon",
    "building_year",
    "dwelling_type",
    "energy_label",
    "tenure",
)
REQUIRED = ("street", "house_number", "postcode", "city")
MAX_REPORTED_ROWS = 200

# Header words seen in municipal (BAG) and housing-corporation exports, normalised.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "street": ("street", "streetname", "straat", "straatnaam", "openbareruimte",
               "openbareruimtenaam", "adres"),
    "house_number": ("housenumber", "number", "huisnummer", "huisnr", "nummer", "nr"),
    "house_letter": ("houseletter", "letter", "huisletter"),
    "house_number_addition": ("addition", "housenumberaddition", "huisnummertoevoeging",
                              "toevoeging", "toev"),
    "postcode": ("postcode", "postalcode", "zip", "zipcode", "pc"),
    "city": ("city", "town", "woonplaats", "plaats", "woonplaatsnaam", "gemeente"),
    "lat": ("lat", "latitude", "breedtegraad", "y"),
    "lon": ("lon", "lng", "long", "longitude", "lengtegraad", "x"),
    "building_year": ("buildingyear", "yearbuilt", "bouwjaar", "oorspronkelijkbouwjaar"),
    "dwelling_type": ("dwellingtype", "type", "woningtype", "typewoning", "soortwoning"),
    "energy_label": ("energylabel", "label", "energielabel"),
    "tenure": ("tenure", "eigendom", "eigendomssituatie", "huurkoop", "bezit"),
}  # fmt: skip
FIELD_LABELS = {
    "street": _l("Street"),
    "house_number": _l("House number"),
    "house_letter": _l("House letter"),
    "house_number_addition": _l("Addition"),
    "postcode": _l("Postcode"),
    "city": _l("City"),
    "lat": _l("Latitude"),
    "lon": _l("Longitude"),
    "building_year": _l("Building year"),
    "dwelling_type": _l("Dwelling type"),
    "energy_label": _l("Energy label"),
    "tenure": _l("Owner or tenant"),
}

Mapping = dict[str, int | None]


@dataclass(frozen=True)
class RowProblem:
    row: int
    messages: list[str]


@dataclass
class CsvTable:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cells)
    delimiter: str
    encoding: str


@dataclass
class ImportResult:
    imported: int
    duplicates: list[RowProblem] = field(default_factory=list)


class ImportRejected(Exception):
    """Nothing was imported. ``problems`` names each bad row; ``file_problems`` the file."""

    def __init__(
        self, problems: list[RowProblem], file_problems: list[str], bad_rows: int = 0
    ) -> None:
        self.problems = problems[:MAX_REPORTED_ROWS]
        self.file_problems = file_problems
        self.bad_rows = bad_rows or len(problems)
        super().__init__(f"{self.bad_rows} bad rows; {'; '.join(file_problems)}")


# --- reading ---------------------------------------------------------------------------


def decode(content: bytes) -> tuple[str, str]:
    """UTF-8 (BOM or not) first; Excel's Windows-1252 otherwise."""
    try:
        return content.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        raise ImportRejected([], [str(_l("The file is not a text (CSV) file."))]) from None


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_table(content: bytes) -> CsvTable:
    text, encoding = decode(content)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            cells = [c.strip() for c in cells]
            if not any(cells):
                continue  # blank line
            if header is None:
                header = cells
            else:
                rows.append((reader.line_num, cells))
    except csv.Error:
        raise ImportRejected([], [str(_l("The file is not a valid CSV file."))]) from None
    if header is None:
        raise ImportRejected([], [str(_l("The file is empty."))])
    return CsvTable(header, rows, delimiter, encoding)


def _normalise_header(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower().replace("\ufeff", ""))


def guess_mapping(header: list[str]) -> Mapping:
    """Which column holds which field, from the header words; unknown fields map to None."""
    normalised = [_normalise_header(h) for h in header]
    mapping: Mapping = {}
    for name in FIELDS:
        words = HEADER_WORDS[name]
        mapping[name] = next((i for i, h in enumerate(normalised) if h in words), None)
    return mapping


def mapping_problems(mapping: Mapping, columns: int) -> list[str]:
    problems = [
        str(_l("The column for '%(field)s' is missing.", field=FIELD_LABELS[name]))
        for name in REQUIRED
        if mapping.get(name) is None
    ]
    used = [i for i in mapping.values() if i is not None]
    if any(not 0 <= i < columns for i in used):
        problems.append(str(_l("The column mapping points at a column the file does not have.")))
    if len(used) != len(set(used)):
        problems.append(str(_l("One column is used for two fields.")))
    if (mapping.get("lat") is None) != (mapping.get("lon") is None):
        problems.append(str(_l("Give both latitude and longitude, or neither.")))
    return problems


# --- checking rows -----------------------------------------------------------------------


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def _tidy(cell: str) -> str:
    """One spelling for one street: composed characters (NFC, so "é" typed two ways is one
    street), no direction overrides or zero-width characters, no spaces at the ends."""
    text = clean(unicodedata.normalize("NFC", cell))
    return "".join(c for c in str(text) if c not in ZERO_WIDTH).strip()


def _unstorable(cell: str) -> bool:
    """NUL and the other C0 controls (PostgreSQL refuses NUL); tabs and line breaks are text."""
    return any(ord(c) < 32 and c not in "\t\r\n" for c in cell)


def parse_row(cells: list[str], mapping: Mapping) -> tuple[dict[str, Any], list[str]]:
    """One spreadsheet row → Address column values, or the reasons it cannot be imported."""
    if any(_unstorable(cell) for cell in cells):
        return {}, [str(_l("The row contains control characters; remove them and try again."))]
    get = {name: _tidy(_cell(cells, mapping.get(name))) for name in FIELDS}
    garbled = sorted(name for name, cell in get.items() if cell and is_bad(cell))
    if garbled:  # "StraÃŸe": the file was saved in one encoding and read in another
        name = garbled[0]
        message = _l("'%(field)s' looks garbled (%(text)s): save the file as UTF-8 and upload "
                     "it again.",
                     field=FIELD_LABELS.get(name, name), text=get[name][:40])  # fmt: skip
        return {}, [str(message)]
    values: dict[str, Any] = {}
    problems: list[str] = []

    def attempt(name: str, parser: Callable[[], Any]) -> None:
        try:
            values[name] = parser()
        except CellError as error:
            problems.append(str(error))

    for name, longest in (("street", 200), ("city", 100)):
        if len(get[name]) > longest:  # refused with its row, never cut off without a word
            problems.append(str(_l("'%(field)s' is longer than %(n)d characters.",
                                   field=FIELD_LABELS[name], n=longest)))  # fmt: skip
        elif get[name]:
            values[name] = get[name]
        else:
            problems.append(str(_l("'%(field)s' is empty.", field=FIELD_LABELS[name])))
    if get["house_number"]:
        attempt("number", lambda: parse.parse_house_number(
            get["house_number"], get["house_letter"], get["house_number_addition"]))  # fmt: skip
    else:
        problems.append(str(_l("'%(field)s' is empty.", field=FIELD_LABELS["house_number"])))
    if get["postcode"]:
        attempt("postcode", lambda: parse.parse_postcode(get["postcode"]))
    else:
        problems.append(str(_l("'%(field)s' is empty.", field=FIELD_LABELS["postcode"])))
    if get["lat"] or get["lon"]:
        attempt("lat", lambda: parse.parse_coordinate(get["lat"], *parse.NL_LAT, name="lat"))
        attempt("lon", lambda: parse.parse_coordinate(get["lon"], *parse.NL_LON, name="lon"))
    optional = {
        "building_year": parse.parse_building_year,
        "dwelling_type": parse.parse_dwelling_type,
        "energy_label": parse.parse_energy_label,
        "tenure": parse.parse_tenure,
    }
    for name, parser in optional.items():
        if get[name]:
            attempt(name, lambda parser=parser, name=name: parser(get[name]))
    number = values.pop("number", None)
    if number is not None:
        values.update(
            house_number=number.number,
            house_letter=number.letter,
            house_number_addition=number.addition,
        )
    return values, problems


def address_key(values: dict[str, Any]) -> tuple[str, int, str, str]:
    return (
        values["postcode"],
        values["house_number"],
        values["house_letter"],
        values["house_number_addition"],
    )


# --- importing ---------------------------------------------------------------------------


def import_addresses(
    session: Session,
    campaign: Campaign,
    content: bytes,
    mapping: Mapping | None = None,
    *,
    actor_id: int | None,
) -> ImportResult:
    """Import every row or none. Raises ImportRejected with the reasons; changes nothing then.
    Audited here (counts only), for the upload page, the API and the CLI alike."""
    table = read_table(content)
    mapping = mapping if mapping is not None else guess_mapping(table.header)
    file_problems = mapping_problems(mapping, len(table.header))
    if file_problems:
        raise ImportRejected([], file_problems)
    existing = _existing_keys(session, campaign.id)
    accepted: list[dict[str, Any]] = []
    seen: dict[tuple[str, int, str, str], int] = {}
    duplicates: list[RowProblem] = []
    problems: list[RowProblem] = []
    for row_number, cells in table.rows:
        values, messages = parse_row(cells, mapping)
        if messages:
            problems.append(RowProblem(row_number, messages))
            continue
        key = address_key(values)
        if key in existing:
            duplicates.append(RowProblem(row_number, [str(_l("Already in this campaign."))]))
        elif key in seen:
            duplicates.append(
                RowProblem(row_number, [str(_l("Same address as row %(row)d.", row=seen[key]))])
            )
        else:
            seen[key] = row_number
            accepted.append(values)
    if problems:
        raise ImportRejected(problems, [], bad_rows=len(problems))
    _insert(session, campaign, accepted, existing)
    audit.record(session, "addresses_imported", actor_id=actor_id, obj=campaign,
                 rows=len(accepted), duplicates=len(duplicates))  # fmt: skip
    return ImportResult(imported=len(accepted), duplicates=duplicates)


def _existing_keys(session: Session, campaign_id: int) -> set[tuple[str, int, str, str]]:
    rows = session.execute(
        select(
            Address.postcode,
            Address.house_number,
            Address.house_letter,
            Address.house_number_addition,
        ).where(Address.campaign_id == campaign_id)
    )
    return {tuple(row) for row in rows}


def _insert(
    session: Session,
    campaign: Campaign,
    accepted: list[dict[str, Any]],
    existing: set[tuple[str, int, str, str]],
) -> None:
    """One multi-row INSERT per chunk; flats that share a number share an entrance."""
    per_number = Counter((k[0], k[1]) for k in existing)
    per_number.update((v["postcode"], v["house_number"]) for v in accepted)
    now = utcnow()
    blank = dict.fromkeys(("lat", "lon", "building_year", "dwelling_type", "energy_label"))
    for values in accepted:
        for name, default in blank.items():
            values.setdefault(name, default)  # the same keys in every row: one INSERT shape
        values["campaign_id"] = campaign.id
        values["created_at"] = now
        values["do_not_visit"] = False
        values.setdefault("tenure", Tenure.UNKNOWN)
        values["geocode_source"] = "import" if values["lat"] is not None else None
        entrance = (values["postcode"], values["house_number"])
        values["entrance_key"] = (
            f"{entrance[0]} {entrance[1]}" if per_number[entrance] > 1 else None
        )
    for chunk in _chunks(accepted, 5000):
        session.execute(insert(Address.__table__), chunk)  # Core executemany: no ORM bookkeeping
    session.flush()


def _chunks(items: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
