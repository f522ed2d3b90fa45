"""Campaigns: a neighbourhood action with its period and default letter language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from eteams.models import Campaign
from eteams.models.enums import Language
from eteams.services import audit
from eteams.services.errors import ValidationError


@dataclass(frozen=True)
class CampaignData:
    name: str
    municipality: str
    starts_on: date
    ends_on: date
    neighbourhood: str = ""
    letter_language: Language = Language.NL


def save_campaign(
    session: Session,
    data: CampaignData,
    campaign: Campaign | None = None,
    actor_id: int | None = None,
) -> Campaign:
    """Create or update a campaign, audited here (form, API and CLI alike)."""
    problems: dict[str, list[str]] = {}
    name = data.name.strip()
    if not name:
        problems["name"] = [str(_l("Enter a name for the campaign."))]
    elif session.scalar(
        select(Campaign.id).where(
            Campaign.name == name, Campaign.id != (campaign.id if campaign else None)
        )
    ):
        problems["name"] = [str(_l("A campaign with this name exists."))]
    if not data.municipality.strip():
        problems["municipality"] = [str(_l("Enter the municipality."))]
    if data.ends_on < data.starts_on:
        problems["ends_on"] = [str(_l("The end date cannot be before the start date."))]
    if problems:
        raise ValidationError(problems)
    campaign = campaign or Campaign()
    campaign.name = name
    campaign.municipality = data.municipality.strip()
    campaign.neighbourhood = data.neighbourhood.strip()
    campaign.starts_on = data.starts_on
    campaign.ends_on = data.ends_on
    campaign.letter_language = data.letter_language
    session.add(campaign)
    session.flush()
    audit.record(session, "campaign_saved", actor_id=actor_id, obj=campaign)
    return campaign


def find_campaign(session: Session, name: str) -> Campaign | None:
    return session.scalar(select(Campaign).where(Campaign.name == name.strip()))
