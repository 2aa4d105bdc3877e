"""Posting an admin form back as it was shown, the way staff do when they change one field."""

from django import forms


def submitted(response, **changes) -> dict:
    """The data an admin change form posts back as it was shown, with ``changes``."""
    shown = [response.context["adminform"].form]
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update(
            {management.add_prefix(name): management[name].value() for name in management.fields}
        )
        shown += formset.forms
    for form in shown:
        for name, field in form.fields.items():
            value, key = form[name].value(), form.add_prefix(name)
            if value is None or isinstance(field, forms.FileField):
                continue
            if isinstance(field.widget, forms.MultiWidget):
                for index, part in enumerate(field.widget.decompress(value)):
                    data[f"{key}_{index}"] = "" if part is None else str(part)
            elif isinstance(value, bool):
                if value:
                    data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(item) for item in value]
            else:
                data[key] = str(value)
    return {**data, **changes}
