"""The contact log's words: event kinds, channels, what may be marked, what a query may ask.

Kept apart from the log itself (sqlite3 and the rest) because the command line's parser
offers them as choices on every start, the desktop app's included, and the window should
not wait for a database module it does not need yet.
"""

from __future__ import annotations

from campaign_app.core.common.i18n import N_

# The kinds of event a contact's history holds; all but "note" and "renamed" set the
# contact's status.
EVENT_KINDS = (
    "drafted",
    "sending",
    "sent",
    "failed",
    "replied",
    "no-reply",
    "closed",
    "printed",
    "note",
    "renamed",
    "auto-reply",  # an out-of-office answer, read from the inbox: noted, the follow-up stays due
    "bounced",  # a delivery failure read from the inbox: the address did not take the letter
)
# What a user may mark by hand (the others are recorded by generate and send).
MARK_STATUSES = ("replied", "no-reply", "closed", "sent")
CHANNELS = ("email", "post", "web-form", "fax", "in-person")

# Statuses a query can ask for, with what each means (shown in help and errors, in the
# interface language: _(QUERY_STATUSES[status])).
QUERY_STATUSES = {
    "none": N_("no letter to them in the log"),
    "drafted": N_("a letter generated, not sent"),
    "printed": N_("a letter printed to go by post, not yet marked as posted"),
    "uncertain": N_("sending was interrupted: it may or may not have left"),
    "sent": N_("a letter sent"),
    "revised": N_("a letter changed after it was sent (sending it again needs --resend)"),
    "failed": N_("the server refused a letter"),
    "replied": N_("they replied"),
    "auto-reply": N_("an automatic answer (out of office) came back; the follow-up stays due"),
    "bounced": N_("the letter bounced: their address did not take it (doubtful address)"),
    "no-reply": N_("marked as no reply"),
    "closed": N_("closed"),
    "followup-due": N_("sent longer ago than the follow-up period, no reply"),
}
