"""The public directory of member companies: the list with its search and facets, and a
company's page."""

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from members import directory
from members.access import reads_everything
from members.models import CLASSIFICATION_FIELDS, Company
from members.search import NamedAfterSearchFirst


@require_safe
def company_list(request: HttpRequest) -> HttpResponse:
    form = directory.DirectoryForm(request.GET)
    valid = form.is_valid()
    if not valid:
        # A stale bookmark or a mistyped address: show what the valid part finds, say
        # which part was left out, and answer 400 so it is not indexed as a page.
        form.cleaned_data = {
            name: value for name, value in form.cleaned_data.items() if name not in form.errors
        }
    query = form.cleaned_data.get("q", "").strip()
    selected = form.selected_ids()

    base = Company.objects.in_directory()
    if query:
        base = base.search(query)
    total, counts = directory.directory_counts(base, selected, query=query)
    companies = (
        directory.filter_companies(base, selected)
        .only(
            "name",
            "slug",
            "city",
            "region",
            "logo",
            f"description_{translation.get_language()}",
            "description_fr",
        )
        .prefetch_related("sectors")
    )
    results = (
        NamedAfterSearchFirst(companies, query) if query else companies.order_by("sort_name", "pk")
    )

    paginator = Paginator(results, settings.DIRECTORY_PAGE_SIZE)
    paginator.count = total  # already counted (and cached) with the filters
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage as exc:
        raise Http404(str(exc)) from exc

    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "query": query,
        "page_obj": page,
        "facets": directory.build_facets(form, selected, counts),
        "filtered": bool(query) or any(selected.values()),
        "querystring": params.urlencode(),
        "canonical_path": request.path + (f"?page={page.number}" if page.number > 1 else ""),
    }
    return render(request, "members/company_list.html", context, status=200 if valid else 400)


@require_safe
def company_detail(request: HttpRequest, slug: str) -> HttpResponse:
    companies = Company.objects.prefetch_related(*CLASSIFICATION_FIELDS.values())
    if not reads_everything(request.user):
        companies = companies.in_directory()
    company = companies.with_status().filter(slug=slug).first()
    if company is None:
        raise Http404
    return render(
        request,
        "members/company_detail.html",
        {
            "company": company,
            "people": company.people.visible_to(request.user),
            "classifications": company.classifications(),
        },
    )
