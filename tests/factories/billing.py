"""Dues: the fee schedule, invoices (drafts unless issued by the service), payments."""

from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from members.models import Fee, Invoice, InvoiceLine, InvoiceSequence, Payment
from tests.factories.companies import CompanyFactory
from tests.factories.reference import MembershipCategoryFactory


class FeeFactory(DjangoModelFactory):
    class Meta:
        model = Fee
        django_get_or_create = ("category", "year")

    category = factory.SubFactory(MembershipCategoryFactory)
    year = 2027
    amount = Decimal("850.00")


class InvoiceSequenceFactory(DjangoModelFactory):
    class Meta:
        model = InvoiceSequence
        django_get_or_create = ("year",)

    year = 2026
    last = 0


class InvoiceFactory(DjangoModelFactory):
    """A draft invoice; issue it with ``members.services.billing.invoice_issue``."""

    class Meta:
        model = Invoice

    company = factory.SubFactory(CompanyFactory, period=False)


class InvoiceLineFactory(DjangoModelFactory):
    class Meta:
        model = InvoiceLine

    invoice = factory.SubFactory(InvoiceFactory)
    description = "Adhésion annuelle"
    amount = Decimal("100.00")


class PaymentFactory(DjangoModelFactory):
    """A payment of an issued invoice of 100 $ before tax."""

    class Meta:
        model = Payment

    invoice = factory.LazyFunction(lambda: _issued_invoice())
    amount = Decimal("50.00")
    received_on = factory.LazyFunction(timezone.localdate)
    method = Payment.Method.CHEQUE
    reference = factory.Sequence(lambda n: f"{1000 + n}")


def _issued_invoice() -> Invoice:
    from members.services.billing import invoice_issue

    return invoice_issue(invoice=InvoiceLineFactory().invoice, by=None)
