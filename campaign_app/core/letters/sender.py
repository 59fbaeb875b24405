"""Who signs the letters: the sender's organisation, address and signatories, as every
letter prints them and templates see them (``sender.organisation``, ``sender.city``…).

The campaign's settings (campaign.yaml, core/campaign/settings.py) hold a :class:`Sender`
and its signatories; letters only need them through :class:`LetterSettings`, so the
letter engine does not depend on how a campaign is configured.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from campaign_app.core.common.images import Picture
from campaign_app.core.common.localized import Localized, pick

if TYPE_CHECKING:  # the letter's document model is imported where a letterhead is made: the
    # window reads campaign.yaml (and so this module) before its first tab shows
    from campaign_app.core.letters.document import Letterhead


@dataclass(frozen=True)
class Signatory:
    """A signatory as campaign.yaml gives it, in every language (the letter's is picked later)."""

    name: Localized
    role: Localized = ""
    signature_image: Picture | None = None  # campaign.yaml's signature_image, read and checked


@dataclass(frozen=True)
class Sender:
    """The sending organisation as campaign.yaml gives it; ``SenderView`` shows it to templates."""

    organisation: Localized
    address: Localized = ""
    city: Localized = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    logo: Picture | None = None  # campaign.yaml's sender.logo, read and checked


class LetterSettings(Protocol):
    """What a letter takes from the campaign's settings."""

    @property
    def name(self) -> Localized: ...

    @property
    def default_language(self) -> str: ...

    @property
    def paper(self) -> str: ...

    @property
    def sender(self) -> Sender: ...

    @property
    def signatories(self) -> tuple[Signatory, ...]: ...

    @property
    def is_example(self) -> bool: ...


class SenderView:
    """The sender as templates see it: texts in the letter's language."""

    def __init__(self, settings: LetterSettings, language: str):
        self._c = settings
        self._lang = language

    def _t(self, value: Localized) -> str:
        return pick(value, self._lang, self._c.default_language) or ""

    @property
    def organisation(self) -> str:
        return self._t(self._c.sender.organisation)

    @property
    def address(self) -> str:
        return self._t(self._c.sender.address)

    @property
    def address_lines(self) -> list[str]:
        return [ln.strip() for ln in self.address.splitlines() if ln.strip()]

    @property
    def city(self) -> str:
        return self._t(self._c.sender.city)

    @property
    def email(self) -> str:
        return self._c.sender.email

    @property
    def phone(self) -> str:
        return self._c.sender.phone

    @property
    def website(self) -> str:
        return self._c.sender.website

    @property
    def letterhead(self) -> Letterhead:
        from campaign_app.core.letters.document import Letterhead

        head = compose_letterhead(self.organisation, self.address, self.email, self.phone, self.website)
        return Letterhead(head.organisation, head.lines, self._c.sender.logo)

    @property
    def signatories(self) -> list[dict[str, str]]:
        return [{"name": self._t(s.name), "role": self._t(s.role)} for s in self._c.signatories]


def compose_letterhead(organisation: str, address: str, email: str, phone: str, website: str) -> Letterhead:
    """The letterhead every letter prints: the organisation, its address on one line, then
    e-mail · phone · website. One composition for the letters and the Settings preview."""
    from campaign_app.core.letters.document import Letterhead

    lines = [ln.strip() for ln in address.splitlines() if ln.strip()]
    out = [", ".join(lines)] if lines else []
    contact = " · ".join(x.strip() for x in (email, phone, website) if x and x.strip())
    if contact:
        out.append(contact)
    return Letterhead(organisation.strip(), tuple(out))
