"""Start-up checks of the members app's settings."""

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ValidationError


@register()
def tax_numbers(app_configs, **kwargs) -> list[Error]:
    """The tax numbers printed on every invoice have their official shape."""
    from members.models import validate_gst_number, validate_qst_number

    errors = []
    for name, validate in (
        ("ASSOCIATION_GST_NUMBER", validate_gst_number),
        ("ASSOCIATION_QST_NUMBER", validate_qst_number),
    ):
        try:
            validate(getattr(settings, name))
        except ValidationError as error:
            errors.append(Error(f"{name}: {' '.join(error.messages)}", id="members.E001"))
    return errors
