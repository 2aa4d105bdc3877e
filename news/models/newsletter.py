"""L'infolettre: the people who agreed to receive it, its issues, and one delivery per
recipient and issue.

Consent is Canada's anti-spam law's (CASL/LCAP): express, recorded (when, where, the text
shown) and confirmed from the address itself; a bulk email goes to no one else. One row
per address (``Subscriber``) carries that record, whatever the road it came by: the
public form or the member area.
"""

import reversion
from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.fields import SingleLineField
from members.models import Committee, Company, MembershipCategory, Person, Region, Seat, Sector


class SubscriberQuerySet(models.QuerySet):
    def subscribed(self) -> "SubscriberQuerySet":
        """The addresses a bulk email may go to: consent given and confirmed, not withdrawn,
        not bouncing."""
        return self.filter(status=Subscriber.Status.SUBSCRIBED)

    def with_address(self, email: str) -> "SubscriberQuerySet":
        return self.filter(email__iexact=email.strip())

    def of_people(self, people: models.QuerySet) -> "SubscriberQuerySet":
        """The subscribers whose address is one of these people's, on their row at a
        company or on their account."""
        return self.filter(
            Exists(
                people.filter(
                    Q(email__iexact=OuterRef("email")) | Q(user__email__iexact=OuterRef("email"))
                )
            )
        )


@reversion.register()
class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        SUBSCRIBED = "subscribed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        BOUNCED = "bounced", _("Undeliverable")

    class Source(models.TextChoices):
        PAGE = "page", _("Sign-up page")
        FOOTER = "footer", _("Form at the foot of the site")
        MEMBER_AREA = "member_area", _("Member area")

    email = models.EmailField(_("email"))
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    source = models.CharField(_("source of consent"), max_length=12, choices=Source.choices)
    consent_text = models.TextField(
        _("consent text shown"),
        help_text=_("The words the person agreed to, as they read them."),
    )
    consent_requested_at = models.DateTimeField(_("consent asked on"), default=timezone.now)
    consented_at = models.DateTimeField(_("consent confirmed on"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed on"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("undeliverable since"), null=True, blank=True)
    bounce_reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="news_subscriber_email_unique",
                violation_error_message=_("This address is already on the list."),
            ),
        ]

    def __str__(self) -> str:
        return self.email


class NewsletterQuerySet(models.QuerySet):
    def archived(self) -> "NewsletterQuerySet":
        """The issues everyone may read on the site: sent, and left in the archive
        (``Newsletter.is_archived``)."""
        return self.filter(status=Newsletter.Status.SENT, in_archive=True)

    def with_progress(self) -> "NewsletterQuerySet":
        """Annotate how many of each issue's deliveries are in each ``Delivery.State``
        (``progress_queued``, ``progress_sent``…), for a list of issues in one query."""
        return self.annotate(
            **{
                f"progress_{state}": Count("deliveries", filter=rule)
                for state, rule in delivery_states("deliveries__").items()
            }
        )


class Newsletter(models.Model):
    """One issue of l'infolettre."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    class Audience(models.TextChoices):
        SUBSCRIBERS = "subscribers", _("Every subscriber")
        MEMBERS = "members", _("People of member companies in good standing")
        REGION = "region", _("People of member companies in a region")
        SECTOR = "sector", _("People of member companies in a sector")
        CATEGORY = "category", _("People of member companies in a membership category")
        COMMITTEE = "committee", _("A committee's seats")
        PUBLIC = "public", _("Public subscribers (not of a member company)")

    subject = SingleLineField(_("subject"), max_length=150)
    preheader = SingleLineField(
        _("preheader"),
        max_length=150,
        blank=True,
        help_text=_("The line shown after the subject in most inboxes."),
    )
    introduction = models.TextField(_("introduction"), max_length=4000)
    closing = models.TextField(_("closing"), max_length=2000, blank=True)
    audience = models.CharField(
        _("audience"), max_length=12, choices=Audience.choices, default=Audience.SUBSCRIBERS
    )
    region = models.CharField(
        _("administrative region"), max_length=2, choices=Region.choices, blank=True
    )
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("sector")
    )
    category = models.ForeignKey(
        MembershipCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("membership category"),
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("committee")
    )
    in_archive = models.BooleanField(
        _("in the public archive"),
        default=True,
        help_text=_("Once sent, the issue can be read on the site by everyone."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    scheduled_at = models.DateTimeField(_("to be sent on"), null=True, blank=True)
    started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    recipient_count = models.PositiveIntegerField(_("number of recipients"), default=0)
    # The issue as it was sent, per language (subject, text, html), fixed when the sending
    # starts: every reader gets the same issue, whatever is edited while it goes out.
    rendered = models.JSONField(default=dict, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NewsletterQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        # Writing a draft is not sending it to every subscriber.
        permissions = [("send_newsletter", _("Can send a newsletter issue"))]
        ordering = [models.F("sent_at").desc(nulls_first=True), "-pk"]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("newsletter:issue", kwargs={"pk": self.pk})

    @property
    def is_archived(self) -> bool:
        return self.status == self.Status.SENT and self.in_archive

    def recipients(self) -> SubscriberQuerySet:
        """Who this issue goes to, counted before it is sent: the audience's subscribed
        addresses."""
        subscribers = Subscriber.objects.subscribed()
        audience = self.Audience
        if self.audience == audience.SUBSCRIBERS:
            return subscribers
        if self.audience == audience.COMMITTEE:
            seats = Seat.objects.in_force().filter(committee_id=self.committee_id)
            holders = Q(
                Exists(seats.filter(person__email__iexact=OuterRef("email")))
                | Exists(seats.filter(person__user__email__iexact=OuterRef("email")))
                | Exists(seats.filter(staff_member__email__iexact=OuterRef("email")))
            )
            return subscribers.filter(holders)
        members = Person.objects.filter(company__in=Company.objects.in_good_standing())
        if self.audience == audience.PUBLIC:
            return subscribers.exclude(pk__in=subscribers.of_people(members).values("pk"))
        if self.audience == audience.REGION:
            members = members.filter(company__region=self.region)
        elif self.audience == audience.SECTOR:
            members = members.filter(company__sectors=self.sector_id)
        elif self.audience == audience.CATEGORY:
            members = members.filter(
                company__in=Company.objects.with_current_period().filter(
                    period_category_id=self.category_id
                )
            )
        return subscribers.of_people(members)


class Section(models.Model):
    """A part of an issue: a heading, a few words, and the articles it shows as cards."""

    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.CASCADE, related_name="sections", verbose_name=_("issue")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    heading = SingleLineField(_("heading"), max_length=150)
    text = models.TextField(_("text"), max_length=2000, blank=True)
    articles = models.ManyToManyField(
        "news.Article", blank=True, related_name="newsletter_sections", verbose_name=_("articles")
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.heading


def delivery_states(prefix: str = "") -> dict[str, Q]:
    """Each ``Delivery.State`` as a condition on deliveries (``prefix`` reaches them from
    another model, e.g. ``"deliveries__"`` from an issue)."""

    def q(**lookups) -> Q:
        return Q(**{prefix + name: value for name, value in lookups.items()})

    live = q(bounced_at__isnull=True)
    handed = q(handed_at__isnull=False)
    return {
        "queued": live & (q(handed_at__isnull=True) | q(email__status="queued")),
        # A sent email's row may since have left the outbox: handed, and no email.
        "sent": live & handed & (q(email__isnull=True) | q(email__status="sent")),
        "failed": live & q(email__status="failed"),
        "bounced": q(bounced_at__isnull=False),
    }


class DeliveryQuerySet(models.QuerySet):
    def in_state(self, state: str) -> "DeliveryQuerySet":
        return self.filter(delivery_states()[state])

    def counts(self) -> dict[str, int]:
        """How many deliveries are in each ``Delivery.State``, in one query."""
        return self.aggregate(
            **{state: Count("pk", filter=rule) for state, rule in delivery_states().items()}
        )


class Delivery(models.Model):
    """One issue to one subscriber: written for everyone when the sending starts, and
    handed to the outbox (alliance/outbox.py) one by one, each in a transaction that marks
    it handed. A worker stopped in the middle leaves the rest to the next: nobody gets the
    issue twice."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        BOUNCED = "bounced", _("Undeliverable")

    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("issue")
    )
    # Erasing a subscriber (Law 25) erases their deliveries; the issue keeps its count.
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    email = models.ForeignKey(
        "alliance.OutgoingEmail",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("email"),
    )
    handed_at = models.DateTimeField(_("handed to the outbox"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("undeliverable since"), null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "subscriber"], name="news_delivery_once_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["newsletter", "handed_at"])]

    def __str__(self) -> str:
        return f"{self.newsletter} → {self.subscriber}"

    @property
    def state(self) -> "Delivery.State":
        if self.bounced_at:
            return self.State.BOUNCED
        if self.handed_at is None:
            return self.State.QUEUED
        if self.email is None:  # sent, and the outbox has since forgotten the message
            return self.State.SENT
        return self.State(self.email.status)
