"""The placement report as PDF (A4 landscape, Dutch): key figures, a chart, one row a person,
and an appendix with every rule, so an auditor can recompute each figure by hand.
"""

from __future__ import annotations

import io
from decimal import Decimal

from flask_babel import ngettext
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from eteams.documents import placement_realised
from eteams.documents.charts import bar_chart, chart_labels
from eteams.documents.figures import date as _date
from eteams.documents.figures import euro as _euro
from eteams.documents.figures import grid as _grid
from eteams.documents.figures import hours as _hours
from eteams.documents.pages import numbered
from eteams.documents.styles import MUTED, plain, register_fonts, styles
from eteams.labels import label
from eteams.models.enums import ContractType, EndReason, TargetGroup
from eteams.services import sroi
from eteams.services.placement import (
    FOR_MUNICIPALITY,
    HOURS_PER_JOB,
    EmployeeFigures,
    PlacementReport,
    sroi_changes,
    sroi_source,
)
from eteams.services.placement import decimal_comma as _num

PAGE = landscape(A4)
MUNICIPAL_NOTICE = (
    "Zonder gezondheidsgegevens (ziekte, verzuim, een uitkering wegens arbeidsongeschiktheid, "
    "gezondheid als reden van vertrek). Per persoon staat alleen het jaarbedrag van de "
    "categorie; de bewijsstukken liggen bij de werkgever."
)
CHART_ROWS = 16


def render(report: PlacementReport) -> bytes:
    """Same report, same bytes (invariant PDF): a figure can be traced to one file."""
    register_fonts()
    out = io.BytesIO()
    title = f"Plaatsingsrapportage {report.employer_name}"
    doc = SimpleDocTemplate(
        out, pagesize=PAGE, leftMargin=14 * mm, rightMargin=14 * mm, topMargin=12 * mm,
        bottomMargin=14 * mm, title=title, author="E-teams", lang="nl", invariant=True,
    )  # fmt: skip
    s = styles()
    period = f"{_date(report.start)} t/m {_date(report.end)}"
    municipal = report.audience == FOR_MUNICIPALITY
    version = (
        f"Versie voor de gemeente {plain(report.municipality)}. {MUNICIPAL_NOTICE}" if municipal
        else "Versie voor de werkgever, met presentie en verzuim: niet voor derden."
    )  # fmt: skip
    made = f" · gemaakt op {_date(report.made_on)}" if report.made_on else ""
    made += f" · versie {report.version}" if report.version is not None else ""
    contact = " · ".join(plain(c) for c in (report.contact_name, report.contact_email) if c)
    people = ngettext("%(num)d employee", "%(num)d employees", len(report.employees))
    story = [
        Paragraph(plain(title), s["title"]),
        Paragraph(
            f"Periode {period} · peildatum {_date(report.peildatum)}{made} · "
            f"{people} · KvK {plain(report.kvk_number)}"
            + (f" · contactpersoon {contact}" if contact else ""),
            s["body"],
        ),  # fmt: skip
        Paragraph(version, s["small"]),
        *([Paragraph(lineage(report), s["body"])] if report.replaces else []),
        *([Paragraph(provisional(report), s["body"])] if report.provisional else []),
        *(
            [
                Paragraph(
                    "Alleen de medewerkers in de teams van de lezer: niet het volledige rapport "
                    "van de werkgever.",
                    s["small"],
                )
            ]
            if report.partial
            else []
        ),
        Spacer(1, 4 * mm),
        _key_figures(report),
        Spacer(1, 5 * mm),
    ]
    # A chart cannot split across pages: the first takes what fits under the key figures on
    # page 1 (it left two thirds of it empty), then 16 people a page. The labels are made
    # apart over everyone at once, so a name reads the same in every chart.
    labels = chart_labels([e.name for e in report.employees])
    if not has_visits(report):  # bars of "0 0" on a 0–1 axis, pages of them: say it instead
        story += [KeepTogether([Paragraph("Deuren en gesprekken per medewerker", s["body"]),
                                Paragraph(NO_VISITS, s["small"])]), Spacer(1, 5 * mm)]  # fmt: skip
    for first, last in chart_chunks(len(report.employees)) if has_visits(report) else ():
        chart = people_chart(report.employees[first:last], "Deuren", "Gesprekken",
                             width=doc.width - 12, labels=labels[first:last])  # fmt: skip
        # The caption stays with its chart (it landed at the foot of the page before).
        caption = Paragraph("Deuren en gesprekken per medewerker", s["body"])
        story += [KeepTogether([caption, chart]), Spacer(1, 5 * mm)]
    story += [*_people(report), Spacer(1, 6 * mm)]
    if municipal:
        gap = Spacer(1, 6 * mm)
        declaration = [Paragraph("Verklaring", s["body"]), Paragraph(provisional(report),
                       s["small"])] if report.provisional else _declaration(report)  # fmt: skip
        story += [KeepTogether(_contract(report)), gap, *_evidence(report), gap,
                  KeepTogether(declaration), gap]  # fmt: skip
    story += _appendix(report)
    doc.build(
        story,
        onFirstPage=footer(f"E-teams · plaatsingsrapportage · {period}"),
        onLaterPages=footer(f"E-teams · plaatsingsrapportage · {period}"),
        canvasmaker=numbered("pagina {page} van {total}", PAGE[0] - 14 * mm, 7 * mm, 7.5),
    )
    return out.getvalue()


def lineage(report: PlacementReport) -> str:
    """Which issued version this one replaces, and the older one it equals: the newest number
    is the one in force, so figures issued before come back under a new number that says so."""
    number, day = report.replaces  # type: ignore[misc]
    text = (f"<b>Vervangt versie {number} van {_date(day)}</b>: de cijfers zijn veranderd; "
            "gebruik alleen deze versie.")  # fmt: skip
    if report.same_as:
        same, same_day = report.same_as
        text += f" De cijfers zijn gelijk aan die van versie {same} van {_date(same_day)}."
    return text


def provisional(report: PlacementReport) -> str:
    """What a report on a period that has not ended says, at the top and instead of the
    declaration: an interim figure, without a version number, not for signing."""
    return (f"<b>VOORLOPIG — tussenstand, geen versie.</b> De periode loopt tot en met "
            f"{_date(report.end)}; de cijfers staan op {_date(report.peildatum)} en kunnen nog "
            "veranderen. Deze rapportage heeft daarom geen versienummer en is niet bedoeld om te "
            "ondertekenen: vraag na het einde van de periode de definitieve versie.")  # fmt: skip


def _contract(report: PlacementReport) -> list:
    """The obligation, what was realised against it since the contract started, the balance."""
    s = styles()
    c = report.contract
    if c is None:
        none = ("Geen contract met een social-returnverplichting vastgelegd dat in de periode "
                "liep: realisatie en saldo zijn niet berekend.")  # fmt: skip
        return [Paragraph("Social-returncontract", s["body"]), Paragraph(none, s["small"])]
    share = (
        f" ({_num(c.obligation_percent)} % van de contractwaarde)" if c.obligation_percent else ""
    )
    until = f" t/m {_date(c.ends_on)}" if c.ends_on else ""
    balance = c.balance
    rows = [
        ["Contract- of aanbestedingsnummer", plain(c.reference)],
        ["Omschrijving", plain(c.description) or "—"],
        ["Looptijd", f"{_date(c.starts_on)}{until}" if until else f"vanaf {_date(c.starts_on)}"],
        ["Contractwaarde", _euro(c.value)],
        ["Social-returnverplichting", f"{_euro(c.obligation)}{share}"],
        [f"Gerealiseerd van {_date(c.starts_on)} t/m "
         + (f"het einde van het contract {_date(c.ends_on)}" if c.ends_on and c.ends_on <
            report.peildatum else f"de peildatum {_date(report.peildatum)}"),
         "—" if c.realised is None else _euro(c.realised)],
        ["Saldo (nog te realiseren)" if balance is None or balance >= 0 else "Saldo (meer dan de "
         "verplichting)", "—" if balance is None else _euro(abs(balance))],
        ["Adviseur social return van de gemeente", plain(c.municipality_contact) or "—"],
    ]  # fmt: skip
    table = Table([[Paragraph(a, s["cell"]), Paragraph(b, s["cell"])] for a, b in rows],
                  colWidths=[110 * mm, 80 * mm], hAlign="LEFT")  # fmt: skip
    table.setStyle(_grid(header=False))
    return [Paragraph("Social-returncontract", s["body"]), Spacer(1, 2 * mm), table]


EVIDENCE = ["Medewerker", "Arbeidsovereenkomst", "Loonstroken of verloonde uren",
            "Bewijs doelgroep op de dag van indiensttreding",
            "Certificaten in de periode"]  # fmt: skip


def _evidence(report: PlacementReport) -> list:
    """Per person which evidence the employer has on file, and what is still missing."""
    s = styles()
    rows: list[list[object]] = [[Paragraph(h, s["head"]) for h in EVIDENCE]]
    for e in report.employees:
        rows.append([Paragraph(plain(e.name), s["cell"]),
                     *("aanwezig" if held else "ontbreekt" for held in e.evidence),
                     str(e.certificates or 0)])  # fmt: skip
    missing = sum(not held for e in report.employees for held in e.evidence)
    table = Table(rows, colWidths=[70 * mm, 40 * mm, 50 * mm, 60 * mm, 40 * mm], repeatRows=1,
                  hAlign="LEFT")  # fmt: skip
    table.setStyle(_grid(header=False))
    note = (ngettext("%(num)d more piece of evidence to ask of the employer.",
                     "%(num)d more pieces of evidence to ask of the employer.", missing)
            if missing else "Alle bewijsstukken liggen bij de werkgever.")  # fmt: skip
    return [*_keep(Paragraph("Bewijsstukken per medewerker", s["body"]), Spacer(1, 2 * mm)), table,
            Spacer(1, 1 * mm), Paragraph(note, s["small"])]  # fmt: skip


def _declaration(report: PlacementReport) -> list:
    """The employer signs that the report is true; the municipality has room to approve."""
    s = styles()
    blank, day = "…" * 14, "…" * 8
    signer = plain(report.contact_name) or blank
    version = f" (versie {report.version})" if report.version is not None else ""
    if report.replaces:
        version = f" (versie {report.version}, die versie {report.replaces[0]} vervangt)"
    rows = [
        ["", "Naam", "Functie", "Datum", "Handtekening"],
        ["Werkgever", signer, blank, day, ""],
        [f"Voor akkoord, gemeente {plain(report.municipality)}", blank, blank, day, ""],
    ]
    grid = Table([[Paragraph(c, s["cell"]) for c in row] for row in rows],
                 colWidths=[70 * mm, 55 * mm, 45 * mm, 30 * mm, 60 * mm],
                 rowHeights=[None, 14 * mm, 14 * mm], hAlign="LEFT")  # fmt: skip
    grid.setStyle(_grid(header=False))
    return [
        Paragraph("Verklaring", s["body"]),
        Paragraph(
            f"Ondergetekende verklaart namens {plain(report.employer_name)} (KvK "
            f"{plain(report.kvk_number)}) dat deze rapportage over {_date(report.start)} t/m "
            f"{_date(report.end)}{version}, met peildatum {_date(report.peildatum)}, naar "
            "waarheid is opgesteld, en dat de bewijsstukken per medewerker (arbeidsovereenkomst, "
            "loonstroken of verloonde uren, bewijs van de doelgroep op de dag van "
            "indiensttreding, certificaten) op verzoek beschikbaar zijn.",
            s["small"],
        ),
        Spacer(1, 2 * mm),
        grid,
    ]


FIRST_CHART_ROWS = 8  # under the title and key figures on page 1
NO_VISITS = "Geen bezoeken in deze periode."


def has_visits(report: PlacementReport) -> bool:
    """Whether anyone walked a door or had a conversation in the period: the chart's reason."""
    return any(e.doors_visited or e.conversations for e in report.employees)


def chart_chunks(count: int) -> list[tuple[int, int]]:
    """Which people each chart holds: 8 on page 1, then 16 a page."""
    chunks, first = [], 0
    while first < count:
        last = min(count, first + (FIRST_CHART_ROWS if first == 0 else CHART_ROWS))
        chunks.append((first, last))
        first = last
    return chunks


def people_chart(
    people: list[EmployeeFigures], doors: str, conversations: str, width: float,
    labels: list[str] | None = None,
) -> Drawing:  # fmt: skip
    """Doors and conversations per person: the same drawing in the PDF and on the web page."""
    return bar_chart(
        labels if labels is not None else [e.name for e in people],
        [(doors, [e.doors_visited for e in people]),
         (conversations, [e.conversations for e in people])],
        width=width, fitted=labels is not None,
    )  # fmt: skip


def _key_figures(report: PlacementReport) -> Table:
    s = styles()
    sroi_total = "niet berekend" if report.total_sroi is None else _euro(report.total_sroi)
    if report.sroi_table is not None and report.sroi_table.valid_from is None:
        sroi_total += " (voorlopig)"
    rows = [
        ["Gewerkte uren (uit de presentie)", _hours(report.total_hours)],
        ["Verloonde uren (volgens contract, zie bijlage)", _hours(report.total_paid_hours)],
        [f"Banen volgens de banenafspraak ({_num(HOURS_PER_JOB)} verloonde uren per week = 1 baan, "
         "alleen doelgroepregister)", _num(report.total_jobs)],
        ["Uitstroom naar regulier werk in de periode", str(report.outflow_to_work)],
        ["Social return (SROI), zie bijlage", sroi_total],
        *([[f"waarvan sociale activiteiten van de werkgever "
            f"({_num(sroi._trim(report.activity_hours))} uur)", _euro(report.activity_sroi)]]
          if report.activities and report.total_sroi is not None else []),
    ]  # fmt: skip
    for r in report.retention:
        percent = f"{_num(r.percent)} %" if r.percent is not None else "—"
        rows.append([f"Behoud na {r.months} maanden", f"{percent} ({r.retained} van {r.eligible})"])
    cells = [[Paragraph(plain(text), s["cell"]), value] for text, value in rows]
    table = Table(cells, colWidths=[120 * mm, 45 * mm], hAlign="LEFT")
    style = _grid(header=False)
    style.add("ALIGN", (1, 0), (1, -1), "RIGHT")
    table.setStyle(style)
    return table


def _people(report: PlacementReport) -> list:
    """Two tables, one row a person in each: the employment (what the social return and the
    banenafspraak rest on), then the work in the teams (attendance, doors, trainings)."""
    s = styles()
    gap = Spacer(1, 2 * mm)
    # A table's heading starts a page when less than a few rows' room is left (no heading
    # with one row at a page's foot and the rest overleaf).
    return [CondPageBreak(35 * mm),
            *_keep(Paragraph("Dienstverband, banenafspraak en social return", s["body"]), gap),
            _employment(report), Spacer(1, 5 * mm), CondPageBreak(35 * mm),
            *_keep(Paragraph("Werk in de teams", s["body"]), gap), _activity(report)]  # fmt: skip


def _table(rows: list[list[object]], widths: list[float], first_number: int) -> Table:
    """A grid with a header row and a totals row; numbers right-aligned from a column on."""
    table = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1)
    style = _grid(header=True)
    style.add("ALIGN", (first_number, 1), (-1, -1), "RIGHT")
    style.add("LINEABOVE", (0, -1), (-1, -1), 0.9, MUTED)
    style.add("NOSPLIT", (0, -2), (-1, -1))  # the totals row never alone atop a page
    table.setStyle(style)
    return table


EMPLOYMENT = ["Naam", "Doelgroep", "Doelgroep- register", "Contract", "Uren per week",
              "In dienst", "Uit dienst", "Maanden in periode", "Verloonde uren",
              "Gewerkte uren", "Banen", "Social return"]  # fmt: skip


ACTIVITY_ROW = (
    "Sociale activiteiten van de werkgever, {hours} uur (per activiteit in de bijlage, "
    "social return regel voor regel)"
)


def _employment(report: PlacementReport) -> Table:
    """The municipality's version has no target-group column (a WIA/Wajong benefit is health
    data); its social-return lines name the category's amount instead."""
    s = styles()
    municipal = report.audience == FOR_MUNICIPALITY
    keep = [i for i, _h in enumerate(EMPLOYMENT) if not (municipal and i == 1)]
    rows: list[list[object]] = [[Paragraph(h, s["head"]) for h in EMPLOYMENT]]
    for e in report.employees:
        ended = ""
        if e.ended_on:
            ended = f"{_date(e.ended_on)} ({label(EndReason, e.end_reason)})"
        rows.append([
            Paragraph(plain(e.name), s["cell"]),
            Paragraph(str(label(TargetGroup, e.target_group)) if e.target_group else "", s["cell"]),
            "ja" if e.doelgroepregister else "nee",
            Paragraph(" → ".join(str(label(ContractType, t)) for t in _kinds(e)), s["cell"]),
            Paragraph(" → ".join(_num(sroi._trim(h)) for h in _hours_seq(e)), s["cell"]),
            _date(e.hired_on), Paragraph(ended, s["cell"]),
            _num(e.months_employed), _hours(e.paid_hours), _hours(e.hours_worked), _num(e.jobs),
            "—" if e.sroi_value is None else _euro(e.sroi_value),
        ])  # fmt: skip
    if report.activities and report.total_sroi is not None:
        # Valued by the hour, not per person: its own line, so the total is the key figure.
        rows.append([Paragraph(ACTIVITY_ROW.format(hours=_num(sroi._trim(report.activity_hours))),
                               s["cell"]), *[""] * 10, _euro(report.activity_sroi)])  # fmt: skip
    rows.append(["Totaal", "", "", "", "", "", "", "", _hours(report.total_paid_hours),
                 _hours(report.total_hours), _num(report.total_jobs),
                 "—" if report.total_sroi is None else _euro(report.total_sroi)])  # fmt: skip
    # 265 mm, the frame: a name or a reason for leaving wraps; € 9.999.999,99 fits in bold.
    # Paid hours (what the social return and the banenafspraak rest on) stand beside the hours
    # worked in the teams: the difference is training, work outside the teams, leave.
    widths = [38, 30, 18, 24, 14, 18, 30, 17, 20, 16, 13, 27]
    if municipal:
        widths[0] += widths[1]
    table = _table([[row[i] for i in keep] for row in rows], [widths[i] for i in keep], 3 if
                   municipal else 4)  # fmt: skip
    if report.activities and report.total_sroi is not None:  # the line reads across the row
        table.setStyle([("SPAN", (0, -2), (-2, -2))])
    return table


def _keep(*flowables: Flowable) -> list[Flowable]:
    """A heading (and the space under it) kept with what follows: never alone at a page's
    foot."""
    for flowable in flowables:
        flowable.keepWithNext = 1
    return list(flowables)


def _kinds(e: EmployeeFigures) -> list[str]:
    """The contracts in the period, in order, each once in a row: trial → temporary."""
    kinds = [t.contract_type for t in e.terms] or [e.contract_type]
    return [k for i, k in enumerate(kinds) if i == 0 or kinds[i - 1] != k]


def _hours_seq(e: EmployeeFigures) -> list[Decimal]:
    hours = [t.hours_per_week for t in e.terms] or [e.hours_per_week]
    return [h for i, h in enumerate(hours) if i == 0 or hours[i - 1] != h]


ACTIVITY = ["Naam", "Gewerkte uren (presentie)", "Aanwezig", "Afwezig", "Ziek",
            "Deuren (met het team)", "Gesprekken (met het team)", "Brieven", "Interesse",
            "Opleidingen"]  # fmt: skip
ABSENCE = (3, 4)  # absent and sick: the employer's own version only


def _activity(report: PlacementReport) -> Table:
    s = styles()
    municipal = report.audience == FOR_MUNICIPALITY
    keep = [i for i, _h in enumerate(ACTIVITY) if not (municipal and i in ABSENCE)]
    rows: list[list[object]] = [[Paragraph(h, s["head"]) for h in ACTIVITY]]
    for e in report.employees:
        rows.append([Paragraph(plain(e.name), s["cell"]), _hours(e.hours_worked), e.shifts_present,
                     e.shifts_absent, e.shifts_sick, e.doors_visited, e.conversations,
                     e.letters_sent, e.households_interested, e.trainings_completed])  # fmt: skip
    v = report.visits  # the group's visits, each once: not the sum of the people's
    rows.append(["Totaal (elk bezoek één keer)", _hours(report.total_hours),
                 *(sum(getattr(e, f) for e in report.employees) for f in (
                     "shifts_present", "shifts_absent", "shifts_sick")),
                 v.get("doors", 0), v.get("conversations", 0), v.get("letters", 0),
                 v.get("interested", 0),
                 sum(e.trainings_completed for e in report.employees)])  # fmt: skip
    widths = [60, 26, 20, 20, 16, 26, 28, 22, 22, 25]
    if municipal:
        widths[0] += widths[3] + widths[4]
    return _table([[row[i] for i in keep] for row in rows], [widths[i] for i in keep], 1)


APPENDIX = [
    "Uren: de som van de uren in de presentielijst van elke dienst in de periode "
    "(aanwezig). Afwezig en ziek tellen als dienst, niet als uren.",
    "Verloonde uren: de contracturen per week × de dagen in dienst binnen de periode / 7, op "
    "centen; veranderde het contract of het aantal uren in de periode, dan telt elk deel met "
    "zijn eigen uren (zie de contractwijzigingen hieronder). Een proefplaatsing zonder loon "
    "heeft er geen. De gewerkte uren (presentie) staan ernaast: het "
    "verschil zijn uren buiten de diensten (opleiding, overleg), verlof en afwezigheid.",
    f"Banen volgens de banenafspraak (landelijke regel, UWV; maatwerkbanen.nl, Kennisdocument "
    f"Banenafspraak): {_num(HOURS_PER_JOB)} verloonde uren per week is één baan, alleen voor wie "
    "in het doelgroepregister van UWV staat, naar rato van de periode: "
    f"verloonde uren / ({_num(HOURS_PER_JOB)} × de weken van de periode tot de peildatum, als "
    "die eerder valt), op twee decimalen; het totaal is de som van die cijfers per persoon.",
    "Maanden in dienst: vanaf de eerste dag in dienst binnen de periode hele maanden tot "
    "dezelfde dag van een latere maand, plus de rest in dagen / 30, op één decimaal afgerond; "
    "de laatste dag telt mee (1 t/m 28 februari is één maand, 6 maart t/m 3 december 8 "
    "maanden en 28 dagen: 8,9). Veranderde het contract of de uren, dan is het de som van de "
    "maanden van de delen (zo tellen de regels van de social return op tot de rij).",
    "Deuren, gesprekken, brieven en interesse: per persoon de bezoeken waaraan de medewerker "
    "deelnam (met het team gelopen); in de totalen telt elk bezoek één keer, ook als twee "
    "collega's samen aan de deur stonden. Een brief telt als hij verstuurd is; interesse is "
    "'ja' of 'misschien' voor een maatregel.",
    "Behoud na N maanden: van wie in de periode N maanden in dienst werd (de laatste dag van "
    "de N-de maand valt in de periode: in dienst 1 januari, 6 maanden op 30 juni), het deel "
    "dat toen nog in dienst was of al eerder was doorgestroomd naar regulier werk of een vast "
    "contract (goede uitstroom is geen verlies).",
    "Uitstroom naar werk: uit dienst in de periode met als reden regulier werk of een vast "
    "contract.",
]


MUNICIPAL_HOURS = (
    "Uren: de som van de uren in de presentielijst van elke dienst in de periode (aanwezig)."
)


def _appendix(report: PlacementReport) -> list:
    s = styles()
    rules = list(APPENDIX)
    if report.audience == FOR_MUNICIPALITY:  # no absence or sickness in this version
        rules[0] = MUNICIPAL_HOURS
    numbered = [Paragraph(f"{i}. {text}", s["small"]) for i, text in enumerate(rules, 1)]
    changes = _changes(report)
    return [*_keep(Paragraph("Bijlage: zo zijn de cijfers berekend", s["body"]), Spacer(1, 2 * mm)),
            *numbered, Spacer(1, 2 * mm), *changes, *_sroi_rules(report),
            *placement_realised.flowables(report, len(APPENDIX) + 3)]  # fmt: skip


def _changes(report: PlacementReport) -> list:
    """Where a contract or its hours changed in the period: each stretch and its paid hours
    worked out, so the paid hours of the table can be redone."""
    s = styles()
    changed = [e for e in report.employees if e.terms_changed]
    if not changed:
        return []
    rows = [[Paragraph(h, s["head"]) for h in ("Medewerker", "Van", "Tot en met", "Contract",
             "Uren per week", "Maanden", "Verloonde uren")]]  # fmt: skip
    for e in changed:
        for i, t in enumerate(e.terms):
            paid = ("0,00 (geen loon)" if t.contract_type in [c.value for c in sroi.UNPAID] else
                    f"{_num(sroi._trim(t.hours_per_week))} × {(t.last - t.first).days + 1} dagen "
                    f"/ 7 = {_hours(t.paid_hours)}")  # fmt: skip
            rows.append([Paragraph(plain(e.name), s["cell"]) if i == 0 else "", _date(t.first),
                         _date(t.last), Paragraph(str(label(ContractType, t.contract_type)),
                                                  s["cell"]),
                         _num(sroi._trim(t.hours_per_week)), _num(t.months),
                         Paragraph(paid, s["cell"])])  # fmt: skip
    grid = Table(rows, colWidths=[w * mm for w in (50, 22, 22, 32, 22, 20, 70)], hAlign="LEFT",
                 repeatRows=1)  # fmt: skip
    style = _grid(header=False)
    style.add("ALIGN", (4, 1), (-1, -1), "RIGHT")
    grid.setStyle(style)
    return [*_keep(Paragraph("Contractwijzigingen in de periode: elk deel met zijn eigen contract "
                             "en uren; de verloonde uren van een medewerker zijn de som van de "
                             "delen.", s["small"]), Spacer(1, 1.5 * mm)), grid,
            Spacer(1, 3 * mm)]  # fmt: skip


def _sroi_rules(report: PlacementReport) -> list:
    """Every social-return rule used, then each person's lines worked out, so an auditor can
    recompute each euro from the appendix alone."""
    s = styles()
    n = len(APPENDIX) + 1
    table = report.sroi_table
    if table is None:
        return [
            Paragraph(
                f"{n}. Social return (SROI): {plain(sroi_source(report, _date))}.", s["small"]
            )
        ]
    basis = _num(sroi._trim(table.basis_hours))
    text = (
        f"{n}. Social return (SROI) volgens de "
        f"{plain(sroi_source(report, _date, changes=False))}"
        + (f": {plain(table.title)}" if table.title else "")
        + (f" (bron: {plain(table.source)})" if table.source else "")
        + "."
        + plain(sroi_changes(report, _date))
        + f" Een jaarbedrag geldt voor een fulltime jaarcontract van {basis} uur per week en telt "
        f"naar rato: bedrag × uren per week / {basis} × maanden in dienst / 12 (de maanden zoals "
        f"in de tabel). Meer dan {basis} uur per week telt als voltijd ({basis}/{basis}): het "
        f"bedrag geldt per fulltime jaarcontract, niet per uur{_full_time_source(table)}. "
        "Veranderde het contract of het aantal uren in de periode, "
        "dan is elk deel een eigen regel met zijn uren en maanden, en een bonus voor een soort "
        "contract (vast) telt alleen in de maanden onder dat contract. Een proefplaatsing "
        "zonder loon heeft geen verloonde uren en telt geen jaarbedrag. Eén categorie per "
        "persoon: van de categorieën die op de dag van indiensttreding passen de hoogste. "
        "Leeftijd: alleen het geboortejaar is bekend, dus op de dag van indiensttreding was "
        "iemand het jaar van indiensttreding min het geboortejaar oud, of één jaar minder; een "
        "voorwaarde op leeftijd telt alleen als hij voor allebei geldt (geboren 1974, in dienst"
        " 2025: 50 of 51, dus niet zeker 'ouder dan 50'). Wie in geen categorie past, telt niet"
        " mee, ook niet voor bonussen. Elke regel wordt op centen afgerond; de waarde van een "
        "medewerker is de som van de regels."
    )
    if table.valid_from is None:
        text += (
            " Let op: de gemeente publiceerde deze tabel zonder ingangsdatum en de "
            "coördinator heeft die nog niet bevestigd; de waarde is daarom voorlopig."
        )
    rows = [[Paragraph(h, s["head"]) for h in ("Regel", "Telt", "Bedrag")]]
    for rule in table.rules:
        rows.append([Paragraph(plain(rule.appendix()), s["cell"]),
                     Paragraph(sroi.PER_NL[rule.per], s["cell"]), _euro(rule.amount)])  # fmt: skip
    grid = Table(rows, colWidths=[150 * mm, 50 * mm, 30 * mm], hAlign="LEFT", repeatRows=1)
    style = _grid(header=False)
    style.add("ALIGN", (2, 1), (2, -1), "RIGHT")
    grid.setStyle(style)
    return [*_keep(Paragraph(text, s["small"]), Spacer(1, 1.5 * mm)), grid, Spacer(1, 3 * mm),
            *_keep(Paragraph(f"{n + 1}. Social return per medewerker, regel voor regel",
                             s["small"]), Spacer(1, 1.5 * mm)), _sroi_people(report)]  # fmt: skip


def _full_time_source(table: sroi.RuleTable) -> str:
    """Where "an amount is per full-time job" comes from, for Utrecht's tables: its pages
    (../shared/reference/sroi_utrecht_nl.md) give each value "per jaarcontract, 36 uur per
    week", the oldest "op basis van een jaarcontract fulltime (40 uur per week)"."""
    if table.municipality.casefold() != "utrecht":
        return ""
    return (" (Utrecht, bouwblokken: 'waarde per jaarcontract, 36 uur per week'; de oudste "
            "tabel 'op basis van een jaarcontract fulltime (40 uur per week)')")  # fmt: skip


def _sroi_people(report: PlacementReport) -> Table:
    """One row a line: whose, which rule, how it was worked out, what it is worth; a subtotal
    a person; the employer's hourly lines; the total, which equals the key figure."""
    s = styles()
    rows: list[list[object]] = [[Paragraph(h, s["head"]) for h in
                                 ("Medewerker", "Regel", "Berekening", "Bedrag")]]  # fmt: skip
    subtotals, blocks = [], []
    for e in report.employees:
        first_row = len(rows)
        why = " ".join(map(str, e.sroi_notes))
        category = e.sroi_category or "geen passende categorie"
        first = [Paragraph(plain(e.name), s["cell"])]
        if not e.sroi_lines:
            rows.append([*first, Paragraph(plain(category), s["cell"]),
                         Paragraph(plain(why), s["cell"]), _euro(Decimal(0))])  # fmt: skip
        for i, line in enumerate(e.sroi_lines):
            worked_out = sroi.formula(line, _num, _euro) + (
                f" ({_date(line.first)} t/m {_date(line.last)})" if line.first and line.last
                else "")  # fmt: skip
            rows.append([first[0] if i == 0 else "", Paragraph(plain(line.label), s["cell"]),
                         Paragraph(worked_out, s["cell"]), _euro(line.value)])  # fmt: skip
        if e.sroi_lines:
            subtotals.append(len(rows))
            blocks.append((first_row, len(rows)))  # a person's lines and subtotal together
            rows.append(
                [
                    "",
                    Paragraph(f"Totaal {plain(e.name)}", s["cell"]),
                    Paragraph(plain(why), s["cell"]),
                    _euro(e.sroi_value or Decimal(0)),
                ]
            )
    for a in report.activities:  # each activity: its day and what it was, then its value
        for line in a.lines:
            rows.append([Paragraph("Werkgever", s["cell"]),
                         Paragraph(f"{plain(line.label)}, {_date(a.day)}: {plain(a.description)}",
                                   s["cell"]),
                         f"{sroi.formula(line, _num, _euro)} uur", _euro(line.value)])  # fmt: skip
        if not a.lines:
            rows.append([Paragraph("Werkgever", s["cell"]),
                         Paragraph(f"Sociale activiteit, {_date(a.day)}: {plain(a.description)}",
                                   s["cell"]),
                         Paragraph(f"{_num(sroi._trim(a.hours))} uur; de regeltabel waardeert "
                                   "geen uren", s["cell"]), _euro(Decimal(0))])  # fmt: skip
    rows.append(["Totaal", "", "", _euro(report.total_sroi or Decimal(0))])
    grid = Table(rows, colWidths=[45 * mm, 85 * mm, 100 * mm, 30 * mm], hAlign="LEFT", repeatRows=1)
    style = _grid(header=True)
    style.add("ALIGN", (3, 1), (3, -1), "RIGHT")
    style.add("LINEABOVE", (0, -1), (-1, -1), 0.9, MUTED)
    regular, bold = register_fonts()
    for row in subtotals:
        style.add("FONTNAME", (0, row), (-1, row), bold)
    for first_row, last_row in blocks:
        style.add("NOSPLIT", (0, first_row), (-1, last_row))
    style.add("NOSPLIT", (0, -2), (-1, -1))  # the total never alone atop a page
    grid.setStyle(style)
    return grid


def footer(text: str, x: float = 14 * mm, y: float = 7 * mm):  # noqa: ANN201
    """A page's footer line, for ``onFirstPage`` and ``onLaterPages``."""

    def draw(canvas, doc) -> None:  # noqa: ANN001, ARG001
        regular, _bold = register_fonts()
        canvas.saveState()
        canvas.setFont(regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(x, y, text)
        canvas.restoreState()

    return draw
