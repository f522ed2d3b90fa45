"""Value lists of DESIGN §8. API values are English; the UI also accepts Dutch words."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    LEAD = "lead"
    COACH = "coach"
    EMPLOYER = "employer"


class TargetGroup(StrEnum):
    PARTICIPATIEWET = "participatiewet"
    WW = "ww"
    BANENAFSPRAAK = "banenafspraak"
    WIA = (
        "wia_wajong"  # WIA or WAO; the value predates Wajong's own group (saved rule tables use it)
    )
    WAJONG = "wajong"
    NO_BENEFIT = "no_benefit"
    OTHER = "other"


class ContractType(StrEnum):
    TRIAL_PLACEMENT = "trial_placement"
    TEMPORARY = "temporary"
    PERMANENT = "permanent"
    WORK_LEARNING = "work_learning"


class LearningRoute(StrEnum):
    """A learning place the municipality values as a category of its own."""

    BBL = "bbl"  # mbo, learning while working (beroepsbegeleidende leerweg)
    BOL = "bol"  # mbo, school with internships (beroepsopleidende leerweg)
    PRO_VSO_ENTREE = "pro_vso_entree"  # praktijkonderwijs, voortgezet speciaal onderwijs, entree


class EndReason(StrEnum):
    REGULAR_JOB = "regular_job"
    PERMANENT_CONTRACT = "permanent_contract"
    EDUCATION = "education"
    HEALTH = "health"
    OTHER = "other"


class Tenure(StrEnum):
    OWNER = "owner"
    SOCIAL_RENT = "social_rent"
    PRIVATE_RENT = "private_rent"
    UNKNOWN = "unknown"


class DwellingType(StrEnum):
    TERRACED = "terraced"
    END_TERRACE = "end_terrace"
    SEMI_DETACHED = "semi_detached"
    DETACHED = "detached"
    APARTMENT = "apartment"
    GROUND_FLOOR_FLAT = "ground_floor_flat"
    UPPER_FLOOR_FLAT = "upper_floor_flat"


class BuildingYearClass(StrEnum):
    BEFORE_1945 = "before_1945"
    Y1945_1964 = "1945_1964"
    Y1965_1974 = "1965_1974"
    Y1975_1991 = "1975_1991"
    Y1992_2005 = "1992_2005"
    Y2006_LATER = "2006_later"


class EnergyLabel(StrEnum):
    A4 = "A++++"
    A3 = "A+++"
    A2 = "A++"
    A1 = "A+"
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"
    G = "G"


class Heating(StrEnum):
    GAS_BOILER = "gas_boiler"
    HYBRID_HEAT_PUMP = "hybrid_heat_pump"
    HEAT_PUMP = "heat_pump"
    DISTRICT_HEATING = "district_heating"
    OTHER = "other"


class Glazing(StrEnum):
    """The glass a household has now (most of the windows)."""

    SINGLE = "single"
    DOUBLE = "double"
    HR = "hr"  # HR++ or triple


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    SICK = "sick"


class ShiftStatus(StrEnum):
    PLANNED = "planned"
    CANCELLED = "cancelled"


class WalkListStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    DONE = "done"


class ReviewReason(StrEnum):
    """Why a visit from the field, accepted as a fact, is put before the lead."""

    NOT_ON_LIST = "not_on_list"  # the list no longer (or never) had this door
    LIST_DONE = "list_done"  # the list was marked done before the visit arrived
    LIST_REPLANNED = "list_replanned"  # the list went back to draft or was planned anew
    DATE_PASSED = "date_passed"  # the visit arrived after the list's day
    OUTSIDE_SHIFT = "outside_shift"  # the time of the visit lies far from the shift
    DO_NOT_VISIT = "do_not_visit"  # the address was already marked do not visit
    NOT_ON_TEAM = "not_on_team"  # the coach was no longer on the list's team on its day
    CLOCK_AHEAD = "clock_ahead"  # the tablet's clock ran ahead: stored at the server's time
    ALREADY_LOGGED = "already_logged"  # the door has a visit on the tablet and one from paper
    OUTSIDE_CAMPAIGN = "outside_campaign"  # the visit's day lies outside the campaign's dates
    APPOINTMENT_AT_NIGHT = "appointment_at_night"  # an appointment between 22:00 and 07:00
    APPOINTMENT_FAR_AHEAD = "appointment_far_ahead"  # an appointment over a year after the visit
    SECOND_CONVERSATION = "second_conversation"  # the door had a conversation earlier that day


class Outcome(StrEnum):
    NOT_HOME = "not_home"
    NO_ANSWER = "no_answer"
    REFUSED = "refused"
    COME_BACK_LATER = "come_back_later"
    CONVERSATION = "conversation"
    MOVED = "moved"
    NO_ACCESS = "no_access"
    DO_NOT_VISIT = "do_not_visit"


class Interest(StrEnum):
    INTERESTED = "interested"
    MAYBE = "maybe"
    NO = "no"
    HAS_IT = "has_it"


class ConsentKind(StrEnum):
    ADVICE_LETTER = "advice_letter"
    FOLLOW_UP_CONTACT = "follow_up_contact"


class Language(StrEnum):
    NL = "nl"
    EN = "en"


class FinancingKind(StrEnum):
    SUBSIDY = "subsidy"
    LOAN = "loan"
    OTHER = "other"


class JobKind(StrEnum):
    """Long work done by a background worker, not inside a web request."""

    PLAN = "plan"  # plan a campaign's walk lists for a day
    GEOCODE = "geocode"  # find the coordinates of a campaign's addresses
    LETTERS = "letters"  # the day's letters as one PDF for printing
    WALK_SHEETS = "walk_sheets"  # the day's walk sheets as one PDF for printing
    PLACEMENT_REPORT = "placement_report"  # an employer's placement report, PDF or CSV
    PROGRAMME_REPORT = "programme_report"  # the programme report, PDF or CSV


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
