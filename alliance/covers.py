"""Cover pictures drawn with Pillow, for the reference and demo content (no stock photos)."""

import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

PALETTES = [
    ((11, 79, 108), (1, 42, 74)),
    ((16, 110, 96), (6, 58, 52)),
    ((94, 53, 132), (45, 24, 72)),
    ((170, 73, 24), (92, 36, 10)),
    ((32, 86, 150), (14, 40, 84)),
]


COVER_ALT_FR = "Motif abstrait de chaînes de polymères sur fond dégradé"
COVER_ALT_EN = "Abstract pattern of polymer chains on a gradient background"


def make_cover(*, seed: int, size: tuple[int, int] = (1600, 900)) -> ContentFile:
    """A JPEG with a gradient and a few linked circles, like a polymer chain (no text, so
    it needs no font and its alt text stays true)."""
    rng = random.Random(seed)
    top, bottom = PALETTES[seed % len(PALETTES)]
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    previous = None
    for _ in range(9):
        x, y, r = rng.randint(0, width), rng.randint(0, height), rng.randint(40, 140)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=(255, 255, 255), width=6)
        if previous:
            draw.line([previous, (x, y)], fill=(255, 255, 255), width=4)
        previous = (x, y)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=82)
    return ContentFile(out.getvalue(), name=f"cover-{seed}.jpg")
