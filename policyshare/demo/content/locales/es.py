"""Spanish text of the demo content: themes, partners, the site's pages and the
flagship policies. Mirrors the "en" dicts in the sibling modules."""

HOME = {
    "headline": "Las políticas urbanas de Seúl, compartidas con ciudades de todo el mundo",
    "introduction": "Del transporte y el urbanismo a la vivienda, el medio ambiente y el "
    "bienestar social: qué hizo Seúl, por qué, con qué coste y con qué resultados, en coreano "
    "y en inglés. Busque una política, descargue los documentos y pida asesoramiento o una "
    "visita de estudio al equipo responsable.",
}

THEMES = {
    "transport": {
        "name": "Transporte",
        "description": "Transporte público, vías, movilidad a pie y seguridad vial.",
    },
    "urban-planning": {
        "name": "Urbanismo",
        "description": "Planes directores, regeneración urbana y usos del suelo.",
    },
    "housing": {
        "name": "Vivienda",
        "description": "Vivienda pública y compartida, y mejores condiciones de vida.",
    },
    "environment": {
        "name": "Medio ambiente",
        "description": "Energía, clima, reciclaje y calidad del aire.",
    },
    "water-supply": {
        "name": "Abastecimiento de agua",
        "description": "Producción y distribución de agua potable y control de fugas.",
    },
    "urban-railway": {
        "name": "Ferrocarril urbano",
        "description": "Construcción y explotación de líneas de metro y de metro ligero.",
    },
    "e-government": {
        "name": "Gobierno electrónico y ciudad inteligente",
        "description": "Administración digital, macrodatos y servicios de ciudad inteligente.",
    },
    "safety": {
        "name": "Seguridad",
        "description": "Preparación ante desastres y seguridad en la vida cotidiana.",
    },
    "welfare": {
        "name": "Bienestar social",
        "description": "Apoyo a los residentes vulnerables, bienestar energético y cuidados.",
    },
    "economy": {
        "name": "Economía",
        "description": "Empleo, empresas emergentes y apoyo a las pequeñas empresas.",
    },
    "culture": {
        "name": "Cultura",
        "description": "Marca de ciudad, patrimonio y turismo.",
    },
    "sharing-city": {
        "name": "Ciudad compartida",
        "description": "Políticas que permiten a los residentes compartir espacios, bienes, "
        "información y habilidades.",
    },
}

PARTNERS = {
    "citynet": {
        "name": "CITYNET",
        "website": "https://citynet-ap.org/",
        "description": "Red de ciudades y organizaciones urbanas de Asia-Pacífico que fomenta la "
        "cooperación para un desarrollo urbano sostenible. Su secretaría está en Seúl.",
    },
    "iclei": {
        "name": "ICLEI (Gobiernos Locales por la Sustentabilidad)",
        "website": "https://iclei.org/",
        "description": "Red mundial de gobiernos locales y regionales que ayuda a sus miembros a "
        "actuar en materia de clima, energía y naturaleza.",
    },
    "un-habitat": {
        "name": "ONU-Hábitat",
        "website": "https://unhabitat.org/",
        "description": "El programa de las Naciones Unidas para los asentamientos humanos y el "
        "desarrollo urbano sostenible.",
    },
    "wego": {
        "name": "WeGO (World Smart Sustainable Cities Organization)",
        "website": "https://we-gov.org/",
        "description": "Asociación de ciudades y empresas que intercambian experiencias en "
        "gobierno electrónico y servicios de ciudad inteligente. Seúl es miembro fundador y "
        "acoge su secretaría.",
    },
    "world-bank": {
        "name": "Banco Mundial",
        "website": "https://www.worldbank.org/",
        "description": "Institución financiera internacional que financia y asesora proyectos de "
        "desarrollo, entre ellos de infraestructuras y servicios urbanos.",
    },
    "adb": {
        "name": "Banco Asiático de Desarrollo (BAsD)",
        "website": "https://www.adb.org/",
        "description": "Banco regional de desarrollo que invierte en infraestructuras y proyectos "
        "sociales en toda Asia y el Pacífico.",
    },
    "metropolis": {
        "name": "Metropolis (Asociación Mundial de las Grandes Metrópolis)",
        "website": "https://www.metropolis.org/",
        "description": "La asociación mundial de grandes ciudades y regiones metropolitanas, que "
        "dirige el instituto de formación MITI.",
    },
    "world-cities-summit": {
        "name": "World Cities Summit",
        "website": "https://www.worldcitiessummit.com.sg/",
        "description": "Encuentro que se celebra cada dos años en Singapur, donde dirigentes y "
        "expertos debaten sobre ciudades habitables y sostenibles.",
    },
    "urban-sdg-platform": {
        "name": "Urban SDG Knowledge Platform",
        "website": "https://www.urbansdgplatform.org/",
        "description": "Plataforma en línea, gestionada por Seúl junto con la CESPAP de las "
        "Naciones Unidas, en la que las ciudades comparten su trabajo para alcanzar los "
        "Objetivos de Desarrollo Sostenible.",
    },
    "seoul-metropolitan-government": {
        "name": "Gobierno Metropolitano de Seúl",
        "website": "https://english.seoul.go.kr/",
        "description": "El gobierno municipal de Seúl, cuyos departamentos diseñaron y ejecutaron "
        "las políticas que se presentan en este portal.",
    },
    "koica": {
        "name": "Agencia de Cooperación Internacional de Corea (KOICA)",
        "website": "https://www.koica.go.kr/",
        "description": "La agencia coreana de ayuda no reembolsable, que apoya proyectos de "
        "desarrollo en los países socios.",
    },
    "kotra": {
        "name": "Agencia de Promoción de Comercio e Inversión de Corea (KOTRA)",
        "website": "https://www.kotra.or.kr/",
        "description": "El organismo público que promueve el comercio y la inversión y ayuda a "
        "las empresas coreanas a trabajar en el extranjero.",
    },
    "moef": {
        "name": "Ministerio de Economía y Finanzas",
        "website": "https://english.moef.go.kr/",
        "description": "El ministerio coreano responsable de la política económica, el "
        "presupuesto nacional y la financiación de la cooperación para el desarrollo.",
    },
    "mofa": {
        "name": "Ministerio de Relaciones Exteriores",
        "website": "https://www.mofa.go.kr/eng/",
        "description": "El ministerio coreano responsable de las relaciones exteriores, incluida "
        "la cooperación para el desarrollo.",
    },
    "korea-eximbank": {
        "name": "Banco de Exportación e Importación de Corea (Korea Eximbank)",
        "website": "https://www.koreaexim.go.kr/",
        "description": "El banco estatal de crédito a la exportación, que también gestiona los "
        "préstamos concesionales de Corea para el desarrollo (EDCF).",
    },
    "k-developedia": {
        "name": "K-Developedia",
        "website": "https://www.kdevelopedia.org/",
        "description": "Base de conocimientos en línea sobre la experiencia de desarrollo de "
        "Corea, gestionada por la KDI School of Public Policy and Management.",
    },
    "clc": {
        "name": "Centre for Liveable Cities (CLC)",
        "website": "https://www.clc.gov.sg/",
        "description": "Centro del Gobierno de Singapur que estudia soluciones urbanas y las "
        "comparte con otras ciudades.",
    },
    "kdi": {
        "name": "Instituto de Desarrollo de Corea (KDI)",
        "website": "https://www.kdi.re.kr/",
        "description": "Centro de estudios financiado por el Gobierno, dedicado a la política "
        "económica y social.",
    },
    "krihs": {
        "name": "Korea Research Institute for Human Settlements (KRIHS)",
        "website": "https://www.krihs.re.kr/",
        "description": "El instituto nacional de investigación sobre usos del suelo, "
        "planificación urbana y regional e infraestructuras.",
    },
    "korea-planning-association": {
        "name": "Korea Planning Association",
        "website": "https://www.kpa1959.or.kr/",
        "description": "La sociedad científica que reúne a investigadores y profesionales "
        "coreanos de la ordenación del territorio y el urbanismo.",
    },
    "university-of-seoul": {
        "name": "Universidad de Seúl",
        "website": "https://www.uos.ac.kr/",
        "description": "Universidad pública respaldada por la ciudad, con docencia e "
        "investigación en urbanismo, administración pública e ingeniería.",
    },
    "icak": {
        "name": "International Contractors Association of Korea (ICAK)",
        "website": "https://www.icak.or.kr/",
        "description": "La organización sectorial de las empresas constructoras coreanas que "
        "trabajan en el extranjero.",
    },
    "kofia": {
        "name": "Korea Financial Investment Association (KOFIA)",
        "website": "https://www.kofia.or.kr/",
        "description": "El organismo de autorregulación del sector de valores y gestión de "
        "activos de Corea.",
    },
    "kcci": {
        "name": "Cámara de Comercio e Industria de Corea (KCCI)",
        "website": "https://www.korcham.net/",
        "description": "La cámara de ámbito nacional que representa a las empresas coreanas.",
    },
    "kbiz": {
        "name": "Korea Federation of SMEs (Kbiz)",
        "website": "https://www.kbiz.or.kr/",
        "description": "La federación que representa a las pequeñas y medianas empresas de Corea.",
    },
}

PAGES = {
    "about": {
        "title": "Acerca de «Seúl comparte sus políticas»",
        "introduction": "«Seúl comparte sus políticas» es el sitio web a través del cual el "
        "Gobierno Metropolitano de Seúl transmite a otras ciudades su experiencia en "
        "políticas urbanas.",
        "body": [
            (
                "heading",
                "Qué encontrará",
            ),
            (
                "paragraph",
                "<p>Todos los casos de política siguen el mismo esquema: por qué se puso en "
                "marcha, qué se hizo, cuándo, cuánto costó, qué indicadores cambiaron, qué se "
                "aprendió y quién es el responsable. Los casos pueden filtrarse por tema y "
                "por periodo, y los informes y adjuntos pueden descargarse junto con "
                "ellos.</p><p>También hay secciones de noticias de Seúl, de Seúl en los "
                "medios del mundo, de vídeos y de informes, así como una página sobre "
                "nuestros socios.</p>",
            ),
            (
                "heading",
                "A quién va dirigido",
            ),
            (
                "paragraph",
                "<p>Está pensado para funcionarios de otros países que quieren adaptar la "
                "experiencia de Seúl a su propia ciudad, para investigadores y periodistas "
                "que estudian las políticas urbanas o informan sobre ellas, y para las "
                "ciudades y organizaciones socias que colaboran con Seúl.</p>",
            ),
            (
                "heading",
                "En seis idiomas",
            ),
            (
                "paragraph",
                "<p>Todo se publica en coreano y en inglés. Las principales políticas, los "
                "temas, los socios y estas páginas también pueden leerse en francés, español, "
                "árabe y chino. Cuando un texto aún no existe en su idioma, se le muestra la "
                "versión en inglés o, en su defecto, la coreana, y se le indica.</p>",
            ),
        ],
    },
    "miti": {
        "title": "Instituto Internacional de Formación de Metropolis (MITI)",
        "introduction": "El MITI es el instituto a través del cual Metropolis forma y aprende. "
        "Ayuda a los gobiernos locales y metropolitanos y a su personal a desarrollar las "
        "capacidades y las instituciones que exige una mejor gobernanza pública.",
        "body": [
            (
                "heading",
                "Orígenes y traslado a Seúl",
            ),
            (
                "paragraph",
                "<p>Metropolis creó el MITI en 1996. Su sede estuvo primero en Montreal. Cuando "
                "el consejo de administración de Metropolis se reunió en Cantón en 2012, "
                "decidió trasladarla a Seúl.</p>",
            ),
            (
                "heading",
                "Centros regionales",
            ),
            (
                "paragraph",
                "<p>Además de la sede de Seúl, hay cuatro centros regionales en "
                "funcionamiento:</p><ul><li>El Cairo</li><li>Mashhad</li><li>Ciudad de "
                "México</li><li>París (Isla de Francia)</li></ul>",
            ),
            (
                "heading",
                "Un nuevo comienzo en Seúl",
            ),
            (
                "paragraph",
                "<p>Desde el traslado, el MITI ha dado un nuevo impulso a sus centros regionales "
                "y a la difusión del conocimiento. Sus cursos se planifican junto con otras "
                "actividades de Metropolis y están abiertos tanto a las ciudades miembros "
                "como a las ciudades afiliadas y a las instituciones asociadas.</p>",
            ),
        ],
    },
    "sharing-city": {
        "title": "Seúl Ciudad Compartida",
        "introduction": "Compartir hace que los recursos rindan más y acerca a los vecinos. Estas "
        "son las preguntas que más nos hacen sobre Seúl Ciudad Compartida.",
        "body": [
            (
                "paragraph",
                "<p>Desde 2012, compartir es uno de los pilares de la administración de Seúl. El "
                "caso de política «Seúl Ciudad Compartida» cuenta la historia completa.</p>",
            ),
        ],
        "questions": [
            (
                "¿Qué es Seúl Ciudad Compartida?",
                "<p>Una ciudad en la que prestar y tomar prestado lo que cada uno posee (espacio, "
                "bienes, tiempo, habilidades e información) forma parte de la vida cotidiana. "
                "Los recursos ociosos vuelven a aprovecharse, el comercio local se beneficia, "
                "los vecinos se conocen y el medio ambiente sale ganando.</p>",
            ),
            (
                "¿Por qué la impulsa Seúl?",
                "<p>Las necesidades en bienestar social, medio ambiente y empleo no dejan de "
                "crecer, mientras que los presupuestos y los recursos no lo hacen. La rápida "
                "urbanización debilitó las comunidades, y el consumo intensivo ha agotado "
                "recursos y provocado contaminación. Como compartir permite que más personas "
                "utilicen lo que ya existe sin nuevos gastos, la ciudad optó por ello para "
                "aliviar a la vez problemas económicos, sociales y ambientales.</p>",
            ),
            (
                "¿Cómo se ha desarrollado?",
                "<p>Empezó abriendo a los residentes calles, parques y otros bienes públicos, y "
                "después pasó al intercambio de información, conocimientos y talento. Por el "
                "camino se van adoptando normas que apoyan el uso compartido, como una "
                "directriz arquitectónica para la vivienda compartida.</p>",
            ),
            (
                "¿Pueden aprender de ella otras ciudades?",
                "<p>Sí. Empiece por los casos de política y los informes, y, si necesita más, "
                "pida al equipo responsable una consulta o una visita de estudio.</p>",
            ),
        ],
    },
}

EDITOR = {
    "writer": "Equipo editorial de «Seúl comparte sus políticas»",
    "affiliation": "Gobierno Metropolitano de Seúl",
}

POLICIES = {
    "third-traffic-safety-plan": {
        "title": "Reducir a la mitad las muertes en carretera: el 3.er Plan de Seguridad Vial de "
        "Seúl",
        "summary": "En 2015, Seúl registró 3.7 muertes por accidente de tráfico por cada 100 000 "
        "habitantes, ya la mejor tasa de Corea. Aun así, la ciudad se fijó como objetivo "
        "llegar a 1.8 en 2021 y elaboró planes de acción específicos para cuatro ámbitos "
        "prioritarios, empezando por los peatones.",
        "background": "<p>Dos planes anteriores habían mejorado de forma constante la seguridad "
        "en las calles de Seúl. Sin embargo, en comparación con otras ciudades del mundo "
        "seguía habiendo una brecha: en 2014, Nueva York registró 2.9 muertes por cada 100 "
        "000 habitantes, y Londres y Berlín, alrededor de 1.5.</p><p>Los peatones, los "
        "pasajeros de taxis y autobuses, los motociclistas y los ciclistas se enfrentan a "
        "riesgos distintos. En lugar de una única campaña general, la ciudad decidió que cada "
        "grupo de usuarios de la vía necesitaba medidas propias.</p>",
        "actions": [
            (
                "heading",
                "Cuatro ámbitos prioritarios",
            ),
            (
                "paragraph",
                "<p>El plan se organiza en cuatro apartados, cada uno con un plan de ejecución "
                "detallado:</p><ul><li>los peatones;</li><li>los vehículos comerciales: "
                "taxis, autobuses y similares;</li><li>las motocicletas y las "
                "bicicletas;</li><li>el sistema de gestión de la seguridad vial.</li></ul>",
            ),
            (
                "heading",
                "Primero, los peatones",
            ),
            (
                "paragraph",
                "<p>El primer objetivo es reducir un 70 % las muertes de peatones. Se rebajan los "
                "límites de velocidad, los cruces se dotan de pasos de peatones en todas las "
                "direcciones, se vigila con más firmeza el estacionamiento ilegal y se amplía "
                "la protección de los niños y las personas mayores.</p>",
            ),
            (
                "heading",
                "Taxis y autobuses",
            ),
            (
                "paragraph",
                "<p>Para reducir a la mitad los accidentes en los que se ven implicados vehículos "
                "comerciales, los operadores reciben más incentivos o sanciones según su "
                "historial de seguridad, los conductores son evaluados y formados, y se "
                "estudian tecnologías para evitar colisiones.</p>",
            ),
            (
                "heading",
                "Motocicletas y bicicletas",
            ),
            (
                "paragraph",
                "<p>Se aplican con más rigor las normas de estacionamiento de motocicletas, se "
                "construyen más instalaciones de seguridad y se ofrecen cursos de conducción "
                "segura a los repartidores y a los estudiantes de secundaria.</p>",
            ),
            (
                "heading",
                "Un sistema de seguridad más sólido",
            ),
            (
                "paragraph",
                "<p>La ciudad colabora más estrechamente con organismos especializados y revisa "
                "el diseño de las vías y el marco jurídico, para que los proyectos de "
                "seguridad den resultados.</p>",
            ),
        ],
        "budget": "Presupuesto anual de transporte y seguridad vial del Gobierno Metropolitano de "
        "Seúl (los importes figuran en los documentos presupuestarios de la ciudad)",
        "lessons": "<p>Una única cifra, comparable con la de otras ciudades del mundo, dio al "
        "plan un criterio de medida claro. Dividir el trabajo por tipo de usuario de la vía "
        "facilitó encomendar cada medida al equipo capaz de llevarla a cabo.</p>",
        "department": "División de Política de Transporte",
        "contact_name": "Equipo de Seguridad Vial",
        "indicators": [
            {
                "name": "Muertes por accidente de tráfico por cada 100 000 habitantes",
                "unit": "muertes",
            },
            {"name": "Muertes por accidente de tráfico en Seúl", "unit": "muertes"},
            {
                "name": "Reducción prevista de las muertes de peatones",
                "unit": "% menos",
            },
            {
                "name": "Reducción prevista de los accidentes con taxis y autobuses implicados",
                "unit": "% menos",
            },
        ],
        "attachment": "El 3.er Plan de Seguridad Vial de un vistazo (PDF de demostración)",
    },
    "energy-welfare-civic-fund": {
        "title": "Fondo Ciudadano de Bienestar Energético: una respuesta público-privada a la "
        "pobreza energética",
        "summary": "Desde 2015, Seúl considera la energía asequible un derecho básico y combate "
        "la pobreza energética junto con empresas y residentes. Un fondo ciudadano reúne "
        "donaciones y los ingresos de una central eléctrica virtual, y los destina a aliviar "
        "los gastos energéticos de los hogares con bajos ingresos.",
        "background": "<p>Muchos hogares con bajos ingresos no pueden pagar toda la energía que "
        "necesitan para calefacción, refrigeración y cocina. Al considerar que los organismos "
        "públicos no podían cerrar esa brecha por sí solos, la ciudad puso en marcha en 2015 "
        "una alianza en la que empresas y ciudadanos participan junto a la administración.</p>",
        "actions": [
            (
                "heading",
                "Un fondo creado por ciudadanos y empresas",
            ),
            (
                "paragraph",
                "<p>El Fondo Ciudadano de Bienestar Energético de Seúl se nutre de donaciones. "
                "Treinta y cuatro empresas y 1800 residentes han aportado en conjunto 500 810 "
                "USD.</p>",
            ),
            (
                "heading",
                "Electricidad ahorrada, vendida como si fuera una central",
            ),
            (
                "paragraph",
                "<p>Diecisiete edificios e instituciones municipales agrupan los 5 MW de "
                "electricidad que ahorran, y la ciudad ha registrado esa agrupación como "
                "central eléctrica virtual que la vende en el mercado. Unos 178 000 USD de "
                "ingresos al año vuelven al fondo para que sus programas puedan crecer.</p>",
            ),
            (
                "heading",
                "Qué se financia con el dinero",
            ),
            (
                "paragraph",
                "<p>El fondo paga paneles solares, iluminación LED y mejoras de eficiencia en las "
                "viviendas de hogares en situación de pobreza energética; los detalles "
                "figuran en el caso relacionado.</p>",
            ),
        ],
        "budget": "Fondo ciudadano: 500 810 USD donados por 34 empresas y 1800 ciudadanos, más "
        "unos 178 000 USD al año procedentes de las ventas de la central eléctrica virtual",
        "lessons": "<p>Convertir el ahorro de los edificios públicos en un ingreso estable hizo "
        "que el fondo dejara de depender de un nuevo llamamiento cada año. Pedir a empresas y "
        "residentes que contribuyeran hizo además de la pobreza energética una preocupación "
        "de todos, y no una simple partida del presupuesto de bienestar social.</p>",
        "department": "División de Política Energética",
        "contact_name": "Equipo de Bienestar Energético",
        "indicators": [
            {
                "name": "Donaciones recaudadas por el fondo ciudadano",
                "unit": "USD",
            },
            {
                "name": "Electricidad ahorrada vendida por la central eléctrica virtual",
                "unit": "MW",
            },
            {
                "name": "Ingresos anuales aportados al fondo (aprox.)",
                "unit": "USD al año",
            },
            {
                "name": "Recaudación del fondo ciudadano en el año (dinero y bienes)",
                "unit": "millones de wones",
            },
        ],
        "attachment": "Ficha informativa del Fondo Ciudadano de Bienestar Energético (PDF de "
        "demostración)",
    },
    "sharing-city-seoul": {
        "title": "Seúl Ciudad Compartida",
        "summary": "Seúl Ciudad Compartida pone espacios, bienes, tiempo, habilidades e "
        "información ociosos al servicio de más personas. Primero abrió a los residentes "
        "calles, parques y otros bienes municipales, y después extendió el uso compartido a "
        "la información, los conocimientos prácticos y el talento.",
        "background": "<p>La demanda de bienestar social, empleo y un medio ambiente más limpio "
        "crecía más deprisa que el presupuesto. Décadas de crecimiento rápido habían "
        "debilitado los lazos entre vecinos, y un modo de vida basado en comprar, usar y "
        "tirar agotaba los recursos y aumentaba la contaminación. Seúl vio en el uso "
        "compartido una forma de aliviar a la vez las presiones económicas, sociales y "
        "ambientales.</p>",
        "actions": [
            (
                "heading",
                "Primera etapa: los bienes públicos",
            ),
            (
                "paragraph",
                "<p>Las calles, los parques y otros bienes de propiedad municipal se abrieron a "
                "los residentes en los momentos en que no se utilizan.</p>",
            ),
            (
                "heading",
                "Segunda etapa: información, conocimientos y talento",
            ),
            (
                "paragraph",
                "<p>Después, el programa se amplió al intercambio de información, conocimientos "
                "prácticos y habilidades. El uso compartido ha entrado en la vida cotidiana, "
                "ayuda a resolver diversos problemas urbanos y fomenta el consumo "
                "colaborativo.</p>",
            ),
            (
                "heading",
                "Normas y plataformas",
            ),
            (
                "paragraph",
                "<p>La ciudad está adoptando las normas y los apoyos que permiten compartir en "
                "toda su administración. Algunos ejemplos son una directriz arquitectónica "
                "para la vivienda compartida y un concepto de transporte compartido con "
                "vehículos autónomos.</p>",
            ),
        ],
        "budget": "Proyecto por proyecto, dentro del presupuesto anual del Gobierno Metropolitano "
        "de Seúl",
        "lessons": "<p>Aprovechar mejor lo que ya existe, en lugar de construir más, conviene a "
        "las ciudades con presupuestos ajustados. Para que el uso compartido perdure, las "
        "normas y las directrices importan tanto como los proyectos concretos.</p>",
        "department": "División de Innovación Social",
        "contact_name": "Equipo de Ciudad Compartida",
        "indicators": [
            {
                "name": "Etapas puestas en marcha (bienes públicos y, después, información y "
                "habilidades)",
                "unit": "etapas",
            },
            {
                "name": "Directriz arquitectónica para la vivienda compartida",
                "unit": "directriz",
            },
            {
                "name": "Empresas y organizaciones de economía compartida designadas (total)",
                "unit": "organizaciones",
            },
        ],
    },
    "late-night-bus": {
        "title": "Autobuses nocturnos trazados a partir de datos",
        "summary": "Cuando Seúl introdujo los autobuses nocturnos en 2013, eligió las rutas a "
        "partir de datos y no de conjeturas. El volumen de llamadas nocturnas y las cifras de "
        "población flotante mostraron dónde se concentra la gente y por dónde se desplaza "
        "después de medianoche.",
        "background": "<p>Algunos residentes todavía necesitan ir al trabajo o volver a casa "
        "cuando el metro y los autobuses regulares ya han dejado de circular. Saber desde "
        "dónde y hacia dónde se desplazan era la clave para lograr una red útil con una flota "
        "reducida.</p>",
        "actions": [
            (
                "heading",
                "Encontrar la demanda en los datos",
            ),
            (
                "paragraph",
                "<p>Los datos del volumen de llamadas nocturnas y de población flotante se "
                "superpusieron en el mapa para localizar los lugares donde mucha gente se "
                "concentra y se desplaza a altas horas de la noche.</p>",
            ),
            (
                "heading",
                "Rutas, paradas y ajustes",
            ),
            (
                "paragraph",
                "<p>Las rutas y las paradas se fijaron a partir de ese análisis y el servicio "
                "comenzó en 2013; desde entonces, los datos de uso sirven para afinarlas.</p>",
            ),
        ],
        "budget": "Presupuesto de explotación de autobuses del Gobierno Metropolitano de Seúl",
        "lessons": "<p>Combinar datos administrativos y de telecomunicaciones revela una demanda "
        "que una encuesta no detectaría. El autobús nocturno se convirtió en el ejemplo de "
        "referencia de cómo Seúl aplica los macrodatos a sus políticas.</p>",
        "department": "División de Política de Autobuses",
        "contact_name": "Equipo de Rutas de Autobús",
        "indicators": [
            {
                "name": "Conjuntos de datos combinados para trazar las rutas (volumen de "
                "llamadas, población flotante)",
                "unit": "conjuntos de datos",
            },
            {"name": "Líneas del Owl Bus", "unit": "líneas"},
            {"name": "Viajeros por noche, de media", "unit": "viajeros"},
        ],
    },
    "city-data-science-institute": {
        "title": "Un Instituto de Investigación en Ciencia de Datos Urbanos con la Universidad "
        "Nacional de Seúl",
        "summary": "El 12 de abril de 2017, la ciudad y la Universidad Nacional de Seúl "
        "inauguraron el Instituto de Investigación en Ciencia de Datos Urbanos en el Parque "
        "de Innovación Digital de Gaepo. A lo largo de tres años, aplica los macrodatos a "
        "problemas de transporte, medio ambiente y desarrollo urbano, y forma en datos a unas 1000 "
        "personas cada año.",
        "background": "<p>Seúl ya utilizaba macrodatos para las rutas de sus autobuses nocturnos "
        "y para su servicio de información sobre zonas comerciales. Ir más allá exigía la "
        "capacidad investigadora de una universidad y más personas capaces de trabajar con "
        "datos.</p>",
        "actions": [
            (
                "heading",
                "Cuatro temas centrales de investigación",
            ),
            (
                "paragraph",
                "<ul><li>un marco de investigación que convierte los macrodatos en propuestas "
                "para los problemas urbanos;</li><li>un sistema para observar y explicar las "
                "fuentes de contaminación y de ruido;</li><li>un estudio de la gentrificación "
                "en Seúl, con propuestas de respuesta;</li><li>un análisis de las condiciones "
                "del tráfico para mejorar el entorno del transporte.</li></ul>",
            ),
            (
                "heading",
                "Formación de especialistas en datos",
            ),
            (
                "paragraph",
                "<p>Cursos anuales para estudiantes universitarios, personas en busca de empleo, "
                "residentes y profesionales, con el objetivo de formar en datos a unas "
                "1000 personas cada año.</p>",
            ),
        ],
        "budget": "Financiación conjunta del programa por la ciudad y la Universidad Nacional de "
        "Seúl (programa de investigación de tres años)",
        "lessons": "<p>La administración tiene los problemas y los datos; las universidades, los "
        "métodos y las personas. Reunirlos bajo un mismo techo hace más probable que la "
        "investigación acabe traduciéndose en políticas.</p>",
        "department": "División de Macrodatos",
        "contact_name": "Alianzas de Investigación en Datos",
        "indicators": [
            {
                "name": "Personas formadas en datos cada año (objetivo)",
                "unit": "personas al año",
            },
            {
                "name": "Temas centrales de investigación",
                "unit": "temas",
            },
            {
                "name": "Ámbitos de investigación (transporte, medio ambiente, desarrollo urbano)",
                "unit": "ámbitos",
            },
        ],
    },
}
