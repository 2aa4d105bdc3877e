"""Checking and re-encoding uploaded images, shared by every image field of the portal.

An upload is trusted only after Pillow has decoded it completely: a file that merely
claims to be an image (a renamed PDF, an SVG, a truncated JPEG, a decompression bomb)
is refused with a message the person uploading can act on.
"""

import io
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

MAX_PIXELS = 40_000_000  # e.g. 8000 × 5000
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# Pillow names a JPEG with an embedded preview (many cameras and phones) "MPO".
READABLE_FORMATS = {**ALLOWED_FORMATS, "MPO": "jpg"}
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def file_too_large(file, limit: int) -> ValidationError:
    """The error for an upload above its kind's limit (settings.*_UPLOAD_MAX_BYTES)."""
    return ValidationError(
        _("This file is %(size)s; the limit is %(limit)s."),
        code="file_too_large",
        params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
    )


def _open_checked(file) -> Image.Image:
    """Open and fully decode an uploaded image, or raise a ValidationError saying why not."""
    if file.size is not None and file.size > settings.IMAGE_UPLOAD_MAX_BYTES:
        raise file_too_large(file, settings.IMAGE_UPLOAD_MAX_BYTES)
    # A library that wants broken images loaded (WeasyPrint) may have turned this on for
    # the process; an upload is checked with it off, always.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file)
            if image.format not in READABLE_FORMATS:
                raise ValidationError(
                    _("This file type is not accepted: upload a JPEG, PNG or WebP image."),
                    code="invalid_format",
                )
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(
                    _(
                        "This image is too large (%(w)s × %(h)s pixels); the limit is 40 megapixels."
                    ),
                    code="too_many_pixels",
                    params={"w": image.width, "h": image.height},
                )
            image.load()  # decodes every byte: a truncated file fails here
    except ValidationError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("This image is too large once decompressed; the limit is 40 megapixels."),
            code="too_many_pixels",
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("This file is not a valid image or it is damaged. Upload a JPEG, PNG or WebP image."),
            code="invalid_image",
        ) from exc
    finally:
        file.seek(0)
    return image


def validate_image_upload(value) -> None:
    """Model field validator; files already stored are not opened again."""
    if not value or getattr(value, "_committed", True):
        return
    _open_checked(value.file)


def reencode(file) -> tuple[ContentFile, str]:
    """Re-encode a checked upload, dropping its metadata (EXIF, GPS position…).

    The pixels are turned upright first (phones store photos sideways with an orientation
    tag) and converted to sRGB (the renditions and most browsers ignore colour profiles).
    Returns the new content and the file extension that matches its real format.
    """
    image = _open_checked(file)
    fmt = "JPEG" if image.format == "MPO" else image.format
    image = ImageOps.exif_transpose(image)
    image = _to_srgb(image)
    image.info.pop("icc_profile", None)  # sRGB now: the profile would only add weight
    if fmt == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    out = io.BytesIO()
    save_args = {
        "JPEG": {"quality": 88, "optimize": True},
        "PNG": {"optimize": True},
        "WEBP": {"quality": 88},
    }[fmt]
    image.save(out, format=fmt, **save_args)
    return ContentFile(out.getvalue()), ALLOWED_FORMATS[fmt]


def _to_srgb(image: Image.Image) -> Image.Image:
    profile = image.info.get("icc_profile")
    if not profile:
        return image
    mode = "RGBA" if "A" in image.getbands() else "RGB"
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(image, source, SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile: keep the pixels as they are
