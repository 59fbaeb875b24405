"""email_validator's reasons, in the interface language.

email_validator says why an address is not one in English ("An email address must have an
@-sign."), and that text went into a Ukrainian import report as it was. The reasons a
campaigner's spreadsheet meets are said here in our words, translated; a rarer one is
quoted as email_validator gives it.
"""

from __future__ import annotations

from campaign_app.core.common.i18n import N_, _

_WHOLE = {
    "An email address must have an @-sign.": N_("it has no @ sign"),
    "There must be something before the @-sign.": N_("nothing comes before the @ sign"),
    "There must be something after the @-sign.": N_("nothing comes after the @ sign"),
    "The part after the @-sign is not valid. It should have a period.": N_(
        "the part after the @ sign has no dot (as in example.org)"
    ),
    "The part after the @-sign is not valid. It is not within a valid top-level domain.": N_(
        "the part after the @ sign does not end in a real top-level domain"
    ),
    "An email address cannot have two periods in a row.": N_("it has two dots in a row"),
    "The email address contains invalid characters before the @-sign.": N_(
        "it has characters an address cannot have before the @ sign"
    ),
    "The email address contains an invalid character.": N_("it has a character an address cannot have"),
    "There can't be anything after the email address.": N_("something follows the address"),
}
_STARTS = (
    (
        "The email address contains invalid characters before the @-sign: ",
        N_("it has characters an address cannot have before the @ sign: {chars}"),
    ),
    (
        "The part after the @-sign contains invalid characters: ",
        N_("the part after the @ sign has characters it cannot have: {chars}"),
    ),
    ("The email address contains unsafe characters: ", N_("it has characters that are not safe: {chars}")),
)


def email_problem(exc: Exception) -> str:
    """Why the address is not one, in the interface language where we know the reason."""
    text = str(exc)
    known = _WHOLE.get(text)
    if known is not None:
        return _(known)
    for start, said in _STARTS:
        if text.startswith(start):
            return _(said).format(chars=text[len(start) :].rstrip("."))
    if text.startswith("The email address is too long"):
        return _("it is too long")
    return text
