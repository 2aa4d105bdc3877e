from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from alliance import reference_content as content
from alliance.covers import COVER_ALT_EN, COVER_ALT_FR, make_cover
from alliance.models import KeyFigure, Page
from members import reference_content as members_content
from members.models import (
    Certification,
    Committee,
    EndMarket,
    Material,
    MembershipCategory,
    Process,
    Sector,
    ValueChainRole,
)
from news.models import Article, Category

# The member companies' reference lists, with how the command's report names them.
CLASSIFICATIONS = [
    (Sector, "sector"),
    (ValueChainRole, "role"),
    (Process, "process"),
    (Material, "material"),
    (EndMarket, "end market"),
    (Certification, "certification"),
]


class Command(BaseCommand):
    help = (
        "Create the reference content: news categories, the about and privacy pages, the "
        "industry's key figures, the rebrand announcement, the member companies' sectors, "
        "roles in the value chain, processes, materials, end markets and certifications, "
        "and the membership categories. Idempotent and safe on production: what already "
        "exists, possibly edited by staff, is left as it is."
    )

    @transaction.atomic
    def handle(self, *args, **options) -> None:

        categories = {}
        for position, item in enumerate(content.NEWS_CATEGORIES):
            categories[item["key"]], created = Category.objects.get_or_create(
                slug_fr=item["slug_fr"],
                defaults={
                    "name_fr": item["name_fr"],
                    "name_en": item["name_en"],
                    "slug_en": item["slug_en"],
                    "position": position,
                },
            )
            self._report(created, "category", item["name_fr"])

        for key, page in content.PAGES.items():
            _page, created = Page.objects.get_or_create(key=key, defaults=page)
            self._report(created, "page", page["title_fr"])

        if not KeyFigure.objects.exists():
            for position, figure in enumerate(content.KEY_FIGURES):
                KeyFigure.objects.create(
                    position=position,
                    **{k: v for k, v in figure.items() if k != "key"},
                )
            self._report(True, "key figures", str(len(content.KEY_FIGURES)))

        rebrand = dict(content.REBRAND_ARTICLE)
        category = categories[rebrand.pop("category")]
        if not Article.objects.filter(slug_fr=rebrand["slug_fr"]).exists():
            article = Article(
                category=category,
                status=Article.Status.PUBLISHED,
                featured=True,
                publish_at=timezone.now(),
                **rebrand,
                cover_alt_fr=COVER_ALT_FR,
                cover_alt_en=COVER_ALT_EN,
            )
            article.cover.save(
                "alliance-polymeres-quebec.jpg",
                make_cover(seed=0),
                save=False,
            )
            article.full_clean()
            article.save()
            self._report(True, "article", rebrand["title_fr"])
        else:
            self._report(False, "article", rebrand["title_fr"])

        for model, kind in CLASSIFICATIONS:
            for position, item in enumerate(members_content.CLASSIFICATIONS[model.__name__]):
                _term, created = model.objects.get_or_create(
                    slug=item["slug"],
                    defaults={
                        "name_fr": item["name_fr"],
                        "name_en": item["name_en"],
                        "position": position,
                    },
                )
                self._report(created, kind, item["name_fr"])

        for item in members_content.MEMBERSHIP_CATEGORIES:
            _category, created = MembershipCategory.objects.get_or_create(
                name_fr=item["name_fr"],
                defaults={
                    "name_en": item["name_en"],
                    "description_fr": item["description_fr"],
                    "description_en": item["description_en"],
                    "annual_fee": Decimal(item["annual_fee"]),
                    "position": item["position"],
                },
            )
            self._report(created, "membership category", item["name_fr"])

        for position, item in enumerate(members_content.COMMITTEES):
            _committee, created = Committee.objects.get_or_create(
                slug=item["slug"],
                defaults={
                    "axis": item["axis"],
                    "name_fr": item["name_fr"],
                    "name_en": item["name_en"],
                    "mandate_fr": item["mandate_fr"],
                    "mandate_en": item["mandate_en"],
                    "position": position,
                },
            )
            self._report(created, "committee", item["name_fr"])

    def _report(self, created: bool, kind: str, name: str) -> None:
        verb = "created" if created else "kept"
        self.stdout.write(f"  {verb:8} {kind}: {name}")
