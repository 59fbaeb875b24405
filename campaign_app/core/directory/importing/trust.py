"""Why a row of an import is not trusted, and so not imported but listed for a person to check.

Letters lost to ``?`` in the source (nothing else in such a row can be trusted), a name or an
office that starts like a spreadsheet formula, and a country that contradicts the row's
e-mail or homepage domain. The row-by-row converter (convert.py) and the column-by-column
one (columns.py) both ask here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from campaign_app.core.common.formulas import runs_as_formula
from campaign_app.core.common.i18n import N_, _
from campaign_app.core.directory.importing.cells import lost_letters
from campaign_app.core.directory.importing.countries import (
    country_name,
    domain_country,
    has_country_domain,
    url_host,
)


@dataclass
class Distrust:
    """Why a row is not imported: a field (or None for the row), what is wrong, what to do."""

    field: str | None
    message: str
    hint: str


class Judged(Protocol):
    """A converted row (convert.Converted): its reasons not to be trusted."""

    def distrusted(self, reason: Distrust, first: bool = False) -> None: ...


def check_trust(values: dict[str, Any], out: Judged, country: Any, emails: list[str], homepage: Any) -> None:
    """A name or an office that is a formula, or else letters lost to ``?``, come first among
    the reasons (nothing else in such a row can be trusted); else the country is checked
    against the row's domains."""
    # a formula says the most: a row made to attack (its '?' a URL's)
    first = formula_start(values) or _lost_letters(values)
    if first is not None:
        out.distrusted(first, first=True)
        return
    if type(country) is str and len(country) == 2:
        clash = country_clash(country, emails, homepage)
        if clash is not None:
            out.distrusted(clash)


def _lost_letters(values: dict[str, Any]) -> Distrust | None:
    texts = [v for v in values.values() if type(v) is str]
    joined = "\x1f".join(texts)  # one look for '?' in the whole row first
    maybe_lost = len(texts) < len(values) or "?" in joined or "\ufffd" in joined
    lost = lost_letters(values) if maybe_lost else None
    if not lost:
        return None
    shown = ", ".join(f"{name} '{text}'" for name, text in lost)
    return Distrust(
        lost[0][0],
        _("letters replaced by '?' in the source: {fields}").format(fields=shown),
        _(
            "the file could not hold these letters: correct them in the source and import it "
            "again, or type the entry in by hand"
        ),
    )


# The fields that say who a person is and where: none of them starts with a formula's sign,
# so one that does came from a list made to attack whoever opens the directory's CSV files
# in a spreadsheet (which runs '=HYPERLINK(…)' or '=cmd|…' as it opens them).
FORMULA_FIELDS = ("honorific", "given_name", "family_name", "position", "organisation")


def formula_start(values: Mapping[str, Any]) -> Distrust | None:
    """The first of a row's names and offices that a spreadsheet would run as a formula
    (``core/common/formulas.py``'s rule; a dash standing for "none" holds no letter or digit
    and runs nothing), as a reason not to import the row."""
    for name in FORMULA_FIELDS:
        value = values.get(name)
        texts = (
            [value]
            if type(value) is str
            else [str(v) for v in value.values()]
            if isinstance(value, Mapping)
            else []
        )
        for text in texts:
            if type(text) is str and runs_as_formula(text) and any(ch.isalnum() for ch in text):
                return Distrust(
                    name,
                    _(
                        "{field} '{text}' is a formula a spreadsheet would run, not a name or an office"
                    ).format(field=name, text=text),
                    _(
                        "a list made to attack whoever opens the directory in a spreadsheet holds such "
                        "cells: check where the file came from; a real entry can be typed in by hand"
                    ),
                )
    return None


def country_clash(country: str, emails: list[str], homepage: Any) -> Distrust | None:
    """The row's country against the country-code domains of its addresses and homepage
    (a single address outside any country's domain, and no homepage: nothing to check)."""
    if not (homepage or len(emails) != 1 or has_country_domain(emails[0])):
        return None
    witnesses = [(N_("e-mail"), a, a[a.rfind("@") + 1 :]) for a in emails if "@" in a]
    if isinstance(homepage, str) and homepage:
        witnesses += [(N_("homepage"), url, url_host(url)) for url in re.split(r"[;\s]+", homepage) if url]
    for what, text, host in witnesses:
        other = domain_country(host)
        if other is not None and other != country:
            tld = host.rsplit(".", 1)[-1].lower()
            return Distrust(
                "country",
                _("country {country} ({name}) contradicts the {what} {text} (.{tld}: {other})").format(
                    country=country,
                    name=country_name(country),
                    what=_(what),
                    text=text,
                    tld=tld,
                    other=country_name(other),
                ),
                _("check the country on the member's page and correct it in the source"),
            )
    return None
