import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def _phone_photo() -> SimpleUploadedFile:
    """A JPEG 400×200 as stored by the sensor, tagged "rotate 90°", with a GPS position."""
    image = Image.new("RGB", (400, 200), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x8825] = {1: "N", 2: (46.0, 48.0, 0.0)}  # GPS latitude, near Lévis
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_uploaded_photos_are_turned_upright_and_lose_their_location():
    article = ArticleFactory(
        category=CategoryFactory(), cover=_phone_photo(), cover_alt_fr="Une photo"
    )

    with Image.open(article.cover.path) as stored:
        assert stored.size == (200, 400)
        exif = stored.getexif()
        assert 0x8825 not in exif and 0x0112 not in exif


def test_a_png_renamed_jpg_is_stored_under_its_real_type():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64)).save(buffer, format="PNG")
    upload = SimpleUploadedFile("vraiment.jpg", buffer.getvalue(), content_type="image/jpeg")

    article = ArticleFactory(cover=upload, cover_alt_fr="Image")

    assert article.cover.name.endswith("vraiment.png")


def test_renditions_are_made_when_the_cover_is_saved():
    article = ArticleFactory(cover=_phone_photo(), cover_alt_fr="Une photo")

    for rendition, size in ((article.cover_list, (640, 360)), (article.cover_detail, (1280, 720))):
        assert rendition.storage.exists(rendition.name)
        with Image.open(rendition.storage.open(rendition.name)) as image:
            assert image.size == size


def test_a_camera_jpeg_with_an_embedded_preview_is_accepted():
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (10, 120, 60)).save(
        buffer, format="MPO", save_all=True, append_images=[Image.new("RGB", (160, 120))]
    )
    upload = SimpleUploadedFile("appareil.jpg", buffer.getvalue(), content_type="image/jpeg")

    article = ArticleFactory(cover=upload, cover_alt_fr="Photo")

    with Image.open(article.cover.path) as stored:
        assert stored.format == "JPEG" and stored.size == (320, 240)


def test_an_image_with_a_colour_profile_keeps_its_colours_without_the_profile():
    from PIL import ImageCms

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 40, 40)).save(buffer, format="PNG", icc_profile=srgb)
    upload = SimpleUploadedFile("profil.png", buffer.getvalue(), content_type="image/png")

    article = ArticleFactory(cover=upload, cover_alt_fr="Image")

    with Image.open(article.cover.path) as stored:
        assert "icc_profile" not in stored.info
        red, green, blue = stored.getpixel((10, 10))[:3]
        assert abs(red - 200) <= 3 and abs(green - 40) <= 3 and abs(blue - 40) <= 3


@pytest.mark.parametrize(("limit", "refused"), [(1024, True), (10 * 1024 * 1024, False)])
def test_an_image_above_the_upload_limit_is_refused_saying_the_limit(settings, limit, refused):
    settings.IMAGE_UPLOAD_MAX_BYTES = limit
    buffer = io.BytesIO()
    Image.effect_noise((64, 64), 64).convert("RGB").save(buffer, format="PNG")
    assert buffer.tell() > 1024
    upload = SimpleUploadedFile("bruit.png", buffer.getvalue(), content_type="image/png")
    article = ArticleFactory.build(category=CategoryFactory(), cover=upload, cover_alt_fr="Bruit")

    try:
        article.full_clean()
        errors = []
    except ValidationError as error:
        errors = error.message_dict.get("cover", [])

    assert bool(errors) is refused
    if refused:
        assert "la limite est de 1,0\xa0Kio" in errors[0]
