from django.core.paginator import InvalidPage, Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language

from alliance.i18n import language_links, urls_by_language
from news.models import Article, Category

PAGE_SIZE = 12


def _page(request: HttpRequest, articles) -> "Paginator.page":
    try:
        return Paginator(articles, PAGE_SIZE).page(request.GET.get("page") or 1)
    except InvalidPage as exc:
        raise Http404(str(exc)) from exc


def article_list(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    articles = Article.objects.published().for_cards()
    category = None
    if slug is not None:
        category = _by_translated_slug(Category.objects.all(), slug)
        if category.slug != slug:
            return redirect(category, permanent=True)
        articles = articles.filter(category=category)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        articles = articles.search(query, user=request.user)
    context = {
        "page_obj": _page(request, articles),
        "categories": Category.objects.all(),
        "category": category,
        "query": query,
    }
    if category is not None:
        context["language_links"] = language_links(
            request, urls_by_language(category.get_absolute_url)
        )
    return render(request, "news/article_list.html", context)


def _by_translated_slug(queryset, slug: str):
    """Find an object by its slug in the current language or in French.

    English slugs fall back to the French one, so a French slug can arrive on an English URL.
    """
    lang = get_language()
    return get_object_or_404(queryset, Q(**{f"slug_{lang}": slug}) | Q(slug_fr=slug))


def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    articles = Article.objects.select_related("category", "author")
    if not request.user.is_staff:
        articles = articles.published()
    article = _by_translated_slug(articles, slug)
    if article.slug != slug:
        return redirect(article, permanent=True)

    published = Article.objects.published().for_cards()
    context = {
        "article": article,
        "show_body": article.body_visible_to(request.user),
        "language_links": language_links(request, urls_by_language(article.get_absolute_url)),
        "related": published.filter(category=article.category_id).exclude(pk=article.pk)[:3],
    }
    if article.is_live:
        context["previous"] = published.filter(
            Q(publish_at__lt=article.publish_at)
            | Q(publish_at=article.publish_at, pk__lt=article.pk)
        ).first()
        context["next"] = (
            published.filter(
                Q(publish_at__gt=article.publish_at)
                | Q(publish_at=article.publish_at, pk__gt=article.pk)
            )
            .order_by("publish_at", "pk")
            .first()
        )
    return render(request, "news/article_detail.html", context)
