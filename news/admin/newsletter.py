"""The newsletter in the admin: compose an issue in both languages, preview it, send a
test to oneself, then send or schedule it after seeing how many it goes to; follow its
deliveries; the subscribers and their consent."""

from csp.decorators import csp_replace
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import TranslationStackedInline

from alliance.admin_base import FrenchFirstAdmin, LookupFilter, RecordAdmin, badge, message_count
from news.models import Delivery, Newsletter, Section, Subscriber
from news.services.newsletters import (
    NewsletterError,
    newsletter_render,
    newsletter_schedule,
    newsletter_send,
    newsletter_send_test,
    newsletter_unschedule,
)
from news.services.subscriptions import subscriber_unsubscribe

EDITABLE = (Newsletter.Status.DRAFT, Newsletter.Status.SCHEDULED)
STATUS_BADGES = {"draft": "draft", "scheduled": "scheduled", "sending": "queued", "sent": "sent"}
# The progress of an issue, state by state, as the list of issues shows it.
PROGRESS = {
    "sent": ngettext_lazy("%(count)s sent", "%(count)s sent", "count"),
    "queued": ngettext_lazy("%(count)s waiting", "%(count)s waiting", "count"),
    "failed": ngettext_lazy("%(count)s failed", "%(count)s failed", "count"),
    "bounced": ngettext_lazy("%(count)s undeliverable", "%(count)s undeliverable", "count"),
}


class SectionInline(TranslationStackedInline):
    model = Section
    extra = 0
    fields = ("position", "heading", "text", "articles")
    autocomplete_fields = ("articles",)


class SendForm(forms.Form):
    """The confirmation of a send: the count staff saw, and a time if they schedule it."""

    expected = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    scheduled_at = forms.DateTimeField(
        label=_("Or send it on"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M"],
        help_text=_("Québec time. Leave empty to send now."),
    )


@admin.register(Newsletter)
class NewsletterAdmin(FrenchFirstAdmin):
    inlines = [SectionInline]
    list_display = ("subject", "status_label", "audience", "progress", "when")
    list_filter = ("status", "audience", "in_archive")
    search_fields = ("subject_fr", "subject_en")
    readonly_fields = ("status", "progress", "started_at", "sent_at", "recipient_count")
    autocomplete_fields = ("committee",)
    fieldsets = (
        (None, {"fields": ("subject", "preheader", "introduction", "closing")}),
        (
            _("Audience"),
            {
                "fields": ("audience", "region", "sector", "category", "committee", "in_archive"),
                "description": _(
                    "Only people who agreed to receive l'infolettre get it: the audience "
                    "chooses among them."
                ),
            },
        ),
        (
            _("Sending and progress"),
            {"fields": ("status", "progress", "started_at", "sent_at", "recipient_count")},
        ),
    )
    change_form_template = "admin/news/newsletter/change_form.html"

    actions = ("archive_hide", "archive_show")

    @admin.action(
        description=_("Take the selected issues out of the public archive"),
        permissions=["send"],
    )
    def archive_hide(self, request: HttpRequest, queryset: QuerySet[Newsletter]) -> None:
        count = queryset.filter(in_archive=True).update(in_archive=False)
        message_count(
            self,
            request,
            ngettext_lazy(
                "%(count)d issue taken out of the archive.",
                "%(count)d issues taken out of the archive.",
                "count",
            ),
            count,
        )

    @admin.action(
        description=_("Put the selected issues in the public archive"), permissions=["send"]
    )
    def archive_show(self, request: HttpRequest, queryset: QuerySet[Newsletter]) -> None:
        count = queryset.filter(in_archive=False).update(in_archive=True)
        message_count(
            self,
            request,
            ngettext_lazy(
                "%(count)d issue put in the archive.",
                "%(count)d issues put in the archive.",
                "count",
            ),
            count,
        )

    def has_change_permission(self, request, obj=None):
        # An issue that has started going out is what its readers received: read only.
        if obj is not None and obj.status not in EDITABLE:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status not in EDITABLE:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if obj.created_by_id is None:
            obj.created_by = request.user
        if not change:
            return super().save_model(request, obj, form, change)
        # The fields staff changed only (the form has none of the sending's, which may have
        # started since this form was opened); an issue going out is no longer edited.
        with transaction.atomic():
            current = Newsletter.objects.select_for_update().get(pk=obj.pk)
            if current.status not in EDITABLE:
                raise PermissionDenied
            if form.changed_data:
                obj.save(update_fields=[*form.changed_data, "updated_at"])

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "can_send": self.has_send_permission(request)}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def has_send_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("news.send_newsletter")

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj: Newsletter) -> str:
        return badge(STATUS_BADGES[obj.status], obj.get_status_display())

    def get_queryset(self, request: HttpRequest) -> QuerySet[Newsletter]:
        return super().get_queryset(request).with_progress()

    @admin.display(description=_("date"), ordering="sent_at")
    def when(self, obj: Newsletter):
        """Sent on, being sent since, or to be sent on."""
        moment = obj.sent_at or obj.started_at or obj.scheduled_at
        return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT") if moment else "—"

    @admin.display(description=_("progress"))
    def progress(self, obj: Newsletter) -> str:
        if obj.pk is None or obj.status in EDITABLE:
            return "—"
        url = reverse("admin:news_delivery_changelist") + f"?newsletter__id__exact={obj.pk}"
        state = ", ".join(
            message % {"count": getattr(obj, f"progress_{state}")}
            for state, message in PROGRESS.items()
        )
        return format_html('<a href="{}">{}</a>', url, state)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/preview/<str:language>/",
                view(self.preview),
                name="news_newsletter_preview",
            ),
            path("<int:pk>/send/", view(self.send_view), name="news_newsletter_send"),
            *super().get_urls(),
        ]

    def _get(self, request: HttpRequest, pk: int, *, change: bool) -> Newsletter:
        newsletter = self.get_object(request, str(pk))
        if newsletter is None:
            raise Http404
        allowed = (
            self.has_change_permission(request, newsletter)
            if change
            else self.has_view_permission(request, newsletter)
        )
        if not allowed:
            raise PermissionDenied
        return newsletter

    @staticmethod
    @csp_replace(
        {
            "style-src": ["'unsafe-inline'"],
            "img-src": ["'self'", "data:", "https:", settings.SITE_URL],
            "script-src": ["'none'"],
        }
    )
    def _email_page(html: str) -> HttpResponse:
        return HttpResponse(html)

    def preview(self, request: HttpRequest, pk: int, language: str) -> HttpResponse:
        """The issue as the email readers in ``language`` will get, in the browser."""
        if language not in dict(settings.LANGUAGES):
            raise Http404
        newsletter = self._get(request, pk, change=False)
        return self._email_page(newsletter_render(newsletter=newsletter, language=language).html)

    def send_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Counts the audience and asks staff to confirm that count, now or at a time."""
        newsletter = self._get(request, pk, change=True)
        if not self.has_send_permission(request):
            raise PermissionDenied
        change_url = reverse("admin:news_newsletter_change", args=[newsletter.pk])
        count = newsletter.recipients().count()
        form = SendForm(request.POST or None, initial={"expected": count})
        if request.method == "POST" and form.is_valid():
            try:
                at = form.cleaned_data["scheduled_at"]
                if at:
                    newsletter_schedule(newsletter=newsletter, at=at)
                    self.message_user(
                        request,
                        _("Scheduled: the issue goes out on %(date)s.")
                        % {"date": date_format(timezone.localtime(at), "SHORT_DATETIME_FORMAT")},
                        messages.SUCCESS,
                    )
                else:
                    sent = newsletter_send(
                        newsletter=newsletter,
                        by=request.user,
                        expected=form.cleaned_data["expected"],
                    )
                    message_count(
                        self,
                        request,
                        ngettext_lazy(
                            "Sending to %(count)d recipient has started.",
                            "Sending to %(count)d recipients has started.",
                            "count",
                        ),
                        sent,
                    )
                return HttpResponseRedirect(change_url)
            except NewsletterError as error:
                self.message_user(request, str(error), messages.ERROR)
                form = SendForm(initial={"expected": count})
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": newsletter,
            "title": _("Send “%(subject)s”") % {"subject": newsletter.subject},
            "count": count,
            # "1 243 destinataires": grouped as the language writes numbers.
            "count_shown": number_format(count, force_grouping=True),
            "form": form,
            "change_url": change_url,
            "languages": settings.LANGUAGES,
        }
        return TemplateResponse(request, "admin/news/newsletter/send.html", context)

    def response_change(self, request: HttpRequest, obj: Newsletter):
        if "_test" in request.POST:
            newsletter_send_test(newsletter=obj, to=request.user)
            self.message_user(
                request,
                _("A test in French and in English was sent to %(email)s.")
                % {"email": request.user.email},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(request.path)
        if "_send" in request.POST:
            return HttpResponseRedirect(reverse("admin:news_newsletter_send", args=[obj.pk]))
        if "_unschedule" in request.POST and self.has_send_permission(request):
            if newsletter_unschedule(newsletter=obj):
                self.message_user(request, _("The issue is a draft again."), messages.SUCCESS)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)


class DeliveryStateFilter(LookupFilter):
    title = _("state")
    parameter_name = "state"
    options = {
        state: (label, lambda deliveries, state=state: deliveries.in_state(state))
        for state, label in Delivery.State.choices
    }


@admin.register(Delivery)
class DeliveryAdmin(RecordAdmin):
    list_display = ("subscriber", "newsletter", "language", "state_label", "handed_at")
    list_filter = (DeliveryStateFilter, "newsletter", "language")
    list_select_related = ("subscriber", "newsletter", "email")
    search_fields = ("subscriber__email",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Delivery]:
        # The waiting emails' messages (text and HTML) are not shown: not loaded either.
        return super().get_queryset(request).defer("email__message", "newsletter__rendered")

    def has_module_permission(self, request):
        return False  # reached from an issue's progress, not from the menu

    @admin.display(description=_("state"))
    def state_label(self, obj: Delivery) -> str:
        return badge(obj.state, obj.state.label)


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    """People join through the sign-up forms and the member area, which record their
    consent; staff read the record and unsubscribe someone who asks them to."""

    list_display = ("email", "language", "status_label", "source", "consented_at")
    list_filter = ("status", "source", "language")
    search_fields = ("email",)
    readonly_fields = (
        "email",
        "status",
        "source",
        "consent_text",
        "consent_requested_at",
        "consented_at",
        "unsubscribed_at",
        "bounced_at",
        "bounce_reason",
        "created_at",
    )
    fields = ("language", *readonly_fields)
    actions = ("unsubscribe",)

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj: Subscriber) -> str:
        kinds = {"pending": "scheduled", "subscribed": "sent", "unsubscribed": "draft"}
        return badge(kinds.get(obj.status, "failed"), obj.get_status_display())

    @admin.action(description=_("Unsubscribe the selected addresses (at their request)"))
    def unsubscribe(self, request: HttpRequest, queryset: QuerySet[Subscriber]) -> None:
        changed = queryset.exclude(status=Subscriber.Status.UNSUBSCRIBED)
        count = 0
        for subscriber in changed:
            subscriber_unsubscribe(subscriber=subscriber)
            count += 1
        message_count(
            self,
            request,
            ngettext_lazy(
                "%(count)d address unsubscribed.", "%(count)d addresses unsubscribed.", "count"
            ),
            count,
        )
