import datetime as dt
import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from alliance.covers import COVER_ALT_EN, COVER_ALT_FR, make_cover
from alliance.reference_content import NEWS_CATEGORIES
from members.demo_content import (
    create_demo_committees,
    create_demo_companies,
    create_demo_logins,
)
from members.models import User
from news.demo_content import DEMO_ARTICLES
from news.models import Article, Category

STAFF_EMAIL = "equipe@alliancepolymeres.quebec"


class Command(BaseCommand):
    help = (
        "Add fictitious demo content for a local portal: a staff login, about 40 articles "
        "(some members-only, some scheduled, a few drafts) and 600 member companies with "
        "their membership periods, people and logos. Never run it on production."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (tests); never on a real site.",
        )
        parser.add_argument(
            "--companies",
            type=int,
            default=600,
            metavar="N",
            help=(
                "How many fictitious member companies to add (default 600; 60000 for a "
                "load test, only the first 600 get logos). Added once: skipped when demo "
                "companies are already there."
            ),
        )

    @transaction.atomic
    def handle(self, *args, force: bool, companies: int, **options) -> None:
        if not (settings.DEBUG or force):
            raise CommandError(
                "seed_demo adds fictitious articles and a staff account with a known "
                "password: it runs only where DEBUG is on (a development machine)."
            )
        call_command("seed_reference", stdout=self.stdout)
        password = secrets.token_urlsafe(12)
        staff = self._staff(password)
        categories = {c.slug_fr: c for c in Category.objects.all()}
        by_key = {key: categories[slug] for key, slug in self._category_slugs().items()}
        now = timezone.now()
        created = 0
        for index, item in enumerate(DEMO_ARTICLES):
            slug_fr = slugify(item["title_fr"])[:190]
            if Article.objects.filter(slug_fr=slug_fr).exists():
                continue
            article = Article(
                category=by_key[item["category"]],
                author=staff,
                title_fr=item["title_fr"],
                slug_fr=slug_fr,
                summary_fr=item["summary_fr"],
                body_fr=item["body_fr"],
                visibility=(
                    Article.Visibility.MEMBERS
                    if item["members_only"]
                    else Article.Visibility.PUBLIC
                ),
                **self._schedule(index, now),
            )
            if item["english"]:
                article.title_en = item["title_en"]
                article.slug_en = slugify(item["title_en"])[:190]
                article.summary_en = item["summary_en"]
                article.body_en = item["body_en"]
            if index % 5 != 4:  # most articles have a picture, some don't
                article.cover.save(f"{slug_fr[:60]}.jpg", make_cover(seed=index + 1), save=False)
                article.cover_alt_fr = COVER_ALT_FR
                if item["english"]:
                    article.cover_alt_en = COVER_ALT_EN
            article.full_clean()
            article.save()
            created += 1
        self.stdout.write(f"  created  {created} demo articles")
        create_demo_companies(companies, stdout=self.stdout)
        member = create_demo_logins(password, stdout=self.stdout)
        create_demo_committees(staff, stdout=self.stdout)
        logins = (
            "\nDemo ready (a new password each time seed_demo runs).\n"
            "Staff login — the admin at http://127.0.0.1:8000/admin/ first asks you to set\n"
            "up an authenticator app (staff accounts need a second factor):\n"
            f"  email:    {STAFF_EMAIL}\n  password: {password}\n"
        )
        if member:
            logins += (
                f"Member login — {member.company.name}, company administrator\n"
                "(member area at http://127.0.0.1:8000/fr/espace-membre/):\n"
                f"  email:    {member.email}\n  password: {password}\n"
            )
        self.stdout.write(self.style.SUCCESS(logins))

    def _staff(self, password: str) -> User:
        staff, _created = User.objects.get_or_create(
            email=STAFF_EMAIL,
            defaults={
                "first_name": "Équipe",
                "last_name": "Démo",
                "is_staff": True,
                "is_superuser": True,
            },
        )
        staff.set_password(password)
        staff.save()
        EmailAddress.objects.get_or_create(
            user=staff, email=STAFF_EMAIL, defaults={"verified": True, "primary": True}
        )
        return staff

    @staticmethod
    def _category_slugs() -> dict[str, str]:
        return {c["key"]: c["slug_fr"] for c in NEWS_CATEGORIES}

    @staticmethod
    def _schedule(index: int, now: dt.datetime) -> dict:
        """Spread the articles over 18 months; a few are scheduled, a few are drafts."""
        if index % 13 == 5:
            return {
                "status": Article.Status.PUBLISHED,
                "publish_at": now + dt.timedelta(days=3 + index),
            }
        status = Article.Status.DRAFT if index % 11 == 7 else Article.Status.PUBLISHED
        return {
            "status": status,
            "publish_at": now - dt.timedelta(days=2 + index * 13, hours=index % 9),
        }
