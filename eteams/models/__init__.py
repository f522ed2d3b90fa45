"""The domain model (DESIGN §2), one module per aggregate."""

from eteams.models.audit import AuditEvent, LoginFailure
from eteams.models.base import Base
from eteams.models.campaign import Address, Campaign, GeocodeResult, ImportUpload
from eteams.models.catalogue import FinancingOption, Measure, PriceBook
from eteams.models.employer import (
    ContractChange,
    Employee,
    Employer,
    PlacementReportVersion,
    SocialActivity,
    SroiContract,
    TrainingRecord,
)
from eteams.models.job import Job
from eteams.models.letter import AdviceLetter
from eteams.models.sroi import SroiRule, SroiRuleSet
from eteams.models.team import Attendance, Shift, Team, TeamMembership
from eteams.models.user import ApiToken, User, UserSession
from eteams.models.visit import (
    Visit,
    VisitCoach,
    VisitConsent,
    VisitFinancingInterest,
    VisitInterest,
    VisitReview,
    VisitSmallMeasure,
)
from eteams.models.walklist import WalkList, WalkListDownload, WalkListStop

__all__ = [
    "Address",
    "AdviceLetter",
    "ApiToken",
    "Attendance",
    "AuditEvent",
    "Base",
    "Campaign",
    "ContractChange",
    "Employee",
    "Employer",
    "FinancingOption",
    "GeocodeResult",
    "ImportUpload",
    "Job",
    "LoginFailure",
    "Measure",
    "PlacementReportVersion",
    "PriceBook",
    "Shift",
    "SocialActivity",
    "SroiContract",
    "SroiRule",
    "SroiRuleSet",
    "Team",
    "TeamMembership",
    "TrainingRecord",
    "User",
    "UserSession",
    "Visit",
    "VisitCoach",
    "VisitConsent",
    "VisitFinancingInterest",
    "VisitInterest",
    "VisitReview",
    "VisitSmallMeasure",
    "WalkList",
    "WalkListDownload",
    "WalkListStop",
]
