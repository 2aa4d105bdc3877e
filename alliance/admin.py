from django.contrib import admin
from reversion.admin import VersionAdmin

from alliance.admin_base import FrenchFirstAdmin
from alliance.models import KeyFigure, Page

admin.site.site_header = "Alliance Polymères Québec"
admin.site.site_title = "Alliance Polymères Québec"


@admin.register(Page)
class PageAdmin(FrenchFirstAdmin, VersionAdmin):
    list_display = ("title", "key", "updated_at")
    readonly_fields = ("updated_at",)

    def has_add_permission(self, request) -> bool:
        # The pages are fixed (about, privacy policy) and created by seed_reference.
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(KeyFigure)
class KeyFigureAdmin(FrenchFirstAdmin):
    list_display = ("value", "label", "position")
    list_editable = ("position",)
