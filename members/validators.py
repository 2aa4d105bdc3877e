"""Québec and Canadian identifiers, checked and written one way."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The first two digits of a NEQ give the kind of enterprise: 11 legal person, 22 sole
# proprietorship, 33 partnership or group, 88 public body (Registraire des entreprises).
NEQ_PREFIXES = ("11", "22", "33", "88")
_POSTAL_CODE = re.compile(r"^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$")


def normalize_neq(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "")


def validate_neq(value: str) -> None:
    neq = normalize_neq(value)
    if not (len(neq) == 10 and neq.isdigit() and neq.startswith(NEQ_PREFIXES)):
        raise ValidationError(
            _(
                "A Québec enterprise number (NEQ) has 10 digits and starts with 11, 22, 33 "
                "or 88, e.g. 1143456789."
            ),
            code="invalid_neq",
        )


def normalize_postal_code(value: str) -> str:
    code = re.sub(r"\s", "", value or "").upper()
    return f"{code[:3]} {code[3:]}" if len(code) == 6 else code


def validate_postal_code(value: str) -> None:
    if not _POSTAL_CODE.match(normalize_postal_code(value)):
        raise ValidationError(
            _("Enter a Canadian postal code, e.g. G6V 6Z3."), code="invalid_postal_code"
        )


def validate_naics(value: str) -> None:
    if not (value.isdigit() and 2 <= len(value) <= 6):
        raise ValidationError(
            _("A SCIAN (NAICS) code has 2 to 6 digits, e.g. 326198."), code="invalid_naics"
        )
