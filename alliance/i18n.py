"""Helpers for pages that exist once per language."""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _


def urls_by_language(get_url: Callable[[], str]) -> dict[str, str]:
    """The URL of one page in every language, e.g. an article with its translated slug."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = get_url()
    return urls


def language_links_for(request: HttpRequest, page: "TranslatedPage") -> list[dict]:
    """The language links of a page with a translated slug (an article, a category)."""
    return language_links(
        request,
        urls_by_language(page.get_absolute_url),
        translated={code: page.available_in(code) for code, _name in settings.LANGUAGES},
    )


def language_links(
    request: HttpRequest,
    urls: dict[str, str] | None = None,
    translated: dict[str, bool] | None = None,
) -> list[dict]:
    """What the language switcher and the hreflang alternates show.

    Without ``urls``, the current path is translated with Django's URL resolver, which is
    right for every page whose path holds no translated slug. ``translated`` says which
    languages the page's content really exists in: a page shown in the French fallback is
    not announced to search engines as an English alternate.
    """
    if urls is None:
        path = request.get_full_path()
        urls = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": urls[code],
                # Lazy: building it checks the Host header, which the language switcher
                # of an error page must not depend on.
                "absolute_url": lazy(request.build_absolute_uri, str)(urls[code]),
                "current": code == current,
                "alternate": translated is None or translated.get(code, False),
            }
        )
    return links


def fallback_language(obj, field: str) -> str | None:
    """The language a translated field is shown in when it is not the visitor's, else None."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    if current == settings.LANGUAGE_CODE:
        return None
    if getattr(obj, f"{field}_{current}", None):
        return None
    return settings.LANGUAGE_CODE


class TranslatedSlugQuerySet(models.QuerySet):
    def find_by_slug(self, slug: str) -> models.Model | None:
        """The object with this slug in the current language, else in another language.

        Slugs are unique per language; an object found by another language's slug (a
        French slug on an English URL, say) is for the caller to redirect.
        """
        current = translation.get_language()
        languages = [current] + [code for code, _name in settings.LANGUAGES if code != current]
        for code in languages:
            if found := self.filter(**{f"slug_{code}": slug}).first():
                return found
        return None


class TranslatedPage(models.Model):
    """A model shown on its own page in each language, under a translated slug.

    A slug is looked up in the URL's language and then in the other one, so it must be
    unique across both languages, not only within one.
    """

    # The fields that must exist in a language for the page to count as translated.
    translation_complete_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def available_in(self, code: str) -> bool:
        return all(
            getattr(self, f"{field}_{code}", None) for field in self.translation_complete_fields
        )

    def shown_language(self) -> str:
        """The language the page's text is shown in now: the visitor's, or the French
        fallback when it is not translated."""
        current = translation.get_language()
        return current if self.available_in(current) else settings.LANGUAGE_CODE

    def clean(self) -> None:
        super().clean()
        codes = [code for code, _name in settings.LANGUAGES]
        others = type(self)._default_manager.exclude(pk=self.pk)
        errors = {}
        for code in codes:
            slug = getattr(self, f"slug_{code}", None)
            if not slug:
                continue
            taken = Q()
            for other in codes:
                taken |= Q(**{f"slug_{other}": slug})
            if others.filter(taken).exists():
                errors[f"slug_{code}"] = ValidationError(SLUG_TAKEN, code="unique")
        if errors:
            raise ValidationError(errors)


SLUG_TAKEN = _("This address is already used by another page, in French or in English.")


def unique_slug_constraints(prefix: str) -> list[models.UniqueConstraint]:
    """One unique constraint per language's slug column (slug_fr, slug_en)."""
    return [
        models.UniqueConstraint(
            fields=[f"slug_{code}"],
            name=f"{prefix}_slug_{code}_unique",
            violation_error_message=SLUG_TAKEN,
        )
        for code, _name in settings.LANGUAGES
    ]
