"""check's word on a letterhead too tall for the room above the address field.

A letter's address stands in a fixed field, 45 mm from the top of the page, where the
window of a window envelope shows it (core/letters/address_field.py). A letterhead that
reaches below that line (a logo with a long organisation name, an organisation name of
three lines) moves the field down by as much rather than covering it, so the envelope's
window shows part of the letterhead or the subject instead of the address. The
letterhead is the campaign's (campaign.yaml's sender), in each letter language, and the
room for it is the template's layout's: one warning for the templates that share both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import listed, ngettext
from campaign_app.core.letters.document import Letter
from campaign_app.core.letters.templates import Template


@dataclass
class LetterheadRoom:
    """The templates whose letterhead reaches into the address field, by language and layout."""

    over: dict[tuple[str, str], tuple[float, list[str]]] = field(default_factory=dict)

    def letter(self, template: Template, letter: Letter) -> None:
        """Measure the letterhead of ``letter`` (one of ``template``'s; all have the same)."""
        from campaign_app.core.letters.pdf.writer import letterhead_overrun  # reportlab when needed

        try:
            overrun = letterhead_overrun(letter)
        except UserError:  # a character without a glyph: an error check has already reported
            return
        if overrun >= 0.05:
            key = (letter.language, letter.layout)
            largest, ids = self.over.get(key, (0.0, []))
            self.over[key] = (max(largest, overrun), [*ids, template.id])

    def warnings(self) -> list[str]:
        out = []
        for (language, layout), (overrun, ids) in sorted(self.over.items()):
            out.append(
                ngettext(
                    "campaign.yaml: the letterhead in '{language}' (the sender's organisation, address "
                    "and logo) is {mm:.1f} mm too tall for the room above the address field, which "
                    "starts 45 mm from the top of the page: template {ids} (layout: {layout}) sets the "
                    "address {mm:.1f} mm lower, where a window envelope may not show all of it — "
                    "shorten sender.organisation or sender.address, or use a smaller sender.logo",
                    "campaign.yaml: the letterhead in '{language}' (the sender's organisation, address "
                    "and logo) is {mm:.1f} mm too tall for the room above the address field, which "
                    "starts 45 mm from the top of the page: templates {ids} (layout: {layout}) set the "
                    "address {mm:.1f} mm lower, where a window envelope may not show all of it — "
                    "shorten sender.organisation or sender.address, or use a smaller sender.logo",
                    len(ids),
                ).format(language=language, mm=overrun, ids=listed(ids), layout=layout)
            )
        return out
