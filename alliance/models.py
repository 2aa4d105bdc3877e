from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.fields import RichTextField, SingleLineField


class Page(models.Model):
    """A page of the site whose text staff edit in the admin (about, privacy policy)."""

    class Key(models.TextChoices):
        ABOUT = "about", _("About")
        PRIVACY = "privacy", _("Privacy policy")

    key = models.CharField(_("page"), max_length=20, choices=Key.choices, unique=True)
    title = SingleLineField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    body = RichTextField(_("text"), max_length=100_000)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(f"pages:{self.key}")

    def rendered_body(self) -> str:
        """The body with the association's contact details filled in where it names them.

        The privacy policy says who the privacy officer is and how to reach them; the
        address comes from settings so the text never goes stale when it changes.
        """
        body = self.body
        for key in ("privacy_email", "postal_address", "email", "phone"):
            value = escape(settings.ASSOCIATION[key])
            body = body.replace(f"{{{key}}}", value).replace(f"%7B{key}%7D", value)
        return body


class KeyFigure(models.Model):
    """One of the industry's key figures shown on the home page."""

    value = SingleLineField(_("value"), max_length=30, help_text=_("e.g. “22,000”"))
    label = SingleLineField(_("label"), max_length=120)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.value} {self.label}"


class OutgoingEmail(models.Model):
    """One email the portal has to send, from the moment it is written (in the same
    transaction as the change it reports) until the mail server takes it, or the retries
    run out and staff see why (alliance/outbox.py)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    created_at = models.DateTimeField(_("written on"), auto_now_add=True)
    recipients = models.TextField(_("to"))
    subject = models.TextField(_("subject"))
    # The message itself (text, HTML, headers, attachments), emptied once sent: what stays
    # is who got what, when (Law 25: keep no more than the purpose needs).
    message = models.JSONField(_("message"), default=dict, editable=False)
    status = models.CharField(
        _("state"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(pgettext_lazy("email", "sent on"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.recipients}"
