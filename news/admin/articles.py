from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from reversion.admin import VersionAdmin

from alliance.admin_base import (
    FrenchFirstAdmin,
    KeepRecordsAdmin,
    LookupFilter,
    badge,
    message_count,
)
from news import services
from news.models import Article, Category


class EnglishFilter(LookupFilter):
    title = _("English version")
    parameter_name = "english"
    options = {
        "missing": (_("English missing"), lambda articles: articles.filter(english_complete=False)),
        "complete": (
            _("English complete"),
            lambda articles: articles.filter(english_complete=True),
        ),
    }


@admin.register(Category)
class CategoryAdmin(FrenchFirstAdmin, KeepRecordsAdmin):
    deletion_advice = _("Move its articles to another category first.")
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name_fr", "name_en")


@admin.register(Article)
class ArticleAdmin(FrenchFirstAdmin, KeepRecordsAdmin, VersionAdmin):
    list_display = (
        "title",
        "category",
        "status_label",
        "publish_at",
        "visibility",
        "featured",
        "english_label",
    )
    list_display_links = ("title",)
    list_filter = ("status", "category", "visibility", EnglishFilter, "featured")
    list_select_related = ("category",)
    search_fields = ("title_fr", "title_en", "summary_fr", "summary_en")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "publish_at"
    actions = ("publish", "unpublish")
    readonly_fields = ("author", "created_at", "updated_at", "cover_preview")
    autocomplete_fields = ("committees",)
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body")}),
        (_("Cover image"), {"fields": ("cover", "cover_preview", "cover_alt")}),
        (
            _("Publication"),
            {
                "fields": (
                    "category",
                    "status",
                    "publish_at",
                    "visibility",
                    "featured",
                    "committees",
                ),
            },
        ),
        (_("History"), {"fields": ("author", "created_at", "updated_at")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return super().get_queryset(request).with_english_status()

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj: Article) -> str:
        if obj.status == Article.Status.DRAFT:
            return badge("draft", _("Draft"))
        if obj.is_live:
            return badge("live", _("Published"))
        return badge("scheduled", _("Scheduled"))

    @admin.display(description=_("English"), boolean=True, ordering="english_complete")
    def english_label(self, obj: Article) -> bool:
        return obj.english_complete

    @admin.display(description=_("preview"))
    def cover_preview(self, obj: Article) -> str:
        # An upload that failed validation is not stored: there is nothing to preview.
        if not obj.cover or not obj.cover._committed:
            return "—"
        return format_html('<img src="{}" alt="" width="320">', obj.cover_list.url)

    @admin.action(description=_("Publish the selected articles"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        count = services.article_publish(articles=queryset, by=request.user)
        message_count(
            self,
            request,
            ngettext_lazy("%(count)d article published.", "%(count)d articles published.", "count"),
            count,
        )

    @admin.action(description=_("Unpublish the selected articles"))
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        count = services.article_unpublish(articles=queryset, by=request.user)
        message_count(
            self,
            request,
            ngettext_lazy(
                "%(count)d article returned to draft.",
                "%(count)d articles returned to draft.",
                "count",
            ),
            count,
        )
