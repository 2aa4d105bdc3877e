"""L'infolettre: subscribers with their consent, and issues with their sections."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from news.models import Delivery, Newsletter, Section, Subscriber


class SubscriberFactory(DjangoModelFactory):
    """A confirmed subscriber; ``pending=True`` for one who has not clicked the link yet."""

    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"abonne{n}@exemple.qc.ca")
    language = "fr"
    status = Subscriber.Status.SUBSCRIBED
    source = Subscriber.Source.PAGE
    consent_text = "Oui, je veux recevoir l’infolettre."
    consented_at = factory.LazyFunction(timezone.now)

    class Params:
        pending = factory.Trait(status=Subscriber.Status.PENDING, consented_at=None)
        unsubscribed = factory.Trait(
            status=Subscriber.Status.UNSUBSCRIBED,
            unsubscribed_at=factory.LazyFunction(timezone.now),
        )


class NewsletterFactory(DjangoModelFactory):
    """A sent issue, in the archive; ``draft=True`` for one being written."""

    class Meta:
        model = Newsletter

    subject_fr = factory.Sequence(lambda n: f"Infolettre numéro {n}")
    subject_en = factory.Sequence(lambda n: f"Newsletter number {n}")
    preheader_fr = "Les nouvelles du mois."
    introduction_fr = "Bonjour à toutes et à tous."
    status = Newsletter.Status.SENT
    sent_at = factory.LazyFunction(timezone.now)

    class Params:
        draft = factory.Trait(status=Newsletter.Status.DRAFT, sent_at=None)


class SectionFactory(DjangoModelFactory):
    class Meta:
        model = Section
        skip_postgeneration_save = True

    newsletter = factory.SubFactory(NewsletterFactory)
    heading_fr = factory.Sequence(lambda n: f"Rubrique {n}")

    @factory.post_generation
    def articles(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.articles.set(extracted)


class DeliveryFactory(DjangoModelFactory):
    """An issue handed to the outbox for one subscriber (its email not kept)."""

    class Meta:
        model = Delivery

    newsletter = factory.SubFactory(NewsletterFactory)
    subscriber = factory.SubFactory(SubscriberFactory)
    language = factory.SelfAttribute("subscriber.language")
    handed_at = factory.LazyFunction(timezone.now)
