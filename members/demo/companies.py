"""The demo companies, one at a time: a plan for the whole run (region, status, sectors,
languages) so the shares hold exactly, then each company's name, address, contact
details, classifications, texts, membership periods and people.

Names are made of the invented words of names.yaml; people's names and streets come
from Faker (``fr_CA``, ``en_CA`` for Ontario), seeded from the run's generator, so the
same seed gives the same companies.
"""

import dataclasses
import datetime as dt
import random

from django.utils import timezone
from django.utils.text import slugify
from faker import Faker

from alliance.text import fold
from members.demo.data import (
    ADJECTIVES,
    ADMIN_TITLES,
    ANY_SECTOR,
    AREA_CODES,
    CITIES,
    COLLEAGUE_TITLES,
    EMPLOYEE_WEIGHTS,
    FANCY,
    FRENCH_ONLY_SHARE,
    KINDS,
    NAICS,
    ONTARIO_ADJECTIVES,
    ONTARIO_KINDS,
    ONTARIO_PLACES,
    ONTARIO_SUFFIXES,
    PLACES,
    PLASTICS,
    POSTAL_LETTERS,
    REGION_WEIGHTS,
    RUBBER,
    RUBBER_SHARE,
    SECTOR_WEIGHTS,
    STATUS_WEIGHTS,
    SUFFIXES,
    SYLLABLES,
)
from members.demo.periods import Periods
from members.demo.references import References
from members.demo.texts import describe
from members.models import (
    Application,
    Company,
    Membership,
    Person,
    Province,
    Region,
    grace_days,
)

DEMO_NOTE = (
    "Démo : entreprise fictive créée par seed_demo pour essayer le portail. "
    "Rien de cette fiche ne décrit une entreprise réelle."
)
DEMO_NOTE_PREFIX = "Démo"
INJECTION_IN_CHAUDIERE_APPALACHES = 8


def demo_companies():
    """The companies seed_demo made (staff can tell them by their private note)."""
    return Company.objects.filter(staff_notes__startswith=DEMO_NOTE_PREFIX)


def allot(rng: random.Random, count: int, weights: dict) -> list:
    """``count`` values in the proportions of ``weights`` (largest remainders), shuffled:
    the shares hold exactly, rather than within the luck of the draw."""
    total = sum(weights.values())
    exact = {key: count * weight / total for key, weight in weights.items()}
    sizes = {key: int(share) for key, share in exact.items()}
    rest = count - sum(sizes.values())
    for key in sorted(exact, key=lambda k: exact[k] - sizes[k], reverse=True)[:rest]:
        sizes[key] += 1
    values = [key for key, size in sizes.items() for _ in range(size)]
    rng.shuffle(values)
    return values


@dataclasses.dataclass(eq=False)  # compared by identity
class Plan:
    """What is decided up front for the whole run, so the shares hold exactly."""

    region: str
    status: str
    sectors: tuple[str, ...]
    french_only: bool
    injection: bool = False


class DemoBuilder:
    """Makes the demo companies one by one, never the same name, slug or NEQ twice (nor
    one already in the database)."""

    def __init__(self, rng: random.Random, refs: References, today: dt.date):
        self.rng = rng
        self.refs = refs
        self.today = today
        self.now = timezone.now()
        self.names: set[str] = set()
        self.slugs: set[str] = set(Company.objects.values_list("slug", flat=True))
        self.names.update(fold(n) for n in Company.objects.values_list("name", flat=True))
        self.neqs: set[str] = set(
            Company.objects.exclude(neq=None).values_list("neq", flat=True)
        ) | set(Application.objects.exclude(neq="").values_list("neq", flat=True))
        self.periods = Periods(rng, today=today, grace=grace_days(), categories=refs.categories)
        # People's names and streets: Faker's own generators, seeded from ours.
        self.faker = {"fr": Faker("fr_CA"), "en": Faker("en_CA")}
        for faker in self.faker.values():
            faker.seed_instance(rng.randrange(2**32))

    # Plans for the whole run ------------------------------------------------------

    def plans(self, count: int) -> list[Plan]:
        rng = self.rng
        regions = allot(rng, count, REGION_WEIGHTS)
        statuses = allot(rng, count, STATUS_WEIGHTS)
        sectors = allot(rng, count, SECTOR_WEIGHTS)
        rubber = allot(rng, count, {True: RUBBER_SHARE, False: 1 - RUBBER_SHARE})
        french_only = allot(rng, count, {True: FRENCH_ONLY_SHARE, False: 1 - FRENCH_ONLY_SHARE})
        plans = []
        for i in range(count):
            these = sectors[i]
            if rubber[i]:
                # A quarter of the rubber firms do only rubber; the others add it.
                these = (RUBBER,) if rng.random() < 0.25 else (*these, RUBBER)
            plans.append(Plan(regions[i], statuses[i], these, french_only[i]))
        self._promise_injection_in_chaudiere_appalaches(plans)
        return plans

    def _promise_injection_in_chaudiere_appalaches(self, plans: list[Plan]) -> None:
        """At least 8 active injection moulders in Chaudière-Appalaches, described in
        both languages: what someone trying the directory looks for first."""
        if self.refs.injection is None:
            return
        wanted = min(len(plans), INJECTION_IN_CHAUDIERE_APPALACHES)
        local = [p for p in plans if p.region == Region.CHAUDIERE_APPALACHES]
        others = [p for p in plans if p.region in (Region.MONTEREGIE, Region.MONTREAL)]
        others += [p for p in plans if p.region != Region.CHAUDIERE_APPALACHES]
        while len(local) < wanted and others:
            moved = others.pop(0)
            if moved.region != Region.CHAUDIERE_APPALACHES:
                moved.region = Region.CHAUDIERE_APPALACHES
                local.append(moved)
        chosen = local[:wanted]
        spare_actives = [p for p in plans if p.status == "active" and p not in chosen]
        for plan in chosen:
            plan.injection = True
            plan.french_only = False
            if PLASTICS not in plan.sectors:
                plan.sectors = (PLASTICS, *[s for s in plan.sectors if s != RUBBER])
            if plan.status != "active" and spare_actives:
                spare_actives.pop().status, plan.status = plan.status, "active"
            plan.status = "active"

    # One company -------------------------------------------------------------------

    def company(self, plan: Plan) -> tuple[Company, dict, list[Membership], list[Person]]:
        rng = self.rng
        outside = plan.region in (Province.ON, Province.NB)
        province = plan.region if outside else Province.QC
        region = "" if outside else plan.region
        city, fsas = self._weighted_pick(CITIES[plan.region])
        name = self._unique_name(plan)
        slug = self._unique_slug(name)
        domain = slug[:63].strip("-")
        area = rng.choice(AREA_CODES[plan.region])
        employees = rng.choices(list(EMPLOYEE_WEIGHTS), weights=EMPLOYEE_WEIGHTS.values())[0]
        founded = int(rng.triangular(1950, 2022, 1996))
        classifications = self._classifications(plan)
        texts = describe(
            rng,
            name=name,
            city=city,
            founded=founded,
            employees=employees,
            classifications=classifications,
        )
        primary = plan.sectors[0]
        company = Company(
            name=name,
            legal_name=name if rng.random() < 0.6 else "",
            slug=slug,
            neq=self._neq() if rng.random() < 0.9 else None,
            description_fr=texts["description_fr"],
            products_fr=texts["products_fr"],
            description_en="" if plan.french_only else texts["description_en"],
            products_en="" if plan.french_only else texts["products_en"],
            website=f"https://{domain}.example",
            email=f"info@{domain}.example",
            phone=f"{area} 555-01{rng.randrange(100):02d}",
            street_address=self._street(outside and province == Province.ON),
            city=city,
            postal_code=f"{rng.choice(fsas)} {self._ldu()}",
            province=province,
            region=region,
            employees=employees,
            founded=founded,
            naics=rng.choice(NAICS[primary]),
            staff_notes=DEMO_NOTE,
        )
        company.index_text()
        memberships = self.periods.for_company(company, plan.status, founded)
        people = self._people(company, domain, area, english=province == Province.ON)
        return company, classifications, memberships, people

    def _weighted_pick(self, options: list):
        weights = [1 / (1 + 0.6 * k) for k in range(len(options))]
        return self.rng.choices(options, weights=weights)[0]

    def _unique_name(self, plan: Plan) -> str:
        rng = self.rng
        for attempt in range(40):
            if plan.region == Province.ON:  # an English name
                words = [
                    rng.choice(ONTARIO_ADJECTIVES),
                    rng.choice(ONTARIO_KINDS),
                    rng.choice(ONTARIO_PLACES),
                    rng.choice(ONTARIO_SUFFIXES),
                ]
                if attempt >= 20:
                    words.insert(1, self._coined())
                name = " ".join(word for word in words if word)
            else:
                pool = rng.choice([*plan.sectors, ANY_SECTOR])
                kind, gender = rng.choice(KINDS[pool])
                adjective = rng.choice(ADJECTIVES)[0 if gender == "m" else 1]
                places = PLACES.get(plan.region, [])
                place = rng.choice(places) if places and rng.random() < 0.45 else rng.choice(FANCY)
                words = [kind, adjective, place, rng.choice(SUFFIXES)]
                if attempt >= 20:  # the plain combinations are running out
                    words.insert(2, self._coined())
                name = " ".join(words)
            key = fold(name)
            if key not in self.names:
                self.names.add(key)
                return name
        raise RuntimeError("Could not invent a new company name.")  # pragma: no cover

    def _coined(self) -> str:
        word = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3)))
        return word.capitalize()

    def _unique_slug(self, name: str) -> str:
        base = slugify(fold(name))[:190] or "entreprise"
        slug, n = base, 2
        while slug in self.slugs:
            slug, n = f"{base}-{n}", n + 1
        self.slugs.add(slug)
        return slug

    def _neq(self) -> str:
        while True:
            neq = f"110{self.rng.randrange(10**7):07d}"
            if neq not in self.neqs:
                self.neqs.add(neq)
                return neq

    def _ldu(self) -> str:
        rng = self.rng
        return f"{rng.randrange(10)}{rng.choice(POSTAL_LETTERS)}{rng.randrange(10)}"

    def _street(self, english: bool) -> str:
        number = self.rng.randint(10, 9990)
        if english:
            return f"{number} {self.faker['en'].street_name()}"
        street = self.faker["fr"].street_name()
        if street.startswith("allé "):  # Faker's fr_CA misspells "allée"
            street = "allée" + street.removeprefix("allé")
        return f"{number}, {street}"

    def _person(self, *, english: bool) -> tuple[str, str, str]:
        """A first name, a last name and "m" or "f", which picks the job title's form."""
        faker = self.faker["en" if english else "fr"]
        if self.rng.random() < 0.5:
            return faker.first_name_female(), faker.last_name(), "f"
        return faker.first_name_male(), faker.last_name(), "m"

    # Classifications ---------------------------------------------------------------

    def _classifications(self, plan: Plan) -> dict[str, list]:
        rng, refs = self.rng, self.refs
        sectors = [refs.sectors[s] for s in plan.sectors if s in refs.sectors]
        processes = self._pick_from_pools(refs.process_pools, plan.sectors, refs.processes)
        if plan.injection and refs.injection not in processes:
            processes = [refs.injection, *processes][:4]
        materials = self._pick_from_pools(refs.material_pools, plan.sectors, refs.materials)
        roles = self._sample_weighted(refs.roles, rng.choices([1, 2, 3], [55, 33, 12])[0])
        markets = self._sample_weighted(refs.markets, rng.randint(1, 4), decay=0.08)
        certifications = self._sample_weighted(
            refs.certifications, rng.choices([0, 1, 2], [45, 35, 20])[0], decay=0.5
        )
        return {
            "sectors": sectors,
            "roles": roles,
            "processes": processes,
            "materials": materials,
            "markets": markets,
            "certifications": certifications,
        }

    def _pick_from_pools(self, pools: dict, sectors: tuple[str, ...], everything: list) -> list:
        """1 to 4 terms, from the sectors' own pools first (in the sectors' order), with
        now and then one from anywhere."""
        rng = self.rng
        if not everything:
            return []
        wanted = rng.choices([1, 2, 3, 4], [25, 35, 25, 15])[0]
        pool: list = []
        for sector in sectors:
            pool += [item for item in pools[sector] if item not in pool]
        picked = self._sample_weighted(pool, min(wanted, len(pool)), decay=0.15)
        if len(picked) < 4 and rng.random() < 0.12:
            extra = rng.choice(everything)
            if extra not in picked:
                picked.append(extra)
        return picked

    def _sample_weighted(self, items: list, k: int, *, decay: float = 0.25) -> list:
        """``k`` distinct items, the earlier ones (the commoner terms) more likely."""
        rng = self.rng
        remaining = list(items)
        weights = [1 / (1 + decay * i) for i in range(len(remaining))]
        chosen = []
        for _ in range(min(k, len(remaining))):
            index = rng.choices(range(len(remaining)), weights=weights)[0]
            chosen.append(remaining.pop(index))
            weights.pop(index)
        return chosen

    # People ------------------------------------------------------------------------------

    def _people(self, company, domain: str, area: str, *, english: bool) -> list[Person]:
        rng = self.rng
        people, emails = [], set()
        for index in range(rng.choices([1, 2, 3], [45, 35, 20])[0]):
            first, last, gender = self._person(english=english)
            local = f"{slugify(fold(first))}.{slugify(fold(last))}"
            email, n = f"{local}@{domain}.example", 2
            while email in emails:
                email, n = f"{local}{n}@{domain}.example", n + 1
            emails.add(email)
            titles = ADMIN_TITLES if index == 0 else COLLEAGUE_TITLES
            visibility = rng.choices(list(Person.Visibility), weights=[40, 30, 30])[0]
            french = rng.random() < (0.3 if english else 0.85)
            people.append(
                Person(
                    company=company,
                    first_name=first,
                    last_name=last,
                    email=email,
                    job_title=rng.choice(titles)[0 if gender == "m" else 1],
                    phone=f"{company.phone} poste {rng.randint(200, 299)}",
                    role=(Person.Role.ADMIN if index == 0 else Person.Role.COLLEAGUE),
                    preferred_language="fr" if french else "en",
                    visibility=visibility,
                    visibility_changed_at=(
                        None
                        if visibility == Person.Visibility.HIDDEN and rng.random() < 0.5
                        else self.now - dt.timedelta(days=rng.randint(1, 700))
                    ),
                )
            )
        return people

    # Applications ------------------------------------------------------------------------

    def application(self) -> tuple[Application, dict]:
        rng = self.rng
        plan = Plan(
            region=rng.choice([Region.CHAUDIERE_APPALACHES, Region.MONTEREGIE, Region.ESTRIE]),
            status="pending",
            sectors=rng.choice(list(SECTOR_WEIGHTS)),
            french_only=False,
        )
        city, fsas = self._weighted_pick(CITIES[plan.region])
        name = self._unique_name(plan)
        domain = slugify(fold(name))[:63].strip("-")
        area = rng.choice(AREA_CODES[plan.region])
        employees = rng.choices(list(EMPLOYEE_WEIGHTS), weights=EMPLOYEE_WEIGHTS.values())[0]
        classifications = self._classifications(plan)
        language = "fr" if rng.random() < 0.85 else "en"
        texts = describe(
            rng,
            name=name,
            city=city,
            founded=rng.randint(1990, 2022),
            employees=employees,
            classifications=classifications,
        )
        first, last, gender = self._person(english=False)
        submitted = self.now - dt.timedelta(days=rng.randint(0, 20), hours=rng.randint(0, 23))
        application = Application(
            company_name=name,
            legal_name=name,
            neq=self._neq() if rng.random() < 0.8 else "",
            website=f"https://{domain}.example",
            company_email=f"info@{domain}.example",
            company_phone=f"{area} 555-01{rng.randrange(100):02d}",
            street_address=self._street(False),
            city=city,
            postal_code=f"{rng.choice(fsas)} {self._ldu()}",
            province=Province.QC,
            region=plan.region,
            employees=employees,
            description=texts[f"description_{language}"][:2000],
            category=self.refs.categories[0],
            first_name=first,
            last_name=last,
            email=f"{slugify(fold(first))}.{slugify(fold(last))}@{domain}.example",
            phone=f"{area} 555-01{rng.randrange(100):02d}",
            job_title=rng.choice(ADMIN_TITLES)[0 if gender == "m" else 1],
            language=language,
            consented_at=submitted,
            submitted_at=submitted,
        )
        return application, classifications
