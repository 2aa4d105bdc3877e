"""Benchmark the members directory on PostgreSQL, under gunicorn, at 600 and 60,000
companies, and write the figures to docs/performance.md.

For each size it creates a throwaway database (``apq_bench_<size>``), migrates it, seeds
the reference lists and N demo companies, serves it with gunicorn (2 workers, Redis as the
cache) and times real HTTP requests: the directory unfiltered, filtered, and searched.
"Warm" is the page as visitors get it (the filter counts cached); "cold" clears the cache
before every request. Query counts are taken in-process with the same database.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

PAGES = [
    ("directory", "/fr/membres/"),
    ("filtered", "/fr/membres/?region=12&process=moulage-par-injection"),
    ("search", "/fr/membres/?q=injection"),
    ("search, typo", "/fr/membres/?q=thermoformag"),
    ("page 5", "/fr/membres/?page=5"),
]
MARKERS = ("<!-- bench_directory:start -->", "<!-- bench_directory:end -->")


class Command(BaseCommand):
    help = "Time the members directory at 600 and 60,000 companies (PostgreSQL, gunicorn)."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", nargs="+", type=int, default=[600, 60_000])
        parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
        parser.add_argument("--redis", default="redis://127.0.0.1:6379/15")
        parser.add_argument("--requests", type=int, default=30)
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument("--queries-only", action="store_true", help=argparse.SUPPRESS)
        parser.add_argument("--keep", action="store_true", help="keep the databases")

    def handle(self, *args, **options):
        if options["queries_only"]:
            self.stdout.write(json.dumps(count_queries()))
            return
        results = {}
        for size in options["sizes"]:
            env = self._prepare(size, options)
            results[size] = self._measure(env, options)
            if not options["keep"]:
                self._psql(options, f"DROP DATABASE IF EXISTS apq_bench_{size}")
        self._report(results, options)

    # --- steps -------------------------------------------------------------------------

    def _prepare(self, size: int, options) -> dict:
        name = f"apq_bench_{size}"
        self.stdout.write(f"Preparing {name}…")
        self._psql(options, f"DROP DATABASE IF EXISTS {name}")
        self._psql(options, f"CREATE DATABASE {name}")
        env = {
            **os.environ,
            "DATABASE_URL": f"{options['server']}/{name}",
            "REDIS_URL": options["redis"],
            "DJANGO_SETTINGS_MODULE": "alliance.settings.dev",
            "DJANGO_DEBUG": "0",
            "DJANGO_STATIC_ROOT": f"/tmp/{name}-static",
            "DJANGO_MEDIA_ROOT": f"/tmp/{name}-media",
        }
        manage = [sys.executable, "manage.py"]
        started = time.perf_counter()
        for command in (
            ["migrate", "-v0"],
            ["collectstatic", "--noinput", "-v0"],
            ["seed_reference"],
            ["seed_demo", "--force", "--companies", str(size)],
        ):
            subprocess.run(manage + command, env=env, check=True, capture_output=True)
        # What autovacuum does soon after a bulk load: without statistics the planner
        # guesses the share of current memberships wildly and picks slow plans.
        self._psql(options, "ANALYZE", database=name)
        self.stdout.write(f"  seeded in {time.perf_counter() - started:.0f} s")
        return env

    def _measure(self, env: dict, options) -> dict:
        port = options["port"]
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "alliance.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            env=env,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_for(base + "/healthz")
            queries = json.loads(
                subprocess.run(
                    [sys.executable, "manage.py", "bench_directory", "--queries-only"],
                    env={**env, "DJANGO_SETTINGS_MODULE": "alliance.settings.test"},
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
            )
            figures = {}
            for label, path in PAGES:
                warm = _timings(base + path, options["requests"])
                cold = _timings(
                    base + path, max(5, options["requests"] // 3), flush=options["redis"]
                )
                figures[label] = {
                    "queries": queries[label],
                    "warm_median": statistics.median(warm),
                    "warm_p95": _p95(warm),
                    "cold_median": statistics.median(cold),
                }
                self.stdout.write(f"  {label:14} {figures[label]}")
            return figures
        finally:
            server.terminate()
            server.wait(10)

    def _report(self, results: dict, options) -> None:
        sizes = sorted(results)
        lines = [
            MARKERS[0],
            "```",
            f"{'page':14} {'companies':>9} {'queries':>7} {'warm median ms':>14} "
            f"{'warm p95 ms':>11} {'cold median ms':>14}",
        ]
        for label, _path in PAGES:
            for size in sizes:
                row = results[size][label]
                lines.append(
                    f"{label:14} {size:>9} {row['queries']:>7} {row['warm_median']:>14.1f} "
                    f"{row['warm_p95']:>11.1f} {row['cold_median']:>14.1f}"
                )
        lines.append("```")
        if len(sizes) >= 2:
            small, large = sizes[0], sizes[-1]
            lines.append("")
            lines.append(f"Ratio of the median times, {large:,} vs {small:,} companies:")
            lines.append("")
            for label, _path in PAGES:
                warm = results[large][label]["warm_median"] / results[small][label]["warm_median"]
                cold = results[large][label]["cold_median"] / results[small][label]["cold_median"]
                lines.append(f"- {label}: warm ×{warm:.2f}, cold ×{cold:.2f}")
        lines.append(MARKERS[1])
        block = "\n".join(lines)
        doc = Path(settings.BASE_DIR) / "docs" / "performance.md"
        text = doc.read_text()
        pattern = re.compile(re.escape(MARKERS[0]) + ".*?" + re.escape(MARKERS[1]), re.S)
        text = (
            pattern.sub(lambda _m: block, text)
            if pattern.search(text)
            else text + "\n" + block + "\n"
        )
        doc.write_text(text)
        self.stdout.write(block)

    def _psql(self, options, sql: str, database: str = "postgres") -> None:
        subprocess.run(
            ["psql", f"{options['server']}/{database}", "-q", "-c", sql],
            check=True,
            capture_output=True,
        )


def count_queries() -> dict:
    """SQL queries per page, in-process, on the database in DATABASE_URL."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    client = Client()
    counts = {}
    for label, path in PAGES:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        counts[label] = len(queries)
    return counts


def _wait_for(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def _timings(url: str, count: int, flush: str | None = None) -> list[float]:
    import redis

    flusher = redis.Redis.from_url(flush) if flush else None
    urllib.request.urlopen(url).read()  # warm-up
    timings = []
    for _ in range(count):
        if flusher:
            flusher.flushdb()
        started = time.perf_counter()
        with urllib.request.urlopen(url) as response:
            response.read()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(len(values) * 0.95) - 1)]
