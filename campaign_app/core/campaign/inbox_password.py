"""The mailbox password (campaign.yaml's ``inbox:``): kept in the system keyring under
``USERNAME@HOST``, as the SMTP password is, never in campaign.yaml.

``campaign-app inbox password`` and the Outreach tab's Check inbox both come here, so both
say the same when no secure keyring can keep it (none, or only a plain-text file store):
then it is asked for each time the inbox is read, and never saved. The window says so
before the password is typed, as the Settings tab does for the team's database password
(core/campaign/team_password.py ``check_keyring_for``).
"""

from __future__ import annotations

from campaign_app.core.common.i18n import _
from campaign_app.core.mail.inbox.settings import InboxSettings


def unkept_instead() -> str:
    """What happens to the mailbox password when no secure keyring can keep it."""
    return _("the password will be asked for each time you read the inbox, and never saved")


def check_keyring_for_inbox() -> None:
    """A UserError before the mailbox password is typed when no secure keyring can keep it
    (its hint: what happens instead, ``unkept_instead``)."""
    from campaign_app.core.mail.secrets import secure_backend

    secure_backend(unkept_instead())


def keep_inbox_password(settings: InboxSettings, password: str) -> None:
    """Keep the mailbox password in the system keyring; a UserError, with what happens
    instead, when no secure keyring can keep it."""
    from campaign_app.core.mail.secrets import store_password

    store_password(settings.username, settings.host, password, instead=unkept_instead())
