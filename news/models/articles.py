from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_cleanup import cleanup
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill

from alliance.fields import RichTextField, SafeImageField, SingleLineField
from alliance.i18n import TranslatedPage, TranslatedSlugQuerySet, unique_slug_constraints
from members.access import can_read_members_content, reads_everything

RESERVED_SLUGS = {"rss", "atom"}  # taken by the feeds under the news address


def validate_not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is reserved for the news feeds; choose another."),
            code="reserved",
            params={"slug": value},
        )


class Category(TranslatedPage):
    name = SingleLineField(_("name"), max_length=80)
    # Unique per language through the constraints below, not on the untranslated column
    # modeltranslation keeps, whose value depends on the language active when saving.
    slug = models.SlugField(_("slug"), max_length=80, db_index=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = TranslatedSlugQuerySet.as_manager()
    translation_complete_fields = ("name",)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "name"]
        constraints = unique_slug_constraints("news_category")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news:category", kwargs={"slug": self.slug})


ENGLISH_FIELDS = ("title", "summary", "body")


class ArticleQuerySet(TranslatedSlugQuerySet):
    def published(self) -> "ArticleQuerySet":
        """Published and due: a future publish date keeps an article scheduled, not shown."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=timezone.now())

    def visible_to(self, user) -> "ArticleQuerySet":
        """What a person may open: the published articles, and for staff every draft and
        scheduled article too, so they can preview it on the site."""
        return self if reads_everything(user) else self.published()

    def for_cards(self) -> "ArticleQuerySet":
        bodies = ["body", *(f"body_{lang}" for lang, _name in settings.LANGUAGES)]
        return self.select_related("category").defer(*bodies)

    def before(self, article: "Article") -> "ArticleQuerySet":
        return self.filter(
            Q(publish_at__lt=article.publish_at)
            | Q(publish_at=article.publish_at, pk__lt=article.pk)
        ).order_by("-publish_at", "-pk")

    def after(self, article: "Article") -> "ArticleQuerySet":
        return self.filter(
            Q(publish_at__gt=article.publish_at)
            | Q(publish_at=article.publish_at, pk__gt=article.pk)
        ).order_by("publish_at", "pk")

    def related_to(self, article: "Article") -> "ArticleQuerySet":
        return self.filter(category=article.category_id).exclude(pk=article.pk)

    def search(self, query: str, *, user) -> "ArticleQuerySet":
        """Match the words of a query in both languages.

        The body of a members-only article is searched only for someone allowed to read it;
        otherwise a search would reveal what the body says.
        """
        articles = self
        for word in query.split()[:8]:
            in_teaser = Q()
            in_body = Q()
            for lang, _name in settings.LANGUAGES:
                in_teaser |= Q(**{f"title_{lang}__icontains": word})
                in_teaser |= Q(**{f"summary_{lang}__icontains": word})
                in_body |= Q(**{f"body_{lang}__icontains": word})
            if not can_read_members_content(user):
                in_body &= Q(visibility=Article.Visibility.PUBLIC)
            articles = articles.filter(in_teaser | in_body)
        return articles

    def with_english_status(self) -> "ArticleQuerySet":
        """Annotate ``english_complete``: title, summary and text all exist in English."""
        missing = Q()
        for field in ENGLISH_FIELDS:
            missing |= Q(**{f"{field}_en": ""}) | Q(**{f"{field}_en__isnull": True})
        return self.annotate(
            english_complete=Case(
                When(missing, then=False), default=True, output_field=models.BooleanField()
            )
        )


# django-cleanup leaves an article's covers alone: the history may bring back a deleted
# article or an older cover, and must find the file. Covers are not personal data.
@cleanup.ignore
class Article(TranslatedPage):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    title = SingleLineField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        db_index=False,  # the per-language columns carry the unique indexes
        validators=[validate_not_reserved],
        help_text=_("The end of the article's address, e.g. “new-name”."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences, shown in lists, feeds and social media shares."),
    )
    body = RichTextField(_("text"), max_length=100_000)
    cover = SafeImageField(
        _("cover image"),
        upload_to="news/covers/%Y/",
        blank=True,
        help_text=_("JPEG, PNG or WebP, 10 MB at most."),
    )
    cover_alt = SingleLineField(
        _("image alternative text"),
        max_length=250,
        blank=True,
        help_text=_(
            "Describes the image for people who cannot see it. Required when there is an image."
        ),
    )
    cover_list = ImageSpecField(
        source="cover",
        processors=[ResizeToFill(640, 360)],
        format="JPEG",
        options={"quality": 80},
    )
    cover_detail = ImageSpecField(
        source="cover",
        processors=[ResizeToFill(1280, 720)],
        format="JPEG",
        options={"quality": 85},
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="articles", verbose_name=_("category")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("author"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_(
            "Left empty, it is set when the article is published. A future date schedules "
            "the article: it will appear by itself at that time."
        ),
    )
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Pinned at the top of the home page."),
    )
    committees = models.ManyToManyField(
        "members.Committee",
        blank=True,
        related_name="articles",
        verbose_name=_("committees"),
        help_text=_("The article shows on these committees' pages."),
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text=_(
            "Visitors see the title and summary of a members-only article, never its text."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()
    translation_complete_fields = ENGLISH_FIELDS

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        # Drafts not yet dated come first in the admin, then the newest.
        ordering = [models.F("publish_at").desc(nulls_first=True), "-pk"]
        indexes = [models.Index(fields=["status", "publish_at"])]
        constraints = unique_slug_constraints("news_article")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:article-detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if self.cover and not self.cover_alt_fr:
            raise ValidationError(
                {"cover_alt_fr": _("Describe the image for people who cannot see it.")}
            )

    def save(self, *args, **kwargs) -> None:
        # A published article always has a date: the moment it was published, unless staff
        # chose one. Republishing keeps it, so an old article never jumps to the top.
        if self.status == self.Status.PUBLISHED and self.publish_at is None:
            self.publish_at = timezone.now()
            if update_fields := kwargs.get("update_fields"):
                kwargs["update_fields"] = {*update_fields, "publish_at"}
        super().save(*args, **kwargs)

    @property
    def is_members_only(self) -> bool:
        return self.visibility == self.Visibility.MEMBERS

    @property
    def is_live(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    def body_visible_to(self, user) -> bool:
        return not self.is_members_only or can_read_members_content(user)
