"""The exact consent wording a household is shown at the door, by version.

The version is stored with every consent, so it is always known what someone agreed to.
A new wording gets a new version; old versions stay here.
"""

from __future__ import annotations

WORDING_VERSION = "2026-01"
# Every wording a household may have seen (a walk sheet printed before a new one says its own).
WORDING_VERSIONS = (WORDING_VERSION,)

CONSENT_TEXTS: dict[str, dict[str, str]] = {
    "advice_letter": {
        "nl": (
            "Mogen wij uw antwoorden gebruiken om u een persoonlijke adviesbrief te sturen? "
            "We bewaren ze tot uiterlijk een jaar na de actie in uw wijk."
        ),
        "en": (
            "May we use your answers to send you a personal advice letter? We keep them until "
            "at most one year after the campaign in your neighbourhood."
        ),
    },
    "follow_up_contact": {
        "nl": (
            "Mogen wij uw naam, telefoonnummer of e-mail bewaren om contact met u op te nemen "
            "over de vervolgstappen? U kunt dit altijd intrekken."
        ),
        "en": (
            "May we keep your name, phone number or e-mail to contact you about the next steps? "
            "You can withdraw this at any time."
        ),
    },
}
