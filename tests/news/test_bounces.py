"""The provider's bounce and complaint webhooks (news/bounces.py, through anymail): a
signed bounce stops bulk email to the address; a bad signature changes nothing."""

import base64
import datetime as dt
import hashlib
import hmac
import json
import time

import pytest
from django.utils import timezone

from news.models import Delivery, Newsletter, Subscriber

pytestmark = pytest.mark.django_db
URL = "/anymail/mailgun/tracking/"
AUTH = "Basic " + base64.b64encode(b"hook:test-secret").decode()


def mailgun(event, recipient, *, key=b"test-signing-key", **data):
    timestamp, token = str(int(time.time())), f"token-{time.monotonic_ns()}"
    signature = hmac.new(key, f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return json.dumps(
        {
            "signature": {"timestamp": timestamp, "token": token, "signature": signature},
            "event-data": {
                "event": event,
                "recipient": recipient,
                "timestamp": time.time(),
                "delivery-status": {"message": "550 5.1.1 No such user", "description": ""},
                **data,
            },
        }
    )


def post(client, body, auth=AUTH):
    return client.post(URL, body, content_type="application/json", HTTP_AUTHORIZATION=auth)


@pytest.fixture
def reader():
    subscriber = Subscriber.objects.create(
        email="Lectrice@Exemple.qc.ca",
        status=Subscriber.Status.SUBSCRIBED,
        source=Subscriber.Source.PAGE,
        consent_text="Oui",
        consented_at=timezone.now(),
    )
    newsletter = Newsletter.objects.create(subject_fr="Numéro", introduction_fr="Bonjour")
    delivery = Delivery.objects.create(
        newsletter=newsletter, subscriber=subscriber, language="fr", handed_at=timezone.now()
    )
    return subscriber, delivery


def test_a_hard_bounce_stops_the_newsletter_to_that_address(client, reader):
    subscriber, delivery = reader
    response = post(client, mailgun("failed", "lectrice@exemple.qc.ca", severity="permanent"))
    assert response.status_code == 200
    subscriber.refresh_from_db()
    delivery.refresh_from_db()
    assert subscriber.status == Subscriber.Status.BOUNCED
    assert "No such user" in subscriber.bounce_reason
    assert delivery.state == Delivery.State.BOUNCED
    assert not Subscriber.objects.subscribed().exists()


def test_a_temporary_failure_changes_nothing(client, reader):
    post(client, mailgun("failed", "lectrice@exemple.qc.ca", severity="temporary"))
    assert Subscriber.objects.get().status == Subscriber.Status.SUBSCRIBED


def test_a_complaint_unsubscribes(client, reader):
    assert post(client, mailgun("complained", "lectrice@exemple.qc.ca")).status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED and subscriber.unsubscribed_at


@pytest.mark.parametrize(
    ("body", "auth", "status"),
    [
        (lambda: mailgun("failed", "lectrice@exemple.qc.ca", key=b"wrong-key"), AUTH, 400),
        (lambda: mailgun("failed", "lectrice@exemple.qc.ca"), "", 400),
        (
            lambda: mailgun("failed", "lectrice@exemple.qc.ca"),
            "Basic " + base64.b64encode(b"hook:guess").decode(),
            400,
        ),
    ],
    ids=["bad signature", "no credentials", "wrong credentials"],
)
def test_a_webhook_not_from_the_provider_is_refused_and_changes_nothing(
    client, reader, body, auth, status
):
    assert post(client, body(), auth=auth).status_code == status
    assert Subscriber.objects.get().status == Subscriber.Status.SUBSCRIBED
    assert Delivery.objects.get().bounced_at is None


def test_a_bounce_leaves_an_unsubscribed_address_unsubscribed(client, reader):
    subscriber, _delivery = reader
    Subscriber.objects.filter(pk=subscriber.pk).update(status=Subscriber.Status.UNSUBSCRIBED)
    post(client, mailgun("failed", "lectrice@exemple.qc.ca", severity="permanent"))
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED and subscriber.bounced_at


def test_a_bounce_long_after_an_issue_does_not_count_against_it(client, reader):
    _subscriber, delivery = reader
    Delivery.objects.filter(pk=delivery.pk).update(handed_at=timezone.now() - dt.timedelta(days=20))
    post(client, mailgun("failed", "lectrice@exemple.qc.ca", severity="permanent"))
    delivery.refresh_from_db()
    assert delivery.bounced_at is None
    assert Subscriber.objects.get().status == Subscriber.Status.BOUNCED
