from django.conf import settings
from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from alliance.i18n import language_links_for
from news.forms import NewsSearchForm
from news.models import Article, Category


def _page(request: HttpRequest, articles) -> Page:
    try:
        return Paginator(articles, settings.NEWS_PAGE_SIZE).page(request.GET.get("page") or 1)
    except InvalidPage as exc:
        raise Http404(str(exc)) from exc


def _redirect_to_translated(request: HttpRequest, obj) -> HttpResponse:
    """A slug of another language: send the visitor to this language's address, 301."""
    url = obj.get_absolute_url()
    if query := request.META.get("QUERY_STRING"):
        url = f"{url}?{query}"
    return redirect(url, permanent=True)


@require_safe
def article_list(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    articles = Article.objects.published().for_cards()
    category = None
    if slug is not None:
        category = Category.objects.find_by_slug(slug)
        if category is None:
            raise Http404
        if category.slug != slug:
            return _redirect_to_translated(request, category)
        articles = articles.filter(category=category)
    form = NewsSearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    if query:
        articles = articles.search(query, user=request.user)
    page = _page(request, articles)
    context = {
        "page_obj": page,
        "categories": Category.objects.all(),
        "category": category,
        "form": form,
        "query": query,
        "canonical_path": request.path + (f"?page={page.number}" if page.number > 1 else ""),
    }
    if category is not None:
        context["language_links"] = language_links_for(request, category)
    return render(request, "news/article_list.html", context)


@require_safe
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = Article.objects.visible_to(request.user).select_related("category")
    article = article.find_by_slug(slug)
    if article is None:
        raise Http404
    if article.slug != slug:
        return _redirect_to_translated(request, article)

    published = Article.objects.published().for_cards()
    context = {
        "article": article,
        "show_body": article.body_visible_to(request.user),
        "language_links": language_links_for(request, article),
        "related": published.related_to(article)[:3],
    }
    if article.is_live:
        context["previous"] = published.before(article).first()
        context["next"] = published.after(article).first()
    return render(request, "news/article_detail.html", context)
