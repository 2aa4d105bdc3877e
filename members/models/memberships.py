"""Membership periods, the status a company's periods give it, and the reminders sent
about them."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.fields import SingleLineField
from members.models.reference import MembershipCategory


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACTIVE = "active", _("Active")
    GRACE = "grace", _("Grace period")
    LAPSED = "lapsed", _("Lapsed")
    CANCELLED = "cancelled", _("Cancelled")


# A member in good standing: its people read members-only content and may hold a seat.
# Archived companies are never in good standing, whatever their periods say.
GOOD_STANDING = (MembershipStatus.ACTIVE, MembershipStatus.GRACE)
# A company's own people may change its profile and invite while it is a member, or
# about to be one.
MANAGEABLE = (*GOOD_STANDING, MembershipStatus.PENDING)


# The date rules: every rule about the days around a period's end, which the status, the
# reminders and the admin read. The numbers come from the settings, read on each call.


def grace_days() -> int:
    """How many days after a period's last day its company stays in good standing, in
    grace (``MEMBERSHIP_GRACE_DAYS``)."""
    return settings.MEMBERSHIP_GRACE_DAYS


def reminder_days() -> int:
    """How many days before a period's last day it "ends soon": its renewal reminder is
    due, and the admin flags it (``MEMBERSHIP_REMINDER_DAYS``)."""
    return settings.MEMBERSHIP_REMINDER_DAYS


# How late a reminder may still go, counting its due day, when cron missed some days.
REMINDER_CATCH_UP_DAYS = 7
# The admin colours an end date "later" (after "soon") up to this many days ahead.
RENEWAL_HORIZON_DAYS = 90


def renewal_urgency(end: dt.date, today: dt.date | None = None) -> str:
    """How near a period's last day is, as the admin colours it: "past", "soon" (within
    ``reminder_days``), "later" (within ``RENEWAL_HORIZON_DAYS``) or "ok"."""
    days = (end - (today or timezone.localdate())).days
    if days < 0:
        return "past"
    if days <= reminder_days():
        return "soon"
    if days <= RENEWAL_HORIZON_DAYS:
        return "later"
    return "ok"


def ending_reminder_day(end: dt.date) -> dt.date:
    """The day the "ending soon" reminder of a period ending on ``end`` is due; it may
    go any day from then until ``end``."""
    return end - dt.timedelta(days=reminder_days())


def lapsed_email_day(end: dt.date) -> dt.date:
    """The day the "lapsed" email of a period ending on ``end`` is due: the first day
    after its grace, when the company lapses."""
    return end + dt.timedelta(days=grace_days() + 1)


class MembershipQuerySet(models.QuerySet):
    def ending_reminder_due(self, today: dt.date) -> "MembershipQuerySet":
        """Periods whose "ending soon" reminder is due on ``today``: from their
        ``ending_reminder_day`` to their last day."""
        return self.filter(end__gte=today, end__lte=today + dt.timedelta(days=reminder_days()))

    def lapsed_email_due(self, today: dt.date) -> "MembershipQuerySet":
        """Periods whose "lapsed" email is due on ``today``: from their
        ``lapsed_email_day``, for ``REMINDER_CATCH_UP_DAYS`` days."""
        # The last day of a period whose company lapses today.
        lapses_today = today - dt.timedelta(days=grace_days() + 1)
        return self.filter(
            end__lte=lapses_today,
            end__gt=lapses_today - dt.timedelta(days=REMINDER_CATCH_UP_DAYS),
        )


def membership_periods(today: dt.date) -> dict[str, models.QuerySet]:
    """Membership periods of the outer company, in the terms the status is made of."""
    company_periods = Membership.objects.filter(company=OuterRef("pk"))
    not_cancelled = Q(cancelled_on__isnull=True) | Q(cancelled_on__gt=today)
    return {
        "in_force": company_periods.filter(not_cancelled, start__lte=today, end__gte=today),
        "in_grace": company_periods.filter(
            cancelled_on__isnull=True,
            end__lt=today,
            end__gte=today - dt.timedelta(days=grace_days()),
        ),
        "future": company_periods.filter(cancelled_on__isnull=True, start__gt=today),
        "latest_cancelled_on": company_periods.order_by("-end", "-start").values("cancelled_on")[
            :1
        ],
        "any": company_periods,
    }


class Membership(models.Model):
    """One membership period of one company. Renewing adds a period; old ones stay."""

    # A period is a record of membership and payment: a company that has one is archived,
    # never deleted (see company_archive).
    company = models.ForeignKey(
        "members.Company",
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("company"),
    )
    category = models.ForeignKey(
        MembershipCategory,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("category"),
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), help_text=_("The last day the membership is in force."))
    fee = models.DecimalField(_("fee"), max_digits=8, decimal_places=2)
    invoice_reference = SingleLineField(_("invoice"), max_length=60, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    cancelled_on = models.DateField(
        _("cancelled on"),
        null=True,
        blank=True,
        help_text=_(
            "The membership ends on this day, with no grace period (resignation, exclusion)."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership period")
        verbose_name_plural = _("membership periods")
        ordering = ["-start"]
        indexes = [models.Index(fields=["company", "end", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")),
                name="members_membership_end_after_start",
                violation_error_message=_("A period cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company} — {self.start:%Y-%m-%d} → {self.end:%Y-%m-%d}"

    def clean(self) -> None:
        super().clean()
        if self.start and self.end and self.company_id:
            overlapping = Membership.objects.filter(
                company_id=self.company_id, start__lte=self.end, end__gte=self.start
            ).exclude(pk=self.pk)
            if overlapping.exists():
                raise ValidationError(
                    _("This period overlaps another membership period of the company.")
                )

    @property
    def is_paid(self) -> bool:
        return self.paid_on is not None


class RenewalReminder(models.Model):
    """A renewal reminder sent to one person about one period, so none is sent twice."""

    class Kind(models.TextChoices):
        ENDING = "ending", _("Membership ending soon")
        DUE = "due", _("Renewal invoice due")
        LAPSED = "lapsed", _("Membership lapsed")

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("reminder"), max_length=10, choices=Kind.choices)
    email = models.EmailField(_("sent to"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("renewal reminder")
        verbose_name_plural = _("renewal reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "kind", "email"], name="members_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.email}"
