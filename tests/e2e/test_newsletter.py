"""L'infolettre in a real browser: staff compose an issue of two articles, preview it,
send it to a committee; each member gets it in their language, and one unsubscribes by
the link in it."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from news.models import Newsletter, Subscriber
from tests.factories import (
    PASSWORD,
    ArticleFactory,
    CommitteeFactory,
    StaffFactory,
    SubscriberFactory,
    member,
    seat,
)

pytestmark = pytest.mark.django_db(transaction=True)


def pick(page, container, text):
    """Choose ``text`` in the admin's autocomplete (select2) inside ``container``."""
    container.locator(".select2-selection").click()
    page.locator(".select2-search__field").last.fill(text)
    page.locator(".select2-results__option", has_text=text).click()


def test_staff_send_an_issue_to_a_committee_and_a_reader_unsubscribes(
    page, live_server, settings, log_in_to_admin
):
    settings.SITE_URL = live_server.url
    ArticleFactory(
        title_fr="Visite d’usine à Lévis", title_en="Plant visit in Lévis", status="published"
    )
    ArticleFactory(title_fr="Le recyclage du PEHD", title_en="Recycling HDPE", status="published")
    committee = CommitteeFactory(name_fr="Comité innovation")
    french = member(preferred_language="fr")
    english = member(preferred_language="en")
    for user in (french, english):
        seat(committee, user)
        SubscriberFactory(email=user.email, language=user.preferred_language)
    SubscriberFactory(email="pas-au-comite@exemple.qc.ca")

    log_in_to_admin(StaffFactory(), PASSWORD)
    page.goto("/admin/news/newsletter/add/")
    page.fill("#id_subject_fr", "Les nouvelles du comité")
    page.fill("#id_introduction_fr", "Bonjour,\n\nVoici deux nouvelles pour le comité.")
    page.click('a[href="#tab_id_subject_en"]')
    page.fill("#id_subject_en", "News for the committee")
    page.click('a[href="#tab_id_introduction_en"]')
    page.fill("#id_introduction_en", "Hello,\n\nHere are two stories for the committee.")
    page.select_option("#id_audience", "committee")
    pick(page, page.locator(".field-committee"), "Comité innovation")
    page.get_by_text("Ajouter un objet Rubrique supplémentaire").click()
    section = page.locator(".inline-related").filter(has=page.locator("#id_sections-0-heading_fr"))
    page.click('a[href="#tab_id_sections-0-heading_fr"]')
    page.fill("#id_sections-0-heading_fr", "À la une")
    pick(page, section, "Visite d’usine à Lévis")
    pick(page, section, "Le recyclage du PEHD")
    page.get_by_role("button", name="Enregistrer et continuer les modifications").click()
    expect(page.locator(".messagelist")).to_contain_text("Les nouvelles du comité")
    newsletter = Newsletter.objects.get()
    assert list(
        newsletter.sections.get().articles.order_by("title_fr").values_list("title_fr", flat=True)
    ) == [
        "Le recyclage du PEHD",
        "Visite d’usine à Lévis",
    ]

    with page.expect_popup() as opened:
        page.get_by_role("link", name="Aperçu en anglais").click()
    preview = opened.value
    expect(preview.get_by_role("heading", level=1)).to_have_text("News for the committee")
    expect(preview.locator("body")).to_contain_text("Plant visit in Lévis")
    expect(preview.locator("body")).to_contain_text("Recycling HDPE")
    preview.close()

    page.get_by_role("button", name="Enregistrer et envoyer…").click()
    expect(page.locator(".apq-send__count")).to_have_text("2 destinataires")
    page.get_by_role("button", name="Envoyer à 2 destinataires").click()
    expect(page.locator(".messagelist")).to_contain_text("L’envoi à 2 destinataires a commencé.")
    expect(page.locator(".field-progress")).to_contain_text("2 envoyés")

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {french.email, english.email}
    assert by_address[english.email].subject.endswith("News for the committee")
    assert "Recycling HDPE" in by_address[english.email].body
    assert by_address[french.email].subject.endswith("Les nouvelles du comité")

    # The French reader unsubscribes from their phone, by the link in the email.
    link = re.search(r"http\S+/desabonnement/\S+/", by_address[french.email].body).group()
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(link)
    page.get_by_role("button", name="Me désabonner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vous êtes désabonné")
    assert Subscriber.objects.get(email=french.email).status == Subscriber.Status.UNSUBSCRIBED
    assert Subscriber.objects.get(email=english.email).status == Subscriber.Status.SUBSCRIBED


@pytest.mark.parametrize("width", [1280, 375])
def test_a_visitor_signs_up_from_the_footer_and_confirms_by_the_button(
    page, live_server, settings, width
):
    settings.SITE_URL = live_server.url
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/fr/")
    footer = page.locator("footer")
    footer.get_by_label("Votre adresse courriel").fill("lea@exemple.qc.ca")
    footer.get_by_role("button").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("S’abonner à l’infolettre")
    expect(page.locator("main").get_by_label("Adresse courriel")).to_have_value("lea@exemple.qc.ca")
    page.get_by_role("button", name="M’abonner").click()
    expect(page.locator(".message--error")).to_be_visible()  # the consent is not ticked
    page.get_by_label(re.compile("Oui, je veux recevoir")).check()
    page.get_by_role("button", name="M’abonner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultez votre boîte de réception")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.source == Subscriber.Source.FOOTER
    assert subscriber.consent_text.startswith("Oui, je veux recevoir par courriel")

    link = re.search(r"http\S+/confirmation/\S+/", mail.outbox[-1].body).group()
    page.goto(link)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING  # opening the link is not consent
    page.get_by_role("button", name="Confirmer mon abonnement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Abonnement confirmé")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED and subscriber.consented_at
