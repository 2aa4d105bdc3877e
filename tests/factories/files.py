"""Files to upload: a real image, a small PDF."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

# Enough of a PDF for what the portal checks: its extension and its first bytes.
PDF = b"%PDF-1.4 document"


def image_upload(
    name: str = "couverture.png", size=(800, 450), fmt: str = "PNG", color=(11, 79, 108)
) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")
