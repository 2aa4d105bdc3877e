from django import template
from django.utils import timezone
from django.utils.html import format_html
from js_asset import Media

from alliance.i18n import fallback_language

register = template.Library()


@register.simple_tag
def lang_attr(obj, field: str) -> str:
    """` lang="fr"` on an element whose translated text is shown in the fallback language.

    Usage: <h1{% lang_attr article "title" %}>{{ article.title }}</h1>
    """
    if lang := fallback_language(obj, field):
        return format_html(' lang="{}"', lang)
    return ""


@register.simple_tag(takes_context=True)
def media_with_nonce(context, media) -> str:
    """A form's media with the request's CSP nonce on each tag.

    The prose editor's media include an inline import map, which the Content-Security-
    Policy lets run only with the nonce. Usage: {% media_with_nonce media %}
    """
    return Media.from_media(media, nonce=context["request"].csp_nonce).render()


@register.filter
def html_datetime(value) -> str:
    """A date and time for a ``datetime`` attribute, in Québec time to the second: HTML
    allows at most three digits of a second, and Django's ``date:"c"`` writes six."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")
