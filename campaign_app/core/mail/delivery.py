"""What became of one letter at the SMTP session (core/mail/smtp.py): delivered, refused,
uncertain, held back or cancelled; and the waits between tries."""

from __future__ import annotations

import random
from dataclasses import dataclass

UNCERTAIN_DETAIL = "connection lost after the message was sent, before the server confirmed it"


def default_backoff(attempt: int) -> float:
    """Seconds to wait after failed attempt number ``attempt`` (1-based): 1, 2, 4 … 60, ±20%."""
    base = min(60.0, 2.0 ** (attempt - 1))
    return min(60.0, base * random.uniform(0.8, 1.2))


@dataclass(frozen=True)
class Delivery:
    """What happened to one letter: "sent", "failed" or "uncertain", in the server's words."""

    status: str  # "sent" | "failed" | "uncertain"
    detail: str
    attempts: int


class SendCancelled(Exception):
    """Cancel was set while waiting (rate limit or backoff); this message was not sent."""


class Withheld(Exception):
    """The caller's gate held the message back once the server had accepted its recipients
    (its claim was refused, or could not be made): the transaction was reset, nothing sent."""


class Retry(Exception):
    """This attempt failed in a way that is safe and worth retrying (``detail`` says why);
    ``server_wide``: the server itself failed (421, the connection lost), not this letter."""

    def __init__(self, detail: str, server_wide: bool = False):
        super().__init__(detail)
        self.detail = detail
        self.server_wide = server_wide
