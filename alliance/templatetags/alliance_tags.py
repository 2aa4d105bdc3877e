from django import template
from django.utils.html import format_html

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
