"""Subscribing to the newsletter, through the pages a person clicks: double opt-in with
the consent recorded, unsubscribing from an issue's link or a mail client's one click,
the member area's choice."""

import datetime as dt
import re
from unittest import mock

import pytest
from django.core import mail, signing
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from news.models import Subscriber
from news.services import subscriptions
from news.services.subscriptions import (
    consent_text,
    subscriber_confirm_url,
    subscriber_unsubscribe_url,
)
from tests.client import Client
from tests.factories import SubscriberFactory, UserFactory, as_

pytestmark = pytest.mark.django_db

SUBSCRIBE_EN = "/en/newsletter/subscribe/"
SUBSCRIBE_FR = "/fr/infolettre/inscription/"
ADDRESS = "alex@exemple.qc.ca"


def sign_up(client, email=ADDRESS, *, url=SUBSCRIBE_EN, **data):
    return client.post(
        url, {"email": email, "language": "en", "consent": "on", **data}, REMOTE_ADDR="10.0.0.1"
    )


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def link_in(message, kind: str) -> str:
    found = re.search(rf"https?://\S+/{kind}/\S+/", message.body)
    assert found, message.body
    return path_of(found.group(0))


def english_consent() -> str:
    with translation.override("en"):
        return consent_text()


def test_double_opt_in_from_the_sign_up_page_to_the_button(client):
    page = client.get(SUBSCRIBE_EN).content.decode()
    assert "Subscribe to the newsletter" in page
    # The consent names who asks, for what, the way out, and where to reach them.
    label = re.search(r'<label for="id_consent">(.*?)</label>', page, re.S).group(1)
    assert "Alliance Polymères Québec" in label and "unsubscribe at any time" in label
    assert "info@alliancepolymeres.quebec" in label and "Lévis (Québec)" in label
    assert 'value="en" required id="id_language_1" checked' in page  # the page's language

    before = timezone.now()
    response = sign_up(client, "Alex@Exemple.qc.ca")

    assert response.status_code == 302
    done = client.get(response["Location"]).content.decode()
    assert "Check your inbox" in done
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "Alex@Exemple.qc.ca"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.source == Subscriber.Source.PAGE
    assert subscriber.consent_text == english_consent()
    assert subscriber.consent_requested_at >= before and subscriber.consented_at is None
    assert not Subscriber.objects.subscribed().exists()
    [message] = mail.outbox
    assert message.to == ["Alex@Exemple.qc.ca"]
    assert "Confirm your subscription to the newsletter" in message.subject
    link = link_in(message, "confirm")
    assert link.startswith("/en/newsletter/confirm/")

    # A link scanner opening the link confirms nothing.
    shown = client.get(link)
    assert shown.status_code == 200
    assert "Confirm my subscription" in shown.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING

    confirmed = client.post(link)
    assert confirmed.status_code == 200
    assert "Subscription confirmed" in confirmed.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    assert subscriber.consented_at >= subscriber.consent_requested_at
    assert subscriber.consent_text == english_consent()
    # Confirming twice changes nothing.
    consented_at = subscriber.consented_at
    assert client.post(link).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.consented_at == consented_at


def test_french_sign_up_sends_the_french_link(client):
    sign_up(client, url=SUBSCRIBE_FR, language="fr")

    subscriber = Subscriber.objects.get()
    assert subscriber.language == "fr"
    with translation.override("fr"):
        assert subscriber.consent_text == consent_text()
    assert link_in(mail.outbox[0], "confirmation").startswith("/fr/infolettre/confirmation/")


def test_the_footer_leads_to_the_consent_and_is_recorded_as_the_source(client):
    home = client.get("/en/").content.decode()
    footer = home[home.index('<footer class="site-footer">') :]
    assert f'action="{SUBSCRIBE_EN}"' in footer
    assert '<label for="footer-signup-email">' in footer
    assert 'name="source" value="footer"' in footer

    page = client.get(SUBSCRIBE_EN, {"email": ADDRESS, "source": "footer"}).content.decode()
    assert f'value="{ADDRESS}"' in page and 'name="source" value="footer"' in page

    sign_up(client, source="footer")
    assert Subscriber.objects.get().source == Subscriber.Source.FOOTER
    sign_up(client, source="staff")  # a visitor cannot claim another source
    assert Subscriber.objects.get().source == Subscriber.Source.PAGE


def test_same_address_twice_gets_a_fresh_link_and_one_row(client):
    sign_up(client)
    first = Subscriber.objects.get()
    response = sign_up(client, ADDRESS.upper(), source="footer")

    assert response.status_code == 302
    second = Subscriber.objects.get()
    assert second.pk == first.pk
    assert second.source == Subscriber.Source.FOOTER
    assert second.consent_requested_at > first.consent_requested_at
    assert len(mail.outbox) == 2
    assert client.post(link_in(mail.outbox[1], "confirm")).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.SUBSCRIBED


def test_a_subscribed_address_is_told_so_and_the_page_says_the_same(client):
    subscriber = SubscriberFactory(email=ADDRESS, source=Subscriber.Source.MEMBER_AREA)
    fresh = sign_up(client, "someone.new@exemple.qc.ca")
    again = sign_up(client, ADDRESS)

    assert again.status_code == fresh.status_code == 302
    assert again["Location"] == fresh["Location"]
    unchanged = Subscriber.objects.get(pk=subscriber.pk)
    assert unchanged.status == Subscriber.Status.SUBSCRIBED
    assert unchanged.source == Subscriber.Source.MEMBER_AREA
    assert unchanged.consent_text == subscriber.consent_text
    message = mail.outbox[-1]
    assert message.to == [ADDRESS]
    assert "You already receive the newsletter" in message.subject
    assert "/fr/infolettre/desabonnement/" in message.body  # in the subscriber's language


def test_an_unsubscribed_address_stays_unsubscribed_until_it_confirms_again(client):
    subscriber = SubscriberFactory(email=ADDRESS, unsubscribed=True)

    sign_up(client)

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_text == english_consent()
    assert not Subscriber.objects.subscribed().exists()
    client.post(link_in(mail.outbox[0], "confirm"))
    assert Subscriber.objects.subscribed().get() == subscriber


def test_a_confirmation_link_from_before_an_unsubscribe_does_not_resubscribe(client):
    sign_up(client)
    old_link = link_in(mail.outbox[0], "confirm")
    client.post(old_link)
    subscriber = Subscriber.objects.get()
    client.post(path_of(subscriber_unsubscribe_url(subscriber=subscriber)))

    stale = client.post(old_link)

    assert stale.status_code == 410
    assert "This link is no longer valid" in stale.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    # Signing up again: the old link still does nothing, the new one subscribes.
    sign_up(client)
    assert client.post(old_link).status_code == 410
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert client.post(link_in(mail.outbox[-1], "confirm")).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.SUBSCRIBED


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"email": "pas-une-adresse"}, "Enter a valid email address."),
        ({"consent": ""}, "Tick the box to give your consent."),
    ],
)
def test_an_invalid_form_shows_why_and_saves_nothing(client, data, error):
    response = sign_up(client, **data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Please correct the fields marked below." in html and error in html
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_sign_ups_are_limited_per_ip(client):
    for n in range(5):
        assert sign_up(client, f"personne{n}@exemple.qc.ca").status_code == 302

    response = sign_up(client, "personne9@exemple.qc.ca")

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert not Subscriber.objects.with_address("personne9@exemple.qc.ca").exists()
    assert len(mail.outbox) == 5


def test_sign_ups_are_limited_per_address_from_any_ip(client):
    for n in range(3):
        response = client.post(
            SUBSCRIBE_EN,
            {"email": ADDRESS, "language": "en", "consent": "on"},
            REMOTE_ADDR=f"10.0.1.{n}",
        )
        assert response.status_code == 302
    asked_at = Subscriber.objects.get().consent_requested_at

    response = client.post(
        SUBSCRIBE_EN,
        {"email": ADDRESS.upper(), "language": "en", "consent": "on"},
        REMOTE_ADDR="10.0.2.1",
    )

    assert response.status_code == 429
    assert Subscriber.objects.get().consent_requested_at == asked_at
    assert len(mail.outbox) == 3


def test_unsubscribe_from_the_link_shows_a_button_then_unsubscribes(client):
    subscriber = SubscriberFactory(email=ADDRESS, language="en")
    link = path_of(subscriber_unsubscribe_url(subscriber=subscriber))

    page = client.get(link)
    assert page.status_code == 200
    assert ADDRESS in page.content.decode() and "<button" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED

    done = client.post(link)

    assert done.status_code == 200
    assert "You are unsubscribed" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert not Subscriber.objects.subscribed().exists()


def test_the_pages_button_keeps_its_csrf_check():
    subscriber = SubscriberFactory(email=ADDRESS, language="en")
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(path_of(subscriber_unsubscribe_url(subscriber=subscriber)))

    assert response.status_code == 403
    assert Subscriber.objects.get().status == Subscriber.Status.SUBSCRIBED


def test_one_click_unsubscribe_needs_no_cookie_nor_csrf_token():
    subscriber = SubscriberFactory(email=ADDRESS, language="en")
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(
        path_of(subscriber_unsubscribe_url(subscriber=subscriber)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not response.cookies.get("csrftoken")
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED
    # Again: still 200, nothing changes.
    unsubscribed_at = Subscriber.objects.get().unsubscribed_at
    again = mail_client.post(
        path_of(subscriber_unsubscribe_url(subscriber=subscriber)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert again.status_code == 200
    assert Subscriber.objects.get().unsubscribed_at == unsubscribed_at


def _expired(make_url, days: int) -> str:
    long_ago = timezone.now() - dt.timedelta(days=days + 1)
    with mock.patch.object(signing.time, "time", return_value=long_ago.timestamp()):
        return path_of(make_url())


def _tampered(url: str) -> str:
    token = url.rstrip("/").rsplit("/", 1)[1]
    return url.replace(token, token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb"))


def test_tampered_and_expired_confirmation_links(client, settings):
    subscriber = SubscriberFactory(email=ADDRESS, language="en", pending=True)
    link = path_of(subscriber_confirm_url(subscriber=subscriber))
    expired = _expired(
        lambda: subscriber_confirm_url(subscriber=subscriber), settings.NEWSLETTER_CONFIRM_DAYS
    )

    for method in (client.get, client.post):
        tampered = method(_tampered(link))
        assert tampered.status_code == 400
        assert "This link is not valid" in tampered.content.decode()
        gone = method(expired)
        assert gone.status_code == 410
        assert "This link has expired" in gone.content.decode()
        assert "Sign up again" in gone.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_tampered_expired_and_erased_unsubscribe_links(client, settings):
    subscriber = SubscriberFactory(email=ADDRESS, language="en")
    link = path_of(subscriber_unsubscribe_url(subscriber=subscriber))
    expired = _expired(
        lambda: subscriber_unsubscribe_url(subscriber=subscriber),
        settings.NEWSLETTER_UNSUBSCRIBE_DAYS,
    )

    assert client.get(_tampered(link)).status_code == 400
    assert client.post(_tampered(link)).status_code == 400
    gone = client.get(expired)
    assert gone.status_code == 410
    assert "info@alliancepolymeres.quebec" in gone.content.decode()
    assert client.post(expired).status_code == 410
    assert Subscriber.objects.get().status == Subscriber.Status.SUBSCRIBED

    subscriber.delete()
    assert client.get(link).status_code == 404
    erased = Client(enforce_csrf_checks=True).post(
        link, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert erased.status_code == 404


def profile_url() -> str:
    with translation.override("en"):
        return reverse("area:profile")


def newsletter_url() -> str:
    with translation.override("en"):
        return reverse("area:newsletter")


def test_member_area_opt_in_and_out_without_a_second_email():
    user = UserFactory(email=ADDRESS, preferred_language="en")
    browser = as_(user)
    page = browser.get(profile_url()).content.decode()
    assert "Receive the newsletter" in page
    assert 'name="subscribe" id="id_subscribe" checked' not in page

    response = browser.post(newsletter_url(), {"subscribe": "on"}, follow=True)

    assert "You will receive the newsletter." in response.content.decode()
    subscriber = Subscriber.objects.subscribed().get()
    assert subscriber.email == ADDRESS
    assert subscriber.source == Subscriber.Source.MEMBER_AREA
    assert subscriber.consent_text == english_consent()
    assert subscriber.consented_at is not None
    assert not mail.outbox
    assert "checked" in re.search(
        r'<input[^>]*name="subscribe"[^>]*>', response.content.decode()
    ).group(0)

    response = browser.post(newsletter_url(), {}, follow=True)

    assert "You will no longer receive the newsletter." in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    assert "checked" not in re.search(
        r'<input[^>]*name="subscribe"[^>]*>', response.content.decode()
    ).group(0)


def test_member_area_choice_subscribes_a_pending_or_unsubscribed_row():
    user = UserFactory(email=ADDRESS)
    SubscriberFactory(email=ADDRESS.upper(), unsubscribed=True)

    as_(user).post(newsletter_url(), {"subscribe": "on"})

    assert Subscriber.objects.subscribed().get().source == Subscriber.Source.MEMBER_AREA
    assert Subscriber.objects.count() == 1


def test_member_without_a_verified_address_is_told_to_verify_it():
    user = UserFactory(email=ADDRESS, verified_email=False)
    browser = as_(user)

    response = browser.post(newsletter_url(), {"subscribe": "on"}, follow=True)

    assert "Verify your email address first" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_the_member_areas_choice_needs_a_login(client):
    response = client.post(newsletter_url(), {"subscribe": "on"})
    assert response.status_code == 302 and "login" in response["Location"]
    assert not Subscriber.objects.exists()


def test_two_first_sign_ups_of_one_address_at_once_make_one_row(monkeypatch):
    """The second of two simultaneous first sign-ups did not see the first's row, and its
    insert breaks the address's unique constraint: it is tried again, finds that row and
    goes on from there (no 500)."""
    twin = SubscriberFactory(email="jumeau@exemple.qc.ca", pending=True)
    real_first = QuerySet.first
    blind = []

    def first_not_yet_seeing_the_twin(queryset):
        if queryset.model is Subscriber and not blind:
            blind.append(True)
            return None
        return real_first(queryset)

    monkeypatch.setattr(QuerySet, "first", first_not_yet_seeing_the_twin)
    subscriptions.subscriber_sign_up(
        email="Jumeau@exemple.qc.ca", language="en", source="page", consent_text="Yes"
    )
    assert blind and Subscriber.objects.get() == twin
    twin.refresh_from_db()
    assert (twin.status, twin.language, twin.consent_text) == ("pending", "en", "Yes")
