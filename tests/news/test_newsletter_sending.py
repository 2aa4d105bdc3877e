"""Sending l'infolettre: audiences and their counts, the admin's preview, test and send,
the emails each reader gets, and a send that survives a worker stopped in the middle."""

import datetime as dt
import re
from email import message_from_string
from email.header import decode_header, make_header
from html.parser import HTMLParser

import pytest
import redis
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alliance.models import OutgoingEmail
from news.models import Delivery, Newsletter, Section, Subscriber
from news.services import newsletters
from news.services.newsletters import NewsletterError, newsletter_deliver, newsletter_send
from tests.factories import (
    ArticleFactory,
    CommitteeFactory,
    CompanyFactory,
    MembershipCategoryFactory,
    MembershipFactory,
    SectorFactory,
    StaffFactory,
    as_,
    image_upload,
    member,
    seat,
)
from tests.workers import DATABASE_BACKEND, RQ_QUEUE, needs_postgresql, run_worker

pytestmark = pytest.mark.django_db
ADMIN = "/admin/news/newsletter/"


def subscriber(email, language="fr", status=Subscriber.Status.SUBSCRIBED):
    return Subscriber.objects.create(
        email=email,
        language=language,
        status=status,
        source=Subscriber.Source.PAGE,
        consent_text="J’accepte de recevoir l’infolettre.",
        consented_at=timezone.now() if status == Subscriber.Status.SUBSCRIBED else None,
    )


def issue(**fields):
    fields = {
        "subject_fr": "L’infolettre de décembre",
        "subject_en": "The December newsletter",
        "preheader_fr": "Le nouveau nom, les comités",
        "introduction_fr": "Bonjour à toutes et à tous,\n\nVoici les nouvelles du mois.",
        "introduction_en": "Hello everyone,\n\nHere is the month's news.",
        "closing_fr": "Au plaisir,\nL’équipe",
        **fields,
    }
    return Newsletter.objects.create(**fields)


def section(newsletter, *articles, heading="À la une"):
    part = Section.objects.create(
        newsletter=newsletter, heading_fr=heading, heading_en="Top stories"
    )
    part.articles.set(articles)
    return part


@pytest.fixture
def staff():
    return StaffFactory(email="redaction@alliance.example")


def test_each_audience_counts_only_the_people_who_subscribed():
    sector = SectorFactory()
    category = MembershipCategoryFactory(name_fr="Membre associé", name_en="Associate member")
    beauce = CompanyFactory(region="12")
    beauce.sectors.add(sector)
    montreal = CompanyFactory(region="06", period=False)
    MembershipFactory(company=montreal, category=category)
    lapsed = CompanyFactory(period=False)
    committee = CommitteeFactory()

    in_beauce, in_montreal, in_lapsed = member(beauce), member(montreal), member(lapsed)
    seat(committee, in_montreal)
    for user in (in_beauce, in_montreal):
        subscriber(user.email.upper())  # an address matches whatever its case
    subscriber(in_lapsed.email)
    subscriber("public@exemple.qc.ca")
    subscriber("pending@exemple.qc.ca", status=Subscriber.Status.PENDING)
    subscriber("gone@exemple.qc.ca", status=Subscriber.Status.UNSUBSCRIBED)
    subscriber("bounce@exemple.qc.ca", status=Subscriber.Status.BOUNCED)
    member(beauce)  # not subscribed

    def audience(kind, **choice):
        return sorted(s.email.lower() for s in issue(audience=kind, **choice).recipients())

    a, b, c = in_beauce.email.lower(), in_montreal.email.lower(), in_lapsed.email.lower()
    assert audience("subscribers") == sorted([a, b, c, "public@exemple.qc.ca"])
    assert audience("members") == sorted([a, b])
    assert audience("region", region="12") == [a]
    assert audience("sector", sector=sector) == [a]
    assert audience("category", category=category) == [b]
    assert audience("committee", committee=committee) == [b]
    assert audience("public") == sorted([c, "public@exemple.qc.ca"])


def test_staff_preview_send_a_test_and_send_to_the_count_they_confirmed(staff):
    article = ArticleFactory(title_fr="Nouveau nom", title_en="A new name", status="published")
    newsletter = issue()
    section(newsletter, article)
    subscriber("marie@exemple.qc.ca", "fr")
    subscriber("john@example.com", "en")
    client = as_(staff)

    preview = client.get(f"{ADMIN}{newsletter.pk}/preview/en/")
    assert preview.status_code == 200
    assert "The December newsletter" in preview.content.decode()
    assert "A new name" in preview.content.decode()
    assert "'unsafe-inline'" in preview["Content-Security-Policy"]
    assert "Nouveau nom" in client.get(f"{ADMIN}{newsletter.pk}/preview/fr/").content.decode()

    client.post(f"{ADMIN}{newsletter.pk}/change/", {**change_form(newsletter), "_test": "1"})
    assert sorted(m.subject for m in mail.outbox) == [
        "[ESSAI] [Alliance Polymères Québec] L’infolettre de décembre",
        "[TEST] [Alliance Polymères Québec] The December newsletter",
    ]
    assert {tuple(m.to) for m in mail.outbox} == {("redaction@alliance.example",)}
    mail.outbox.clear()

    page = client.get(f"{ADMIN}{newsletter.pk}/send/").content.decode()
    assert "2 destinataires" in page
    response = client.post(f"{ADMIN}{newsletter.pk}/send/", {"expected": 2})
    assert response.status_code == 302
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SENT and newsletter.recipient_count == 2
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address["marie@exemple.qc.ca"].subject.endswith("L’infolettre de décembre")
    assert by_address["john@example.com"].subject.endswith("The December newsletter")
    assert "A new name" in by_address["john@example.com"].body
    english = by_address["john@example.com"]
    assert re.fullmatch(
        r"<http://[^>]+/en/newsletter/unsubscribe/[^/]+/>",
        english.extra_headers["List-Unsubscribe"],
    )
    assert english.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/fr/infolettre/desabonnement/" in by_address["marie@exemple.qc.ca"].body
    assert Delivery.objects.in_state("sent").count() == 2

    # Sent: the issue is what its readers got, and cannot be sent again.
    again = client.post(f"{ADMIN}{newsletter.pk}/send/", {"expected": 2})
    assert again.status_code == 403
    assert len(mail.outbox) == 2


def change_form(newsletter):
    return {
        "subject_fr": newsletter.subject_fr,
        "subject_en": newsletter.subject_en,
        "preheader_fr": newsletter.preheader_fr,
        "preheader_en": "",
        "introduction_fr": newsletter.introduction_fr,
        "introduction_en": newsletter.introduction_en,
        "closing_fr": newsletter.closing_fr,
        "closing_en": "",
        "audience": newsletter.audience,
        "region": "",
        "sector": "",
        "category": "",
        "committee": "",
        "in_archive": "on",
        "sections-TOTAL_FORMS": "0",
        "sections-INITIAL_FORMS": "0",
        "sections-MIN_NUM_FORMS": "0",
        "sections-MAX_NUM_FORMS": "1000",
    }


def test_a_changed_audience_is_shown_again_and_nothing_is_sent(staff):
    newsletter = issue()
    subscriber("un@exemple.qc.ca")
    subscriber("deux@exemple.qc.ca")
    response = as_(staff).post(f"{ADMIN}{newsletter.pk}/send/", {"expected": 1}, follow=True)
    page = response.content.decode()
    assert "Le public visé a changé\u00a0: il compte maintenant 2 destinataires" in page
    assert "2 destinataires" in page
    assert not Delivery.objects.exists() and mail.outbox == []
    assert Newsletter.objects.get().status == Newsletter.Status.DRAFT


@pytest.mark.parametrize(
    ("fields", "told"),
    [
        ({"subject_fr": ""}, "Le numéro n’a pas d’objet en français."),
        ({"introduction_fr": "  "}, "Le numéro n’a pas d’introduction en français."),
        (
            {"audience": "committee"},
            "Le public visé «\u00a0Les membres d’un comité\u00a0» demande",
        ),
    ],
)
def test_an_issue_not_ready_is_refused_with_the_reason(staff, fields, told):
    newsletter = issue(**fields)
    subscriber("un@exemple.qc.ca")
    response = as_(staff).post(f"{ADMIN}{newsletter.pk}/send/", {"expected": 1}, follow=True)
    assert told in response.content.decode()
    assert not Delivery.objects.exists() and mail.outbox == []


def test_an_audience_of_nobody_and_a_second_send_are_refused():
    newsletter = issue(audience="members")
    subscriber("public@exemple.qc.ca")
    with pytest.raises(NewsletterError, match="Personne n’est abonné dans ce public visé"):
        newsletter_send(newsletter=newsletter, by=None, expected=None)
    Newsletter.objects.filter(pk=newsletter.pk).update(status=Newsletter.Status.SENDING)
    with pytest.raises(NewsletterError, match="déjà en cours d’envoi"):
        newsletter_send(
            newsletter=issue(pk=newsletter.pk, **{}) if False else newsletter,
            by=None,
            expected=None,
        )
    assert not Delivery.objects.exists()


def test_a_worker_stopped_in_the_middle_is_resumed_and_nobody_gets_it_twice(
    monkeypatch, django_capture_on_commit_callbacks
):
    newsletter = issue()
    for n in range(7):
        subscriber(f"lecteur{n}@exemple.qc.ca")
    monkeypatch.setattr(newsletters, "_start_worker", lambda newsletter_id: None)
    newsletter_send(newsletter=newsletter, by=None, expected=7)

    written = []
    real_write = newsletters.outbox.write

    def dies_after_five(message, **kwargs):
        if len(written) == 5:
            raise SystemExit("worker killed")
        written.append(message.to[0])
        return real_write(message, **kwargs)

    monkeypatch.setattr(newsletters.outbox, "write", dies_after_five)
    with pytest.raises(SystemExit):
        newsletter_deliver(newsletter_id=newsletter.pk, batch=2)
    # Two batches of two made it; the third died with its transaction.
    assert Delivery.objects.filter(handed_at__isnull=True).count() == 3
    assert OutgoingEmail.objects.count() == 4

    monkeypatch.setattr(newsletters.outbox, "write", real_write)
    with django_capture_on_commit_callbacks(execute=True):
        assert newsletter_deliver(newsletter_id=newsletter.pk, batch=2) == 3
    # Each reader has exactly one email in the outbox; the resumed run sent the three left.
    readers = sorted(f"lecteur{n}@exemple.qc.ca" for n in range(7))
    assert sorted(OutgoingEmail.objects.values_list("recipients", flat=True)) == readers
    assert len(mail.outbox) == 3
    assert Newsletter.objects.get().status == Newsletter.Status.SENT
    assert newsletter_deliver(newsletter_id=newsletter.pk) == 0
    assert OutgoingEmail.objects.count() == 7


def test_someone_who_unsubscribes_during_the_send_gets_nothing(
    monkeypatch, django_capture_on_commit_callbacks
):
    newsletter = issue()
    subscriber("reste@exemple.qc.ca")
    leaving = subscriber("part@exemple.qc.ca")
    monkeypatch.setattr(newsletters, "_start_worker", lambda newsletter_id: None)
    newsletter_send(newsletter=newsletter, by=None, expected=2)
    Subscriber.objects.filter(pk=leaving.pk).update(status=Subscriber.Status.UNSUBSCRIBED)
    with django_capture_on_commit_callbacks(execute=True):
        newsletter_deliver(newsletter_id=newsletter.pk)
    assert [m.to for m in mail.outbox] == [["reste@exemple.qc.ca"]]


def test_the_throttle_spaces_the_emails_out(settings, monkeypatch):
    settings.NEWSLETTER_PER_MINUTE = 60
    newsletter = issue()
    for n in range(3):
        subscriber(f"lecteur{n}@exemple.qc.ca")
    monkeypatch.setattr(newsletters, "_start_worker", lambda newsletter_id: None)
    newsletter_send(newsletter=newsletter, by=None, expected=3)
    newsletter_deliver(newsletter_id=newsletter.pk)
    started = Newsletter.objects.get().started_at
    due = sorted(OutgoingEmail.objects.values_list("next_attempt_at", flat=True))
    assert [round((at - started).total_seconds()) for at in due[1:]] == [1, 2]


def test_a_scheduled_issue_goes_out_at_its_time(staff, django_capture_on_commit_callbacks):
    newsletter = issue()
    subscriber("un@exemple.qc.ca")
    at = timezone.localtime() + dt.timedelta(days=1)
    response = as_(staff).post(
        f"{ADMIN}{newsletter.pk}/send/",
        {"expected": 1, "scheduled_at": at.strftime("%Y-%m-%dT%H:%M")},
        follow=True,
    )
    assert "Envoi prévu\u00a0:" in response.content.decode()
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SCHEDULED
    assert newsletters.newsletters_resume() == (0, 0)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        assert newsletters.newsletters_resume(now=at + dt.timedelta(minutes=1)) == (1, 0)
    assert [m.to for m in mail.outbox] == [["un@exemple.qc.ca"]]


class _Email(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.images, self.widths = set(), [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        if tag == "img":
            self.images.append(attrs)
        if "width" in attrs and attrs["width"].isdigit():
            self.widths.append(int(attrs["width"]))
        for width in re.findall(r"(?<![-\w])(?:max-)?width:\s*(\d+)px", attrs.get("style", "")):
            self.widths.append(int(width))


def test_the_email_is_600px_inline_styled_with_alt_text_and_a_text_part():
    article = ArticleFactory(
        title_fr="Usine visitée",
        status="published",
        cover=image_upload(),
        cover_alt_fr="La ligne d’extrusion",
    )
    members_only = ArticleFactory(title_fr="Réservé", status="published", visibility="members")
    newsletter = issue()
    section(newsletter, article, members_only)
    rendered = newsletters.newsletter_render(newsletter=newsletter, language="fr")
    parsed = _Email()
    parsed.feed(rendered.html)
    assert "style" not in parsed.tags and "link" not in parsed.tags and "script" not in parsed.tags
    assert max(parsed.widths) <= 600
    assert parsed.images and all(image["alt"] == "La ligne d’extrusion" for image in parsed.images)
    assert all(image["src"].startswith("http") for image in parsed.images)
    assert "Le nouveau nom, les comités" in rendered.html  # the preheader
    assert "Usine visitée" in rendered.text and "Réservé (réservé aux membres)" in rendered.text
    assert members_only.body not in rendered.html
    assert (
        newsletters.UNSUBSCRIBE_MARK in rendered.text
        and newsletters.UNSUBSCRIBE_MARK in rendered.html
    )


def _printed_emails(output: str) -> dict[str, str]:
    """The emails a worker printed (console backend): each recipient's decoded subject."""
    emails = {}
    for chunk in output.split("-" * 79):
        if "Subject:" not in chunk:
            continue
        message = message_from_string(chunk.strip())
        assert message["To"] not in emails, f"{message['To']} got two emails"
        emails[message["To"]] = str(make_header(decode_header(message["Subject"])))
    return emails


def _subscribed_readers():
    return [subscriber(f"lecteur{n}@exemple.qc.ca", "fr" if n % 2 else "en") for n in range(3)]


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_database_worker_process_sends_an_issue_to_each_reader_once(settings):
    settings.TASKS = DATABASE_BACKEND
    readers = _subscribed_readers()
    newsletter_send(newsletter=issue(), by=None, expected=3)
    assert not mail.outbox

    worker = run_worker(
        "db_worker",
        "--batch",
        "--queue-name",
        "*",
        "--no-startup-delay",
        NEWSLETTER_PER_MINUTE="1000000000",
    )

    assert worker.returncode == 0, worker.stderr
    printed = _printed_emails(worker.stdout)
    assert sorted(printed) == sorted(reader.email for reader in readers)
    for reader in readers:
        expected = (
            "The December newsletter" if reader.language == "en" else "L’infolettre de décembre"
        )
        assert printed[reader.email].endswith(expected)
    assert Newsletter.objects.get().status == Newsletter.Status.SENT
    assert OutgoingEmail.objects.filter(status="sent").count() == 3


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_an_rq_worker_process_sends_an_issue_and_a_scheduled_one_waits(settings):
    settings.RQ_QUEUES = {name: {"URL": RQ_QUEUE} for name in ("default", "email")}
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default", "email"]}
    }
    redis.Redis.from_url(RQ_QUEUE).flushdb()
    try:
        _subscribed_readers()
        newsletter_send(newsletter=issue(), by=None, expected=3)
        later = issue(subject_fr="Le numéro de janvier")
        newsletters.newsletter_schedule(newsletter=later, at=timezone.now() + dt.timedelta(days=30))

        worker = run_worker(
            "rqworker",
            "--burst",
            "--with-scheduler",
            "--job-class",
            "django_tasks_rq.Job",
            "default",
            "email",
            TASKS_BACKEND="rq",
            REDIS_URL=RQ_QUEUE,
            NEWSLETTER_PER_MINUTE="1000000000",
        )

        assert worker.returncode == 0, worker.stderr
        assert len(_printed_emails(worker.stdout)) == 3
        assert OutgoingEmail.objects.filter(status="sent").count() == 3
        later.refresh_from_db()
        assert later.status == Newsletter.Status.SCHEDULED and "janvier" not in worker.stdout
    finally:
        redis.Redis.from_url(RQ_QUEUE).flushdb()


def test_the_list_of_issues_shows_each_ones_progress_in_a_fixed_number_of_queries(
    staff, django_assert_num_queries
):
    client = as_(staff)

    def issue_with(states):
        newsletter = issue(status=Newsletter.Status.SENT, sent_at=timezone.now())
        for n, state in enumerate(states):
            email = OutgoingEmail.objects.create(
                recipients="x", subject="s", message={}, status=state
            )
            Delivery.objects.create(
                newsletter=newsletter,
                subscriber=subscriber(f"{newsletter.pk}-{n}@exemple.qc.ca"),
                language="fr",
                email=email,
                handed_at=timezone.now(),
            )

    issue_with(["sent", "sent", "failed"])
    client.get(ADMIN)  # the session and the permissions, cached from then on
    with CaptureQueriesContext(connection) as one:
        page = client.get(ADMIN).content.decode()
    assert "2 envoyés, 0 en attente, 1 en échec, 0 non distribuable" in page
    issue_with(["queued"])
    issue_with(["sent"] * 4)
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(ADMIN).content.decode()
    assert "0 envoyé, 1 en attente" in page and "4 envoyés" in page


def test_a_send_whose_worker_stopped_before_marking_it_sent_is_finished_by_the_timer(
    monkeypatch,
):
    newsletter = issue()
    subscriber("un@exemple.qc.ca")
    monkeypatch.setattr(newsletters, "_start_worker", lambda newsletter_id: None)
    newsletter_send(newsletter=newsletter, by=None, expected=1)
    Delivery.objects.update(handed_at=timezone.now())  # all handed, then the worker died
    monkeypatch.undo()
    assert newsletters.newsletters_resume() == (0, 1)
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SENT and newsletter.sent_at


def test_a_send_resumed_late_keeps_the_throttle_from_now(settings, monkeypatch):
    settings.NEWSLETTER_PER_MINUTE = 60
    newsletter = issue()
    for n in range(3):
        subscriber(f"lecteur{n}@exemple.qc.ca")
    monkeypatch.setattr(newsletters, "_start_worker", lambda newsletter_id: None)
    newsletter_send(newsletter=newsletter, by=None, expected=3)
    Newsletter.objects.update(started_at=timezone.now() - dt.timedelta(hours=2))
    before = timezone.now()
    newsletter_deliver(newsletter_id=newsletter.pk)
    due = sorted(OutgoingEmail.objects.values_list("next_attempt_at", flat=True))
    assert [round((at - before).total_seconds()) for at in due] == [0, 1, 2]


def test_every_reader_gets_the_issue_as_it_was_when_the_sending_started(monkeypatch):
    article = ArticleFactory(title_fr="Titre d’origine", status="published")
    newsletter = issue()
    section(newsletter, article)
    subscriber("un@exemple.qc.ca")
    monkeypatch.setattr(newsletters, "_start_worker", lambda newsletter_id: None)
    newsletter_send(newsletter=newsletter, by=None, expected=1)
    article.title_fr = "Titre corrigé pendant l’envoi"
    article.save()
    newsletter_deliver(newsletter_id=newsletter.pk)
    text = OutgoingEmail.objects.get().message["body"]
    assert "Titre d’origine" in text and "corrigé" not in text


def test_an_issue_unscheduled_just_before_its_time_does_not_go_out():
    newsletter = issue()
    subscriber("un@exemple.qc.ca")
    # The timer listed it as due; staff cancelled the schedule before it locked the row.
    assert (
        newsletter_send(newsletter=newsletter, by=None, expected=None, due_by=timezone.now()) == 0
    )
    assert not Delivery.objects.exists()


def test_saving_the_form_of_an_issue_that_started_going_out_changes_nothing(staff, monkeypatch):
    newsletter = issue()
    subscriber("un@exemple.qc.ca")
    client = as_(staff)
    form = change_form(newsletter)  # the form as staff opened it, while a draft
    monkeypatch.setattr(newsletters, "_start_worker", lambda newsletter_id: None)
    newsletter_send(newsletter=newsletter, by=None, expected=1)
    response = client.post(f"{ADMIN}{newsletter.pk}/change/", {**form, "subject_fr": "Autre"})
    assert response.status_code == 403
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.SENDING and newsletter.recipient_count == 1
    assert newsletter.subject_fr == "L’infolettre de décembre"


def test_writing_drafts_does_not_let_one_send_them():
    from django.contrib.auth.models import Permission

    writer = StaffFactory(is_superuser=False, email="redactrice@alliance.example")
    writer.user_permissions.set(
        Permission.objects.filter(
            codename__in=["view_newsletter", "change_newsletter", "add_newsletter"]
        )
    )
    newsletter = issue()
    subscriber("un@exemple.qc.ca")
    client = as_(writer)
    page = client.get(f"{ADMIN}{newsletter.pk}/change/").content.decode()
    assert "Enregistrer et m’envoyer un essai" in page and "Enregistrer et envoyer…" not in page
    assert client.get(f"{ADMIN}{newsletter.pk}/send/").status_code == 403
    assert client.post(f"{ADMIN}{newsletter.pk}/send/", {"expected": 1}).status_code == 403
    assert not Delivery.objects.exists()


def test_staff_take_a_sent_issue_out_of_the_public_archive(staff, client):
    newsletter = issue(status=Newsletter.Status.SENT, sent_at=timezone.now())
    assert client.get(f"/fr/infolettre/{newsletter.pk}/").status_code == 200
    as_(staff).post(ADMIN, {"action": "archive_hide", "_selected_action": [newsletter.pk]})
    assert client.get(f"/fr/infolettre/{newsletter.pk}/").status_code == 404
