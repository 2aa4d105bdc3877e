"""The outbox: an email written by the portal and waiting for the worker."""

import factory
from factory.django import DjangoModelFactory

from alliance.models import OutgoingEmail


class OutgoingEmailFactory(DjangoModelFactory):
    class Meta:
        model = OutgoingEmail

    recipients = factory.Sequence(lambda n: f"destinataire{n}@exemple.qc.ca")
    subject = "[Alliance Polymères Québec] Bienvenue"
    message = factory.LazyAttribute(
        lambda email: {
            "subject": email.subject,
            "body": "Bonjour,\n",
            "from_email": "info@alliancepolymeres.quebec",
            "to": [email.recipients],
            "cc": [],
            "bcc": [],
            "reply_to": [],
            "headers": {},
            "alternatives": [],
            "attachments": [],
        }
    )
