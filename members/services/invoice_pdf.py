"""The PDF of an issued invoice or credit note, rendered from the portal's own template
(templates/members/invoices/invoice_pdf.html) by WeasyPrint.

French always; English as well, beside it and smaller, when the company reads English
(Charter of the French language: French at least as prominent)."""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from PIL import ImageFile
from weasyprint import HTML

from members.models import Invoice

# Importing WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process, and the
# uploads' check (alliance/images.py) would then take a truncated image for a good one.
# The invoices' only image is the logo, an SVG: set it back.
ImageFile.LOAD_TRUNCATED_IMAGES = False

LOGO = Path(settings.BASE_DIR) / "static" / "img" / "logo.svg"


def invoice_pdf(*, invoice: Invoice) -> bytes:
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string(
            "members/invoices/invoice_pdf.html",
            {
                "invoice": invoice,
                "lines": list(invoice.lines.all()),
                "association": settings.ASSOCIATION,
                "english": invoice.language == "en",
                "logo": LOGO.as_uri(),
                "payment_days": settings.INVOICE_PAYMENT_DAYS,
            },
        )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def invoice_pdf_filename(invoice: Invoice) -> str:
    kind = "note-de-credit" if invoice.kind == Invoice.Kind.CREDIT_NOTE else "facture"
    return f"{kind}-{invoice.number}.pdf"
