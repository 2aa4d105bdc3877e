"""Logos for the demo companies: a coloured background and a geometric mark (no text,
no font), drawn with Pillow and stored the way an upload is."""

import io
import os
import random
from concurrent.futures import ThreadPoolExecutor

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from members.models import Company

LOGO_LIMIT = 600  # only the first companies get a logo: drawing them is the slow part
LOGO_SHARE = 0.8

LOGO_BACKGROUNDS = [
    (11, 79, 108),
    (16, 110, 96),
    (94, 53, 132),
    (170, 73, 24),
    (32, 86, 150),
    (180, 30, 60),
    (40, 40, 48),
    (0, 120, 140),
    (120, 90, 20),
    (236, 236, 228),
]
LOGO_INKS = [(255, 255, 255), (250, 204, 21), (255, 180, 160), (160, 230, 210)]


def make_logo(rng: random.Random, size: int = 320) -> bytes:
    """A PNG with a coloured background and a geometric mark (no text, no font)."""
    background = rng.choice(LOGO_BACKGROUNDS)
    ink = (20, 60, 90) if sum(background) > 600 else rng.choice(LOGO_INKS)
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    c, r = size / 2, size * rng.uniform(0.28, 0.38)
    shape = rng.choice(["polygon", "rings", "chain", "bars", "polygon"])
    if shape == "polygon":
        sides = rng.choice([3, 4, 5, 6, 6, 8])
        rotation = rng.choice([0, 15, 30, 45])
        draw.regular_polygon((c, c, r), sides, rotation=rotation, fill=ink)
        draw.regular_polygon((c, c, r * 0.45), sides, rotation=rotation, fill=background)
    elif shape == "rings":
        for k in range(3):
            radius = r * (1 - k * 0.3)
            draw.ellipse([c - radius, c - radius, c + radius, c + radius], outline=ink, width=14)
    elif shape == "chain":  # a few linked beads, like a polymer chain
        points = [(size * (0.2 + 0.2 * k), c + rng.uniform(-60, 60)) for k in range(4)]
        draw.line(points, fill=ink, width=12)
        for x, y in points:
            draw.ellipse([x - 26, y - 26, x + 26, y + 26], fill=ink)
    else:
        width = size * 0.1
        for k in range(4):
            x = size * 0.22 + k * width * 1.6
            top = c - r + rng.uniform(0, r)
            draw.rectangle([x, top, x + width, c + r], fill=ink)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _store_logo(company: Company, seed: int) -> None:
    """Draw a logo and store it the way an upload is: SafeImageField re-encodes the
    uncommitted file in ``pre_save`` (``logo.save()`` would store it as it is), then the
    renditions are drawn, as imagekit does after a save. Files only, no database: it
    runs in worker threads, where Pillow and zlib release the GIL."""
    company.logo = ContentFile(make_logo(random.Random(seed)), name=f"{company.slug[:60]}.png")
    Company._meta.get_field("logo").pre_save(company, add=False)
    company.logo_small.generate()
    company.logo_large.generate()


def add_logos(companies: list[Company], rng: random.Random) -> int:
    """Give most of ``companies`` a logo; return how many got one."""
    chosen = [(company, rng.randrange(2**32)) for company in companies]
    chosen = [(company, seed) for company, seed in chosen if rng.random() < LOGO_SHARE]
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        for _done in pool.map(lambda job: _store_logo(*job), chosen):
            pass
    Company.objects.bulk_update([company for company, _seed in chosen], ["logo"], batch_size=500)
    return len(chosen)
