"""Benchmark sending l'infolettre to 3,000 readers on PostgreSQL, and write the figures to
docs/performance.md.

In a throwaway database (``apq_bench_newsletter``) it seeds the reference lists and the
demo articles, subscribes N readers (half French, half English) and composes an issue of
two sections. Then, each step timed: the send is started (the audience counted and one
delivery written per reader: what staff wait for after "Send"); one worker hands the
deliveries to the outbox, rendering each reader's email; real ``db_worker`` processes send
the outbox through Django's dummy mail backend (no network), one worker then two.
Meanwhile an admin page is timed against the same page with no send running.
"""

import io
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

MARKERS = ("<!-- bench_newsletter:start -->", "<!-- bench_newsletter:end -->")
DATABASE = "apq_bench_newsletter"


class Command(BaseCommand):
    help = "Time a 3,000-recipient newsletter: enqueue, render, send (PostgreSQL, db_worker)."

    def add_arguments(self, parser):
        parser.add_argument("--recipients", type=int, default=3000)
        parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
        parser.add_argument("--step", help="run one step in this process (internal)")
        parser.add_argument("--keep", action="store_true", help="keep the database")

    def handle(self, *args, **options):
        if options["step"]:
            result = getattr(self, f"step_{options['step']}")(options)
            self.stdout.write("RESULT " + json.dumps(result))
            return
        env = self._prepare(options)
        figures = {"recipients": options["recipients"]}
        figures.update(self._run("seed", env, options))
        figures.update(self._run("enqueue", env, options))
        figures.update(self._run("render", env, options))
        for workers in (1, 2):
            self._run("reset_outbox", env, options)
            figures[f"send_{workers}"] = self._send(env, workers, figures["recipients"])
        figures.update(self._run("admin", env, options))
        if not options["keep"]:
            self._psql(options, f"DROP DATABASE IF EXISTS {DATABASE}")
        self._report(figures)

    # --- the steps, each in its own process on the bench database ------------------------

    def step_seed(self, options) -> dict:
        from django.core.management import call_command
        from django.utils import timezone

        from members.models import User
        from news import demo
        from news.models import Article, Newsletter, Section, Subscriber

        call_command("seed_reference", stdout=io.StringIO())
        author = User.objects.create_user(email="bench@alliance.example", password="x")
        demo.build_demo(author=author, stdout=io.StringIO())
        n = options["recipients"]
        Subscriber.objects.bulk_create(
            Subscriber(
                email=f"lecteur{i}@exemple.qc.ca",
                language="fr" if i % 2 else "en",
                status=Subscriber.Status.SUBSCRIBED,
                source=Subscriber.Source.PAGE,
                consent_text="J’accepte de recevoir l’infolettre.",
                consented_at=timezone.now(),
            )
            for i in range(n)
        )
        newsletter = Newsletter.objects.create(
            subject_fr="L’infolettre de décembre",
            subject_en="The December newsletter",
            introduction_fr="Bonjour,\n\nVoici les nouvelles du mois.",
            introduction_en="Hello,\n\nHere is the month's news.",
        )
        articles = list(Article.objects.published()[:6])
        for position, part in enumerate((articles[:3], articles[3:])):
            section = Section.objects.create(
                newsletter=newsletter, position=position, heading_fr=f"Rubrique {position}"
            )
            section.articles.set(part)
        return {"articles": len(articles)}

    def step_enqueue(self, options) -> dict:
        from news.models import Newsletter
        from news.services import newsletters

        newsletters._start_worker = lambda newsletter_id: None  # the render step is the worker
        newsletter = Newsletter.objects.get()
        started = time.perf_counter()
        count = newsletters.newsletter_send(newsletter=newsletter, by=None, expected=None)
        return {"enqueue_s": time.perf_counter() - started, "deliveries": count}

    def step_render(self, options) -> dict:
        from news.models import Newsletter
        from news.services import newsletters

        newsletter = Newsletter.objects.get()
        started = time.perf_counter()
        handed = newsletters.newsletter_deliver(newsletter_id=newsletter.pk)
        elapsed = time.perf_counter() - started
        return {
            "render_s": elapsed,
            "render_per_s": handed / elapsed,
            "render_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }

    def step_reset_outbox(self, options) -> dict:
        """The outbox as the render step leaves it, written again (a sent email keeps no
        message): each send run starts from the same 3,000 waiting emails."""
        from django_tasks_db.models import DBTaskResult

        from alliance.models import OutgoingEmail
        from news.models import Delivery, Newsletter
        from news.services import newsletters

        Delivery.objects.update(handed_at=None, email=None)
        OutgoingEmail.objects.all().delete()
        DBTaskResult.objects.all().delete()
        Newsletter.objects.update(status=Newsletter.Status.SENDING)
        newsletters.newsletter_deliver(newsletter_id=Newsletter.objects.get().pk)
        return {}

    def step_admin(self, options) -> dict:
        """An admin list, timed idle: the figure the send-time figure is compared with."""
        return {"admin_idle_ms": _time_admin(20)}

    # --- helpers --------------------------------------------------------------------------

    def _send(self, env: dict, workers: int, total: int) -> dict:
        """Start ``workers`` db_worker processes, wait until every email is sent, and time
        the admin meanwhile."""
        command = [
            sys.executable,
            "manage.py",
            "db_worker",
            "--queue-name",
            "*",
            "--interval",
            "0.1",
        ]
        processes = [
            subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(workers)
        ]
        started = time.perf_counter()
        admin_ms = None
        try:
            while (sent := self._sent(env)) < total:
                if admin_ms is None and sent > 0:
                    admin_ms = self._run("admin_busy", env, {})["admin_busy_ms"]
                time.sleep(0.2)
        finally:
            peak = []
            for process in processes:
                peak.append(_rss_mb(process.pid))
                process.terminate()
                process.wait(timeout=30)
        elapsed = time.perf_counter() - started
        return {
            "seconds": elapsed,
            "per_s": total / elapsed,
            "per_s_per_worker": total / elapsed / workers,
            "worker_rss_mb": max(peak),
            "admin_busy_ms": admin_ms,
        }

    def _sent(self, env: dict) -> int:
        # psql, not a Django process: polling must not take the workers' CPU.
        sql = "SELECT count(*) FROM alliance_outgoingemail WHERE status = 'sent'"
        output = subprocess.run(
            ["psql", env["DATABASE_URL"], "-tAc", sql], check=True, capture_output=True, text=True
        )
        return int(output.stdout.strip())

    def step_admin_busy(self, options) -> dict:
        return {"admin_busy_ms": _time_admin(10)}

    def _run(self, step: str, env: dict, options: dict) -> dict:
        argv = [sys.executable, "manage.py", "bench_newsletter", "--step", step]
        if "recipients" in options:
            argv += ["--recipients", str(options["recipients"])]
        done = subprocess.run(argv, env=env, capture_output=True, text=True)
        if done.returncode:
            raise CommandError(f"Step {step} failed:\n{done.stderr[-3000:]}")
        output = done.stdout
        return json.loads(re.search(r"^RESULT (.*)$", output, re.M).group(1))

    def _prepare(self, options) -> dict:
        self.stdout.write(f"Preparing {DATABASE}…")
        self._psql(options, f"DROP DATABASE IF EXISTS {DATABASE}")
        self._psql(options, f"CREATE DATABASE {DATABASE}")
        env = {
            **os.environ,
            "DATABASE_URL": f"{options['server']}/{DATABASE}",
            "DJANGO_SETTINGS_MODULE": "alliance.settings.dev",
            "DJANGO_DEBUG": "0",
            "DJANGO_MEDIA_ROOT": f"/tmp/{DATABASE}-media",
            "DJANGO_STATIC_ROOT": f"/tmp/{DATABASE}-static",
            "EMAIL_URL": "dummymail://",
            "TASKS_BACKEND": "database",
            "NEWSLETTER_PER_MINUTE": "1000000000",
            "DJANGO_ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
        }
        env.pop("REDIS_URL", None)
        for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run([sys.executable, "manage.py", *command], env=env, check=True)
        return env

    def _psql(self, options, sql: str) -> None:
        subprocess.run(
            ["psql", f"{options['server']}/postgres", "-q", "-c", sql],
            check=True,
            capture_output=True,
        )

    def _report(self, f: dict) -> None:
        one, two = f["send_1"], f["send_2"]
        busy = max(filter(None, [one["admin_busy_ms"], two["admin_busy_ms"]]), default=0)
        lines = [
            MARKERS[0],
            f"Measured {time.strftime('%Y-%m-%d')} by `make bench-newsletter` on this "
            f"machine ({os.cpu_count()} cores), PostgreSQL, the database task backend, "
            "Django's dummy mail backend (no network: the mail server's own speed is not in "
            f"these figures). {f['recipients']:,} subscribers, half French and half English; "
            f"an issue of two sections and {f['articles']} articles (most with a cover).",
            "",
            "| Step | Figure |",
            "| --- | --- |",
            f"| Start the send (count the audience, write {f['deliveries']:,} deliveries, "
            f"render the issue in each language): what staff wait for after “Send” | {f['enqueue_s']:.2f} s |",
            f"| Hand the deliveries to the outbox (each reader's message, with their own unsubscribe link), one worker "
            f"| {f['render_s']:.1f} s ({f['render_per_s']:.0f} emails/s), "
            f"peak memory {f['render_rss_mb']:.0f} MB |",
            f"| Send the outbox, 1 `db_worker` | {one['seconds']:.1f} s "
            f"({one['per_s_per_worker']:.0f} emails/s per worker), "
            f"peak memory {one['worker_rss_mb']:.0f} MB |",
            f"| Send the outbox, 2 `db_worker` | {two['seconds']:.1f} s "
            f"({two['per_s']:.0f} emails/s, {two['per_s_per_worker']:.0f} per worker), "
            f"peak memory {two['worker_rss_mb']:.0f} MB each |",
            f"| An admin list (`/admin/news/newsletter/`), median: idle / while a send runs "
            f"| {f['admin_idle_ms']:.0f} ms / {busy:.0f} ms "
            f"(× {busy / f['admin_idle_ms']:.2f}) |",
            "",
            "At the default throttle (`NEWSLETTER_PER_MINUTE=300`) the outbox hands the "
            f"mail server {f['recipients']:,} emails in "
            f"{f['recipients'] / 300:.0f} minutes; the figures above lift the throttle to "
            "measure the worker itself.",
            MARKERS[1],
        ]
        block = "\n".join(lines)
        path = Path(settings.BASE_DIR) / "docs" / "performance.md"
        text = path.read_text()
        if MARKERS[0] in text:
            start, end = text.index(MARKERS[0]), text.index(MARKERS[1]) + len(MARKERS[1])
            text = text[:start] + block + text[end:]
        else:
            text += "\n## L'infolettre: 3,000 recipients\n\n" + block + "\n"
        path.write_text(text)
        self.stdout.write(block)


def _time_admin(n: int) -> float:
    """Median milliseconds of a staff member's admin list, in this process."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.test import Client

    from members.models import User
    from members.testing import log_in

    staff, created = User.objects.get_or_create(
        email="bench-staff@alliance.example", defaults={"is_staff": True, "is_superuser": True}
    )
    if created:  # staff act as staff only past their second factor
        TOTP.activate(staff, generate_totp_secret())
    client = log_in(Client(), staff)
    client.get("/admin/news/newsletter/")
    times = []
    for _ in range(n):
        started = time.perf_counter()
        response = client.get("/admin/news/newsletter/")
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(times)


def _rss_mb(pid: int) -> float:
    """The peak resident memory of a running process (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0
