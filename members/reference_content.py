"""Reference lists of the member companies, seeded by ``manage.py seed_reference``.

French (Québec) first, English second. ``CLASSIFICATIONS`` is keyed by model name and
lists each model's terms in display order. Slugs are language-neutral identifiers taken
from the French name: once seeded they are what the directory's addresses carry
(``?process=extrusion``), so they are not to be changed.
"""

CLASSIFICATIONS = {
    "Sector": [
        {"slug": "plastiques", "name_fr": "Plastiques", "name_en": "Plastics"},
        {"slug": "composites", "name_fr": "Composites", "name_en": "Composites"},
        {"slug": "caoutchouc", "name_fr": "Caoutchouc", "name_en": "Rubber"},
    ],
    "ValueChainRole": [
        {
            "slug": "transformateur",
            "name_fr": "Transformateur",
            "name_en": "Processor and converter",
        },
        {
            "slug": "fournisseur-de-resines-et-matieres",
            "name_fr": "Fournisseur de résines et de matières premières",
            "name_en": "Resin and raw material supplier",
        },
        {
            "slug": "compoundeur",
            "name_fr": "Compoundeur (mélanges et mélanges-maîtres)",
            "name_en": "Compounder (compounds and masterbatches)",
        },
        {
            "slug": "fabricant-de-moules-et-outillage",
            "name_fr": "Fabricant de moules et d'outillage",
            "name_en": "Mould and tool maker",
        },
        {
            "slug": "machinerie-et-equipements",
            "name_fr": "Machinerie et équipements",
            "name_en": "Machinery and equipment",
        },
        {"slug": "recycleur", "name_fr": "Recycleur", "name_en": "Recycler"},
        {"slug": "distributeur", "name_fr": "Distributeur", "name_en": "Distributor"},
        {
            "slug": "services",
            "name_fr": "Services (ingénierie, essais, design)",
            "name_en": "Services (engineering, testing, design)",
        },
        {
            "slug": "recherche-et-formation",
            "name_fr": "Recherche et formation",
            "name_en": "Research and training",
        },
    ],
    "Process": [
        {
            "slug": "moulage-par-injection",
            "name_fr": "Moulage par injection",
            "name_en": "Injection moulding",
        },
        {
            "slug": "extrusion",
            "name_fr": "Extrusion (profilés, tubes et tuyaux)",
            "name_en": "Extrusion (profiles, pipe and tubing)",
        },
        {
            "slug": "extrusion-de-films-et-feuilles",
            "name_fr": "Extrusion de films et de feuilles",
            "name_en": "Film and sheet extrusion",
        },
        {
            "slug": "moulage-par-soufflage",
            "name_fr": "Moulage par soufflage",
            "name_en": "Blow moulding",
        },
        {"slug": "thermoformage", "name_fr": "Thermoformage", "name_en": "Thermoforming"},
        {"slug": "rotomoulage", "name_fr": "Rotomoulage", "name_en": "Rotational moulding"},
        {
            "slug": "moulage-par-compression",
            "name_fr": "Moulage par compression",
            "name_en": "Compression moulding",
        },
        {"slug": "calandrage", "name_fr": "Calandrage", "name_en": "Calendering"},
        {
            "slug": "mousses-et-polymeres-expanses",
            "name_fr": "Mousses et polymères expansés",
            "name_en": "Foams and expanded polymers",
        },
        {"slug": "compoundage", "name_fr": "Compoundage", "name_en": "Compounding"},
        {
            "slug": "moulage-au-contact-et-projection",
            "name_fr": "Moulage au contact et projection simultanée",
            "name_en": "Hand lay-up and spray-up",
        },
        {
            "slug": "infusion-et-rtm",
            "name_fr": "Infusion et moulage par transfert de résine (RTM)",
            "name_en": "Resin infusion and resin transfer moulding (RTM)",
        },
        {"slug": "pultrusion", "name_fr": "Pultrusion", "name_en": "Pultrusion"},
        {
            "slug": "enroulement-filamentaire",
            "name_fr": "Enroulement filamentaire",
            "name_en": "Filament winding",
        },
        {
            "slug": "impression-3d-et-fabrication-additive",
            "name_fr": "Impression 3D et fabrication additive",
            "name_en": "3D printing and additive manufacturing",
        },
        {
            "slug": "usinage-des-plastiques",
            "name_fr": "Usinage des plastiques",
            "name_en": "Plastics machining",
        },
        {
            "slug": "recyclage-mecanique",
            "name_fr": "Recyclage mécanique",
            "name_en": "Mechanical recycling",
        },
    ],
    "Material": [
        {"slug": "polyethylene", "name_fr": "Polyéthylène (PE)", "name_en": "Polyethylene (PE)"},
        {
            "slug": "polypropylene",
            "name_fr": "Polypropylène (PP)",
            "name_en": "Polypropylene (PP)",
        },
        {
            "slug": "pvc",
            "name_fr": "Polychlorure de vinyle (PVC)",
            "name_en": "Polyvinyl chloride (PVC)",
        },
        {
            "slug": "pet",
            "name_fr": "Polyéthylène téréphtalate (PET)",
            "name_en": "Polyethylene terephthalate (PET)",
        },
        {
            "slug": "polystyrene",
            "name_fr": "Polystyrène et polystyrène expansé (PS, PSE)",
            "name_en": "Polystyrene and expanded polystyrene (PS, EPS)",
        },
        {
            "slug": "abs",
            "name_fr": "Acrylonitrile butadiène styrène (ABS)",
            "name_en": "Acrylonitrile butadiene styrene (ABS)",
        },
        {"slug": "polyamides", "name_fr": "Polyamides (nylon)", "name_en": "Polyamides (nylon)"},
        {
            "slug": "polycarbonate",
            "name_fr": "Polycarbonate (PC)",
            "name_en": "Polycarbonate (PC)",
        },
        {
            "slug": "polymeres-techniques",
            "name_fr": "Polymères techniques et haute performance (POM, PBT, PEEK)",
            "name_en": "Engineering and high-performance polymers (POM, PBT, PEEK)",
        },
        {
            "slug": "thermodurcissables",
            "name_fr": "Thermodurcissables (polyester, époxy, vinylester)",
            "name_en": "Thermosets (polyester, epoxy, vinyl ester)",
        },
        {"slug": "fibre-de-verre", "name_fr": "Fibre de verre", "name_en": "Glass fibre"},
        {"slug": "fibre-de-carbone", "name_fr": "Fibre de carbone", "name_en": "Carbon fibre"},
        {
            "slug": "caoutchouc-naturel",
            "name_fr": "Caoutchouc naturel",
            "name_en": "Natural rubber",
        },
        {
            "slug": "elastomeres-synthetiques",
            "name_fr": "Élastomères synthétiques (EPDM, SBR, silicone)",
            "name_en": "Synthetic elastomers (EPDM, SBR, silicone)",
        },
        {
            "slug": "bioplastiques-et-resines-biosourcees",
            "name_fr": "Bioplastiques et résines biosourcées",
            "name_en": "Bioplastics and bio-based resins",
        },
        {"slug": "resines-recyclees", "name_fr": "Résines recyclées", "name_en": "Recycled resins"},
    ],
    "EndMarket": [
        {"slug": "emballage", "name_fr": "Emballage", "name_en": "Packaging"},
        {
            "slug": "construction-et-batiment",
            "name_fr": "Construction et bâtiment",
            "name_en": "Building and construction",
        },
        {
            "slug": "transport",
            "name_fr": "Transport (automobile, véhicules lourds)",
            "name_en": "Transportation (automotive, heavy vehicles)",
        },
        {"slug": "aerospatiale", "name_fr": "Aérospatiale", "name_en": "Aerospace"},
        {"slug": "agriculture", "name_fr": "Agriculture", "name_en": "Agriculture"},
        {
            "slug": "transformation-alimentaire",
            "name_fr": "Transformation alimentaire",
            "name_en": "Food processing",
        },
        {
            "slug": "sante-et-dispositifs-medicaux",
            "name_fr": "Santé et dispositifs médicaux",
            "name_en": "Health care and medical devices",
        },
        {
            "slug": "biens-de-consommation",
            "name_fr": "Biens de consommation",
            "name_en": "Consumer goods",
        },
        {
            "slug": "materiel-electrique-et-electronique",
            "name_fr": "Matériel électrique et électronique",
            "name_en": "Electrical and electronic equipment",
        },
        {"slug": "energie", "name_fr": "Énergie", "name_en": "Energy"},
        {
            "slug": "equipement-industriel",
            "name_fr": "Équipement industriel",
            "name_en": "Industrial equipment",
        },
        {
            "slug": "nautisme-et-vehicules-recreatifs",
            "name_fr": "Nautisme et véhicules récréatifs",
            "name_en": "Marine and recreational vehicles",
        },
    ],
    "Certification": [
        {"slug": "iso-9001", "name_fr": "ISO 9001", "name_en": "ISO 9001"},
        {"slug": "iso-14001", "name_fr": "ISO 14001", "name_en": "ISO 14001"},
        {"slug": "iso-45001", "name_fr": "ISO 45001", "name_en": "ISO 45001"},
        {"slug": "iatf-16949", "name_fr": "IATF 16949", "name_en": "IATF 16949"},
        {"slug": "iso-13485", "name_fr": "ISO 13485", "name_en": "ISO 13485"},
        {"slug": "as9100", "name_fr": "AS9100", "name_en": "AS9100"},
        {
            "slug": "brcgs-materiaux-d-emballage",
            "name_fr": "BRCGS Matériaux d'emballage",
            "name_en": "BRCGS Packaging Materials",
        },
        {
            "slug": "ici-on-recycle",
            "name_fr": "ICI on recycle + (RECYC-QUÉBEC)",
            "name_en": "ICI on recycle + (RECYC-QUÉBEC)",
        },
    ],
}

# Offered on the application form, in this order.
MEMBERSHIP_CATEGORIES = [
    {
        "name_fr": "Membre manufacturier",
        "name_en": "Manufacturer member",
        "description_fr": (
            "Entreprise qui transforme des plastiques, des composites ou du caoutchouc au Québec."
        ),
        "description_en": "A company that processes plastics, composites or rubber in Québec.",
        "annual_fee": "850.00",
        "position": 0,
    },
    {
        "name_fr": "Membre fournisseur ou associé",
        "name_en": "Supplier or associate member",
        "description_fr": (
            "Fournisseur de résines, d'équipements, de moules ou de services, ou toute "
            "entreprise qui soutient l'industrie."
        ),
        "description_en": (
            "A supplier of resins, equipment, moulds or services, or any business that "
            "supports the industry."
        ),
        "annual_fee": "650.00",
        "position": 1,
    },
    {
        "name_fr": "Partenaire institutionnel",
        "name_en": "Institutional partner",
        "description_fr": (
            "Cégep, université, centre de recherche ou organisme public qui travaille avec "
            "l'industrie."
        ),
        "description_en": (
            "A CEGEP, university, research centre or public body working with the industry."
        ),
        "annual_fee": "500.00",
        "position": 2,
    },
]

# The three industrial sub-committees, one per axis of the five-year strategic plan.
COMMITTEES = [
    {
        "slug": "ventes-developpement-marche",
        "axis": "sales",
        "name_fr": "Ventes et développement de marché",
        "name_en": "Sales and market development",
        "mandate_fr": (
            "Aider les entreprises membres à vendre davantage, au Québec et hors Québec : "
            "missions commerciales, présence collective aux salons, veille des marchés et "
            "maillage avec les donneurs d'ordres."
        ),
        "mandate_en": (
            "Help member companies sell more, in Québec and beyond: trade missions, shared "
            "presence at trade shows, market intelligence and matchmaking with buyers."
        ),
    },
    {
        "slug": "innovation-developpement-durable",
        "axis": "innovation",
        "name_fr": "Innovation et développement durable",
        "name_en": "Innovation and sustainable development",
        "mandate_fr": (
            "Faire avancer l'innovation et l'économie circulaire dans l'industrie : projets "
            "collaboratifs avec les centres de recherche, recyclage et matières recyclées, "
            "écoconception et réduction de l'empreinte des procédés."
        ),
        "mandate_en": (
            "Advance innovation and the circular economy in the industry: joint projects "
            "with research centres, recycling and recycled materials, eco-design and "
            "smaller process footprints."
        ),
    },
    {
        "slug": "rayonnement-creneau",
        "axis": "visibility",
        "name_fr": "Rayonnement du créneau",
        "name_en": "The sector's visibility",
        "mandate_fr": (
            "Faire connaître l'industrie des plastiques, des composites et du caoutchouc et "
            "ses métiers : image du secteur, relève et main-d'œuvre, liens avec les écoles "
            "et présence de l'Alliance dans les médias et les événements."
        ),
        "mandate_en": (
            "Make the plastics, composites and rubber industry and its trades better known: "
            "the sector's image, the next generation and the workforce, links with schools, "
            "and the Alliance's presence in the media and at events."
        ),
    },
]
