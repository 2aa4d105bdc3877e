"""Measure the public pages and the admin changelist: SQL queries and response times.

Runs in a throwaway database created for the occasion, filled with N articles, so it
never touches real data. `make bench` runs it and docs/performance.md keeps the figures.
"""

import datetime as dt
import statistics
import tempfile
import time

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings, setup_test_environment
from django.utils import timezone

from alliance.covers import make_cover
from members.models import User
from members.testing import log_in
from news.models import Article, Category

PAGES = [
    ("home (fr)", "/fr/"),
    ("news list (fr)", "/fr/nouvelles/"),
    ("news list (en)", "/en/news/"),
    ("news search (fr)", "/fr/nouvelles/?q=recyclage"),
    ("article (fr)", None),
    ("RSS feed (en)", "/en/news/rss/"),
    ("sitemap.xml", "/sitemap.xml"),
    ("admin changelist", "/admin/news/article/"),
]


class Command(BaseCommand):
    help = "Benchmark page query counts and response times on N generated articles."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, nargs="+", default=[5, 50, 600])
        parser.add_argument("--runs", type=int, default=30)

    def handle(self, *args, articles, runs, **options):
        setup_test_environment()
        with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
            rows = self._run(articles, runs)
        self.stdout.write(f"database: {connection.vendor}; {runs} runs per page\n")
        self.stdout.write(
            f"{'page':<24}{'articles':>9}{'queries':>9}{'median ms':>11}{'p95 ms':>9}"
        )
        for row in rows:
            self.stdout.write("{:<24}{:>9}{:>9}{:>11.1f}{:>9.1f}".format(*row))

    def _run(self, articles: list[int], runs: int) -> list[tuple]:
        old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
        try:
            staff = User.objects.create_superuser("bench@example.org", "bench-password")
            # The admin opens only to staff past their second factor.
            TOTP.activate(staff, generate_totp_secret())
            categories = [
                Category.objects.create(
                    name_fr=f"Catégorie {i}",
                    slug_fr=f"categorie-{i}",
                    name_en=f"Category {i}",
                    slug_en=f"category-{i}",
                )
                for i in range(6)
            ]
            cover = make_cover(seed=1)
            rows, created = [], 0
            for count in sorted(articles):
                for i in range(created, count):
                    self._article(i, categories[i % 6], cover)
                created = count
                rows += self._measure(count, runs, staff)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        return rows

    @staticmethod
    def _article(i: int, category: Category, cover) -> None:
        article = Article(
            title_fr=f"Nouvelle de banc d’essai {i}",
            slug_fr=f"banc-{i}",
            title_en=f"Benchmark news {i}",
            slug_en=f"bench-{i}",
            summary_fr="Un résumé.",
            summary_en="A summary.",
            body_fr="<p>Le recyclage des résines.</p>" * 20,
            body_en="<p>Recycling resins.</p>" * 20,
            category=category,
            status=Article.Status.PUBLISHED,
            featured=(i == 0),
            visibility=Article.Visibility.MEMBERS if i % 5 == 0 else Article.Visibility.PUBLIC,
            publish_at=timezone.now() - dt.timedelta(hours=i + 1),
            cover_alt_fr="Image",
        )
        if i % 2 == 0:
            article.cover.save(f"banc-{i}.jpg", cover, save=False)
        article.save()

    def _measure(self, count, runs, staff):
        client = Client()
        rows = []
        article = Article.objects.published().order_by("publish_at")[count // 2]
        for name, url in PAGES:
            url = url or article.get_absolute_url()
            if url.startswith("/admin/"):
                log_in(client, staff)
            client.get(url)  # warm-up: templates, URL resolver, renditions
            with CaptureQueriesContext(connection) as queries:
                status = client.get(url).status_code
            # Read it now: every later request empties the connection's query log.
            query_count = len(queries)
            assert status == 200, (url, status)
            timings = []
            for _ in range(runs):
                start = time.perf_counter()
                client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
            timings.sort()
            rows.append(
                (
                    name,
                    count,
                    query_count,
                    statistics.median(timings),
                    timings[int(len(timings) * 0.95) - 1],
                )
            )
        return rows
