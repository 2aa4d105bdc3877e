from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from alliance.admin_base import DefaultChoiceFilter
from members.models import Application
from members.services.applications import (
    ApplicationError,
    application_approve,
    application_reject,
)


class DecisionFilter(DefaultChoiceFilter):
    title = _("decision")
    parameter_name = field = "decision"
    choices_list = Application.Decision.choices
    default = Application.Decision.PENDING


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    change_form_template = "admin/members/application/change_form.html"
    list_display = ("company_name", "city", "category", "contact_name", "submitted_at", "decision")
    list_filter = (DecisionFilter,)
    list_select_related = ("category",)
    search_fields = ("company_name", "neq", "email", "last_name")
    date_hierarchy = "submitted_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # applications come from the public form

    def get_readonly_fields(self, request, obj=None):
        fields = [field.name for field in Application._meta.get_fields() if field.concrete]
        fields += [field.name for field in Application._meta.many_to_many]
        if obj is not None and obj.decision == Application.Decision.PENDING:
            fields.remove("rejection_reason")
        return fields

    def response_change(self, request: HttpRequest, obj: Application):
        try:
            if "_approve" in request.POST:
                company = application_approve(application=obj, by=request.user)
                self.message_user(
                    request,
                    format_html(
                        _("Approved: {name} is a member and the applicant was told by email."),
                        name=company.name,
                    ),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:members_company_change", args=[company.pk])
                )
            if "_reject" in request.POST:
                application_reject(application=obj, by=request.user, reason=obj.rejection_reason)
                self.message_user(
                    request,
                    _("Rejected: the applicant was told the reason by email."),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:members_application_changelist"))
        except ApplicationError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)
