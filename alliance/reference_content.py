"""Reference content of the portal, seeded by ``manage.py seed_reference``.

French (Québec) first, English second. Bodies are sanitized HTML limited to p, h2, h3,
ul, ol, li, strong, em, a and blockquote. In the privacy policy, ``{privacy_email}`` and
``{postal_address}`` are placeholders filled in from ``settings.ASSOCIATION`` when the
page is displayed. French strings use no-break spaces where Québec typography calls
for them (before colons, inside « guillemets », as thousands separators).
"""

from __future__ import annotations

NEWS_CATEGORIES = [
    {
        "key": "annonces",
        "name_fr": "Annonces",
        "name_en": "Announcements",
        "slug_fr": "annonces",
        "slug_en": "announcements",
    },
    {
        "key": "vie_associative",
        "name_fr": "Vie associative",
        "name_en": "Association news",
        "slug_fr": "vie-associative",
        "slug_en": "association-news",
    },
    {
        "key": "innovation",
        "name_fr": "Innovation",
        "name_en": "Innovation",
        "slug_fr": "innovation",
        "slug_en": "innovation",
    },
    {
        "key": "marches",
        "name_fr": "Marchés et ventes",
        "name_en": "Markets and sales",
        "slug_fr": "marches-et-ventes",
        "slug_en": "markets-and-sales",
    },
    {
        "key": "main_oeuvre",
        "name_fr": "Main-d'œuvre et formation",
        "name_en": "Workforce and training",
        "slug_fr": "main-d-oeuvre-et-formation",
        "slug_en": "workforce-and-training",
    },
    {
        "key": "developpement_durable",
        "name_fr": "Développement durable",
        "name_en": "Sustainability",
        "slug_fr": "developpement-durable",
        "slug_en": "sustainability",
    },
]

# Shown on the home page, in this order.
KEY_FIGURES = [
    {
        "key": "companies",
        "value_fr": "600",
        "value_en": "600",
        "label_fr": "entreprises au Québec",
        "label_en": "companies in Québec",
    },
    {
        "key": "jobs",
        "value_fr": "22\u00a0000",
        "value_en": "22,000",
        "label_fr": "emplois dans la province",
        "label_en": "jobs across the province",
    },
    {
        "key": "revenue",
        "value_fr": "6\u00a0G$",
        "value_en": "$6 billion",
        "label_fr": "de chiffre d'affaires annuel",
        "label_en": "in annual sales",
    },
    {
        "key": "regional_companies",
        "value_fr": "70",
        "value_en": "70",
        "label_fr": "entreprises en Chaudière-Appalaches",
        "label_en": "companies in Chaudière-Appalaches",
    },
    {
        "key": "regional_jobs",
        "value_fr": "5\u00a0000",
        "value_en": "5,000",
        "label_fr": "emplois en Chaudière-Appalaches",
        "label_en": "jobs in Chaudière-Appalaches",
    },
]

PAGES = {
    "about": {
        "title_fr": "À propos d'Alliance Polymères Québec",
        "title_en": "About Alliance Polymères Québec",
        "summary_fr": (
            "Issue de la Vallée de la Plasturgie, Alliance Polymères Québec rassemble les "
            "entreprises québécoises des plastiques, des composites et du caoutchouc autour d'un "
            "plan stratégique commun."
        ),
        "summary_en": (
            "Formerly known as la Vallée de la Plasturgie, Alliance Polymères Québec brings "
            "Québec's plastics, composites and rubber companies together around a shared strategic "
            "plan."
        ),
        "body_fr": (
            "<p>Alliance Polymères Québec est la voix des entreprises québécoises de la "
            "plasturgie, des composites et du caoutchouc. Nous réunissons des fabricants, des "
            "transformateurs, des fournisseurs et des partenaires qui partagent une même "
            "conviction\u00a0: en travaillant ensemble, les entreprises d'ici peuvent conquérir de "
            "nouveaux marchés, innover plus rapidement et faire reconnaître l'importance de leur "
            "industrie.</p>"
            "<h2>De la Vallée de la Plasturgie à Alliance Polymères Québec</h2>"
            "<p>Notre organisation a longtemps porté le nom de Vallée de la Plasturgie. Elle est "
            "née en Chaudière-Appalaches dans le cadre de la démarche ACCORD (Action concertée de "
            "coopération régionale de développement), une initiative du gouvernement du Québec qui "
            "mise sur les forces industrielles propres à chaque région. C'est par cette démarche "
            "que la plasturgie a été reconnue comme créneau d'excellence de la "
            "Chaudière-Appalaches\u00a0: un secteur où la région réunit une concentration "
            "d'entreprises, un savoir-faire et un potentiel de croissance remarquables.</p>"
            "<p>En adoptant le nom Alliance Polymères Québec et une nouvelle identité visuelle, le "
            "créneau a placé la mobilisation au cœur de son action. L'objectif\u00a0: "
            "repositionner l'industrie et bâtir des collaborations plus larges, au-delà des "
            "frontières régionales. Le créneau demeure néanmoins partie prenante de la démarche "
            "ACCORD en Chaudière-Appalaches, où se trouvent ses racines.</p>"
            "<h2>Une industrie qui compte</h2>"
            "<p>Au Québec, l'industrie des plastiques, des composites et du caoutchouc regroupe "
            "environ 600 entreprises. Elles emploient quelque 22\u00a0000 personnes et génèrent "
            "près de 6 milliards de dollars par année. La Chaudière-Appalaches en est l'un des "
            "principaux pôles\u00a0: environ 70 entreprises y réalisent un chiffre d'affaires "
            "avoisinant le milliard de dollars et y emploient près de 5\u00a0000 personnes.</p>"
            "<h2>Un plan stratégique quinquennal en trois axes</h2>"
            "<p>Notre plan stratégique de cinq ans s'articule autour de trois axes "
            "complémentaires.</p>"
            "<ol>"
            "<li><strong>Ventes et développement de marché.</strong> Aider les entreprises membres "
            "à repérer de nouveaux débouchés, au Québec comme à l'étranger, et à mieux faire "
            "valoir leur offre auprès des donneurs d'ordres.</li>"
            "<li><strong>Innovation et développement durable.</strong> Favoriser l'adoption de "
            "nouvelles technologies, de procédés plus performants et de pratiques d'économie "
            "circulaire, notamment l'intégration de matières recyclées.</li>"
            "<li><strong>Rayonnement du créneau.</strong> Faire connaître l'industrie, ses "
            "produits et ses carrières auprès du public, des jeunes, des partenaires et des "
            "décideurs.</li>"
            "</ol>"
            "<h2>Des sous-comités menés par l'industrie</h2>"
            "<p>Chaque axe est confié à un sous-comité industriel composé de personnes issues des "
            "entreprises membres. Ces sous-comités établissent les priorités, proposent des "
            "projets et s'assurent que nos actions répondent aux besoins concrets des usines. "
            "C'est la meilleure garantie que l'Alliance demeure au service de ses membres.</p>"
            "<h2>Une adhésion ouverte à tout le Québec</h2>"
            "<p>Alliance Polymères Québec ouvre désormais son adhésion aux entreprises de toutes "
            "les régions du Québec. Cette ouverture nous permet de travailler plus étroitement "
            "avec les autres régions, de partager les bonnes pratiques et de présenter un front "
            "commun sur les enjeux qui touchent l'ensemble du secteur.</p>"
            "<h2>Notre gouvernance</h2>"
            "<p>L'Alliance est présidée par Denis Bertrand. La présidence et la direction générale "
            "veillent à la mise en œuvre du plan stratégique, en étroite collaboration avec les "
            "sous-comités industriels et les partenaires de la démarche ACCORD.</p>"
            "<p>Votre entreprise souhaite se joindre au mouvement? Communiquez avec notre équipe "
            "pour en savoir plus sur l'adhésion.</p>"
        ),
        "body_en": (
            "<p>Alliance Polymères Québec is the voice of Québec's plastics, composites and rubber "
            "companies. We bring together manufacturers, processors, suppliers and partners who "
            "share one conviction: by working together, Québec firms can win new markets, innovate "
            "faster and earn their industry the recognition it deserves.</p>"
            "<h2>From la Vallée de la Plasturgie to Alliance Polymères Québec</h2>"
            "<p>For many years, our organization was known as la Vallée de la Plasturgie. It was "
            "created in Chaudière-Appalaches under ACCORD (Action concertée de coopération "
            "régionale de développement), a Québec government initiative that builds on the "
            "industrial strengths specific to each region. Through ACCORD, plastics processing was "
            "recognized as one of the region's niches of excellence (créneaux d'excellence): a "
            "sector in which Chaudière-Appalaches has a remarkable concentration of companies, "
            "expertise and growth potential.</p>"
            "<p>By adopting the name Alliance Polymères Québec and a new visual identity, the "
            "niche put mobilization at the heart of its work. The goal is to reposition the "
            "industry and to build broader partnerships that reach beyond regional boundaries. The "
            "organization nonetheless remains part of the ACCORD approach in Chaudière-Appalaches, "
            "where its roots lie.</p>"
            "<h2>An industry that matters</h2>"
            "<p>Québec's plastics, composites and rubber industry is made up of some 600 "
            "companies. Together they employ about 22,000 people and generate roughly $6 billion a "
            "year. Chaudière-Appalaches is one of the industry's main hubs: about 70 companies "
            "there bring in close to $1 billion in sales and employ nearly 5,000 people.</p>"
            "<h2>A five-year strategic plan with three priorities</h2>"
            "<p>Our five-year strategic plan rests on three complementary priorities.</p>"
            "<ol>"
            "<li><strong>Sales and market development.</strong> Helping member companies spot new "
            "opportunities, in Québec and abroad, and make a stronger case to major buyers.</li>"
            "<li><strong>Innovation and sustainable development.</strong> Encouraging the adoption "
            "of new technologies, better-performing processes and circular economy practices, "
            "including the use of recycled materials.</li>"
            "<li><strong>Visibility of the sector.</strong> Raising the profile of the industry, "
            "its products and its careers with the public, young people, partners and "
            "decision-makers.</li>"
            "</ol>"
            "<h2>Industry-led sub-committees</h2>"
            "<p>Each priority is entrusted to an industrial sub-committee made up of people from "
            "member companies. These sub-committees set priorities, propose projects and make sure "
            "our work responds to the real needs of the plant floor. It is the best way to keep "
            "the Alliance focused on serving its members.</p>"
            "<h2>Membership open across Québec</h2>"
            "<p>Alliance Polymères Québec now welcomes companies from every region of Québec. "
            "Opening up our membership lets us work more closely with other regions, share good "
            "practices and speak with one voice on the issues that affect the whole sector.</p>"
            "<h2>Leadership</h2>"
            "<p>The Alliance is chaired by Denis Bertrand. The president and the executive "
            "director oversee the implementation of the strategic plan, working closely with the "
            "industrial sub-committees and with partners in the ACCORD approach.</p>"
            "<p>Would your company like to join the movement? Contact our team to learn more about "
            "membership.</p>"
        ),
    },
    "privacy": {
        "title_fr": "Politique de confidentialité",
        "title_en": "Privacy policy",
        "summary_fr": (
            "Comment Alliance Polymères Québec recueille, utilise, conserve et protège les "
            "renseignements personnels traités par son portail, conformément à la Loi 25."
        ),
        "summary_en": (
            "How Alliance Polymères Québec collects, uses, keeps and protects the personal "
            "information handled through its portal, in accordance with Québec's Law 25."
        ),
        "body_fr": (
            "<p>Alliance Polymères Québec («\u00a0l'Alliance\u00a0» ou «\u00a0nous\u00a0») accorde "
            "une grande importance à la protection de vos renseignements personnels. La présente "
            "politique explique comment nous traitons les renseignements recueillis par "
            "l'intermédiaire de notre portail, conformément à la Loi sur la protection des "
            "renseignements personnels dans le secteur privé, telle que modifiée par la Loi "
            "modernisant des dispositions législatives en matière de protection des renseignements "
            "personnels (la «\u00a0Loi 25\u00a0»).</p>"
            "<h2>Renseignements que nous recueillons</h2>"
            "<ul>"
            "<li><strong>Compte utilisateur\u00a0:</strong> adresse courriel, nom, prénom, titre "
            "du poste et numéro de téléphone.</li>"
            "<li><strong>Personne représentante d'une entreprise\u00a0:</strong> coordonnées de la "
            "personne qui représente une entreprise membre ou candidate auprès de l'Alliance, et "
            "son lien avec cette entreprise.</li>"
            "<li><strong>Adhésion et demandes\u00a0:</strong> renseignements fournis dans une "
            "demande d'adhésion ou dans un formulaire, ainsi que l'historique de l'adhésion de "
            "l'entreprise.</li>"
            "<li><strong>Journaux du serveur\u00a0:</strong> adresse IP, date et heure de la "
            "requête, page consultée et type de navigateur, enregistrés automatiquement à chaque "
            "visite.</li>"
            "<li><strong>Témoins (cookies)\u00a0:</strong> un témoin de langue, qui mémorise votre "
            "choix entre le français et l'anglais, et un témoin de session, qui maintient votre "
            "connexion de façon sécuritaire. Nous n'utilisons aucun témoin publicitaire ni aucun "
            "outil de pistage.</li>"
            "</ul>"
            "<p>Nous recueillons uniquement les renseignements nécessaires aux fins décrites "
            "ci-dessous.</p>"
            "<h2>Pourquoi nous les utilisons</h2>"
            "<ul>"
            "<li>créer et gérer votre compte, et vous authentifier;</li>"
            "<li>traiter les demandes d'adhésion et administrer l'adhésion des entreprises "
            "membres;</li>"
            "<li>vous donner accès aux contenus réservés aux membres et vous transmettre les "
            "communications liées à l'adhésion;</li>"
            "<li>assurer la sécurité du portail, prévenir les abus et corriger les problèmes "
            "techniques;</li>"
            "<li>respecter nos obligations légales, comptables et fiscales.</li>"
            "</ul>"
            "<p>Nous n'utilisons pas vos renseignements à d'autres fins sans votre consentement, "
            "sauf dans les cas permis par la loi. Nous ne vendons ni ne louons aucun renseignement "
            "personnel.</p>"
            "<h2>Qui peut y avoir accès</h2>"
            "<p>Seuls les membres du personnel de l'Alliance et les personnes autorisées qui en "
            "ont besoin dans l'exercice de leurs fonctions peuvent consulter vos renseignements. "
            "La personne représentante d'une entreprise membre peut consulter les renseignements "
            "liés à l'adhésion de son entreprise. Nos fournisseurs de services techniques, dont "
            "l'hébergeur du portail, n'y ont accès que dans la mesure nécessaire à l'exécution de "
            "leur mandat; ils sont liés par contrat à des obligations de confidentialité et de "
            "sécurité.</p>"
            "<h2>Durée de conservation</h2>"
            "<ul>"
            "<li><strong>Compte utilisateur\u00a0:</strong> tant que le compte est actif, puis au "
            "plus 12 mois après sa fermeture.</li>"
            "<li><strong>Dossiers d'adhésion\u00a0:</strong> pendant toute la durée de l'adhésion, "
            "puis jusqu'à sept ans après sa fin, afin de respecter nos obligations comptables et "
            "fiscales.</li>"
            "<li><strong>Demandes d'adhésion non retenues\u00a0:</strong> 12 mois après la "
            "décision.</li>"
            "<li><strong>Journaux du serveur\u00a0:</strong> au plus 90 jours, sauf s'ils sont "
            "nécessaires à l'analyse d'un incident de sécurité.</li>"
            "<li><strong>Témoins\u00a0:</strong> le témoin de session expire à la déconnexion ou, "
            "au plus tard, après deux semaines; le témoin de langue, après un an au maximum.</li>"
            "</ul>"
            "<p>À l'échéance, les renseignements sont détruits de façon sécuritaire.</p>"
            "<h2>Lieu de conservation et sécurité</h2>"
            "<p>Vos renseignements sont hébergés sur des serveurs situés au Canada. Nous "
            "appliquons des mesures de sécurité raisonnables, dont le chiffrement des "
            "communications, le contrôle des accès, des sauvegardes et des mises à jour "
            "régulières. Si un incident de confidentialité présentant un risque de préjudice "
            "sérieux devait survenir, nous en aviserions les personnes concernées et la Commission "
            "d'accès à l'information, comme l'exige la loi.</p>"
            "<h2>Vos droits</h2>"
            "<p>Sous réserve des exceptions prévues par la loi, vous avez le droit\u00a0:</p>"
            "<ul>"
            "<li>d'accéder aux renseignements personnels que nous détenons à votre sujet;</li>"
            "<li>de faire rectifier tout renseignement inexact, incomplet ou équivoque;</li>"
            "<li>de retirer votre consentement en tout temps, étant entendu que ce retrait peut "
            "empêcher l'accès à certains services, comme l'espace réservé aux membres;</li>"
            "<li>de demander la suppression de vos renseignements, la cessation de leur diffusion "
            "ou la désindexation de tout hyperlien rattaché à votre nom, dans les conditions "
            "prévues par la loi;</li>"
            "<li>d'obtenir les renseignements personnels informatisés que vous nous avez fournis "
            "dans un format technologique structuré et couramment utilisé, ou de les faire "
            "transmettre à une personne ou à un organisme de votre choix (portabilité).</li>"
            "</ul>"
            "<h2>Comment exercer vos droits</h2>"
            "<p>Adressez votre demande par écrit à la personne responsable de la protection des "
            "renseignements personnels, dont les coordonnées figurent ci-dessous. Nous pourrions "
            "vous demander de confirmer votre identité. Nous vous répondrons dans les 30 jours "
            "suivant la réception de votre demande. L'accès à vos renseignements est gratuit; des "
            "frais raisonnables de transcription, de reproduction ou de transmission pourraient "
            "toutefois s'appliquer, et nous vous en informerions à l'avance.</p>"
            "<p>Si notre réponse ne vous satisfait pas, ou si vous estimez que vos renseignements "
            "ne sont pas traités conformément à la loi, vous pouvez vous adresser à la "
            "<a href=\"https://www.cai.gouv.qc.ca\">Commission d'accès à l'information du "
            "Québec</a>, notamment pour déposer une plainte ou soumettre une demande d'examen de "
            "mésentente. Nous vous invitons toutefois à communiquer d'abord avec nous afin que "
            "nous puissions tenter de régler la situation.</p>"
            "<h2>Responsable de la protection des renseignements personnels</h2>"
            "<p>La direction générale d'Alliance Polymères Québec agit à titre de responsable de "
            "la protection des renseignements personnels. Vous pouvez la joindre\u00a0:</p>"
            "<ul>"
            "<li>par courriel, à l'adresse "
            '<a href="mailto:{privacy_email}">{privacy_email}</a>;</li>'
            "<li>par la poste, à l'attention de la personne responsable de la protection des "
            "renseignements personnels, Alliance Polymères Québec, {postal_address}.</li>"
            "</ul>"
            "<h2>Modifications</h2>"
            "<p>Nous pourrions mettre à jour la présente politique pour tenir compte de "
            "l'évolution de nos pratiques ou de la loi. La version en vigueur est toujours publiée "
            "sur cette page. En cas de changement important, nous en informerons les personnes "
            "titulaires d'un compte.</p>"
        ),
        "body_en": (
            '<p>Alliance Polymères Québec ("the Alliance", "we" or "us") takes the protection of '
            "your personal information seriously. This policy explains how we handle the "
            "information collected through our portal, in accordance with the Act respecting the "
            "protection of personal information in the private sector, as amended by the Act to "
            "modernize legislative provisions as regards the protection of personal information "
            '("Law 25").</p>'
            "<h2>Information we collect</h2>"
            "<ul>"
            "<li><strong>User account:</strong> email address, first and last name, job title and "
            "phone number.</li>"
            "<li><strong>Company representatives:</strong> contact details of the person who "
            "represents a member or applicant company with the Alliance, and their connection to "
            "that company.</li>"
            "<li><strong>Membership and applications:</strong> information provided in a "
            "membership application or other form, and the company's membership history.</li>"
            "<li><strong>Server logs:</strong> IP address, date and time of the request, page "
            "viewed and browser type, recorded automatically on every visit.</li>"
            "<li><strong>Cookies:</strong> a language cookie, which remembers whether you chose "
            "French or English, and a session cookie, which keeps you securely signed in. We use "
            "no advertising cookies and no tracking tools.</li>"
            "</ul>"
            "<p>We only collect the information we need for the purposes described below.</p>"
            "<h2>Why we use it</h2>"
            "<ul>"
            "<li>to create and manage your account and sign you in;</li>"
            "<li>to process membership applications and administer member companies' "
            "memberships;</li>"
            "<li>to give you access to member-only content and send you membership-related "
            "communications;</li>"
            "<li>to keep the portal secure, prevent misuse and fix technical problems;</li>"
            "<li>to meet our legal, accounting and tax obligations.</li>"
            "</ul>"
            "<p>We do not use your information for any other purpose without your consent, except "
            "where the law allows it. We never sell or rent personal information.</p>"
            "<h2>Who can see it</h2>"
            "<p>Only Alliance staff and other authorized people who need your information to do "
            "their work can access it. The representative of a member company can see the "
            "information related to their company's membership. Our technical service providers, "
            "including the portal's hosting provider, only have access to the extent needed to "
            "carry out their mandate, and are contractually bound by confidentiality and security "
            "obligations.</p>"
            "<h2>How long we keep it</h2>"
            "<ul>"
            "<li><strong>User accounts:</strong> for as long as the account is active, then no "
            "more than 12 months after it is closed.</li>"
            "<li><strong>Membership records:</strong> for the duration of the membership, then up "
            "to seven years after it ends, to meet our accounting and tax obligations.</li>"
            "<li><strong>Unsuccessful membership applications:</strong> 12 months after the "
            "decision.</li>"
            "<li><strong>Server logs:</strong> no more than 90 days, unless they are needed to "
            "investigate a security incident.</li>"
            "<li><strong>Cookies:</strong> the session cookie expires when you sign out or after "
            "two weeks at most; the language cookie expires after one year at most.</li>"
            "</ul>"
            "<p>When the retention period ends, the information is securely destroyed.</p>"
            "<h2>Where it is stored and how it is protected</h2>"
            "<p>Your information is hosted on servers located in Canada. We apply reasonable "
            "security measures, including encrypted connections, access controls, backups and "
            "regular updates. Should a confidentiality incident presenting a risk of serious "
            "injury occur, we would notify the people affected and the Commission d'accès à "
            "l'information, as the law requires.</p>"
            "<h2>Your rights</h2>"
            "<p>Subject to the exceptions provided by law, you have the right to:</p>"
            "<ul>"
            "<li>access the personal information we hold about you;</li>"
            "<li>have any inaccurate, incomplete or equivocal information corrected;</li>"
            "<li>withdraw your consent at any time, bearing in mind that doing so may prevent "
            "access to some services, such as the members' area;</li>"
            "<li>ask that your information be deleted, that its dissemination cease, or that any "
            "hyperlink attached to your name be de-indexed, under the conditions set out in the "
            "law;</li>"
            "<li>receive the computerized personal information you provided to us in a structured, "
            "commonly used technological format, or have it transferred to a person or "
            "organization of your choice (portability).</li>"
            "</ul>"
            "<h2>How to make a request</h2>"
            "<p>Send your request in writing to the person in charge of the protection of personal "
            "information, whose contact details appear below. We may ask you to confirm your "
            "identity. We will respond within 30 days of receiving your request. Access to your "
            "information is free of charge, although reasonable fees for transcription, "
            "reproduction or transmission may apply; we would tell you about them in advance.</p>"
            "<p>If you are not satisfied with our response, or believe your information is not "
            "being handled in accordance with the law, you may contact the "
            "<a href=\"https://www.cai.gouv.qc.ca\">Commission d'accès à l'information du "
            "Québec</a>, in particular to file a complaint or apply for the examination of a "
            "disagreement. We do, however, encourage you to contact us first so that we can try to "
            "resolve the matter.</p>"
            "<h2>Person in charge of the protection of personal information</h2>"
            "<p>The Executive Director of Alliance Polymères Québec acts as the person in charge "
            "of the protection of personal information, and can be reached:</p>"
            "<ul>"
            '<li>by email at <a href="mailto:{privacy_email}">{privacy_email}</a>;</li>'
            "<li>by mail, to the attention of the person in charge of the protection of personal "
            "information, Alliance Polymères Québec, {postal_address}.</li>"
            "</ul>"
            "<h2>Changes to this policy</h2>"
            "<p>We may update this policy to reflect changes in our practices or in the law. The "
            "current version is always posted on this page. If we make a significant change, we "
            "will let account holders know.</p>"
        ),
    },
}

REBRAND_ARTICLE = {
    "category": "annonces",
    "slug_fr": "la-vallee-de-la-plasturgie-devient-alliance-polymeres-quebec",
    "slug_en": "la-vallee-de-la-plasturgie-becomes-alliance-polymeres-quebec",
    "title_fr": "La Vallée de la Plasturgie devient Alliance Polymères Québec",
    "title_en": "La Vallée de la Plasturgie becomes Alliance Polymères Québec",
    "summary_fr": (
        "Le créneau d'excellence de la plasturgie adopte un nouveau nom et une nouvelle identité "
        "visuelle, et ouvre son adhésion aux entreprises de partout au Québec."
    ),
    "summary_en": (
        "The plastics niche of excellence has adopted a new name and visual identity, and is "
        "opening its membership to companies across Québec."
    ),
    "body_fr": (
        "<p>La Vallée de la Plasturgie change de nom\u00a0: le créneau d'excellence s'appelle "
        "désormais Alliance Polymères Québec. Accompagné d'une nouvelle identité visuelle, ce nom "
        "traduit une volonté claire, celle de rassembler l'ensemble de l'industrie québécoise des "
        "plastiques, des composites et du caoutchouc.</p>"
        "<h2>La mobilisation comme mot d'ordre</h2>"
        "<p>Le nouveau mot d'ordre de l'Alliance tient en un mot\u00a0: mobilisation. "
        "L'organisation entend repositionner une industrie encore trop méconnue et bâtir des "
        "collaborations plus larges entre les entreprises, les établissements de formation, les "
        "centres de recherche et les partenaires régionaux.</p>"
        "<p>Pour y arriver, l'Alliance ouvre son adhésion aux entreprises de toutes les régions du "
        "Québec. Cette ouverture lui permettra de travailler plus étroitement avec les autres "
        "régions et de porter d'une seule voix les enjeux communs du secteur.</p>"
        "<blockquote><p>«\u00a0Notre nouveau nom reflète ce que nous voulons être\u00a0: un lieu "
        "de rassemblement pour toute l'industrie. Nous avons tout à gagner à unir nos forces, "
        "d'une région à l'autre\u00a0», souligne Denis Bertrand, président d'Alliance Polymères "
        "Québec.</p>"
        "</blockquote>"
        "<h2>Une industrie de poids</h2>"
        "<p>Au Québec, quelque 600 entreprises de la plasturgie, des composites et du caoutchouc "
        "emploient environ 22\u00a0000 personnes et génèrent près de 6 milliards de dollars par "
        "année. À elle seule, la Chaudière-Appalaches compte environ 70 entreprises du secteur, "
        "qui réalisent un chiffre d'affaires de près d'un milliard de dollars et emploient près de "
        "5\u00a0000 personnes.</p>"
        "<h2>Un plan stratégique sur cinq ans</h2>"
        "<p>L'Alliance s'appuie sur un plan stratégique quinquennal articulé autour de trois "
        "axes\u00a0:</p>"
        "<ol>"
        "<li><strong>Ventes et développement de marché\u00a0:</strong> accompagner les entreprises "
        "dans la conquête de nouveaux marchés, ici comme à l'international.</li>"
        "<li><strong>Innovation et développement durable\u00a0:</strong> accélérer l'adoption de "
        "technologies et de pratiques plus durables, dont celles de l'économie circulaire.</li>"
        "<li><strong>Rayonnement du créneau\u00a0:</strong> faire connaître l'industrie, ses "
        "entreprises et ses carrières.</li>"
        "</ol>"
        "<p>Chaque axe sera piloté par un sous-comité industriel formé de personnes issues des "
        "entreprises membres. Ce sont donc les gens de l'industrie qui définiront les priorités et "
        "les projets à réaliser.</p>"
        "<h2>Toujours ancrée en Chaudière-Appalaches</h2>"
        "<p>Née de la démarche ACCORD (Action concertée de coopération régionale de développement) "
        "du gouvernement du Québec, l'Alliance demeure partie prenante de cette démarche en "
        "Chaudière-Appalaches, où elle est reconnue comme créneau d'excellence. Son ouverture à "
        "l'ensemble du Québec s'inscrit dans la continuité de ce travail régional.</p>"
        "<p>Les entreprises qui souhaitent devenir membres ou s'engager dans un sous-comité sont "
        "invitées à communiquer avec l'équipe de l'Alliance.</p>"
    ),
    "body_en": (
        "<p>La Vallée de la Plasturgie has a new name: the niche of excellence is now called "
        "Alliance Polymères Québec. Together with a new visual identity, the name reflects a clear "
        "ambition to bring together Québec's entire plastics, composites and rubber industry.</p>"
        "<h2>Mobilization at the core</h2>"
        "<p>The Alliance's new watchword is mobilization. The organization intends to reposition "
        "an industry that remains too little known, and to build broader partnerships between "
        "companies, training institutions, research centres and regional partners.</p>"
        "<p>To get there, the Alliance is opening its membership to companies from every region of "
        "Québec. This will allow it to work more closely with other regions and to speak with one "
        "voice on the issues the sector shares.</p>"
        '<blockquote><p>"Our new name reflects what we want to be: a gathering place for the whole '
        'industry. We all stand to gain by joining forces, from one region to the next," says '
        "Denis Bertrand, President of Alliance Polymères Québec.</p>"
        "</blockquote>"
        "<h2>An industry that carries weight</h2>"
        "<p>In Québec, some 600 plastics, composites and rubber companies employ about 22,000 "
        "people and generate close to $6 billion a year. Chaudière-Appalaches alone is home to "
        "about 70 companies in the sector, which together bring in nearly $1 billion in sales and "
        "employ close to 5,000 people.</p>"
        "<h2>A five-year strategic plan</h2>"
        "<p>The Alliance's work is guided by a five-year strategic plan built on three "
        "priorities:</p>"
        "<ol>"
        "<li><strong>Sales and market development:</strong> helping companies win new markets, "
        "both at home and internationally.</li>"
        "<li><strong>Innovation and sustainable development:</strong> speeding up the adoption of "
        "more sustainable technologies and practices, including those of the circular "
        "economy.</li>"
        "<li><strong>Visibility of the sector:</strong> raising awareness of the industry, its "
        "companies and its careers.</li>"
        "</ol>"
        "<p>Each priority will be led by an industrial sub-committee made up of people from member "
        "companies, so the industry itself will set the priorities and choose the projects to "
        "carry out.</p>"
        "<h2>Still rooted in Chaudière-Appalaches</h2>"
        "<p>Born of the Québec government's ACCORD initiative (Action concertée de coopération "
        "régionale de développement), the Alliance remains part of the ACCORD approach in "
        "Chaudière-Appalaches, where it is recognized as a niche of excellence. Opening up to the "
        "rest of Québec builds on that regional work.</p>"
        "<p>Companies interested in becoming members or joining a sub-committee are invited to "
        "contact the Alliance team.</p>"
    ),
}
