"""The demo companies' descriptions and products, in French and English: the templates
of texts.yaml filled with the company's name, town, size and classifications."""

import random

from alliance.text import fold
from members.demo.data import (
    CERTIFIED,
    DESCRIPTIONS,
    DISCLAIMER,
    FALLBACKS,
    OFFERINGS,
    PRODUCTS,
    ROLES_SENTENCE,
    TEAM,
)


def lower_first(text: str) -> str:
    """ "Moulage par injection" → "moulage par injection", but "PVC" and "ISO" stay."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def join(items: list[str], lang: str) -> str:
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {'et' if lang == 'fr' else 'and'} {items[-1]}"


def _de(word: str) -> str:
    return f"d'{word}" if fold(word)[:1] in "aeiouyh" else f"de {word}"


def _article(word: str) -> str:
    """The French definite article for a term of the reference lists: a guess from its
    first word, masculine unless it ends like the feminine nouns the lists use."""
    folded = fold(word)
    if folded[:1] in "aeiouyh":
        return f"l'{word}"
    first = folded.split()[0] if folded else ""
    if first.endswith(("s", "x")):
        return f"les {word}"
    feminine = first.endswith(("ion", "fibre", "resine", "mousse", "matiere"))
    return f"{'la' if feminine else 'le'} {word}"


def term_name(item, lang: str) -> str:
    """A classification term's name in ``lang``, or its French one."""
    return getattr(item, f"name_{lang}", "") or item.name_fr or item.name


def describe(
    rng: random.Random,
    *,
    name: str,
    city: str,
    founded: int,
    employees: str,
    classifications: dict[str, list],
) -> dict[str, str]:
    """The company's ``description_fr``/``_en`` and ``products_fr``/``_en``."""

    def names(field: str, lang: str) -> list[str]:
        return [lower_first(term_name(item, lang)) for item in classifications[field]]

    def terms(field: str) -> dict[str, list[str]]:
        return {lang: names(field, lang) or [FALLBACKS[field][lang]] for lang in ("fr", "en")}

    processes, materials = terms("processes"), terms("materials")
    values = {
        "name": name,
        "city": city,
        "founded": founded,
        "team": TEAM[employees][0],
        "team_en": TEAM[employees][1],
    }
    fr = {
        **values,
        "processes": join(processes["fr"], "fr"),
        "processes_article": join([_article(p) for p in processes["fr"]], "fr"),
        "materials": join(materials["fr"], "fr"),
        "materials_de": join([_de(m) for m in materials["fr"]], "fr"),
        "materials_article": join([_article(m) for m in materials["fr"]], "fr"),
        "markets": join(names("markets", "fr"), "fr") or FALLBACKS["markets"]["fr"],
    }
    en = {
        **values,
        "processes": join(processes["en"], "en"),
        "materials": join(materials["en"], "en"),
        "markets": join(names("markets", "en"), "en") or FALLBACKS["markets"]["en"],
    }
    template_fr, template_en = rng.choice(DESCRIPTIONS)
    description_fr, description_en = [template_fr.format(**fr)], [template_en.format(**en)]
    if classifications["roles"] and rng.random() < 0.5:
        description_fr.append(ROLES_SENTENCE[0].format(items=join(names("roles", "fr"), "fr")))
        description_en.append(ROLES_SENTENCE[1].format(items=join(names("roles", "en"), "en")))
    if classifications["certifications"]:
        description_fr.append(CERTIFIED[0].format(items=join(names("certifications", "fr"), "fr")))
        description_en.append(CERTIFIED[1].format(items=join(names("certifications", "en"), "en")))
    description_fr.append(DISCLAIMER[0])
    description_en.append(DISCLAIMER[1])

    offerings = rng.sample(OFFERINGS, 2)
    products = {}
    for index, lang in enumerate(("fr", "en")):
        made_by, made_of = PRODUCTS[lang]
        products[lang] = [
            made_by.format(processes=join(processes[lang], lang)),
            made_of.format(materials=join(materials[lang][:2], lang)),
            *[offering[index] for offering in offerings],
        ]
    return {
        "description_fr": " ".join(description_fr),
        "description_en": " ".join(description_en),
        # French puts a space before the semicolon.
        "products_fr": " ; ".join(products["fr"]) + ".",
        "products_en": "; ".join(products["en"]) + ".",
    }
