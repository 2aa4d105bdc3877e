"""How every email is built: a subject never carries a line break."""

import pytest
from django.core import mail

from alliance.emails import email_subject, send_email
from tests.factories import CompanyFactory, RepresentativeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text", ["Moules\r\nBcc: x@spam.example", "Moules\rBcc: x@spam.example", "Moules\u2028Bcc:"]
)
def test_a_subject_is_always_one_line(text):
    subject = email_subject(f"Renouvellement : {text}")
    assert subject.startswith("[Alliance Polymères Québec] Renouvellement : Moules ")
    assert not set(subject) & {"\r", "\n", "\u2028"}


def test_a_name_with_line_breaks_stays_in_the_subject_and_out_of_the_body():
    company = CompanyFactory(name="Moules\r\nBellechasse")
    person = RepresentativeFactory(company=company)
    send_email(
        template="renewal_requested_staff",
        to=["adhesions@alliance.example"],
        language="fr",
        context={"company": company, "person": person, "admin_url": "https://x.example/"},
    )
    (message,) = mail.outbox
    assert (
        message.subject == "[Alliance Polymères Québec] Renouvellement demandé : Moules Bellechasse"
    )
    message.message()  # the headers are valid
