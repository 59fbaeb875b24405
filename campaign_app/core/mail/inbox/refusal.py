"""The mail server's "no" to the inbox's user name and password, as its own kind of problem.

A password kept in the keyring goes stale when the mailbox's password is changed; the
server then refuses it at every check. The command line says to replace it with
``campaign-app inbox password``; the window asks for the current one there and then,
and keeps it once the server takes it (gui/outreach/inbox_check.py). Both tell this
refusal from the others (no encryption offered, a certificate not verified) by its kind.
"""

from __future__ import annotations

from campaign_app.core.common.errors import UserError


class LoginRefused(UserError):
    """The server refused the user name or password (never repeated in the message)."""
