"""Sending an issue of l'infolettre.

``newsletter_send`` counts the audience, writes one ``Delivery`` per recipient and
starts a worker; the worker (``newsletter_deliver``) hands the deliveries to the outbox in
batches, each batch in one transaction that also marks its deliveries handed, so a worker
stopped in the middle leaves exactly the rest to the next (``newsletters_resume``). The
outbox sends them, no faster than ``NEWSLETTER_PER_MINUTE``, and retries while the mail
server fails.
"""

import datetime as dt
import logging
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Max, Prefetch
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alliance import outbox
from alliance.emails import absolute_url, email_context, email_subject
from members.models import User
from news.models import Article, Delivery, Newsletter, Subscriber
from news.services.subscriptions import subscriber_unsubscribe_url

log = logging.getLogger(__name__)

# Stands for each recipient's own unsubscribe link in an issue rendered once per language.
UNSUBSCRIBE_MARK = "https://unsubscribe.invalid/"
BATCH = 200


class NewsletterError(Exception):
    """The issue cannot be sent as asked; the message says why, for staff."""


@dataclass(frozen=True)
class RenderedIssue:
    subject: str
    text: str
    html: str

    def to_data(self) -> dict:
        return {"subject": self.subject, "text": self.text, "html": self.html}

    @classmethod
    def from_data(cls, data: dict) -> "RenderedIssue":
        return cls(subject=data["subject"], text=data["text"], html=data["html"])

    def for_recipient(self, unsubscribe_url: str) -> "RenderedIssue":
        return RenderedIssue(
            subject=self.subject,
            text=self.text.replace(UNSUBSCRIBE_MARK, unsubscribe_url),
            html=self.html.replace(UNSUBSCRIBE_MARK, unsubscribe_url),
        )


def newsletter_render(*, newsletter: Newsletter, language: str) -> RenderedIssue:
    """The issue as its readers in ``language`` get it: the subject, a plain-text part and
    an HTML part (inline styles, 600 px wide, readable with images off), with
    ``UNSUBSCRIBE_MARK`` where each reader's own unsubscribe link goes."""
    published = Article.objects.published().for_cards()
    sections = newsletter.sections.prefetch_related(
        Prefetch("articles", queryset=published.order_by("-publish_at"))
    )
    with translation.override(language):
        context = {
            **email_context(language),
            "newsletter": newsletter,
            "sections": [
                {
                    "section": section,
                    "articles": [_card(article) for article in section.articles.all()],
                }
                for section in sections
            ],
            "archive_url": absolute_url(newsletter.get_absolute_url()),
            "unsubscribe_url": UNSUBSCRIBE_MARK,
        }
        return RenderedIssue(
            subject=email_subject(newsletter.subject),
            text=render_to_string("emails/newsletter.txt", context).strip() + "\n",
            html=render_to_string("emails/newsletter.html", context),
        )


def _card(article: Article) -> dict:
    return {
        "title": article.title,
        "summary": article.summary,
        "url": absolute_url(article.get_absolute_url()),
        "image": absolute_url(article.cover_list.url) if article.cover else "",
        "alt": article.cover_alt,
        "members_only": article.is_members_only,
    }


def newsletter_message(*, rendered: RenderedIssue, to: str, unsubscribe_url: str):
    """One reader's email: their unsubscribe link in the text and in the headers that let
    a mail program unsubscribe in one click (RFC 2369 and RFC 8058)."""
    mine = rendered.for_recipient(unsubscribe_url)
    message = EmailMultiAlternatives(
        subject=mine.subject,
        body=mine.text,
        to=[to],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Precedence": "bulk",
        },
    )
    message.attach_alternative(mine.html, "text/html")
    return message


def newsletter_check(*, newsletter: Newsletter) -> None:
    """Refuse an issue that is not ready to go: French text missing, or an audience that
    names no region, sector, category or committee where it needs one."""
    errors = []
    if not (newsletter.subject_fr or "").strip():
        errors.append(_("The issue has no subject in French."))
    if not (newsletter.introduction_fr or "").strip():
        errors.append(_("The issue has no introduction in French."))
    needs = {
        Newsletter.Audience.REGION: newsletter.region,
        Newsletter.Audience.SECTOR: newsletter.sector_id,
        Newsletter.Audience.CATEGORY: newsletter.category_id,
        Newsletter.Audience.COMMITTEE: newsletter.committee_id,
    }
    if newsletter.audience in needs and not needs[newsletter.audience]:
        errors.append(
            _("The audience “%(audience)s” needs its choice below it.")
            % {"audience": newsletter.get_audience_display()}
        )
    if errors:
        raise NewsletterError(" ".join(errors))


def newsletter_send_test(*, newsletter: Newsletter, to: User) -> None:
    """Send the issue to a staff member, in French and in English, marked as a test."""
    for language, _name in settings.LANGUAGES:
        rendered = newsletter_render(newsletter=newsletter, language=language)
        with translation.override(language):
            mark = _("TEST")
        rendered = RenderedIssue(
            subject=f"[{mark}] {rendered.subject}", text=rendered.text, html=rendered.html
        )
        message = newsletter_message(
            rendered=rendered,
            to=to.email,
            unsubscribe_url=absolute_url(newsletter.get_absolute_url()),
        )
        with transaction.atomic():
            outbox.write(message)


def newsletter_send(
    *,
    newsletter: Newsletter,
    by: User | None,
    expected: int | None,
    due_by: dt.datetime | None = None,
) -> int:
    """Start sending the issue to its audience, counted now; returns how many.

    ``expected`` is the count staff confirmed: if the audience has changed since, nothing
    is sent and they are shown the new count to confirm. A scheduled issue goes to the
    audience of its time (``expected=None``), and only if it is still scheduled for no
    later than ``due_by`` once locked (staff may have unscheduled it meanwhile). The issue
    is rendered here, once per language: every reader gets the issue as it was when the
    sending started."""
    with transaction.atomic():
        newsletter = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
        if due_by is not None and not (
            newsletter.status == Newsletter.Status.SCHEDULED and newsletter.scheduled_at <= due_by
        ):
            return 0
        if newsletter.status == Newsletter.Status.SENDING or newsletter.deliveries.exists():
            raise NewsletterError(_("This issue is being sent already."))
        if newsletter.status == Newsletter.Status.SENT:
            raise NewsletterError(_("This issue has been sent already."))
        newsletter_check(newsletter=newsletter)
        recipients = list(newsletter.recipients().values_list("pk", "language"))
        if not recipients:
            raise NewsletterError(_("Nobody in this audience has subscribed: nothing was sent."))
        if expected is not None and expected != len(recipients):
            raise NewsletterError(
                ngettext(
                    "The audience has changed: it is now %(count)s recipient. Check and "
                    "confirm again.",
                    "The audience has changed: it is now %(count)s recipients. Check and "
                    "confirm again.",
                    len(recipients),
                )
                % {"count": len(recipients)}
            )
        Delivery.objects.bulk_create(
            [
                Delivery(newsletter=newsletter, subscriber_id=pk, language=language)
                for pk, language in recipients
            ],
            batch_size=1000,
        )
        newsletter.rendered = {
            language: newsletter_render(newsletter=newsletter, language=language).to_data()
            for language in {language for _pk, language in recipients}
        }
        newsletter.status = Newsletter.Status.SENDING
        newsletter.started_at = timezone.now()
        newsletter.recipient_count = len(recipients)
        if by is not None and newsletter.created_by_id is None:
            newsletter.created_by = by
        newsletter.save()
        transaction.on_commit(partial(_start_worker, newsletter.pk), robust=True)
    log.info("Newsletter %s: sending to %s recipients.", newsletter.pk, len(recipients))
    return len(recipients)


def newsletter_schedule(*, newsletter: Newsletter, at: dt.datetime) -> None:
    newsletter_check(newsletter=newsletter)
    if at <= timezone.now():
        raise NewsletterError(_("Choose a time in the future to schedule the issue."))
    with transaction.atomic():
        newsletter = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
        if newsletter.status not in (Newsletter.Status.DRAFT, Newsletter.Status.SCHEDULED):
            raise NewsletterError(_("This issue is being sent or has been sent already."))
        newsletter.status = Newsletter.Status.SCHEDULED
        newsletter.scheduled_at = at
        newsletter.save(update_fields=["status", "scheduled_at", "updated_at"])
        transaction.on_commit(partial(_wake_at, at), robust=True)


def _wake_at(at: dt.datetime) -> None:
    """A task at the scheduled time, so that the issue goes out then even where no timer
    runs ``send_newsletters`` (``make demo``); the timer stays the safety net."""
    from news.tasks import send_due_newsletters

    if not send_due_newsletters.get_backend().supports_defer:
        return
    try:
        send_due_newsletters.using(run_after=at).enqueue()
    except Exception:
        log.exception("Scheduled newsletter not handed to the queue; send_newsletters will.")


def newsletter_unschedule(*, newsletter: Newsletter) -> bool:
    return bool(
        Newsletter.objects.filter(pk=newsletter.pk, status=Newsletter.Status.SCHEDULED).update(
            status=Newsletter.Status.DRAFT, scheduled_at=None
        )
    )


def _start_worker(newsletter_id: int) -> None:
    from news.tasks import deliver_newsletter

    try:
        deliver_newsletter.enqueue(newsletter_id)
    except Exception:
        log.exception(
            "Newsletter %s not handed to the queue; send_newsletters will.", newsletter_id
        )


def newsletter_deliver(*, newsletter_id: int, batch: int = BATCH) -> int:
    """Hand the issue's waiting deliveries to the outbox; returns how many this run
    handed. Each batch locks the issue's row, so two workers on one issue take turns and
    the throttle's clock stays one; the batch that hands the last delivery marks the issue
    sent, in its own transaction."""
    spacing = dt.timedelta(minutes=1) / max(settings.NEWSLETTER_PER_MINUTE, 1)
    handed = 0
    while True:
        with transaction.atomic():
            newsletter = (
                Newsletter.objects.select_for_update()
                .filter(pk=newsletter_id, status=Newsletter.Status.SENDING)
                .first()
            )
            if newsletter is None:
                return handed
            deliveries = Delivery.objects.filter(newsletter=newsletter)
            rows = list(
                deliveries.filter(handed_at__isnull=True)
                .select_related("subscriber")
                .select_for_update(of=("self",))[:batch]
            )
            if rows:
                handed += _hand_over(newsletter, rows, _next_slot(deliveries, spacing), spacing)
            if not deliveries.filter(handed_at__isnull=True).exists():
                newsletter.status = Newsletter.Status.SENT
                newsletter.sent_at = timezone.now()
                newsletter.save(update_fields=["status", "sent_at", "updated_at"])
                return handed


def _next_slot(deliveries, spacing: dt.timedelta) -> dt.datetime:
    """When the next email of the issue may go: one ``spacing`` after the last one handed,
    and never in the past (a send resumed late starts again at the throttle's pace)."""
    now = timezone.now()
    last = deliveries.filter(handed_at__isnull=False).aggregate(at=Max("email__next_attempt_at"))
    return max(now, last["at"] + spacing) if last["at"] else now


def _hand_over(newsletter: Newsletter, rows: list, slot: dt.datetime, spacing) -> int:
    rendered = {
        language: RenderedIssue.from_data(data) for language, data in newsletter.rendered.items()
    }
    now = timezone.now()
    kept, gone = [], []
    for row in rows:
        subscriber = row.subscriber
        # Unsubscribed or bouncing since the count: their choice takes effect at once.
        if subscriber.status != Subscriber.Status.SUBSCRIBED:
            gone.append(row.pk)
            continue
        message = newsletter_message(
            rendered=rendered[row.language],
            to=subscriber.email,
            unsubscribe_url=subscriber_unsubscribe_url(subscriber=subscriber),
        )
        row.email = outbox.write(message, not_before=slot + spacing * len(kept))
        row.handed_at = now
        kept.append(row)
    Delivery.objects.filter(pk__in=gone).delete()
    Delivery.objects.bulk_update(kept, ["email", "handed_at"])
    return len(kept)


def newsletters_resume(now: dt.datetime | None = None) -> tuple[int, int]:
    """Start the scheduled issues whose time has come, and hand again to the queue the
    issues still being sent (a worker stopped in the middle, or just before marking the
    issue sent); returns how many of each. Run every few minutes
    (``manage.py send_newsletters``)."""
    now = now or timezone.now()
    started = []
    due = Newsletter.objects.filter(status=Newsletter.Status.SCHEDULED, scheduled_at__lte=now)
    for newsletter in due:
        try:
            if newsletter_send(newsletter=newsletter, by=None, expected=None, due_by=now):
                started.append(newsletter.pk)
        except NewsletterError as error:
            # Back to a draft, where staff see it, rather than failing again every run.
            newsletter_unschedule(newsletter=newsletter)
            log.error("Scheduled newsletter %s not sent, back to draft: %s", newsletter.pk, error)
        except Exception:
            log.exception(
                "Scheduled newsletter %s not started; the next run tries again.", newsletter.pk
            )
    sending = Newsletter.objects.filter(status=Newsletter.Status.SENDING).exclude(pk__in=started)
    resumed = 0
    for newsletter_id in sending.values_list("pk", flat=True):
        _start_worker(newsletter_id)
        resumed += 1
    return len(started), resumed
