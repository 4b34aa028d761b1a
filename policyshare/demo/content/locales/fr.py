"""French text of the demo content: themes, partners, the site's pages and the
flagship policies. Mirrors the "en" dicts in the sibling modules."""

HOME = {
    "headline": "Les politiques urbaines de Séoul, partagées avec les villes du monde entier",
    "introduction": "Des transports à l’urbanisme, du logement à l’environnement et à l’action "
    "sociale : ce que Séoul a fait, pourquoi, à quel coût et avec quels résultats, en coréen "
    "et en anglais. Trouvez une politique, téléchargez les documents et demandez conseil ou "
    "une visite d’étude à l’équipe responsable.",
}

THEMES = {
    "transport": {
        "name": "Transports",
        "description": "Transports publics, voirie, marche à pied et sécurité routière.",
    },
    "urban-planning": {
        "name": "Urbanisme",
        "description": "Schémas directeurs, renouvellement urbain et occupation des sols.",
    },
    "housing": {
        "name": "Logement",
        "description": "Logement public et partagé, amélioration des conditions de vie.",
    },
    "environment": {
        "name": "Environnement",
        "description": "Énergie, climat, recyclage et qualité de l’air.",
    },
    "water-supply": {
        "name": "Eau potable",
        "description": "Production et distribution de l’eau du robinet, lutte contre les fuites.",
    },
    "urban-railway": {
        "name": "Transport ferroviaire urbain",
        "description": "Construction et exploitation des lignes de métro et de métro léger.",
    },
    "e-government": {
        "name": "Administration numérique et ville intelligente",
        "description": "Administration numérique, mégadonnées et services de ville intelligente.",
    },
    "safety": {
        "name": "Sécurité",
        "description": "Préparation aux catastrophes et sécurité au quotidien.",
    },
    "welfare": {
        "name": "Action sociale",
        "description": "Soutien aux habitants vulnérables, solidarité énergétique et aide à "
        "la personne.",
    },
    "economy": {
        "name": "Économie",
        "description": "Emploi, création d’entreprises et soutien aux petits commerces.",
    },
    "culture": {
        "name": "Culture",
        "description": "Image de marque de la ville, patrimoine et tourisme.",
    },
    "sharing-city": {
        "name": "Ville du partage",
        "description": "Des politiques qui permettent aux habitants de partager espaces, "
        "biens, informations et compétences.",
    },
}

PARTNERS = {
    "citynet": {
        "name": "CITYNET",
        "website": "https://citynet-ap.org/",
        "description": "Réseau de villes et d’organisations urbaines de la région "
        "Asie-Pacifique qui favorise la coopération en matière de développement urbain "
        "durable. Son secrétariat se trouve à Séoul.",
    },
    "iclei": {
        "name": "ICLEI – Gouvernements locaux pour le développement durable",
        "website": "https://iclei.org/",
        "description": "Réseau mondial de collectivités locales et régionales qui aide ses "
        "membres à agir pour le climat, l’énergie et la nature.",
    },
    "un-habitat": {
        "name": "ONU-Habitat",
        "website": "https://unhabitat.org/",
        "description": "Le programme des Nations unies pour les établissements humains et le "
        "développement urbain durable.",
    },
    "wego": {
        "name": "WeGO (World Smart Sustainable Cities Organization)",
        "website": "https://we-gov.org/",
        "description": "Association de villes et d’entreprises qui échangent leur expérience "
        "de l’administration numérique et des services de ville intelligente. Séoul en est "
        "membre fondateur et accueille son secrétariat.",
    },
    "world-bank": {
        "name": "Banque mondiale",
        "website": "https://www.worldbank.org/",
        "description": "Institution financière internationale qui finance et conseille des "
        "projets de développement, notamment d’infrastructures et de services urbains.",
    },
    "adb": {
        "name": "Banque asiatique de développement (BAD)",
        "website": "https://www.adb.org/",
        "description": "Banque régionale de développement qui investit dans des projets "
        "d’infrastructures et des projets sociaux dans toute l’Asie et le Pacifique.",
    },
    "metropolis": {
        "name": "Metropolis (Association mondiale des grandes métropoles)",
        "website": "https://www.metropolis.org/",
        "description": "L’association mondiale des grandes villes et des régions "
        "métropolitaines, qui gère l’institut de formation MITI.",
    },
    "world-cities-summit": {
        "name": "World Cities Summit",
        "website": "https://www.worldcitiessummit.com.sg/",
        "description": "Rencontre organisée tous les deux ans à Singapour, où dirigeants et "
        "experts débattent de villes durables où il fait bon vivre.",
    },
    "urban-sdg-platform": {
        "name": "Urban SDG Knowledge Platform",
        "website": "https://www.urbansdgplatform.org/",
        "description": "Plateforme en ligne, gérée par Séoul avec la CESAP des Nations unies, "
        "sur laquelle les villes partagent leurs actions en faveur des objectifs de "
        "développement durable.",
    },
    "seoul-metropolitan-government": {
        "name": "Gouvernement métropolitain de Séoul",
        "website": "https://english.seoul.go.kr/",
        "description": "L’administration de la ville de Séoul, dont les services ont conçu et "
        "mis en œuvre les politiques présentées sur ce portail.",
    },
    "koica": {
        "name": "Agence coréenne de coopération internationale (KOICA)",
        "website": "https://www.koica.go.kr/",
        "description": "L’agence coréenne d’aide sous forme de dons, qui soutient des projets "
        "de développement dans les pays partenaires.",
    },
    "kotra": {
        "name": "Agence coréenne de promotion du commerce et des investissements (KOTRA)",
        "website": "https://www.kotra.or.kr/",
        "description": "L’organisme public qui promeut le commerce et l’investissement et "
        "aide les entreprises coréennes à travailler à l’étranger.",
    },
    "moef": {
        "name": "Ministère de l’Économie et des Finances",
        "website": "https://english.moef.go.kr/",
        "description": "Le ministère coréen chargé de la politique économique, du budget de "
        "l’État et du financement de la coopération au développement.",
    },
    "mofa": {
        "name": "Ministère des Affaires étrangères",
        "website": "https://www.mofa.go.kr/eng/",
        "description": "Le ministère coréen chargé des relations extérieures, y compris de la "
        "coopération au développement.",
    },
    "korea-eximbank": {
        "name": "Banque d’export-import de Corée (Korea Eximbank)",
        "website": "https://www.koreaexim.go.kr/",
        "description": "La banque publique de crédit à l’exportation, qui gère aussi les "
        "prêts concessionnels de la Corée pour le développement (EDCF).",
    },
    "k-developedia": {
        "name": "K-Developedia",
        "website": "https://www.kdevelopedia.org/",
        "description": "Base de connaissances en ligne sur l’expérience de développement de "
        "la Corée, gérée par la KDI School of Public Policy and Management.",
    },
    "clc": {
        "name": "Centre for Liveable Cities (CLC)",
        "website": "https://www.clc.gov.sg/",
        "description": "Centre du gouvernement de Singapour qui étudie des solutions urbaines "
        "et les partage avec d’autres villes.",
    },
    "kdi": {
        "name": "Institut coréen de développement (KDI)",
        "website": "https://www.kdi.re.kr/",
        "description": "Groupe de réflexion financé par l’État, consacré aux politiques "
        "économiques et sociales.",
    },
    "krihs": {
        "name": "Korea Research Institute for Human Settlements (KRIHS)",
        "website": "https://www.krihs.re.kr/",
        "description": "L’institut national de recherche sur l’occupation des sols, "
        "l’urbanisme, l’aménagement régional et les infrastructures.",
    },
    "korea-planning-association": {
        "name": "Korea Planning Association",
        "website": "https://www.kpa1959.or.kr/",
        "description": "La société savante des chercheurs et praticiens coréens de "
        "l’aménagement du territoire et de l’urbanisme.",
    },
    "university-of-seoul": {
        "name": "Université de Séoul",
        "website": "https://www.uos.ac.kr/",
        "description": "Université publique soutenue par la ville, qui enseigne et mène des "
        "recherches en urbanisme, en administration publique et en ingénierie.",
    },
    "icak": {
        "name": "International Contractors Association of Korea (ICAK)",
        "website": "https://www.icak.or.kr/",
        "description": "L’organisation professionnelle des entreprises de construction "
        "coréennes qui travaillent à l’étranger.",
    },
    "kofia": {
        "name": "Korea Financial Investment Association (KOFIA)",
        "website": "https://www.kofia.or.kr/",
        "description": "L’organisme d’autorégulation du secteur coréen des valeurs "
        "mobilières et de la gestion d’actifs.",
    },
    "kcci": {
        "name": "Chambre de commerce et d’industrie de Corée (KCCI)",
        "website": "https://www.korcham.net/",
        "description": "La chambre nationale qui représente les entreprises coréennes.",
    },
    "kbiz": {
        "name": "Fédération coréenne des PME (Kbiz)",
        "website": "https://www.kbiz.or.kr/",
        "description": "La fédération qui représente les petites et moyennes entreprises "
        "coréennes.",
    },
}

PAGES = {
    "about": {
        "title": "À propos de Partage des politiques de Séoul",
        "introduction": "Partage des politiques de Séoul est le site par lequel le "
        "Gouvernement métropolitain de Séoul transmet son expérience des politiques urbaines "
        "à d’autres villes.",
        "body": [
            ("heading", "Ce que vous y trouverez"),
            (
                "paragraph",
                "<p>Chaque étude de cas suit le même plan : pourquoi la politique a été "
                "lancée, ce qui a été fait, quand, ce qu’elle a coûté, quels indicateurs ont "
                "évolué, quels enseignements en ont été tirés et qui en est responsable. Les "
                "études de cas peuvent être filtrées par thème et par période, et les rapports "
                "et pièces jointes téléchargés avec elles.</p><p>Le site comprend aussi des "
                "rubriques consacrées aux actualités de Séoul, à Séoul dans les médias du "
                "monde, aux vidéos et aux rapports, ainsi qu’une page sur nos partenaires.</p>",
            ),
            ("heading", "À qui s’adresse ce site"),
            (
                "paragraph",
                "<p>Il s’adresse aux responsables publics étrangers qui souhaitent adapter "
                "l’expérience de Séoul à leur propre ville, aux chercheurs et aux journalistes "
                "qui étudient les politiques urbaines ou en rendent compte, ainsi qu’aux villes "
                "et organisations partenaires qui travaillent avec Séoul.</p>",
            ),
            ("heading", "En six langues"),
            (
                "paragraph",
                "<p>Tout est publié en coréen et en anglais. Les principales politiques, les "
                "thèmes, les partenaires et ces pages se lisent aussi en français, en espagnol, "
                "en arabe et en chinois. Lorsqu’un texte n’existe pas encore dans votre langue, "
                "la version anglaise vous est présentée, ou à défaut la version coréenne, et "
                "vous en êtes averti.</p>",
            ),
        ],
    },
    "miti": {
        "title": "Institut international de formation de Metropolis (MITI)",
        "introduction": "Le MITI est l’institut par lequel Metropolis forme et apprend. Il aide "
        "les gouvernements locaux et métropolitains et leurs agents à acquérir les compétences "
        "et à bâtir les institutions qu’exige une meilleure gouvernance publique.",
        "body": [
            ("heading", "Origines et installation à Séoul"),
            (
                "paragraph",
                "<p>Metropolis a créé le MITI en 1996. Son siège se trouvait d’abord à "
                "Montréal. Réuni à Canton en 2012, le conseil d’administration de Metropolis a "
                "décidé de le transférer à Séoul.</p>",
            ),
            ("heading", "Centres régionaux"),
            (
                "paragraph",
                "<p>Aux côtés du siège de Séoul, quatre centres régionaux sont en "
                "activité :</p><ul><li>Le Caire</li><li>Mechhed</li><li>Mexico</li>"
                "<li>Paris (Île-de-France)</li></ul>",
            ),
            ("heading", "Un nouveau départ à Séoul"),
            (
                "paragraph",
                "<p>Depuis ce transfert, le MITI a donné un nouvel élan à ses centres "
                "régionaux et à la diffusion des connaissances. Ses formations sont conçues en "
                "lien avec les autres activités de Metropolis et sont ouvertes aux villes "
                "membres comme aux villes affiliées et aux institutions partenaires.</p>",
            ),
        ],
    },
    "sharing-city": {
        "title": "Séoul, ville du partage",
        "introduction": "Le partage permet de tirer davantage des ressources et rapproche les "
        "voisins. Voici les questions qu’on nous pose le plus souvent sur Séoul, ville du "
        "partage.",
        "body": [
            (
                "paragraph",
                "<p>Depuis 2012, le partage est l’un des piliers de l’action municipale de "
                "Séoul. L’étude de cas « Séoul, ville du partage » en retrace l’histoire "
                "complète.</p>",
            ),
        ],
        "questions": [
            (
                "Qu’est-ce que Séoul, ville du partage ?",
                "<p>Une ville où prêter et emprunter ce que chacun possède (espace, biens, "
                "temps, compétences et informations) fait partie de la vie quotidienne. Les "
                "ressources inutilisées retrouvent une utilité, les commerces de proximité en "
                "profitent, les voisins apprennent à se connaître et l’environnement y "
                "gagne.</p>",
            ),
            (
                "Pourquoi Séoul mène-t-elle cette politique ?",
                "<p>Les besoins en matière d’action sociale, d’environnement et d’emploi ne "
                "cessent de croître, alors que les budgets et les ressources, eux, ne "
                "suivent pas. L’urbanisation rapide a affaibli les liens de voisinage, et une "
                "consommation intensive a épuisé les ressources et causé de la pollution. "
                "Parce que le partage permet à davantage de personnes d’utiliser ce qui existe "
                "déjà sans dépense nouvelle, la ville l’a choisi pour atténuer à la fois des "
                "problèmes économiques, sociaux et environnementaux.</p>",
            ),
            (
                "Comment cette politique a-t-elle évolué ?",
                "<p>Elle a commencé par ouvrir aux habitants les routes, les parcs et d’autres "
                "biens publics, puis s’est étendue à l’échange d’informations, de "
                "connaissances et de talents. Des règles qui favorisent le partage, comme une "
                "ligne directrice architecturale pour le logement partagé, sont mises en place "
                "au fil du temps.</p>",
            ),
            (
                "D’autres villes peuvent-elles s’en inspirer ?",
                "<p>Oui. Commencez par les études de cas et les rapports, et demandez à "
                "l’équipe responsable une consultation ou une visite d’étude si vous souhaitez "
                "aller plus loin.</p>",
            ),
        ],
    },
}

EDITOR = {
    "writer": "Équipe éditoriale de Partage des politiques",
    "affiliation": "Gouvernement métropolitain de Séoul",
}

POLICIES = {
    "third-traffic-safety-plan": {
        "title": "Diviser par deux les morts sur la route : le 3e plan de sécurité routière "
        "de Séoul",
        "summary": "En 2015, Séoul comptait 3,7 morts sur la route pour 100 000 habitants, "
        "déjà le meilleur taux de Corée. La ville s’est néanmoins fixé l’objectif de 1,8 d’ici "
        "2021 et a élaboré des plans d’action distincts pour quatre domaines prioritaires, à "
        "commencer par les piétons.",
        "background": "<p>Deux plans précédents avaient régulièrement amélioré la sécurité sur "
        "les routes de Séoul. Par rapport à d’autres grandes villes du monde, un écart "
        "subsistait toutefois : en 2014, New York enregistrait 2,9 morts pour 100 000 "
        "habitants, Londres et Berlin environ 1,5.</p><p>Les piétons, les passagers des taxis "
        "et des bus, les motocyclistes et les cyclistes sont exposés à des risques différents. "
        "Plutôt qu’une campagne générale, la ville a décidé que chaque catégorie d’usagers de "
        "la route devait bénéficier de mesures propres.</p>",
        "actions": [
            ("heading", "Quatre domaines prioritaires"),
            (
                "paragraph",
                "<p>Le plan s’articule autour de quatre volets, chacun assorti d’un plan "
                "d’exécution détaillé :</p><ul><li>les piétons ;</li><li>les véhicules "
                "commerciaux : taxis, bus et autres ;</li><li>les motos et les vélos ;</li>"
                "<li>le dispositif de gestion de la sécurité routière.</li></ul>",
            ),
            ("heading", "Les piétons d’abord"),
            (
                "paragraph",
                "<p>Le premier objectif est de réduire de 70 % le nombre de piétons tués. Les "
                "limitations de vitesse sont abaissées, les carrefours sont équipés de "
                "passages piétons dans toutes les directions, le stationnement illicite est "
                "sanctionné plus fermement et la protection des enfants et des personnes âgées "
                "est étendue.</p>",
            ),
            ("heading", "Taxis et bus"),
            (
                "paragraph",
                "<p>Pour diviser par deux les accidents impliquant des véhicules commerciaux, "
                "les exploitants sont davantage récompensés ou pénalisés selon leur bilan de "
                "sécurité, les conducteurs sont évalués et formés, et des technologies "
                "d’évitement des collisions sont à l’étude.</p>",
            ),
            ("heading", "Motos et vélos"),
            (
                "paragraph",
                "<p>Les règles de stationnement des motos sont appliquées plus strictement, "
                "davantage d’équipements de sécurité sont construits, et des formations à la "
                "conduite en sécurité sont proposées aux livreurs et aux lycéens.</p>",
            ),
            ("heading", "Un dispositif de sécurité renforcé"),
            (
                "paragraph",
                "<p>La ville coopère plus étroitement avec des organismes spécialisés et "
                "réexamine la conception des routes et le cadre juridique, afin que les "
                "projets de sécurité produisent des résultats.</p>",
            ),
        ],
        "budget": "Budget annuel du Gouvernement métropolitain de Séoul consacré aux "
        "transports et à la sécurité routière (voir les documents budgétaires de la ville "
        "pour les montants)",
        "lessons": "<p>Un chiffre unique, comparable à celui d’autres grandes villes du monde, "
        "a donné au plan un repère clair. Répartir le travail par type d’usager de la route a "
        "permis de confier facilement chaque mesure à l’équipe capable de la mettre en "
        "œuvre.</p>",
        "department": "Division de la politique des transports",
        "contact_name": "Équipe Sécurité routière",
        "indicators": [
            {
                "name": "Morts sur la route pour 100 000 habitants",
                "unit": "décès",
            },
            {"name": "Morts sur la route à Séoul", "unit": "décès"},
            {"name": "Baisse prévue du nombre de piétons tués", "unit": "% de moins"},
            {
                "name": "Baisse prévue des accidents impliquant des taxis et des bus",
                "unit": "% de moins",
            },
        ],
        "attachment": "Le 3e plan de sécurité routière en bref (PDF de démonstration)",
    },
    "energy-welfare-civic-fund": {
        "title": "Fonds citoyen pour la solidarité énergétique : une réponse public-privé à la "
        "précarité énergétique",
        "summary": "Depuis 2015, Séoul considère l’accès à une énergie abordable comme un droit "
        "fondamental et lutte contre la précarité énergétique avec les entreprises et les "
        "habitants. Un fonds citoyen réunit des dons et les recettes d’une centrale électrique "
        "virtuelle, et les utilise pour alléger les dépenses d’énergie des ménages à faibles "
        "revenus.",
        "background": "<p>De nombreux ménages à faibles revenus ne peuvent pas payer toute "
        "l’énergie dont ils ont besoin pour se chauffer, se rafraîchir et cuisiner. Estimant "
        "que les organismes publics ne pouvaient pas combler seuls ce manque, la ville a lancé "
        "en 2015 un partenariat auquel les entreprises et les citoyens participent aux côtés "
        "de l’administration.</p>",
        "actions": [
            ("heading", "Un fonds alimenté par les citoyens et les entreprises"),
            (
                "paragraph",
                "<p>Le Fonds citoyen de Séoul pour la solidarité énergétique est alimenté par "
                "des dons. Trente-quatre entreprises et 1 800 habitants ont versé au total "
                "500 810 dollars américains.</p>",
            ),
            ("heading", "L’électricité économisée, vendue comme celle d’une centrale"),
            (
                "paragraph",
                "<p>Dix-sept bâtiments et établissements municipaux mettent en commun les "
                "5 MW d’électricité qu’ils économisent, et la ville a enregistré cet ensemble "
                "comme centrale électrique virtuelle, qui vend cette électricité sur le "
                "marché. Environ 178 000 dollars américains de recettes par an reviennent au "
                "fonds, ce qui permet d’étendre ses programmes.</p>",
            ),
            ("heading", "Ce que l’argent finance"),
            (
                "paragraph",
                "<p>Le fonds finance des panneaux solaires, un éclairage LED et des travaux "
                "d’efficacité énergétique dans les logements des ménages en situation de "
                "précarité énergétique ; voir l’étude de cas liée pour plus de détails.</p>",
            ),
        ],
        "budget": "Fonds citoyen : 500 810 dollars américains donnés par 34 entreprises et "
        "1 800 citoyens, plus environ 178 000 dollars américains par an issus des ventes de "
        "la centrale électrique virtuelle",
        "lessons": "<p>Transformer les économies des bâtiments publics en revenu régulier a "
        "libéré le fonds de la nécessité de lancer chaque année un nouvel appel aux dons. "
        "Demander aux entreprises et aux habitants de contribuer a aussi fait de la précarité "
        "énergétique l’affaire de tous plutôt qu’une ligne du budget social.</p>",
        "department": "Division de la politique énergétique",
        "contact_name": "Équipe Solidarité énergétique",
        "indicators": [
            {"name": "Dons collectés par le fonds citoyen", "unit": "$ US"},
            {
                "name": "Électricité économisée vendue par la centrale électrique virtuelle",
                "unit": "MW",
            },
            {"name": "Recettes annuelles versées au fonds (environ)", "unit": "$ US par an"},
            {
                "name": "Collecte du fonds citoyen dans l’année (espèces et biens)",
                "unit": "millions de wons",
            },
        ],
        "attachment": "Fiche d’information sur le Fonds citoyen pour la solidarité énergétique "
        "(PDF de démonstration)",
    },
    "sharing-city-seoul": {
        "title": "Séoul, ville du partage",
        "summary": "Séoul, ville du partage, met les espaces, les biens, le temps, les "
        "compétences et les informations inutilisés à la disposition d’un plus grand nombre de "
        "personnes. La ville a d’abord ouvert aux habitants les routes, les parcs et d’autres "
        "biens municipaux, puis a étendu le partage à l’information, au savoir-faire et aux "
        "talents.",
        "background": "<p>Les besoins en action sociale, en emplois et en environnement plus "
        "propre augmentaient plus vite que le budget. Des décennies de croissance rapide "
        "avaient distendu les liens entre voisins, et un mode de vie du type « acheter, "
        "utiliser, jeter » épuisait les ressources et aggravait la pollution. Séoul a vu dans "
        "le partage un moyen d’atténuer à la fois les pressions économiques, sociales et "
        "environnementales.</p>",
        "actions": [
            ("heading", "Première étape : les biens publics"),
            (
                "paragraph",
                "<p>Les routes, les parcs et d’autres biens appartenant à la ville ont été "
                "ouverts aux habitants aux moments où ils ne sont pas utilisés.</p>",
            ),
            ("heading", "Deuxième étape : information, connaissances et talents"),
            (
                "paragraph",
                "<p>Le programme s’est ensuite élargi à l’échange d’informations, de "
                "savoir-faire et de compétences. Le partage est entré dans la vie quotidienne, "
                "contribue à résoudre divers problèmes urbains et encourage la consommation "
                "collaborative.</p>",
            ),
            ("heading", "Règles et plateformes"),
            (
                "paragraph",
                "<p>La ville met en place les règles et le soutien qui permettent au partage de "
                "se développer dans l’ensemble de son administration. Parmi les exemples "
                "figurent une ligne directrice architecturale pour le logement partagé et un "
                "concept de transport partagé reposant sur des voitures autonomes.</p>",
            ),
        ],
        "budget": "Projet par projet, dans le cadre du budget annuel du Gouvernement "
        "métropolitain de Séoul",
        "lessons": "<p>Mieux utiliser ce qui existe déjà, plutôt que construire davantage, "
        "convient aux villes dont le budget est serré. Pour que le partage dure, les règles et "
        "les lignes directrices comptent autant que les projets pris un par un.</p>",
        "department": "Division de l’innovation sociale",
        "contact_name": "Équipe Ville du partage",
        "indicators": [
            {
                "name": "Étapes mises en œuvre (biens publics, puis information et compétences)",
                "unit": "étapes",
            },
            {
                "name": "Ligne directrice architecturale pour le logement partagé",
                "unit": "ligne directrice",
            },
            {
                "name": "Entreprises et organisations de partage désignées (total)",
                "unit": "organisations",
            },
        ],
    },
    "late-night-bus": {
        "title": "Des bus de nuit tracés à partir des données",
        "summary": "Lorsque Séoul a mis en service des bus de nuit en 2013, elle en a choisi "
        "les itinéraires à partir des données plutôt qu’au jugé. Les volumes d’appels "
        "téléphoniques nocturnes et les chiffres de population flottante ont montré où les gens "
        "se rassemblent et se déplacent après minuit.",
        "background": "<p>Certains habitants doivent encore se rendre au travail ou rentrer "
        "chez eux après l’arrêt du métro et des bus réguliers. Savoir d’où ils partent et où "
        "ils vont était la clé d’un réseau utile avec une flotte réduite.</p>",
        "actions": [
            ("heading", "Trouver la demande dans les données"),
            (
                "paragraph",
                "<p>Les volumes d’appels téléphoniques de fin de soirée et les données de "
                "population flottante ont été superposés sur la carte pour repérer les lieux "
                "où beaucoup de gens se rassemblent et se déplacent tard dans la nuit.</p>",
            ),
            ("heading", "Itinéraires, arrêts et ajustements"),
            (
                "paragraph",
                "<p>Les itinéraires et les arrêts ont été fixés à partir de cette analyse et le "
                "service a commencé en 2013 ; depuis, les données de fréquentation servent à "
                "les affiner.</p>",
            ),
        ],
        "budget": "Budget d’exploitation des bus du Gouvernement métropolitain de Séoul",
        "lessons": "<p>Croiser les données administratives et celles des opérateurs de "
        "télécommunications révèle une demande qu’une enquête ne verrait pas. Le bus de nuit "
        "est devenu l’exemple type de la manière dont Séoul met les mégadonnées au service de "
        "ses politiques.</p>",
        "department": "Division de la politique des bus",
        "contact_name": "Équipe Itinéraires de bus",
        "indicators": [
            {
                "name": "Jeux de données croisés pour tracer les itinéraires (volume "
                "d’appels, population flottante)",
                "unit": "jeux de données",
            },
            {"name": "Lignes d’Owl Bus", "unit": "lignes"},
            {"name": "Voyageurs par nuit, en moyenne", "unit": "voyageurs"},
        ],
    },
    "city-data-science-institute": {
        "title": "Un institut de recherche en science des données urbaines avec l’Université "
        "nationale de Séoul",
        "summary": "Le 12 avril 2017, la ville et l’Université nationale de Séoul ont ouvert "
        "l’Institut de recherche en science des données urbaines au parc d’innovation "
        "numérique de Gaepo. Pendant trois ans, il applique les mégadonnées aux problèmes de "
        "transport, d’environnement et de développement urbain, et forme chaque "
        "année environ 1 000 "
        "personnes aux données.",
        "background": "<p>Séoul utilisait déjà les mégadonnées pour les itinéraires de ses bus "
        "de nuit et pour son service d’information sur les zones commerciales. Aller plus loin "
        "exigeait la force de recherche d’une université et davantage de personnes capables "
        "de travailler avec les données.</p>",
        "actions": [
            ("heading", "Quatre thèmes de recherche principaux"),
            (
                "paragraph",
                "<ul><li>un cadre de recherche qui transforme les mégadonnées en propositions "
                "pour résoudre les problèmes urbains ;</li><li>un système pour observer et "
                "expliquer les sources de pollution et de bruit ;</li><li>une étude de la "
                "gentrification à Séoul, assortie de propositions de réponses ;</li><li>une "
                "analyse des conditions de circulation pour améliorer l’environnement des "
                "transports.</li></ul>",
            ),
            ("heading", "Former aux données"),
            (
                "paragraph",
                "<p>Des formations organisées chaque année pour les étudiants, les demandeurs "
                "d’emploi, les habitants et les professionnels visent à former aux données environ "
                "1 000 personnes par an.</p>",
            ),
        ],
        "budget": "Financement conjoint du programme par la ville et l’Université nationale de "
        "Séoul (programme de recherche sur trois ans)",
        "lessons": "<p>Les pouvoirs publics détiennent les problèmes et les données ; les "
        "universités, les méthodes et les personnes qualifiées. Les réunir sous un même toit "
        "augmente les chances que la recherche débouche sur des politiques.</p>",
        "department": "Division des mégadonnées",
        "contact_name": "Partenariats de recherche sur les données",
        "indicators": [
            {
                "name": "Personnes formées aux données chaque année (objectif)",
                "unit": "personnes par an",
            },
            {"name": "Thèmes de recherche principaux", "unit": "thèmes"},
            {
                "name": "Domaines de recherche (transports, environnement, développement urbain)",
                "unit": "domaines",
            },
        ],
    },
}
