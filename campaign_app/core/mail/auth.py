"""Signing in to an SMTP server with a password that is not plain ASCII.

Campaigners' passwords contain "ß", "é" or Cyrillic letters; smtplib cannot send them.
"""

from __future__ import annotations

import base64
import hmac
import smtplib

_MAX_CHALLENGES = 5  # as smtplib: a server that keeps challenging is looping


class Utf8AuthMixin:
    """smtplib's AUTH with the user name and password encoded as UTF-8, not ASCII.

    smtplib encodes AUTH responses as ASCII, so a password with "ß" or Cyrillic letters
    fails with "ordinal not in range(128)" before anything is sent. RFC 4616 (PLAIN) and
    the servers that take LOGIN and CRAM-MD5 expect UTF-8. The body is that of
    ``smtplib.SMTP.auth`` (Python 3.11) with the one encoding changed.
    """

    def auth(self, mechanism, authobject, *, initial_response_ok=True):
        mechanism = mechanism.upper()
        initial_response = authobject() if initial_response_ok else None
        if initial_response is not None:
            response = base64.b64encode(initial_response.encode("utf-8")).decode("ascii")
            code, resp = self.docmd("AUTH", mechanism + " " + response)
            self._auth_challenge_count = 1
        else:
            code, resp = self.docmd("AUTH", mechanism)
            self._auth_challenge_count = 0
        while code == 334:
            self._auth_challenge_count += 1
            challenge = base64.decodebytes(resp)
            response = base64.b64encode(authobject(challenge).encode("utf-8")).decode("ascii")
            code, resp = self.docmd(response)
            if self._auth_challenge_count > _MAX_CHALLENGES:
                raise smtplib.SMTPException("Server AUTH mechanism infinite loop")
        if code in (235, 503):
            return code, resp
        raise smtplib.SMTPAuthenticationError(code, resp)

    def auth_cram_md5(self, challenge=None):
        """CRAM-MD5 keyed with the password's UTF-8 bytes (smtplib: ASCII only)."""
        if challenge is None:
            return None
        return self.user + " " + hmac.HMAC(self.password.encode("utf-8"), challenge, "md5").hexdigest()
