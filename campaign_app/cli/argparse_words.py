"""argparse's own words ("usage:", "options", "the following arguments are required") in the
interface language.

argparse looks its messages up with the module-level ``_``/``ngettext`` of the gettext module,
in gettext's default domain, which no installed catalogue serves. :func:`install` points
argparse at our catalogue instead, and the messages a user can meet are listed here, so
that ``pybabel extract`` puts them in it (tests/test_i18n_catalogues.py checks that every
such message of the running Python's argparse is listed).
"""

from __future__ import annotations

import argparse

from campaign_app.core.common import i18n
from campaign_app.core.common.i18n import N_

MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("ignored explicit argument %r"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


def _plural_marker() -> None:  # never called: marks argparse's one plural for pybabel
    i18n.ngettext("expected %s argument", "expected %s arguments", 1)


def install() -> None:
    """argparse speaks the interface language from now on (in this process)."""
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
