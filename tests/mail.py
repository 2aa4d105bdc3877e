"""Email in the tests: a mail server that is down, for the tests of what happens when an
email fails, and the login code a message carries."""

import re
import smtplib

from django.core.mail.backends.locmem import EmailBackend


class FailingEmailBackend(EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def code_in(message) -> str | None:
    found = re.search(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b", message.body)
    return found.group(0) if found else None
