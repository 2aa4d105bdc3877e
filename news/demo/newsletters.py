"""The newsletter part of ``manage.py seed_demo``: three past issues of l'infolettre in
the archive (newsletters.yaml) and fictitious subscribers with their recorded consent."""

import datetime as dt
from pathlib import Path

from django.utils import timezone, translation

from alliance.datafiles import load_yaml
from members.models import Company, Person, User
from news.models import Article, Delivery, Newsletter, Section, Subscriber
from news.services.subscriptions import consent_text

ISSUES_FILE = Path(__file__).with_name("newsletters.yaml")
SUBSCRIBERS = 40
MEMBER_SUBSCRIBERS = 150


def build_demo_newsletters(*, author: User, stdout) -> int:
    """Add the demo issues and subscribers, once; return how many issues were added. Some
    people of member companies subscribed from the member area, so that the member
    audiences count someone."""
    if Newsletter.objects.exists():
        return 0
    now = timezone.now()
    issues = load_yaml(ISSUES_FILE)
    for number, item in enumerate(issues):
        sent_at = now - dt.timedelta(days=7 + 30 * (len(issues) - 1 - number))
        newsletter = Newsletter.objects.create(
            **{key: value for key, value in item.items() if key != "sections"},
            status=Newsletter.Status.SENT,
            started_at=sent_at,
            sent_at=sent_at,
            created_by=author,
        )
        earlier = Article.objects.published().filter(publish_at__lt=sent_at).order_by("-publish_at")
        taken = 0
        for position, part in enumerate(item["sections"]):
            section = Section.objects.create(
                newsletter=newsletter,
                position=position,
                heading_fr=part["heading_fr"],
                heading_en=part["heading_en"],
            )
            if "slugs" in part:
                section.articles.set(Article.objects.filter(slug_fr__in=part["slugs"]))
                continue
            chosen = earlier.exclude(slug_fr__in=_named(item))[taken : taken + part["articles"]]
            section.articles.set(chosen)
            taken += part["articles"]
    consent = {}
    for language in ("fr", "en"):
        with translation.override(language):
            consent[language] = consent_text()
    people = [
        Subscriber(
            email=f"abonne{n}@exemple.qc.ca",
            language="en" if n % 4 == 3 else "fr",
            status=Subscriber.Status.UNSUBSCRIBED if n % 13 == 12 else Subscriber.Status.SUBSCRIBED,
            source=Subscriber.Source.FOOTER if n % 3 else Subscriber.Source.PAGE,
            consent_text=consent["en" if n % 4 == 3 else "fr"],
            consent_requested_at=now - dt.timedelta(days=200 - 4 * n),
            consented_at=now - dt.timedelta(days=200 - 4 * n, minutes=-7),
        )
        for n in range(SUBSCRIBERS)
    ]
    members = Person.objects.filter(company__in=Company.objects.in_good_standing())
    seen = {subscriber.email for subscriber in people}
    for person in members.order_by("pk")[:MEMBER_SUBSCRIBERS]:
        if person.email.lower() in seen:
            continue
        seen.add(person.email.lower())
        people.append(
            Subscriber(
                email=person.email,
                language=person.language,
                status=Subscriber.Status.SUBSCRIBED,
                source=Subscriber.Source.MEMBER_AREA,
                consent_text=consent[person.language],
                consent_requested_at=now - dt.timedelta(days=30),
                consented_at=now - dt.timedelta(days=30),
            )
        )
    Subscriber.objects.bulk_create(people)
    # Each past issue went to everyone subscribed then (here: now), and was delivered.
    readers = list(Subscriber.objects.subscribed().values_list("pk", "language"))
    for newsletter in Newsletter.objects.all():
        Delivery.objects.bulk_create(
            Delivery(
                newsletter=newsletter,
                subscriber_id=pk,
                language=language,
                handed_at=newsletter.started_at,
            )
            for pk, language in readers
        )
    Newsletter.objects.update(recipient_count=len(readers))
    stdout.write(f"  created  {len(issues)} newsletter issues and {len(people)} subscribers\n")
    return len(issues)


def _named(issue: dict) -> list[str]:
    return [slug for part in issue["sections"] for slug in part.get("slugs", [])]
