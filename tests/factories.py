import datetime as dt
import io
import time

import factory
from allauth.account.internal.flows.login import record_authentication
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.utils import timezone
from factory.django import DjangoModelFactory
from PIL import Image

from alliance.models import KeyFigure, Page
from members.models import (
    Application,
    Committee,
    Company,
    Document,
    Meeting,
    Membership,
    MembershipCategory,
    Process,
    Representative,
    Seat,
    Sector,
    StrategicAxis,
    User,
)
from news.models import Article, Category

PASSWORD = "Un-mot-de-passe-solide-42"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # base32, as an authenticator app reads it


class UserFactory(DjangoModelFactory):
    email = factory.Sequence(lambda n: f"personne{n}@exemple.qc.ca")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Tremblay{n}")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        """People log in with an address they have verified (invitations verify it)."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class StaffFactory(UserFactory):
    """Staff with an authenticator app set up (the admin requires one); pass
    ``second_factor=False`` for staff who have not set it up yet."""

    is_staff = True
    is_superuser = True

    @factory.post_generation
    def second_factor(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            TOTP.activate(obj, TOTP_SECRET)


def totp_code(secret: str = TOTP_SECRET) -> str:
    """The code an authenticator app set up with ``secret`` shows right now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def log_in(client: Client, user: User) -> Client:
    """Log ``user`` in as the login page does: with their second factor if they have one.
    ``force_login`` alone leaves no trace of it in the session, and staff whose session did
    not pass their second factor act as anyone else (members.access.acts_as_staff)."""
    client.force_login(user)
    session = client.session
    request = RequestFactory().get("/")
    request.session, request.user = session, user
    record_authentication(request, user, method="password")
    if second_factor := user.authenticator_set.exclude(type="recovery_codes").first():
        record_authentication(
            request, user, method="mfa", id=second_factor.pk, type=second_factor.type
        )
    session.save()
    return client


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category

    name_fr = factory.Sequence(lambda n: f"Catégorie {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")
    slug_fr = factory.Sequence(lambda n: f"categorie-{n}")
    slug_en = factory.Sequence(lambda n: f"category-{n}")


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article

    title_fr = factory.Sequence(lambda n: f"Nouvelle numéro {n}")
    title_en = factory.Sequence(lambda n: f"News item number {n}")
    slug_fr = factory.Sequence(lambda n: f"nouvelle-{n}")
    slug_en = factory.Sequence(lambda n: f"news-item-{n}")
    summary_fr = "Un résumé en français."
    summary_en = "A summary in English."
    body_fr = "<p>Le texte complet en français.</p>"
    body_en = "<p>The full text in English.</p>"
    category = factory.SubFactory(CategoryFactory)
    status = Article.Status.PUBLISHED
    publish_at = factory.Sequence(lambda n: timezone.now() - dt.timedelta(days=1, minutes=n))

    class Params:
        members_only = factory.Trait(visibility=Article.Visibility.MEMBERS)
        draft = factory.Trait(status=Article.Status.DRAFT)
        french_only = factory.Trait(title_en="", slug_en=None, summary_en="", body_en="")


class PageFactory(DjangoModelFactory):
    class Meta:
        model = Page
        django_get_or_create = ("key",)

    key = Page.Key.ABOUT
    title_fr = "À propos"
    title_en = "About"
    body_fr = "<p>L'histoire de l'Alliance.</p>"
    body_en = "<p>The story of the Alliance.</p>"


class KeyFigureFactory(DjangoModelFactory):
    class Meta:
        model = KeyFigure

    value_fr = "22 000"
    value_en = "22,000"
    label_fr = "emplois"
    label_en = "jobs"


def image_upload(
    name: str = "couverture.png", size=(800, 450), fmt: str = "PNG", color=(11, 79, 108)
) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


class SectorFactory(DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"secteur-{n}")
    name_fr = factory.Sequence(lambda n: f"Secteur {n}")
    name_en = factory.Sequence(lambda n: f"Sector {n}")


class ProcessFactory(SectorFactory):
    class Meta:
        model = Process
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"procede-{n}")
    name_fr = factory.Sequence(lambda n: f"Procédé {n}")
    name_en = factory.Sequence(lambda n: f"Process {n}")


class MembershipCategoryFactory(DjangoModelFactory):
    class Meta:
        model = MembershipCategory
        django_get_or_create = ("name_fr",)

    name_fr = "Membre manufacturier"
    name_en = "Manufacturer member"
    annual_fee = "850.00"


class CompanyFactory(DjangoModelFactory):
    """A company with a membership period running today (active) unless told otherwise:
    ``period=False`` for none, or ``period=(start, end)``."""

    class Meta:
        model = Company
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Plastiques Exemple {n} inc.")
    city = "Lévis"
    region = "12"
    postal_code = "G6V 6Z3"
    description_fr = "Transformation de matières plastiques."
    description_en = "Plastics processing."

    @factory.post_generation
    def period(obj, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        today = timezone.localdate()
        start, end = extracted or (today - dt.timedelta(days=100), today + dt.timedelta(days=265))
        MembershipFactory(company=obj, start=start, end=end)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    company = factory.SubFactory(CompanyFactory, period=False)
    category = factory.SubFactory(MembershipCategoryFactory)
    start = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=100))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(days=364))
    fee = "850.00"


class RepresentativeFactory(DjangoModelFactory):
    class Meta:
        model = Representative

    company = factory.SubFactory(CompanyFactory)
    first_name = "Dominique"
    last_name = factory.Sequence(lambda n: f"Gagnon{n}")
    email = factory.Sequence(lambda n: f"dominique{n}@exemple.qc.ca")
    role = Representative.Role.ADMIN


class ApplicationFactory(DjangoModelFactory):
    class Meta:
        model = Application

    company_name = factory.Sequence(lambda n: f"Candidate {n} inc.")
    street_address = "100, rue des Essais"
    city = "Lévis"
    postal_code = "G6V 6Z3"
    description = "Extrusion de profilés."
    category = factory.SubFactory(MembershipCategoryFactory)
    first_name = "Sam"
    last_name = "Bélanger"
    email = factory.Sequence(lambda n: f"candidat{n}@exemple.qc.ca")
    consented_at = factory.LazyFunction(timezone.now)


class CommitteeFactory(DjangoModelFactory):
    class Meta:
        model = Committee

    name_fr = factory.Sequence(lambda n: f"Comité {n}")
    name_en = factory.Sequence(lambda n: f"Committee {n}")
    slug = factory.Sequence(lambda n: f"comite-{n}")
    axis = StrategicAxis.SALES
    mandate_fr = "Faire croître les ventes des membres."
    mandate_en = "Grow the members' sales."


class SeatFactory(DjangoModelFactory):
    """A member's seat, running from today with no end, held by an administrator of an
    active company unless told otherwise."""

    class Meta:
        model = Seat

    committee = factory.SubFactory(CommitteeFactory)
    person = factory.SubFactory(RepresentativeFactory)
    role = Seat.Role.MEMBER


class MeetingFactory(DjangoModelFactory):
    """A planned meeting in ten days."""

    class Meta:
        model = Meeting

    committee = factory.SubFactory(CommitteeFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=10))
    agenda_fr = "<p>Ordre du jour de la rencontre</p>"


class DocumentFactory(DjangoModelFactory):
    """A committee-only PDF (``access`` to change it), stored in the private storage."""

    class Meta:
        model = Document

    committee = factory.SubFactory(CommitteeFactory)
    title_fr = factory.Sequence(lambda n: f"Procès-verbal {n}")
    access = Document.Access.COMMITTEE
    file = factory.django.FileField(filename="document.pdf", data=b"%PDF-1.4 document")
