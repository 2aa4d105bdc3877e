from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from alliance.admin_base import FrenchFirstAdmin, KeepRecordsAdmin
from members.models import (
    Certification,
    EndMarket,
    Material,
    MembershipCategory,
    Process,
    Sector,
    ValueChainRole,
)


class ClassificationAdmin(FrenchFirstAdmin):
    list_display = ("name", "slug", "position", "company_count")
    list_editable = ("position",)
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name_fr", "name_en", "slug")

    @admin.display(description=_("companies"), ordering="company_total")
    def company_count(self, obj) -> int:
        return obj.company_total

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(company_total=Count("companies"))


for _model in (Sector, ValueChainRole, Process, Material, EndMarket, Certification):
    admin.site.register(_model, ClassificationAdmin)


@admin.register(MembershipCategory)
class MembershipCategoryAdmin(FrenchFirstAdmin, KeepRecordsAdmin):
    deletion_advice = _(
        "Untick “offered on the application form” instead: it is then no longer offered, "
        "and the periods already in it keep it."
    )
    list_display = ("name", "annual_fee", "taxable", "is_open", "position")
    list_editable = ("position",)
