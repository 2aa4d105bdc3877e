from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from alliance.admin_base import RecordAdmin
from members.models import Membership, RenewalReminder


class MembershipFormSet(BaseInlineFormSet):
    """A paid period is the record of a payment: it is cancelled, never deleted."""

    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk and form.initial.get("paid_on"):
                raise ValidationError(
                    _(
                        "A paid membership period cannot be deleted: it records a payment. "
                        "Fill in its cancellation date instead."
                    )
                )


class MembershipInline(admin.TabularInline):
    model = Membership
    formset = MembershipFormSet
    extra = 0
    fields = ("start", "end", "category", "fee", "invoice_reference", "paid_on", "cancelled_on")
    ordering = ("-start",)


@admin.register(RenewalReminder)
class RenewalReminderAdmin(RecordAdmin):
    list_display = ("sent_at", "kind", "email", "membership")
    list_filter = ("kind",)
    search_fields = ("email", "membership__company__name")
    list_select_related = ("membership__company",)
