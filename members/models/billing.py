"""Dues and accounts receivable: the fee schedule, invoices and credit notes with Québec's
two taxes, their gapless numbering, and the payments received.

An issued invoice never changes: its buyer, lines, tax numbers and amounts are kept as
they were when it was issued, and a mistake is corrected by a credit note pointing to it.
What is paid is not stored twice: an invoice's balance is its total less its payments and
credit notes (``InvoiceQuerySet.with_balance``).
"""

import re
from decimal import Decimal

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import DecimalField, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Lower, Round
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.fields import SingleLineField
from members.models.reference import MembershipCategory

CENT = Decimal("0.01")
MONEY = {"max_digits": 10, "decimal_places": 2}
# TPS/GST: nine digits, then RT0001 (the program account); TVQ/QST: ten digits, TQ0001.
GST_NUMBER = re.compile(r"^\d{9}RT\d{4}$")
QST_NUMBER = re.compile(r"^\d{10}TQ\d{4}$")


def validate_gst_number(value: str) -> None:
    if not GST_NUMBER.match(value.replace(" ", "")):
        raise ValidationError(
            _("A GST number is nine digits then RT and four digits, e.g. 123456789RT0001."),
            code="gst_number",
        )


def validate_qst_number(value: str) -> None:
    if not QST_NUMBER.match(value.replace(" ", "")):
        raise ValidationError(
            _("A QST number is ten digits then TQ and four digits, e.g. 1234567890TQ0001."),
            code="qst_number",
        )


class Fee(models.Model):
    """What a membership category costs for a year, before tax."""

    category = models.ForeignKey(
        MembershipCategory,
        on_delete=models.PROTECT,
        related_name="fees",
        verbose_name=_("membership category"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(
        _("amount before tax"), validators=[MinValueValidator(CENT)], **MONEY
    )

    class Meta:
        verbose_name = _("fee")
        verbose_name_plural = _("fee schedule")
        ordering = ["-year", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["category", "year"],
                name="members_fee_once_per_year",
                violation_error_message=_("This category already has a fee for this year."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.category} {self.year}: {self.amount} $"


class InvoiceSequence(models.Model):
    """The last number given in a year: locked while an invoice is issued, so numbers
    follow each other with no gap and none is given twice."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("invoice numbering")
        verbose_name_plural = _("invoice numbering")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class InvoiceQuerySet(models.QuerySet):
    def issued(self) -> "InvoiceQuerySet":
        return self.filter(status=Invoice.Status.ISSUED)

    def with_balance(self) -> "InvoiceQuerySet":
        """Annotate ``paid`` (payments received), ``credited`` (credit notes issued
        against it) and ``balance`` (what is still owed)."""
        zero = Value(Decimal("0.00"), output_field=DecimalField(**MONEY))
        paid = (
            Payment.objects.filter(invoice=OuterRef("pk"))
            .values("invoice")
            .annotate(sum=Sum("amount"))
            .values("sum")
        )
        credited = (
            Invoice.objects.filter(
                credits=OuterRef("pk"), kind=Invoice.Kind.CREDIT_NOTE, status=Invoice.Status.ISSUED
            )
            .values("credits")
            .annotate(sum=Sum("total"))
            .values("sum")
        )
        return self.annotate(
            paid=Coalesce(Subquery(paid), zero),
            credited=Coalesce(Subquery(credited), zero),
        ).annotate(
            # Rounded in SQL: SQLite adds decimals as floats (1.1e-13 left of a paid invoice).
            balance=Round(
                F("total") - F("paid") - F("credited"), 2, output_field=DecimalField(**MONEY)
            )
        )

    def unpaid(self) -> "InvoiceQuerySet":
        return self.issued().filter(kind=Invoice.Kind.INVOICE).with_balance().filter(balance__gt=0)

    def overdue(self, today=None) -> "InvoiceQuerySet":
        return self.unpaid().filter(due_on__lt=today or timezone.localdate())


@reversion.register(follow=("lines",))
class Invoice(models.Model):
    """An invoice, or a credit note correcting one (``kind``), to a company."""

    class Kind(models.TextChoices):
        INVOICE = "invoice", _("Invoice")
        CREDIT_NOTE = "credit_note", _("Credit note")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Issued")
        CANCELLED = "cancelled", _("Cancelled")

    company = models.ForeignKey(
        "members.Company",
        on_delete=models.PROTECT,  # a company with invoices is archived, never deleted
        related_name="invoices",
        verbose_name=_("company"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.INVOICE)
    credits = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_notes",
        verbose_name=_("corrects invoice"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    number = models.CharField(_("number"), max_length=12, unique=True, null=True, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # As they were when the invoice was issued.
    buyer_name = SingleLineField(_("buyer"), max_length=200, blank=True)
    buyer_address = models.TextField(_("buyer's address"), max_length=500, blank=True)
    gst_number = SingleLineField(_("GST number"), max_length=20, blank=True)
    qst_number = SingleLineField(_("QST number"), max_length=20, blank=True)
    subtotal = models.DecimalField(_("subtotal"), default=Decimal("0.00"), **MONEY)
    gst = models.DecimalField(_("GST"), default=Decimal("0.00"), **MONEY)
    qst = models.DecimalField(_("QST"), default=Decimal("0.00"), **MONEY)
    total = models.DecimalField(_("total"), default=Decimal("0.00"), **MONEY)
    reason = models.TextField(
        _("reason"),
        max_length=1000,
        blank=True,
        help_text=_("For a credit note: what it corrects."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = InvoiceQuerySet.as_manager()

    class Meta:
        # "invoice" alone already names a period's invoice reference ("numéro de facture").
        verbose_name = pgettext_lazy("model", "invoice")
        verbose_name_plural = _("invoices")
        ordering = [F("issued_on").desc(nulls_first=True), "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="invoice", credits__isnull=True)
                | Q(kind="credit_note", credits__isnull=False),
                name="members_invoice_credit_note_points_to_an_invoice",
                violation_error_message=_("A credit note corrects one invoice."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(number__isnull=False, issued_on__isnull=False),
                name="members_invoice_issued_has_a_number",
                violation_error_message=_("An issued invoice has a number and a date."),
            ),
        ]

    def __str__(self) -> str:
        return self.number or str(_("Draft invoice"))

    class State(models.TextChoices):
        """Where an invoice stands, read from its status, balance and due date."""

        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Issued")
        PARTLY_PAID = "partly_paid", _("Partly paid")
        PAID = "paid", _("Paid")
        OVERDUE = "overdue", _("Overdue")
        CANCELLED = "cancelled", _("Cancelled")

    @property
    def state(self) -> "Invoice.State":
        """Needs ``with_balance()``. A credit note is issued, never paid."""
        if self.status != self.Status.ISSUED:
            return self.State(self.status)
        if self.kind == self.Kind.CREDIT_NOTE:
            return self.State.ISSUED
        if self.balance <= 0:
            return self.State.PAID
        if self.due_on < timezone.localdate():
            return self.State.OVERDUE
        return self.State.PARTLY_PAID if self.paid else self.State.ISSUED


@reversion.register()
class InvoiceLine(models.Model):
    invoice = models.ForeignKey(
        Invoice, on_delete=models.CASCADE, related_name="lines", verbose_name=_("invoice")
    )
    description = SingleLineField(_("description"), max_length=300)
    amount = models.DecimalField(
        _("amount before tax"), validators=[MinValueValidator(CENT)], **MONEY
    )
    taxable = models.BooleanField(_("taxable"), default=True)
    membership = models.ForeignKey(
        "members.Membership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoice_lines",
        verbose_name=_("membership period"),
    )
    # A renewal invoices a year that does not exist yet: the period it renews is kept
    # here, and the new period is added once the invoice is paid (``membership`` then
    # points to it). Until then the company's end date does not move.
    renews = models.ForeignKey(
        "members.Membership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renewal_lines",
        verbose_name=_("renews period"),
    )

    class Meta:
        verbose_name = _("invoice line")
        verbose_name_plural = _("invoice lines")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description


@reversion.register()
class Payment(models.Model):
    class Method(models.TextChoices):
        CHEQUE = "cheque", _("Cheque")
        TRANSFER = "transfer", _("Bank transfer")
        CARD = "card", _("Card")
        OTHER = "other", _("Other")

    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="payments", verbose_name=_("invoice")
    )
    amount = models.DecimalField(_("amount"), validators=[MinValueValidator(CENT)], **MONEY)
    received_on = models.DateField(_("received on"))
    method = models.CharField(_("method"), max_length=10, choices=Method.choices)
    reference = SingleLineField(
        _("reference"),
        max_length=100,
        blank=True,
        help_text=_("The cheque's number, the transfer's or the card payment's reference."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded on"), auto_now_add=True)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-received_on", "-pk"]
        constraints = [
            # The same cheque recorded twice (two staff at once) is refused the second time.
            models.UniqueConstraint(
                "invoice",
                Lower("reference"),
                condition=~Q(reference=""),
                name="members_payment_recorded_once",
                violation_error_message=_("This payment is already recorded on the invoice."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.amount} $ — {self.get_method_display()}"
