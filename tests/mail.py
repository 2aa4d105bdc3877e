"""A mail server that is down, for the tests of what happens when an email fails."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class FailingEmailBackend(EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
