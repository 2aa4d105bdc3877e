"""The reference lists the demo companies are classified with, read once from the
database (``seed_reference`` makes them), and which of their terms go with which sector."""

import dataclasses

from django.core.management.base import CommandError

from alliance.text import fold
from members.demo.data import COMPOSITES, PLASTICS, RUBBER, SECTOR_WORDS
from members.demo.texts import term_name
from members.models import (
    Certification,
    EndMarket,
    Material,
    MembershipCategory,
    Process,
    Sector,
    ValueChainRole,
)

INJECTION_SLUG = "moulage-par-injection"


@dataclasses.dataclass
class References:
    """The classifications and categories in the database, read once."""

    sectors: dict[str, Sector]
    roles: list[ValueChainRole]
    processes: list[Process]
    materials: list[Material]
    markets: list[EndMarket]
    certifications: list[Certification]
    categories: list[MembershipCategory]
    process_pools: dict[str, list[Process]]
    material_pools: dict[str, list[Material]]
    injection: Process | None

    @classmethod
    def load(cls) -> "References":
        categories = list(MembershipCategory.objects.order_by("position", "pk"))
        if not categories:
            raise CommandError(
                "No membership category yet: run `python manage.py seed_reference` first."
            )

        def ordered(model):
            return list(model.objects.order_by("position", "slug"))

        processes, materials = ordered(Process), ordered(Material)
        return cls(
            sectors={sector.slug: sector for sector in ordered(Sector)},
            roles=ordered(ValueChainRole),
            processes=processes,
            materials=materials,
            markets=ordered(EndMarket),
            certifications=ordered(Certification),
            categories=categories,
            process_pools=cls._pools(processes),
            material_pools=cls._pools(materials),
            injection=next((p for p in processes if p.slug == INJECTION_SLUG), None),
        )

    @staticmethod
    def _pools(items) -> dict[str, list]:
        """The terms each sector uses, guessed from their names: composites get the
        composite processes and materials, rubber the rubber ones, plastics the rest."""
        pools = {PLASTICS: [], COMPOSITES: [], RUBBER: []}
        for item in items:
            text = f"{item.slug} {term_name(item, 'fr')} {term_name(item, 'en')}"
            text = fold(text).replace("-", " ")
            matched = [
                sector
                for sector, words in SECTOR_WORDS.items()
                if any(word in text for word in words)
            ]
            for sector in matched or [PLASTICS]:
                pools[sector].append(item)
        return {sector: pool or list(items) for sector, pool in pools.items()}
