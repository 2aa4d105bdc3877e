from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill, ResizeToFit

from alliance.fields import RichTextField, SafeImageField
from members.access import can_read_members_content


class Category(models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news:category", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> "ArticleQuerySet":
        """Published and due: a future publish date keeps an article scheduled, not shown."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=timezone.now())

    def for_cards(self) -> "ArticleQuerySet":
        return self.select_related("category").defer(
            *(f"body_{lang}" for lang, _name in settings.LANGUAGES)
        )

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

    def missing_english(self) -> "ArticleQuerySet":
        missing = Q()
        for field in ("title", "summary", "body"):
            missing |= Q(**{f"{field}_en": ""}) | Q(**{f"{field}_en__isnull": True})
        return self.filter(missing)


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The end of the article's address, e.g. “new-name”."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences, shown in lists, feeds and social media shares."),
    )
    body = RichTextField(_("text"))
    cover = SafeImageField(
        _("cover image"),
        upload_to="news/covers/%Y/",
        blank=True,
        help_text=_("JPEG, PNG or WebP, 10 MB at most."),
    )
    cover_alt = models.CharField(
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
        processors=[ResizeToFit(1280, 1280, upscale=False)],
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
        default=timezone.now,
        help_text=_("A future date schedules the article: it will appear by itself at that time."),
    )
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Pinned at the top of the home page."),
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

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-publish_at", "-pk"]
        indexes = [models.Index(fields=["status", "publish_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:article-detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.cover and not self.cover_alt_fr:
            raise ValidationError(
                {"cover_alt_fr": _("Describe the image for people who cannot see it.")}
            )

    @property
    def is_members_only(self) -> bool:
        return self.visibility == self.Visibility.MEMBERS

    @property
    def is_live(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()

    def body_visible_to(self, user) -> bool:
        return not self.is_members_only or can_read_members_content(user or AnonymousUser())
