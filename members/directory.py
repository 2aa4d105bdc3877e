"""The public directory: a query over companies, its filters and how many firms each
filter would find.

Within one filter the chosen values widen the search (injection *or* extrusion); across
filters they narrow it (in Chaudière-Appalaches *and* injection). Each filter's counts are
worked out with every other filter applied but not its own, so a count always says how
many firms ticking that box would show.
"""

import dataclasses
import hashlib
import uuid

from django import forms
from django.core.cache import cache
from django.db import models
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from members.models import CLASSIFICATION_FIELDS, Company, Region

FACETS = ("region", *CLASSIFICATION_FIELDS)
REGION_LABEL = _("Region")


def _m2m(facet: str) -> tuple[type[models.Model], str]:
    """The table linking companies to a classification, and its column for the term."""
    field = Company._meta.get_field(CLASSIFICATION_FIELDS[facet])
    return field.remote_field.through, field.m2m_reverse_field_name()


def _model(facet: str) -> type[models.Model]:
    return Company._meta.get_field(CLASSIFICATION_FIELDS[facet]).related_model


def facet_label(facet: str) -> str:
    if facet == "region":
        return str(REGION_LABEL)
    return capfirst(_model(facet)._meta.verbose_name)


CACHE_VERSION_KEY = "directory:version"
CACHE_SECONDS = 600


@dataclasses.dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclasses.dataclass
class Facet:
    key: str
    label: str
    options: list[Option]

    @property
    def selected_count(self) -> int:
        return sum(option.selected for option in self.options)


def _classification_choices() -> dict[str, list[tuple[int, str, str]]]:
    """Every classification as (id, slug, name in the current language), per filter;
    cached, as staff change them rarely."""
    key = f"directory:choices:{translation.get_language()}:{cache_version()}"
    choices = cache.get(key)
    if choices is None:
        choices = {
            facet: [(item.pk, item.slug, item.name) for item in _model(facet).objects.all()]
            for facet in CLASSIFICATION_FIELDS
        }
        cache.set(key, choices, CACHE_SECONDS)
    return choices


class DirectoryForm(forms.Form):
    q = forms.CharField(label=_("Search the directory"), required=False, max_length=100)
    region = forms.MultipleChoiceField(required=False, choices=Region.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = _classification_choices()
        for facet, items in self.choices.items():
            self.fields[facet] = forms.MultipleChoiceField(
                required=False,
                choices=[(slug, name) for _pk, slug, name in items],
                error_messages={
                    "invalid_choice": _(
                        "The filter “%(value)s” does not exist (any more); it was left out."
                    )
                },
            )
        for name, field in self.fields.items():
            if name in FACETS:
                field.label = facet_label(name)

    def selected_ids(self) -> dict[str, list]:
        """The chosen values of each filter: region codes, classification ids."""
        data = self.cleaned_data
        selected = {"region": list(data.get("region") or [])}
        for facet, items in self.choices.items():
            chosen = set(data.get(facet) or [])
            selected[facet] = [pk for pk, slug, _name in items if slug in chosen]
        return selected


def filter_companies(companies: QuerySet, selected: dict[str, list], *, skip: str = "") -> QuerySet:
    for facet, values in selected.items():
        if not values or facet == skip:
            continue
        if facet == "region":
            companies = companies.filter(region__in=values)
            continue
        through, target = _m2m(facet)
        companies = companies.filter(
            Exists(through.objects.filter(company=OuterRef("pk"), **{f"{target}__in": values}))
        )
    return companies


def facet_counts(base: QuerySet, selected: dict[str, list]) -> dict[str, dict]:
    """For each filter, the number of firms each of its values would show."""
    counts = {}
    for facet in FACETS:
        companies = filter_companies(base, selected, skip=facet).order_by().values("pk")
        if facet == "region":
            rows = Company.objects.filter(pk__in=companies).values_list("region")
        else:
            through, target = _m2m(facet)
            rows = through.objects.filter(company__in=companies).values_list(f"{target}_id")
        counts[facet] = dict(rows.annotate(n=Count("*")).order_by())
    return counts


def cache_version() -> str:
    version = cache.get(CACHE_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(CACHE_VERSION_KEY, version, None)
    return version


def directory_changed() -> None:
    """Forget every cached count and list: a company, period or classification changed."""
    cache.set(CACHE_VERSION_KEY, uuid.uuid4().hex, None)


def directory_counts(base: QuerySet, selected: dict[str, list], *, query: str) -> tuple[int, dict]:
    """The total and the filter counts, cached per search and filters until the directory
    changes or the day does: the counts cost the same work whatever page is shown."""

    def compute():
        return filter_companies(base, selected).count(), facet_counts(base, selected)

    filters = repr(
        (query, sorted((facet, sorted(values)) for facet, values in selected.items() if values))
    )
    digest = hashlib.sha256(filters.encode()).hexdigest()
    key = f"directory:counts:{cache_version()}:{timezone.localdate().isoformat()}:{digest}"
    result = cache.get(key)
    if result is None:
        result = compute()
        cache.set(key, result, CACHE_SECONDS)
    return result


def build_facets(form: DirectoryForm, selected: dict[str, list], counts: dict) -> list[Facet]:
    facets = [
        Facet(
            key="region",
            label=facet_label("region"),
            options=[
                Option(code, label, counts["region"].get(code, 0), code in selected["region"])
                for code, label in Region.choices
            ],
        )
    ]
    for facet, items in form.choices.items():
        facets.append(
            Facet(
                key=facet,
                label=facet_label(facet),
                options=[
                    Option(slug, name, counts[facet].get(pk, 0), pk in selected[facet])
                    for pk, slug, name in items
                ],
            )
        )
    return facets
