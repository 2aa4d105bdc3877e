from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from alliance.admin_base import DefaultLookupFilter, badge, message_count
from alliance.emails import EmailNotSent
from members.models import Invitation, Person
from members.models.people import NAME_FIELDS
from members.services.invitations import invitation_revoke, invitation_send


class PersonForm(forms.ModelForm):
    """A person with an account shows the account's name and language, read-only: they
    keep them in their own profile. Unlinking the account keeps them on the row."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.user_id is not None:
            for name in NAME_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = _("From the account: the person changes it.")
                self.initial[name] = getattr(self.instance.user, name)


class PersonInline(admin.StackedInline):
    model = Person
    form = PersonForm
    extra = 0
    fields = (
        ("first_name", "last_name"),
        ("email", "phone"),
        ("job_title", "role"),
        ("preferred_language", "visibility"),
        ("user", "receives_invoices"),
    )
    autocomplete_fields = ("user",)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    """Every company's people in one list (they are edited on their company's page too)."""

    list_display = ("full_name", "company", "email", "role", "has_account", "visibility")
    list_filter = ("role", "visibility", "receives_invoices")
    list_select_related = ("company", "user")
    search_fields = (
        "first_name",
        "last_name",
        "user__first_name",
        "user__last_name",
        "email",
        "company__name",
    )
    autocomplete_fields = ("company", "user")
    form = PersonForm

    @admin.display(description=_("account"), boolean=True)
    def has_account(self, obj: Person) -> bool:
        return obj.user_id is not None


class InvitationStateFilter(DefaultLookupFilter):
    """Staff land on the invitations still waiting for an answer."""

    title = _("state")
    parameter_name = "state"
    default = Invitation.State.PENDING
    options = {
        state: (label, lambda invitations, state=state: invitations.in_state(state))
        for state, label in Invitation.State.choices
    }


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invite a company's people: saving a new invitation emails its link."""

    list_display = ("email", "company", "role", "state_label", "created_at", "expires_at")
    list_filter = (InvitationStateFilter, "role")
    list_select_related = ("company",)
    search_fields = ("email", "company__name")
    autocomplete_fields = ("company",)
    fields = ("company", "email", "role", "language")
    readonly_fields = (
        "state_label",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
    )
    actions = ("revoke",)

    def get_fields(self, request, obj=None):
        return self.fields + (self.readonly_fields if obj else ())

    def get_readonly_fields(self, request, obj=None):
        # A sent invitation is a record: it is revoked, never edited.
        return self.fields + self.readonly_fields if obj else ()

    def add_view(self, request, form_url="", extra_context=None):
        try:
            return super().add_view(request, form_url, extra_context)
        except EmailNotSent:
            # Raised by save_model: the admin's transaction is rolled back, nothing saved.
            self.message_user(
                request,
                _(
                    "The invitation could not be emailed, so it was not saved. Try again in "
                    "a few minutes; if it fails again, the mail server needs checking."
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        if not change:
            invitation_send(invitation=obj, by=request.user)

    @admin.display(description=_("state"))
    def state_label(self, obj: Invitation) -> str:
        return badge(obj.state, obj.state.label)

    @admin.action(description=_("Revoke the selected invitations"))
    def revoke(self, request: HttpRequest, queryset: QuerySet) -> None:
        revoked = invitation_revoke(invitations=queryset)
        message_count(
            self,
            request,
            ngettext_lazy(
                "%(count)d invitation revoked.", "%(count)d invitations revoked.", "count"
            ),
            revoked,
        )
