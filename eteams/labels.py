"""Human names for the value lists, translated; forms and templates share them."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from eteams.models.enums import (
    AttendanceStatus,
    BuildingYearClass,
    ConsentKind,
    ContractType,
    DwellingType,
    EndReason,
    Glazing,
    Heating,
    Interest,
    Language,
    LearningRoute,
    Outcome,
    ReviewReason,
    Role,
    TargetGroup,
    Tenure,
)
from eteams.services.addresses import DoorStatus

LABELS: dict[type[StrEnum], dict[str, object]] = {
    Role: {
        "admin": _l("Programme coordinator"),
        "lead": _l("Team lead"),
        "coach": _l("Coach"),
        "employer": _l("Employer (HR)"),
    },
    TargetGroup: {
        "participatiewet": _l("Participation Act (social assistance)"),
        "ww": _l("Unemployment benefit (WW)"),
        "banenafspraak": _l("Jobs agreement (banenafspraak)"),
        "wia_wajong": _l("WIA / WAO"),
        "wajong": _l("Wajong"),
        "no_benefit": _l("No benefit"),
        "other": _l("Other"),
    },
    ContractType: {
        "trial_placement": _l("Trial placement"),
        "temporary": _l("Temporary contract"),
        "permanent": _l("Permanent contract"),
        "work_learning": _l("Work-learning job"),
    },
    EndReason: {
        "regular_job": _l("Regular job elsewhere"),
        "permanent_contract": _l("Permanent contract"),
        "education": _l("Education"),
        "health": _l("Health"),
        "other": _l("Other"),
    },
    Language: {"nl": "Nederlands", "en": "English"},
    LearningRoute: {
        "bbl": _l("MBO, learning on the job (BBL)"),
        "bol": _l("MBO, school with internships (BOL)"),
        "pro_vso_entree": _l("Practical or special secondary education, or entree (MBO 1)"),
    },
    DoorStatus: {
        "never_visited": _l("Never visited"),
        "not_home_1": _l("Not home once"),
        "not_home_2": _l("Not home twice"),
        "not_home_3": _l("Not home three times or more"),
        "conversation": _l("Conversation"),
        "refused": _l("Refused"),
        "do_not_visit": _l("Do not visit"),
        "other": _l("Other (moved, no access, later)"),
    },
    Outcome: {
        "not_home": _l("Not home"),
        "no_answer": _l("No answer"),
        "refused": _l("Refused"),
        "come_back_later": _l("Come back later"),
        "conversation": _l("Conversation"),
        "moved": _l("Moved"),
        "no_access": _l("No access"),
        "do_not_visit": _l("Do not visit"),
    },
    DwellingType: {
        "terraced": _l("Terraced house"),
        "end_terrace": _l("End-terrace house"),
        "semi_detached": _l("Semi-detached house"),
        "detached": _l("Detached house"),
        "apartment": _l("Apartment"),
        "ground_floor_flat": _l("Ground-floor flat"),
        "upper_floor_flat": _l("Upper-floor flat"),
    },
    Tenure: {
        "owner": _l("Owner-occupied"),
        "social_rent": _l("Social rent"),
        "private_rent": _l("Private rent"),
        "unknown": _l("Unknown"),
    },
    BuildingYearClass: {
        "before_1945": _l("before 1945"),
        "1945_1964": "1945–1964",
        "1965_1974": "1965–1974",
        "1975_1991": "1975–1991",
        "1992_2005": "1992–2005",
        "2006_later": _l("2006 or later"),
    },
    Heating: {
        "gas_boiler": _l("Gas boiler"),
        "hybrid_heat_pump": _l("Hybrid heat pump"),
        "heat_pump": _l("Heat pump"),
        "district_heating": _l("District heating"),
        "other": _l("Other"),
    },
    Glazing: {
        "single": _l("Single glass"),
        "double": _l("Double glass"),
        "hr": _l("HR++ or triple glass"),
    },
    Interest: {
        "interested": _l("Interested"),
        "maybe": _l("Maybe"),
        "no": _l("Not interested"),
        "has_it": _l("Already has it"),
    },
    AttendanceStatus: {
        "present": _l("Present"),
        "absent": _l("Absent"),
        "sick": _l("Sick"),
    },
    ConsentKind: {
        "advice_letter": _l("Advice letter"),
        "follow_up_contact": _l("Follow-up contact"),
    },
    ReviewReason: {
        "not_on_list": _l("The door is not on this walk list (any more)."),
        "list_done": _l("The walk list was already marked done."),
        "list_replanned": _l("The walk list was re-planned or taken back to draft."),
        "date_passed": _l("The visit arrived after the day of the walk list."),
        "outside_shift": _l("The time of the visit lies far from the shift."),
        "do_not_visit": _l("The address was already marked do not visit."),
        "not_on_team": _l("The coach was not on the team of this walk list that day."),
        "clock_ahead": _l("The tablet's clock ran ahead: saved at the time it arrived."),
        "already_logged": _l("The door has a visit on the tablet and one typed in from paper."),
        "outside_campaign": _l("The day of the visit lies outside the campaign's dates."),
        "appointment_at_night": _l("The appointment is at night: check its time with the coach."),
        "appointment_far_ahead": _l(
            "The appointment is more than a year after the visit: check its date with the coach."
        ),
        "second_conversation": _l(
            "The door has another conversation on the same day: the household gets one letter, "
            "made from the latest, once you have checked with the coaches which one is right "
            "(correct the latest if need be)."
        ),
    },
}


def choices(enum_cls: type[StrEnum]) -> list[SelectChoice]:
    return [SelectChoice(member.value, LABELS[enum_cls][member.value]) for member in enum_cls]


def options(pairs: Iterable[tuple[object, object]], empty: bool = False) -> list[SelectChoice]:
    """Choices for a select of database rows; ``empty`` adds a "—" (none) option first."""
    first = [SelectChoice(None, "—")] if empty else []
    return [*first, *(SelectChoice(value, label) for value, label in pairs)]


def label(enum_cls: type[StrEnum], value: object) -> object:
    if value is None:
        return ""
    key = value.value if isinstance(value, StrEnum) else str(value)
    return LABELS[enum_cls].get(key, key)


# What each audited action means, for the admin's audit log. An action missing here is
# shown by its code, so a new one is never hidden.
AUDIT_ACTIONS: dict[str, object] = {
    "login": _l("Signed in"),
    "login_failed": _l("Failed sign-in"),
    "logout": _l("Signed out"),
    "user_saved": _l("User saved"),
    "role_changed": _l("Role changed"),
    "password_changed": _l("Password changed"),
    "token_created": _l("API token made"),
    "token_revoked": _l("API token revoked"),
    "user_activated": _l("User activated"),
    "user_deactivated": _l("User deactivated"),
    "employer_saved": _l("Employer saved"),
    "employee_saved": _l("Employee saved"),
    "training_added": _l("Training added"),
    "contract_changed": _l("Contract change recorded"),
    "contract_change_removed": _l("Contract change removed"),
    "team_saved": _l("Team saved"),
    "shift_scheduled": _l("Shift scheduled"),
    "shifts_scheduled": _l("Shifts scheduled"),
    "shift_moved": _l("Shift moved"),
    "shift_cancelled": _l("Shift cancelled"),
    "attendance_recorded": _l("Attendance recorded"),
    "attendance_corrected": _l("Attendance corrected"),
    "campaign_saved": _l("Campaign saved"),
    "addresses_imported": _l("Addresses imported"),
    "geocoded": _l("Addresses geocoded"),
    "address_placed": _l("Address placed on the map"),
    "do_not_visit": _l("Marked do not visit"),
    "walk_lists_planned": _l("Walk lists planned"),
    "walk_list_changed": _l("Walk list changed"),
    "job_retried": _l("Background job tried again"),
    "visit_reviewed": _l("Visit from the field reviewed"),
    "paper_visits_typed_in": _l("Visits typed in from the paper walk sheet"),
    "letter_downloaded": _l("Advice letter downloaded"),
    "letters_printed": _l("Advice letters printed"),
    "letters_viewed": _l("Advice letters viewed (not printed)"),
    "letters_sent": _l("Advice letters marked as sent"),
    "household_exported": _l("Household data exported"),
    "household_erased": _l("Household data erased"),
    "purge_expired": _l("Expired data purged"),
    "placement_report_downloaded": _l("Placement report downloaded"),
    "programme_report_downloaded": _l("Programme report downloaded"),
    "measure_saved": _l("Measure saved"),
    "financing_saved": _l("Financing option saved"),
    "price_book_added": _l("Price book added"),
    "price_book_corrected": _l("Price book corrected"),
    "price_book_removed": _l("Price book removed"),
    "sroi_rules_added": _l("Social-return rules added"),
    "sroi_valid_from_confirmed": _l("Social-return rules' start date confirmed"),
    "sroi_contract_added": _l("Social-return contract added"),
    "sroi_contract_ended": _l("Social-return contract's end date set"),
    "social_activity_added": _l("Social activity recorded"),
    "social_activity_removed": _l("Social activity removed"),
    "backup_made": _l("Backup made"),
    "backup_restored": _l("Backup restored"),
}
