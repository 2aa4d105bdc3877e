"""Fictitious member companies for a demo or a load test, made by ``manage.py seed_demo``.

Every name is made of invented words ("Polymères Imaginaires de la Beauce inc."), every
description says the company is fictitious, websites and emails use the reserved
``.example`` domain, phone numbers the 555-01xx range kept for fiction, and NEQs start
with 110 so they stand out. The companies are spread over Québec's regions, sectors and
membership statuses roughly like the real industry, so the directory, its filters, the
search and the renewal reminders have something realistic to work on.

Everything comes from ``random.Random(seed)`` and the reference lists in the database
(``seed_reference``), so the same seed gives the same companies. Rows are written with
``bulk_create`` in batches, which skips ``save()`` and the signals: slugs and the search
copies (``Company.index_text``) are filled here, and the directory's cache is forgotten
at the end. Only logos go through ``save()``, for the re-encoding and the renditions.
"""

import dataclasses
import datetime as dt
import io
import os
import random
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw

from alliance.text import fold
from members import directory
from members.models import (
    CLASSIFICATION_FIELDS,
    Application,
    Certification,
    Committee,
    Company,
    Document,
    EmployeeBand,
    EndMarket,
    Material,
    Meeting,
    Membership,
    MembershipCategory,
    MembershipStatus,
    Process,
    Province,
    Region,
    Representative,
    Seat,
    Sector,
    User,
    ValueChainRole,
    grace_days,
)
from members.services.memberships import one_year_from

DEMO_NOTE = (
    "Démo : entreprise fictive créée par seed_demo pour essayer le portail. "
    "Rien de cette fiche ne décrit une entreprise réelle."
)
DEMO_NOTE_PREFIX = "Démo"
BATCH_SIZE = 2000
LOGO_LIMIT = 600  # only the first companies get a logo: drawing them is the slow part
LOGO_SHARE = 0.8
INJECTION_SLUG = "moulage-par-injection"
INJECTION_IN_CHAUDIERE_APPALACHES = 8
PLASTICS, COMPOSITES, RUBBER = "plastiques", "composites", "caoutchouc"


def demo_companies():
    """The companies seed_demo made (staff can tell them by their private note)."""
    return Company.objects.filter(staff_notes__startswith=DEMO_NOTE_PREFIX)


# --- Where the companies are ---------------------------------------------------------

# Companies per 600, by region code (Québec) or province (elsewhere).
REGION_WEIGHTS = {
    Region.CHAUDIERE_APPALACHES: 70,
    Region.MONTEREGIE: 130,
    Region.MONTREAL: 95,
    Region.LAVAL: 35,
    Region.LANAUDIERE: 42,
    Region.CENTRE_DU_QUEBEC: 45,
    Region.CAPITALE_NATIONALE: 45,
    Region.ESTRIE: 30,
    Region.LAURENTIDES: 30,
    Region.MAURICIE: 20,
    Region.BAS_SAINT_LAURENT: 14,
    Region.SAGUENAY_LAC_SAINT_JEAN: 12,
    Region.OUTAOUAIS: 8,
    Region.ABITIBI_TEMISCAMINGUE: 5,
    Region.COTE_NORD: 3,
    Region.GASPESIE: 3,
    Region.NORD_DU_QUEBEC: 1,
    Province.ON: 8,
    Province.NB: 4,
}

# Real towns with their real forward sortation areas (the first half of the postal
# code), the first ones more likely; the second half of each code is drawn at random.
CITIES = {
    Region.CHAUDIERE_APPALACHES: [
        ("Lévis", ["G6V", "G6W", "G6X", "G6Z", "G7A"]),
        ("Saint-Georges", ["G5Y", "G5Z"]),
        ("Sainte-Marie", ["G6E"]),
        ("Montmagny", ["G5V"]),
        ("Thetford Mines", ["G6G", "G6H"]),
        ("Beauceville", ["G5X"]),
        ("Saint-Joseph-de-Beauce", ["G0S"]),
        ("Saint-Lambert-de-Lauzon", ["G0S"]),
        ("Saint-Anselme", ["G0R"]),
        ("Sainte-Claire", ["G0R"]),
        ("Saint-Apollinaire", ["G0S"]),
        ("L'Islet", ["G0R"]),
    ],
    Region.MONTEREGIE: [
        ("Granby", ["J2G", "J2H", "J2J"]),
        ("Saint-Hyacinthe", ["J2R", "J2S", "J2T"]),
        ("Longueuil", ["J4G", "J4H", "J4J", "J4K", "J4N"]),
        ("Saint-Jean-sur-Richelieu", ["J2W", "J2X", "J3A", "J3B"]),
        ("Boucherville", ["J4B"]),
        ("Brossard", ["J4W", "J4X", "J4Y", "J4Z"]),
        ("Vaudreuil-Dorion", ["J7V"]),
        ("Salaberry-de-Valleyfield", ["J6S", "J6T"]),
        ("Sorel-Tracy", ["J3P", "J3R"]),
        ("Bromont", ["J2L"]),
        ("Cowansville", ["J2K"]),
        ("Beloeil", ["J3G"]),
        ("Varennes", ["J3X"]),
        ("Châteauguay", ["J6J", "J6K"]),
        ("Farnham", ["J2N"]),
        ("Acton Vale", ["J0H"]),
    ],
    Region.MONTREAL: [
        ("Montréal", ["H4S", "H4T", "H4R", "H1J", "H1P", "H8T", "H8N", "H2N", "H4N"]),
        ("Pointe-Claire", ["H9R"]),
        ("Dorval", ["H9P", "H9S"]),
        ("Montréal-Est", ["H1B"]),
        ("Kirkland", ["H9H", "H9J"]),
        ("Dollard-Des Ormeaux", ["H9A", "H9B", "H9G"]),
        ("Baie-D'Urfé", ["H9X"]),
    ],
    Region.LAVAL: [("Laval", ["H7L", "H7S", "H7T", "H7P", "H7E", "H7C", "H7W", "H7A"])],
    Region.LANAUDIERE: [
        ("Terrebonne", ["J6W", "J6X", "J6Y", "J7M"]),
        ("Joliette", ["J6E"]),
        ("Repentigny", ["J5Y", "J5Z", "J6A"]),
        ("Mascouche", ["J7K", "J7L"]),
        ("L'Assomption", ["J5W"]),
        ("Lavaltrie", ["J5T"]),
        ("Saint-Lin–Laurentides", ["J5M"]),
        ("Berthierville", ["J0K"]),
    ],
    Region.CENTRE_DU_QUEBEC: [
        ("Drummondville", ["J2A", "J2B", "J2C", "J2E"]),
        ("Victoriaville", ["G6P", "G6S", "G6T"]),
        ("Bécancour", ["G9H"]),
        ("Plessisville", ["G6L"]),
        ("Nicolet", ["J3T"]),
        ("Princeville", ["G6L"]),
        ("Warwick", ["J0A"]),
    ],
    Region.CAPITALE_NATIONALE: [
        ("Québec", ["G1M", "G1N", "G1P", "G2C", "G2E", "G2K", "G1C"]),
        ("Saint-Augustin-de-Desmaures", ["G3A"]),
        ("L'Ancienne-Lorette", ["G2E"]),
        ("Donnacona", ["G3M"]),
        ("Pont-Rouge", ["G3H"]),
        ("Saint-Raymond", ["G3L"]),
        ("Baie-Saint-Paul", ["G3Z"]),
        ("La Malbaie", ["G5A"]),
    ],
    Region.ESTRIE: [
        ("Sherbrooke", ["J1E", "J1G", "J1H", "J1J", "J1K", "J1L", "J1N"]),
        ("Magog", ["J1X"]),
        ("Coaticook", ["J1A"]),
        ("Windsor", ["J1S"]),
        ("Lac-Mégantic", ["G6B"]),
        ("East Angus", ["J0B"]),
    ],
    Region.LAURENTIDES: [
        ("Saint-Jérôme", ["J7Y", "J7Z", "J5L"]),
        ("Mirabel", ["J7J", "J7N"]),
        ("Blainville", ["J7B", "J7C"]),
        ("Boisbriand", ["J7E", "J7G"]),
        ("Saint-Eustache", ["J7P", "J7R"]),
        ("Sainte-Thérèse", ["J7E"]),
        ("Lachute", ["J8H"]),
        ("Mont-Laurier", ["J9L"]),
    ],
    Region.MAURICIE: [
        ("Trois-Rivières", ["G8T", "G8V", "G8W", "G8Y", "G8Z", "G9A", "G9B"]),
        ("Shawinigan", ["G9N", "G9P", "G9R", "G9T"]),
        ("Louiseville", ["J5V"]),
        ("La Tuque", ["G9X"]),
    ],
    Region.BAS_SAINT_LAURENT: [
        ("Rimouski", ["G5L", "G5M", "G5N"]),
        ("Rivière-du-Loup", ["G5R"]),
        ("Matane", ["G4W"]),
        ("La Pocatière", ["G0R"]),
        ("Mont-Joli", ["G5H"]),
    ],
    Region.SAGUENAY_LAC_SAINT_JEAN: [
        ("Saguenay", ["G7B", "G7H", "G7J", "G7K", "G7S", "G7X"]),
        ("Alma", ["G8B"]),
        ("Roberval", ["G8H"]),
        ("Dolbeau-Mistassini", ["G8L"]),
    ],
    Region.OUTAOUAIS: [
        ("Gatineau", ["J8L", "J8M", "J8P", "J8R", "J8T", "J8V", "J8Y", "J9A", "J9J"]),
        ("Maniwaki", ["J9E"]),
    ],
    Region.ABITIBI_TEMISCAMINGUE: [
        ("Rouyn-Noranda", ["J9X", "J9Y"]),
        ("Val-d'Or", ["J9P"]),
        ("Amos", ["J9T"]),
    ],
    Region.COTE_NORD: [("Baie-Comeau", ["G4Z", "G5C"]), ("Sept-Îles", ["G4R", "G4S"])],
    Region.GASPESIE: [
        ("Gaspé", ["G4X"]),
        ("Sainte-Anne-des-Monts", ["G4V"]),
        ("New Richmond", ["G0C"]),
    ],
    Region.NORD_DU_QUEBEC: [("Chibougamau", ["G8P"])],
    Province.ON: [
        ("Ottawa", ["K1B", "K1G", "K2E"]),
        ("Mississauga", ["L4T", "L5N", "L5T"]),
        ("Toronto", ["M1B", "M9W", "M9V"]),
        ("Cornwall", ["K6H", "K6J"]),
        ("Hawkesbury", ["K6A"]),
        ("London", ["N5V", "N6E"]),
        ("Sudbury", ["P3A", "P3B"]),
    ],
    Province.NB: [
        ("Edmundston", ["E3V"]),
        ("Moncton", ["E1A", "E1C"]),
        ("Fredericton", ["E3B", "E3C"]),
        ("Bathurst", ["E2A"]),
    ],
}
# The letters a postal code may hold (never D, F, I, O, Q or U).
POSTAL_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"

AREA_CODES = {
    **dict.fromkeys(
        [
            Region.BAS_SAINT_LAURENT,
            Region.SAGUENAY_LAC_SAINT_JEAN,
            Region.CAPITALE_NATIONALE,
            Region.COTE_NORD,
            Region.GASPESIE,
            Region.CHAUDIERE_APPALACHES,
        ],
        ("418", "581"),
    ),
    **dict.fromkeys(
        [
            Region.MAURICIE,
            Region.ESTRIE,
            Region.OUTAOUAIS,
            Region.ABITIBI_TEMISCAMINGUE,
            Region.NORD_DU_QUEBEC,
            Region.CENTRE_DU_QUEBEC,
        ],
        ("819", "873"),
    ),
    **dict.fromkeys(
        [Region.LAVAL, Region.LANAUDIERE, Region.LAURENTIDES, Region.MONTEREGIE],
        ("450", "579"),
    ),
    Region.MONTREAL: ["514", "438"],
    Province.ON: ["613", "905", "416", "519", "705"],
    Province.NB: ["506"],
}

STREETS_FR = [
    "rue de l'Imaginaire",
    "boulevard des Inventions",
    "rue des Chimères",
    "avenue de la Fiction",
    "rue du Polymère-Rêvé",
    "boulevard de la Résine-Fantôme",
    "rue des Fibres-Imaginaires",
    "rang du Caoutchouc-Fictif",
    "rue des Moules-Inventés",
    "chemin de l'Utopie",
    "avenue des Mirages",
    "rue de la Fantaisie",
    "route du Songe",
    "rue des Licornes",
]
STREETS_EN = [
    "Imaginary Road",
    "Fictional Street",
    "Make-Believe Avenue",
    "Invented Drive",
    "Daydream Boulevard",
]

# --- Names -----------------------------------------------------------------------------

# (word, grammatical gender) by sector; "" is any company.
KINDS = {
    PLASTICS: [
        ("Polymères", "m"),
        ("Plastiques", "m"),
        ("Moulages", "m"),
        ("Thermoplastiques", "m"),
        ("Profilés", "m"),
        ("Emballages", "m"),
        ("Extrusions", "f"),
        ("Mousses", "f"),
    ],
    COMPOSITES: [
        ("Composites", "m"),
        ("Laminés", "m"),
        ("Fibres", "f"),
        ("Résines", "f"),
        ("Structures", "f"),
        ("Coques", "f"),
    ],
    RUBBER: [("Caoutchoucs", "m"), ("Élastomères", "m"), ("Joints", "m"), ("Gommes", "f")],
    "": [
        ("Industries", "f"),
        ("Laboratoires", "m"),
        ("Ateliers", "m"),
        ("Produits", "m"),
        ("Systèmes", "m"),
        ("Fabrications", "f"),
        ("Technologies", "f"),
        ("Solutions", "f"),
        ("Pièces", "f"),
        ("Procédés", "m"),
    ],
}
ADJECTIVES = [
    ("Imaginaires", "Imaginaires"),
    ("Fictifs", "Fictives"),
    ("Inventés", "Inventées"),
    ("Chimériques", "Chimériques"),
    ("Fantaisistes", "Fantaisistes"),
    ("Hypothétiques", "Hypothétiques"),
    ("Illusoires", "Illusoires"),
    ("Fabuleux", "Fabuleuses"),
    ("Improbables", "Improbables"),
    ("Utopiques", "Utopiques"),
    ("Rêvés", "Rêvées"),
    ("Inexistants", "Inexistantes"),
    ("Supposés", "Supposées"),
    ("Factices", "Factices"),
    ("Fantasmés", "Fantasmées"),
    ("Irréels", "Irréelles"),
    ("Imaginés", "Imaginées"),
    ("Légendaires", "Légendaires"),
    ("Mythiques", "Mythiques"),
    ("Fantômes", "Fantômes"),
]
PLACES = {
    Region.CHAUDIERE_APPALACHES: [
        "de la Beauce",
        "des Etchemins",
        "de Bellechasse",
        "de Lotbinière",
        "des Appalaches",
        "de la Chaudière",
    ],
    Region.MONTEREGIE: ["du Richelieu", "de la Yamaska", "de la Rive-Sud", "des Montérégiennes"],
    Region.MONTREAL: ["de l'Île", "de Montréal", "du Grand Montréal"],
    Region.LAVAL: ["de l'Île Jésus", "de Laval"],
    Region.LANAUDIERE: ["de Lanaudière", "de L'Assomption"],
    Region.CENTRE_DU_QUEBEC: ["des Bois-Francs", "du Centre-du-Québec"],
    Region.CAPITALE_NATIONALE: ["de la Capitale", "de Portneuf", "de Charlevoix"],
    Region.ESTRIE: ["des Cantons", "de l'Estrie"],
    Region.LAURENTIDES: ["des Laurentides", "des Basses-Laurentides"],
    Region.MAURICIE: ["de la Mauricie", "du Saint-Maurice"],
    Region.BAS_SAINT_LAURENT: ["du Bas-du-Fleuve", "du Kamouraska"],
    Region.SAGUENAY_LAC_SAINT_JEAN: ["du Saguenay", "du Lac"],
    Region.OUTAOUAIS: ["de l'Outaouais"],
    Region.ABITIBI_TEMISCAMINGUE: ["de l'Abitibi"],
    Region.COTE_NORD: ["de la Côte-Nord"],
    Region.GASPESIE: ["de la Gaspésie"],
    Region.NORD_DU_QUEBEC: ["de la Baie-James"],
    Province.NB: ["de l'Acadie"],
}
# Invariable words that make a name sound invented wherever the company is.
FANCY = [
    "Boréal",
    "Licorne",
    "Phénix",
    "Griffon",
    "Pégase",
    "Chimère",
    "Atlantide",
    "Eldorado",
    "Mirage",
    "Aurore",
    "Zénith",
    "Nébuleuse",
    "Sirène",
    "Farfadet",
    "Lutin",
    "Comète",
    "Arc-en-ciel",
    "Songe",
]
SUFFIXES = ["inc.", "inc.", "inc.", "ltée", "ltée", "coop"]
SYLLABLES = ["zar", "vo", "lex", "quil", "bo", "trix", "nor", "pla", "fi", "xo", "mu", "ran"]

ONTARIO_KINDS = [
    "Polymers",
    "Plastics",
    "Composites",
    "Mouldings",
    "Extrusions",
    "Resins",
    "Rubber Works",
    "Industries",
    "Technologies",
]
ONTARIO_ADJECTIVES = [
    "Imaginary",
    "Fictional",
    "Invented",
    "Make-Believe",
    "Hypothetical",
    "Illusory",
    "Fabled",
    "Improbable",
    "Utopian",
    "Dreamt-Up",
    "Nonexistent",
    "Mythical",
    "Phantom",
]
ONTARIO_PLACES = ["of the Great Lakes", "of the Ottawa Valley", "Lakeshore", "Maple Leaf", ""]
ONTARIO_SUFFIXES = ["Inc.", "Ltd.", "Corp."]

# --- People ------------------------------------------------------------------------------

FIRST_NAMES = [
    ("Marie", "f"),
    ("Julie", "f"),
    ("Sophie", "f"),
    ("Isabelle", "f"),
    ("Catherine", "f"),
    ("Nathalie", "f"),
    ("Geneviève", "f"),
    ("Mélanie", "f"),
    ("Annie", "f"),
    ("Valérie", "f"),
    ("Marie-Ève", "f"),
    ("Josée", "f"),
    ("Émilie", "f"),
    ("Camille", "f"),
    ("Léa", "f"),
    ("Audrey", "f"),
    ("Karine", "f"),
    ("Véronique", "f"),
    ("Fatima", "f"),
    ("Mei", "f"),
    ("Jean", "m"),
    ("Luc", "m"),
    ("Marc", "m"),
    ("Pierre", "m"),
    ("Martin", "m"),
    ("Éric", "m"),
    ("Patrick", "m"),
    ("Sylvain", "m"),
    ("Stéphane", "m"),
    ("Mathieu", "m"),
    ("Simon", "m"),
    ("François", "m"),
    ("Alexandre", "m"),
    ("Guillaume", "m"),
    ("Maxime", "m"),
    ("Olivier", "m"),
    ("Jean-François", "m"),
    ("Félix", "m"),
    ("Karim", "m"),
    ("Mamadou", "m"),
]
LAST_NAMES = [
    "Tremblay",
    "Gagnon",
    "Roy",
    "Côté",
    "Bouchard",
    "Gauthier",
    "Morin",
    "Lavoie",
    "Fortin",
    "Gagné",
    "Ouellet",
    "Pelletier",
    "Bélanger",
    "Lévesque",
    "Bergeron",
    "Leblanc",
    "Paquette",
    "Girard",
    "Simard",
    "Boucher",
    "Caron",
    "Beaulieu",
    "Cloutier",
    "Dubé",
    "Poirier",
    "Fournier",
    "Lapointe",
    "Leclerc",
    "Lefebvre",
    "Poulin",
    "Thibault",
    "St-Pierre",
    "Nadeau",
    "Landry",
    "Bédard",
    "Grenier",
    "Lessard",
    "Vachon",
    "Nguyen",
    "Haddad",
    "Diallo",
    "Chen",
]
ADMIN_TITLES = [
    ("Président", "Présidente"),
    ("Directeur général", "Directrice générale"),
    ("Propriétaire", "Propriétaire"),
    ("Vice-président, opérations", "Vice-présidente, opérations"),
]
COLLEAGUE_TITLES = [
    ("Directeur des ventes", "Directrice des ventes"),
    ("Responsable de la qualité", "Responsable de la qualité"),
    ("Ingénieur de procédés", "Ingénieure de procédés"),
    ("Acheteur", "Acheteuse"),
    ("Contrôleur", "Contrôleuse"),
    ("Coordonnateur marketing", "Coordonnatrice marketing"),
    ("Responsable R-D", "Responsable R-D"),
    ("Directeur de production", "Directrice de production"),
]

# --- Descriptions --------------------------------------------------------------------------

DESCRIPTIONS = [
    (
        "{name} est une entreprise fictive de {city}, inventée pour la démonstration du "
        "portail. Fondée en {founded}, elle est spécialisée en {processes} à partir "
        "{materials_de}. Marchés desservis : {markets}.",
        "{name} is a fictitious company in {city}, made up to demonstrate the portal. "
        "Founded in {founded}, it specialises in {processes} of {materials}. "
        "Markets served: {markets}.",
    ),
    (
        "Entreprise imaginaire établie à {city} depuis {founded}, {name} réunit {team} "
        "autour de procédés bien réels : {processes}. Matières travaillées : {materials}. "
        "Ses clients, tout aussi fictifs, sont dans ces marchés : {markets}.",
        "An imaginary company based in {city} since {founded}, {name} brings together "
        "{team_en} around very real processes: {processes}. Materials: {materials}. "
        "Its equally fictitious customers are in these markets: {markets}.",
    ),
    (
        "Cette fiche de démonstration présente {name}, une entreprise qui n'existe pas. "
        "À {city}, elle pratique {processes_article} et transforme {materials_article}. "
        "Marchés : {markets}.",
        "This demo profile shows {name}, a company that does not exist. "
        "In {city}, it runs {processes} and processes {materials}. Markets: {markets}.",
    ),
    (
        "{name} (entreprise fictive, {team}) : {processes}, surtout {materials_article}, "
        "depuis {founded} à {city}. Elle sert les marchés suivants : {markets}.",
        "{name} (a fictitious company, {team_en}): {processes}, mostly {materials}, "
        "in {city} since {founded}. Markets served: {markets}.",
    ),
]
DISCLAIMER = (
    "Aucune information de cette fiche ne décrit une entreprise réelle.",
    "Nothing on this profile describes a real company.",
)
CERTIFIED = ("Certifications : {items}.", "Certifications: {items}.")
ROLES_SENTENCE = (
    "Rôle dans la chaîne de valeur : {items}.",
    "Role in the value chain: {items}.",
)
OFFERINGS = [
    ("prototypes et petites séries", "prototypes and short runs"),
    ("production en grand volume", "high-volume production"),
    ("conception et ingénierie de pièces", "part design and engineering"),
    ("assemblage et finition", "assembly and finishing"),
    ("essais en laboratoire", "laboratory testing"),
    ("entretien de moules de clients", "maintenance of customers' moulds"),
    ("livraison juste-à-temps", "just-in-time delivery"),
    ("pièces de rechange", "spare parts"),
]
TEAM = {
    EmployeeBand.B1: ("moins de 10 personnes", "fewer than 10 people"),
    EmployeeBand.B10: ("de 10 à 49 personnes", "10 to 49 people"),
    EmployeeBand.B50: ("de 50 à 99 personnes", "50 to 99 people"),
    EmployeeBand.B100: ("de 100 à 249 personnes", "100 to 249 people"),
    EmployeeBand.B250: ("de 250 à 499 personnes", "250 to 499 people"),
    EmployeeBand.B500: ("plus de 500 personnes", "more than 500 people"),
}
EMPLOYEE_WEIGHTS = {
    EmployeeBand.B1: 20,
    EmployeeBand.B10: 40,
    EmployeeBand.B50: 18,
    EmployeeBand.B100: 14,
    EmployeeBand.B250: 5,
    EmployeeBand.B500: 3,
}
NAICS = {
    PLASTICS: ["326198", "326198", "326111", "326121", "326122", "326150", "326193", "325210"],
    COMPOSITES: ["326198", "326198", "326130", "325210"],
    RUBBER: ["326290", "326220", "326290"],
}

# Membership situations, per 100 companies (see _periods).
STATUS_WEIGHTS = {
    "active": 77.0,
    "ending": 20 / 6,  # active, the period ends within 30 days: ~20 per 600
    "renewed": 1.0,  # active, ends soon but the next period is already there
    "grace": 5.0,
    "lapsed": 10.0,
    "pending": 2.0,
    "cancelled": 1.5,
}
SECTOR_WEIGHTS = {(PLASTICS,): 58, (COMPOSITES,): 26, (PLASTICS, COMPOSITES): 16}
RUBBER_SHARE = 0.08
# Words in a process or material name (French or English, folded) telling its sector.
SECTOR_WORDS = {
    COMPOSITES: (
        "infusion",
        "rtm",
        "pultrusion",
        "enroulement",
        "filament",
        "contact",
        "projection",
        "lay up",
        "autoclave",
        "compression",
        "fibre",
        "fiber",
        "thermodurc",
        "thermoset",
        "epoxy",
    ),
    RUBBER: (
        "caoutchouc",
        "rubber",
        "elastom",
        "calandr",
        "calender",
        "compression",
        "vulcan",
        "silicone",
    ),
}

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


# --- Helpers ------------------------------------------------------------------------------


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


def _lower_first(text: str) -> str:
    """ "Moulage par injection" → "moulage par injection", but "PVC" and "ISO" stay."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _join(items: list[str], lang: str) -> str:
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


def _name(item, lang: str) -> str:
    return getattr(item, f"name_{lang}", "") or item.name_fr or item.name


def _yearly_back(start: dt.date) -> dt.date:
    """The start of the period one year before the one starting on ``start``."""
    return start.replace(year=start.year - 1)


def _no_leap_day(day: dt.date, *, later: bool = False) -> dt.date:
    """Periods never start on 29 February, so a year back is always the same date."""
    if (day.month, day.day) != (2, 29):
        return day
    return day + dt.timedelta(days=1 if later else -1)


def _start_for_end(end: dt.date) -> dt.date:
    """The start of the yearly period that ends on ``end``, or on the day before when
    the next day is a 29 February (no period starts on one)."""
    if (end + dt.timedelta(days=1)).timetuple()[1:3] == (2, 29):
        end -= dt.timedelta(days=1)
    return _yearly_back(end + dt.timedelta(days=1))


def _say(stdout, message: str) -> None:
    if stdout is not None:
        stdout.write(message + "\n")


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


# --- The reference lists ----------------------------------------------------------------------


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
            text = fold(f"{item.slug} {_name(item, 'fr')} {_name(item, 'en')}").replace("-", " ")
            matched = [
                sector
                for sector, words in SECTOR_WORDS.items()
                if any(word in text for word in words)
            ]
            for sector in matched or [PLASTICS]:
                pools[sector].append(item)
        return {sector: pool or list(items) for sector, pool in pools.items()}


# --- Building one company ------------------------------------------------------------------------


@dataclasses.dataclass(eq=False)  # compared by identity
class Plan:
    """What is decided up front for the whole run, so the shares hold exactly."""

    region: str
    status: str
    sectors: tuple[str, ...]
    french_only: bool
    injection: bool = False


class DemoBuilder:
    def __init__(self, rng: random.Random, refs: References, today: dt.date):
        self.rng = rng
        self.refs = refs
        self.today = today
        self.now = timezone.now()
        self.grace = grace_days()
        self.names: set[str] = set()
        self.slugs: set[str] = set(Company.objects.values_list("slug", flat=True))
        self.names.update(fold(n) for n in Company.objects.values_list("name", flat=True))
        self.neqs: set[str] = set(
            Company.objects.exclude(neq=None).values_list("neq", flat=True)
        ) | set(Application.objects.exclude(neq="").values_list("neq", flat=True))
        self.invoices: Counter = Counter()

    # Plans for the whole run ------------------------------------------------------

    def plans(self, count: int) -> list[Plan]:
        rng = self.rng
        regions = allot(rng, count, REGION_WEIGHTS)
        statuses = allot(rng, count, STATUS_WEIGHTS)
        sectors = allot(rng, count, SECTOR_WEIGHTS)
        rubber = allot(rng, count, {True: RUBBER_SHARE, False: 1 - RUBBER_SHARE})
        french_only = allot(rng, count, {True: 10, False: 90})
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

    def company(self, plan: Plan) -> tuple[Company, dict, list[Membership], list[Representative]]:
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
        texts = self._texts(name, city, founded, employees, classifications)
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
        memberships = self._periods(company, plan.status, founded)
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
                pool = rng.choice([*plan.sectors, ""])
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
            return f"{number} {self.rng.choice(STREETS_EN)}"
        return f"{number}, {self.rng.choice(STREETS_FR)}"

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

    # Texts ---------------------------------------------------------------------------

    def _texts(self, name, city, founded, employees, classifications) -> dict[str, str]:
        rng = self.rng

        def names(field: str, lang: str) -> list[str]:
            return [_lower_first(_name(item, lang)) for item in classifications[field]]

        fr_processes, en_processes = names("processes", "fr"), names("processes", "en")
        fr_materials, en_materials = names("materials", "fr"), names("materials", "en")
        fr_materials = fr_materials or ["matières plastiques"]
        en_materials = en_materials or ["plastics"]
        fr_processes = fr_processes or ["transformation"]
        en_processes = en_processes or ["processing"]
        values = {
            "name": name,
            "city": city,
            "founded": founded,
            "team": TEAM[employees][0],
            "team_en": TEAM[employees][1],
        }
        fr = {
            **values,
            "processes": _join(fr_processes, "fr"),
            "processes_article": _join([_article(p) for p in fr_processes], "fr"),
            "materials": _join(fr_materials, "fr"),
            "materials_de": _join([_de(m) for m in fr_materials], "fr"),
            "materials_article": _join([_article(m) for m in fr_materials], "fr"),
            "markets": _join(names("markets", "fr"), "fr") or "divers",
        }
        en = {
            **values,
            "processes": _join(en_processes, "en"),
            "materials": _join(en_materials, "en"),
            "markets": _join(names("markets", "en"), "en") or "various",
        }
        template_fr, template_en = rng.choice(DESCRIPTIONS)
        description_fr, description_en = [template_fr.format(**fr)], [template_en.format(**en)]
        if classifications["roles"] and rng.random() < 0.5:
            description_fr.append(ROLES_SENTENCE[0].format(items=_join(names("roles", "fr"), "fr")))
            description_en.append(ROLES_SENTENCE[1].format(items=_join(names("roles", "en"), "en")))
        if classifications["certifications"]:
            description_fr.append(
                CERTIFIED[0].format(items=_join(names("certifications", "fr"), "fr"))
            )
            description_en.append(
                CERTIFIED[1].format(items=_join(names("certifications", "en"), "en"))
            )
        description_fr.append(DISCLAIMER[0])
        description_en.append(DISCLAIMER[1])

        offerings = rng.sample(OFFERINGS, 2)
        products_fr = [
            f"Pièces sur mesure fabriquées par {_join(fr_processes, 'fr')}",
            f"pièces en {_join(fr_materials[:2], 'fr')}",
            *[offering[0] for offering in offerings],
        ]
        products_en = [
            f"Custom parts made by {_join(en_processes, 'en')}",
            f"parts in {_join(en_materials[:2], 'en')}",
            *[offering[1] for offering in offerings],
        ]
        return {
            "description_fr": " ".join(description_fr),
            "description_en": " ".join(description_en),
            "products_fr": " ; ".join(products_fr) + ".",
            "products_en": "; ".join(products_en) + ".",
        }

    # Membership periods ----------------------------------------------------------------

    def _periods(self, company: Company, status: str, founded: int) -> list[Membership]:
        """The company's yearly periods, the latest first, such that
        ``Company.objects.with_status()`` finds ``status`` today."""
        rng, today, grace = self.rng, self.today, self.grace
        if status == "grace" and grace < 1:
            status = "lapsed"
        category = rng.choices(
            self.refs.categories,
            weights=[72, 24, *[4] * (len(self.refs.categories) - 2)][: len(self.refs.categories)],
        )[0]
        cancelled_on = None
        future = None
        if status == "pending":  # approved, starting soon: only a future period
            start = _no_leap_day(today + dt.timedelta(days=rng.randint(1, 60)), later=True)
            return [self._period(company, category, start)]
        if status == "active":
            latest = today - dt.timedelta(days=rng.randint(0, 330))
        elif status == "ending":
            latest = today - dt.timedelta(days=rng.randint(336, 362))
        elif status == "renewed":
            latest = today - dt.timedelta(days=rng.randint(336, 362))
            future = True
        elif status == "grace":  # ended within the grace period
            latest = _start_for_end(today - dt.timedelta(days=rng.randint(1, grace)))
        elif status == "lapsed":  # ended well before
            end = today - dt.timedelta(days=rng.randint(grace + 20, 1800))
            latest = _start_for_end(end)
        else:  # cancelled during its latest period, well after the previous one ended
            latest = today - dt.timedelta(days=rng.randint(grace + 40, 330))
            cancelled_on = latest + dt.timedelta(days=rng.randint(10, (today - latest).days))
        latest = _no_leap_day(latest)
        periods = [self._period(company, category, latest)]
        periods[0].cancelled_on = cancelled_on
        if future:
            upcoming = self._period(company, category, periods[0].end + dt.timedelta(days=1))
            upcoming.paid_on = today - dt.timedelta(days=rng.randint(0, 10))  # renewed early
            periods.insert(0, upcoming)
        # Earlier years, back to back, now and then with a year off.
        first_year = max(founded + 1, today.year - 14, 2005)
        start = latest
        for _ in range(rng.choices(range(10), [14, 14, 12, 11, 10, 10, 9, 8, 7, 5])[0]):
            start = _yearly_back(start)
            if rng.random() < 0.05:
                start = _yearly_back(start)
            if start.year < first_year:
                break
            periods.append(self._period(company, category, start))
        return periods

    def _period(self, company, category, start: dt.date) -> Membership:
        """One yearly period: paid if it is over, paid 85 % of the time if it is running,
        half of the time if it is still to come."""
        rng, today = self.rng, self.today
        end = one_year_from(start)
        self.invoices[start.year] += 1
        chance = 0.5 if start > today else 1.0 if end < today else 0.85
        paid = rng.random() < chance
        paid_on = None
        if paid:
            days = rng.randint(-20, 40) if start <= today else -rng.randint(0, 10)
            paid_on = min(start + dt.timedelta(days=days), today)
        return Membership(
            company=company,
            category=category,
            start=start,
            end=end,
            fee=category.annual_fee,
            invoice_reference=f"F-{start.year}-{self.invoices[start.year]:04d}",
            paid_on=paid_on,
        )

    # People ------------------------------------------------------------------------------

    def _people(self, company, domain: str, area: str, *, english: bool) -> list[Representative]:
        rng = self.rng
        people, emails = [], set()
        for index in range(rng.choices([1, 2, 3], [45, 35, 20])[0]):
            first, gender = rng.choice(FIRST_NAMES)
            last = rng.choice(LAST_NAMES)
            local = f"{slugify(fold(first))}.{slugify(fold(last))}"
            email, n = f"{local}@{domain}.example", 2
            while email in emails:
                email, n = f"{local}{n}@{domain}.example", n + 1
            emails.add(email)
            titles = ADMIN_TITLES if index == 0 else COLLEAGUE_TITLES
            visibility = rng.choices(list(Representative.Visibility), weights=[40, 30, 30])[0]
            french = rng.random() < (0.3 if english else 0.85)
            people.append(
                Representative(
                    company=company,
                    first_name=first,
                    last_name=last,
                    email=email,
                    job_title=rng.choice(titles)[0 if gender == "m" else 1],
                    phone=f"{company.phone} poste {rng.randint(200, 299)}",
                    role=(
                        Representative.Role.ADMIN if index == 0 else Representative.Role.COLLEAGUE
                    ),
                    preferred_language="fr" if french else "en",
                    visibility=visibility,
                    visibility_changed_at=(
                        None
                        if visibility == Representative.Visibility.HIDDEN and rng.random() < 0.5
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
        texts = self._texts(name, city, rng.randint(1990, 2022), employees, classifications)
        first, gender = rng.choice(FIRST_NAMES)
        last = rng.choice(LAST_NAMES)
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


# --- The whole run ------------------------------------------------------------------------------


def _store_logo(company: Company, seed: int) -> None:
    """Draw a logo and store it the way an upload is: SafeImageField re-encodes the
    uncommitted file in ``pre_save`` (``logo.save()`` would store it as it is), then the
    renditions are drawn, as imagekit does after a save. Files only, no database: it
    runs in worker threads, where Pillow and zlib release the GIL."""
    company.logo = ContentFile(make_logo(random.Random(seed)), name=f"{company.slug[:60]}.png")
    Company._meta.get_field("logo").pre_save(company, add=False)
    company.logo_small.generate()
    company.logo_large.generate()


def _add_logos(companies: list[Company], rng: random.Random) -> int:
    """Give most of ``companies`` a logo; return how many got one."""
    chosen = [(company, rng.randrange(2**32)) for company in companies]
    chosen = [(company, seed) for company, seed in chosen if rng.random() < LOGO_SHARE]
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        for _done in pool.map(lambda job: _store_logo(*job), chosen):
            pass
    Company.objects.bulk_update([company for company, _seed in chosen], ["logo"], batch_size=500)
    return len(chosen)


def _through_rows(model, owners_and_choices) -> dict:
    """The rows of each many-to-many table, for ``(owner, classifications)`` pairs."""
    rows = {}
    for field_name in CLASSIFICATION_FIELDS.values():
        field = model._meta.get_field(field_name)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows[through] = [
            through(**{f"{source}_id": owner.pk, f"{target}_id": item.pk})
            for owner, choices in owners_and_choices
            for item in choices[field_name]
        ]
    return rows


def create_demo_companies(count: int, *, seed: int = 2026, logos: bool = True, stdout=None) -> int:
    """Add ``count`` fictitious companies with their classifications, membership periods
    and people, plus a few pending applications; return how many companies were made.

    Does nothing when demo companies are already there (run it again safely). Raises
    CommandError when the membership categories are missing (``seed_reference``)."""
    if count <= 0:
        return 0
    refs = References.load()
    if (existing := demo_companies().count()) > 0:
        _say(
            stdout,
            f"  kept     {existing} demo companies (already there: none added, "
            "delete them to make new ones)",
        )
        return 0
    started = time.monotonic()
    rng = random.Random(seed)
    builder = DemoBuilder(rng, refs, timezone.localdate())
    plans = builder.plans(count)
    totals = Counter()
    with transaction.atomic():
        logo_companies = []
        for offset in range(0, count, BATCH_SIZE):
            built = [builder.company(plan) for plan in plans[offset : offset + BATCH_SIZE]]
            companies = [company for company, *_rest in built]
            Company.objects.bulk_create(companies, batch_size=BATCH_SIZE)
            for through, rows in _through_rows(
                Company, [(company, choices) for company, choices, *_rest in built]
            ).items():
                through.objects.bulk_create(rows, batch_size=BATCH_SIZE)
                totals["classifications"] += len(rows)
            periods = [period for *_rest, periods, _people in built for period in periods]
            Membership.objects.bulk_create(periods, batch_size=BATCH_SIZE)
            people = [person for *_rest, people in built for person in people]
            Representative.objects.bulk_create(people, batch_size=BATCH_SIZE)
            totals["companies"] += len(companies)
            totals["periods"] += len(periods)
            totals["people"] += len(people)
            if logos:
                logo_companies += [
                    company
                    for index, company in enumerate(companies, start=offset)
                    if index < LOGO_LIMIT
                ]
            if count > BATCH_SIZE:
                _say(stdout, f"  …        {totals['companies']} / {count} demo companies")

        totals["logos"] = _add_logos(logo_companies, random.Random(seed + 1))

        applications = [builder.application() for _ in range(max(1, round(count / 120)))]
        Application.objects.bulk_create([application for application, _c in applications])
        for through, rows in _through_rows(Application, applications).items():
            through.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    directory.directory_changed()
    _say(
        stdout,
        f"  created  {totals['companies']} demo companies ({totals['logos']} logos, "
        f"{totals['periods']} membership periods, {totals['people']} people, "
        f"{totals['classifications']} classifications) and {len(applications)} pending "
        f"applications in {time.monotonic() - started:.1f} s",
    )
    return totals["companies"]


DEMO_LOGIN_COMPANIES = 5


def create_demo_logins(password: str, *, stdout=None) -> Representative | None:
    """Give the people of a few demo companies an account (all with ``password``): both
    people of the first five companies in the directory, and the administrator of one
    lapsed company. Returns the administrator whose login to show, or ``None`` when there
    are no demo companies."""
    listed = list(demo_companies().in_directory().order_by("sort_name")[:DEMO_LOGIN_COMPANIES])
    lapsed = (
        demo_companies()
        .with_status()
        .filter(status=MembershipStatus.LAPSED)
        .order_by("sort_name")[:1]
    )
    people = list(
        Representative.objects.filter(company__in=[*listed, *lapsed])
        .select_related("company")
        .order_by("company__sort_name", "-role", "pk")
    )
    people = [p for p in people if p.company in listed or p.role == Representative.Role.ADMIN]
    for person in people:
        user, _created = User.objects.get_or_create(
            email=person.email,
            defaults={
                "first_name": person.first_name,
                "last_name": person.last_name,
                "preferred_language": person.preferred_language,
                "privacy_consented_at": timezone.now(),
            },
        )
        user.set_password(password)
        user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        person.user = user
        person.save(update_fields=["user"])
    _say(stdout, f"  ready    {len(people)} demo member logins (same password)")
    return next(
        (p for p in people if p.company in listed and p.role == Representative.Role.ADMIN), None
    )


def _demo_pdf(title: str, lines: list[str]) -> ContentFile:
    """A one-page PDF with a title and a few lines, drawn with Pillow."""
    page = Image.new("RGB", (1240, 1754), "white")  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    draw.text((120, 140), title, fill="black", font_size=44)
    for index, line in enumerate(lines):
        draw.text((120, 260 + index * 56), line, fill="black", font_size=30)
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    return ContentFile(buffer.getvalue())


DEMO_AGENDA = (
    "<ol><li>Mot de bienvenue et adoption de l'ordre du jour</li>"
    "<li>Suivi du plan d'action du comité</li><li>Projets en cours</li><li>Varia</li></ol>"
)


def create_demo_committees(staff: User, *, stdout=None) -> int:
    """Seat demo people on the three committees (the people with demo logins first),
    with past meetings, their minutes and summaries, and upcoming ones. Does nothing when
    the committees already have seats."""
    committees = list(Committee.objects.order_by("position", "pk"))
    if not committees or Seat.objects.exists():
        return 0
    people = list(
        Representative.objects.filter(company__in=demo_companies().in_good_standing())
        .order_by(F("user").desc(nulls_last=True), "company__sort_name", "pk")
        .select_related("company")[: 7 * len(committees)]
    )
    today = timezone.localdate()
    now = timezone.now()
    seats = meetings = 0
    for index, committee in enumerate(committees):
        group = people[index :: len(committees)]
        roles = [Seat.Role.CHAIR, Seat.Role.VICE_CHAIR] + [Seat.Role.MEMBER] * (len(group) - 2)
        for person, role in zip(group, roles, strict=False):
            Seat.objects.create(
                committee=committee, person=person, role=role, start=today.replace(day=1, month=1)
            )
            seats += 1
        Seat.objects.create(
            committee=committee, staff_member=staff, role=Seat.Role.SECRETARY, start=today
        )
        for months_ago in (5, 3, 1):
            starts = (now - dt.timedelta(days=30 * months_ago)).replace(
                hour=13 + index, minute=30, second=0, microsecond=0
            )
            meeting = Meeting.objects.create(
                committee=committee,
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=2),
                place="Centre des congrès de Lévis",
                agenda_fr=DEMO_AGENDA,
                summary_fr=f"Le comité a fait le point sur son plan d'action ({committee.name}).",
                summary_en="The committee reviewed its action plan.",
                status=Meeting.Status.HELD,
                notice_sent_at=starts - dt.timedelta(days=14),
            )
            date = timezone.localtime(starts).date().isoformat()
            for title, kind, access in (
                (f"Procès-verbal du {date}", Document.Kind.MINUTES, Document.Access.COMMITTEE),
                (f"Présentation du {date}", Document.Kind.OTHER, Document.Access.PUBLIC),
            ):
                document = Document(
                    committee=committee, meeting=meeting, title_fr=title, kind=kind, access=access
                )
                document.file.save(
                    f"{slugify(title)}.pdf",
                    _demo_pdf(title, [committee.name, "Document fictif de démonstration."]),
                    save=True,
                )
            meetings += 1
        for weeks in (2, 8):
            starts = (now + dt.timedelta(weeks=weeks)).replace(
                hour=9 + index, minute=0, second=0, microsecond=0
            )
            Meeting.objects.create(
                committee=committee,
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=2),
                video_url="https://visio.example/alliance",
                agenda_fr=DEMO_AGENDA,
            )
            meetings += 1
    _say(stdout, f"  created  {seats} demo committee seats and {meetings} meetings")
    return seats
