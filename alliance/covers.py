"""Cover pictures drawn with Pillow, for the reference and demo content (no stock photos)."""

import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

PALETTES = [
    ((11, 79, 108), (1, 42, 74)),
    ((16, 110, 96), (6, 58, 52)),
    ((94, 53, 132), (45, 24, 72)),
    ((170, 73, 24), (92, 36, 10)),
    ((32, 86, 150), (14, 40, 84)),
]


def make_cover(text: str, *, seed: int, size: tuple[int, int] = (1600, 900)) -> ContentFile:
    """A JPEG with a gradient, a few polymer-chain circles and the given text."""
    rng = random.Random(seed)
    top, bottom = PALETTES[seed % len(PALETTES)]
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    previous = None
    for _ in range(7):
        x, y, r = rng.randint(0, width), rng.randint(0, height), rng.randint(40, 140)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=(255, 255, 255), width=6)
        if previous:
            draw.line([previous, (x, y)], fill=(255, 255, 255), width=4)
        previous = (x, y)
    font = ImageFont.load_default(size=72)
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) > width - 200 and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    y = height - 120 - 90 * len(lines[:4])
    draw.rectangle([60, y - 40, width - 60, height - 80], fill=(0, 0, 0))
    for text_line in lines[:4]:
        draw.text((100, y), text_line, font=font, fill=(255, 255, 255))
        y += 90
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=82)
    return ContentFile(out.getvalue(), name=f"cover-{seed}.jpg")
