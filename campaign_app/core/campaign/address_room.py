"""check's word on an address too long for the address field, even in its smallest type.

A letter's address stands in a fixed field where the window of a window envelope shows
it (core/letters/address_field.py). A long address is set in smaller type, down to 8
points; one still too long at 8 points runs below the field, and the envelope's window
hides its last lines: the postcode and the country, often, so the letter goes nowhere.
Nothing in the letter itself shows it until it is folded. So ``check`` names the
recipients whose address does not fit, in the PDF or in the DOCX (whose lines stand a
little further apart), per template: the lines are the recipient's, in the template's
language, with their name and position.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from campaign_app.core.common.i18n import listed, ngettext
from campaign_app.core.letters.document import Letter


def address_fits(lines: tuple[str, ...]) -> bool:
    """Whether ``lines`` fit the address field in its smallest type, in both writers (the
    DOCX's lines, the further apart, decide)."""
    from campaign_app.core.letters import address_field as f  # reportlab's metrics, when needed

    return not lines or f.address_type(lines, f.SMALLEST, max(f.PDF_LINE_HEIGHT, f.DOCX_LINE_HEIGHT)).fits


@dataclass
class AddressRoom:
    """The recipients whose address runs below the field, by template."""

    over: dict[str, list[str]] = field(default_factory=dict)

    def letter(self, template_id: str, recipient_id: str, letter: Letter) -> None:
        if not address_fits(letter.recipient_lines):
            self.over.setdefault(template_id, []).append(recipient_id)

    def warnings(self) -> list[str]:
        return [
            ngettext(
                "template '{id}': the address of {count} recipient is too long for the address "
                "field even in 8-point type: {ids} — its last lines run below where an envelope's "
                "window shows it; shorten their postal_address (or position) in the directory",
                "template '{id}': the addresses of {count} recipients are too long for the address "
                "field even in 8-point type: {ids} — their last lines run below where an "
                "envelope's window shows them; shorten their postal_address (or position) in the "
                "directory",
                len(ids),
            ).format(id=template_id, count=len(ids), ids=listed(ids))
            for template_id, ids in sorted(self.over.items())
        ]
