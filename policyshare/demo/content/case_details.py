"""How the flagship cases were done, what they needed and what became of them: obstacles,
stakeholders, legal basis, preconditions, lifecycle and staff (docs/content-model.md), in the
six languages the demo carries them in, and the exchange rates their budget lines need.

Sourcing rules (as in policies.py): every fact and figure comes from a public source named in
SOURCES below (and in docs/demo-content.md, "Cost, means and lifecycle"); the wording is our
own. Where no source gives a figure, the field stays empty and UNPUBLISHED says why, in
English, for editors and for the tests. Budget lines and outcome indicators stay with the
case in policies.py.
"""

from datetime import date

LANGUAGES = ("ko", "en", "fr", "es", "ar", "zh-hans")

# Yearly averages for the currencies and years of the demo's budget lines (policies.py).
EXCHANGE_RATES = [
    {
        "currency": "KRW",
        "year": 2013,
        "units_per_usd": "1095.0",
        "source": "Bank of Korea, 2013 foreign-exchange market trends (21 January 2014), "
        "reported by Dailian: https://dailian.co.kr/news/view/417083",
    },
    {
        "currency": "KRW",
        "year": 2015,
        "units_per_usd": "1131.5",
        "source": "Bank of Korea, 2015 foreign-exchange market trends (January 2016), "
        "reported by NSP News: https://amp.nspna.com/en/news/?mode=view&newsid=156167",
    },
    {
        "currency": "KRW",
        "year": 2016,
        "units_per_usd": "1160.4",
        "source": "Bank of Korea, 2016 foreign-exchange market trends (19 January 2017), "
        "reported by iNews24: http://news.inews24.com/php/news_view.php?g_menu=022400"
        "&g_serial=1002565",
    },
]

# Where each case's details come from (title, address): docs/demo-content.md lists them.
SOURCES = {
    "third-traffic-safety-plan": [
        (
            "SMG, “서울시, 2021년까지 교통사고사망자 절반 이상 줄인다” (11 April 2017)",
            "https://news.seoul.go.kr/traffic/archives/32983",
        ),
        (
            "SMG, 2021 서울특별시 교통안전 시행계획 (15 March 2021)",
            "https://opengov.seoul.go.kr/sanction/22485198",
        ),
        (
            "SMG, 2022년 서울시 교통안전 시행계획 (29 June 2022)",
            "https://opengov.seoul.go.kr/sanction/26278209",
        ),
        (
            "SMG, 2023년 서울시 교통안전 시행계획 (22 March 2023)",
            "https://opengov.seoul.go.kr/sanction/30057851",
        ),
        (
            "SMG, “Casualties Caused by Traffic Accidents in Seoul in 2019 Reduced by 19.1%”",
            "http://english.seoul.go.kr/casualties-caused-by-traffic-accidents-in-seoul-in-"
            "2019-reduced-by-19-1/",
        ),
        (
            "Traffic Safety Act (KLRI English translation)",
            "https://elaw.klri.re.kr/eng_mobile/viewer.do?hseq=55282&type=sogan&key=4",
        ),
    ],
    "energy-welfare-civic-fund": [
        (
            "C40 Cities Awards 2016, Seoul: Energy Welfare Public-Private Partnership Programme",
            "https://www.c40.org/awards/2016-awards/profiles/116",
        ),
        (
            "UN DESA, UN Public Service Awards nomination: public-private joint energy welfare "
            "project (Seoul Metropolitan Government)",
            "https://publicadministration.un.org/en/Research/Case-Studies/unpsacases/ctl/"
            "NominationProfilev2014/mid/1170/id/5115",
        ),
        (
            "Hankook Ilbo, “서울에너지복지시민기금 출범” (15 July 2015)",
            "http://hankookilbo.com/v/faf5e8dcd5c9457c9827ccae74b4c3ca",
        ),
        (
            "Dong-yang News, “서울에너지복지시민기금 총 23억원 조성” (9 December 2018)",
            "https://dynews1.com/news/articleView.html?idxno=442291",
        ),
        (
            "Seouland, “에너지 빈곤층 지원에 날개를 달다” (19 April 2018)",
            "https://seouland.com/arti/society/society_general/3324.html",
        ),
    ],
    "sharing-city-seoul": [
        (
            "Seoul Metropolitan Government Ordinance on the Promotion of Sharing (English)",
            "http://legal.seoul.go.kr/legal/english/front/page/law.html?pAct=lawView"
            "&pPromNo=2716&pTabType=history",
        ),
        (
            "ShareHub, “How it Works? Sharing City Seoul”",
            "http://www.sharehub.kr/sharecityseoul/howitworks.do",
        ),
        (
            "Yonhap, “서울시, 공유기업 12곳에 2억6천만원 지원” (16 May 2018)",
            "https://m.wowtv.co.kr/NewsCenter/News/Read?articleId=AKR20180516047200004",
        ),
        (
            "News1, “서울시 300개 공유기업 육성…공유서울 2기 추진” (20 April 2015)",
            "https://www.news1.kr/amp/local/seoul/2193212",
        ),
        (
            "ksen.co.kr, second 2013 call for sharing organisations and enterprises",
            "https://ksen.co.kr/news/article.html?no=3313",
        ),
        (
            "SMG, 공유서울 3기 기본계획 (5 February 2021)",
            "https://opengov.seoul.go.kr/sanction/22202062",
        ),
        (
            "Asia Business Daily, “서울시, 공유도시 서울 계획” (20 September 2012)",
            "https://ajunews.com/view/20120920000355",
        ),
    ],
    "late-night-bus": [
        (
            "SMG, “Seoul Metropolitan Government to Run Nine ‘Owl Bus’ Routes for Late Night "
            "Passengers from Sept. 12”",
            "http://english.seoul.go.kr/seoul-metropolitan-government-to-run-nine-"
            "%E2%80%98owl-bus%E2%80%99-routes-for-late-night-passengers/",
        ),
        (
            "SMG, “Midnight bus (Owl Bus) Service Carries Over 6,000 Passengers/Day in Its "
            "First 50 Days”",
            "http://english.seoul.go.kr/midnight-bus-owl-bus-service-carries-over-6000-"
            "passengersday-in-its-first-50-days/",
        ),
        (
            "SMG, “Travel Safely Around the City Even at Night With Seoul’s ‘Owl Bus’”",
            "http://english.seoul.go.kr/travel-safely-around-city-even-night-seouls-owl-bus/",
        ),
        (
            "Aju News, “서울시, 심야버스 7개 노선 추가” (3 September 2013)",
            "https://m.ajunews.com/amp/20130903000407",
        ),
        (
            "Maeil Labor News, on the nine routes (3 September 2013)",
            "http://labortoday.co.kr/news/articleView.html?idxno=120543",
        ),
        (
            "Asia Economy, expansion of Owl Bus routes (4 April 2022)",
            "https://cm.asiae.co.kr/en/article/2022040421241282119",
        ),
        (
            "Seoul Solution, Night Bus (Owl Bus): Route Design Using Big Data",
            "https://seoulsolution.kr/en/node/2590",
        ),
        (
            "Passenger Transport Service Act (KLRI English translation)",
            "https://elaw.klri.re.kr/eng_mobile/ganadaDetail.do?hseq=42804&type=abc"
            "&key=PASSENGER%20TRANSPORT%20SERVICE%20ACT&param=P",
        ),
    ],
    "city-data-science-institute": [
        (
            "Yonhap, “빅데이터로 도시문제 해결…서울시·서울대 도시데이터 연구소” (12 April 2017)",
            "https://m.wowtv.co.kr/NewsCenter/AMP/Read?articleId=AKR20170412074900004",
        ),
        (
            "News Tomato, “서울대-서울시 교통·환경 도시문제 해결 나서” (12 April 2017)",
            "http://www.newstomato.com/ReadNews.aspx?no=746091",
        ),
        (
            "Hankyung, on the institute's opening (12 April 2017)",
            "http://www.hankyung.com/news/app/newsview.php?aid=2017041252261",
        ),
        (
            "Seoul Economic Daily, on the memorandum of 7 December 2016",
            "https://m.sedaily.com/NewsView/1L55L9E4FC",
        ),
    ],
}

# Fields no source gives a figure for, and why (English, for editors and the tests).
UNPUBLISHED = {
    "third-traffic-safety-plan": {
        "budget_lines": "Neither the plan's announcement (11 April 2017) nor the yearly "
        "implementation plans of 2021–2023 give an amount for the plan: it is funded within "
        "the city's annual transport and road-safety budget.",
        "staff_fte": "No source found gives the number of staff working on the plan.",
    },
    "energy-welfare-civic-fund": {
        "staff_fte": "No source found gives the staff of the fund's secretariat or of the "
        "city's energy-welfare team.",
    },
    "sharing-city-seoul": {
        "staff_fte": "No source found gives the staff of the city's sharing team.",
    },
    "late-night-bus": {
        "budget_lines": "No source found gives the cost of the Owl Bus routes or their "
        "subsidy: they run within the city's bus operations budget.",
        "staff_fte": "No source found gives staff figures for the service.",
    },
    "city-data-science-institute": {
        "budget_lines": "The sources give only the split of the three-year cost (70% the "
        "city, 30% Seoul National University), not the amount.",
        "legal_basis": "The institute has no law or ordinance of its own: it rests on the "
        "memorandum of understanding the city and Seoul National University signed on "
        "7 December 2016.",
    },
}

DETAILS = {
    "third-traffic-safety-plan": {
        "staff_fte": None,
        "obstacles": [
            {
                "ko": {
                    "obstacle": "서울의 교통사고 사망자 가운데 절반 이상이 보행자입니다"
                    "(2019년 57%). 서울시는 그 원인으로 매우 높은 인구밀도를 꼽습니다.",
                    "response": "‘안전속도 5030’으로 제한속도를 간선도로 시속 50km, 이면도로 시속 "
                    "30km로 낮추어 서울 전역으로 넓히고, "
                    "무단횡단이 잦은 곳에 횡단보도 30곳 이상을 더 설치하기로 했습니다.",
                },
                "en": {
                    "obstacle": "More than half of the people killed on Seoul's roads are "
                    "pedestrians (57% in 2019), a share the city links to its very high density.",
                    "response": "Speed limits came down under “Safe Speed 5030” (50 km/h on main "
                    "roads, 30 km/h on side streets) across the city, and more than 30 new "
                    "crossings were planned where jaywalking was common.",
                },
                "fr": {
                    "obstacle": "Plus de la moitié des personnes tuées sur les routes de Séoul "
                    "sont des piétons (57 % en 2019), une part que la ville attribue à sa très "
                    "forte densité.",
                    "response": "Les limitations de vitesse ont été abaissées dans toute la ville "
                    "avec « Safe Speed 5030 » (50 km/h sur les grands axes, 30 km/h dans les "
                    "rues secondaires), et plus de 30 nouveaux passages piétons ont été "
                    "prévus là où les traversées hors passage étaient fréquentes.",
                },
                "es": {
                    "obstacle": "Más de la mitad de las personas que mueren en las calles de "
                    "Seúl son peatones (el 57 % en 2019), proporción que la ciudad atribuye a su "
                    "altísima densidad.",
                    "response": "Con «Safe Speed 5030» se redujeron los límites de velocidad en "
                    "toda la ciudad (50 km/h en las vías principales y 30 km/h en las "
                    "secundarias) y se previeron más de 30 nuevos pasos de peatones donde "
                    "abundaban los cruces indebidos.",
                },
                "ar": {
                    "obstacle": "أكثر من نصف قتلى الطرق في سيول من المشاة (57% في عام 2019)، "
                    "وتعزو المدينة ذلك إلى كثافتها السكانية العالية جدًا.",
                    "response": "خُفّضت حدود السرعة في المدينة كلها ضمن برنامج «السرعة الآمنة "
                    "5030» (50 كم/س على الطرق الرئيسية و30 كم/س في الشوارع الفرعية)، وتقرر "
                    "إنشاء أكثر من 30 معبرًا جديدًا للمشاة حيث كان العبور العشوائي شائعًا.",
                },
                "zh-hans": {
                    "obstacle": "首尔道路交通死亡者中一半以上是行人（2019年为57%），市政府"
                    "认为这与城市极高的人口密度有关。",
                    "response": "通过“安全速度5030”在全市降低限速（主干道每小时50公里、支路每小时3"
                    "0公里），并计划在乱穿马路多发处新增30多处人行横道。",
                },
            },
            {
                "ko": {
                    "obstacle": "2021년 교통사고 사망자는 243명으로 목표인 180명을 넘어 다시 "
                    "늘었습니다. 코로나19 시기에 어르신의 야외 활동과 배달 수요가 늘어난 "
                    "영향입니다.",
                    "response": "제4차 서울시 교통안전기본계획(2022~2026)이 뒤를 이었고, "
                    "2022년 사망자는 219명(잠정)으로 다시 줄었습니다.",
                },
                "en": {
                    "obstacle": "Road deaths rose again in 2021, to 243 against a target of 180, "
                    "as older people went out more and deliveries grew during the pandemic.",
                    "response": "The 4th Seoul Traffic Safety Plan (2022–2026) took over, and "
                    "deaths fell back to 219 in 2022 (provisional figure).",
                },
                "fr": {
                    "obstacle": "Les morts sur la route sont repartis à la hausse en 2021 : 243 "
                    "pour un objectif de 180, les personnes âgées sortant davantage et les "
                    "livraisons se multipliant pendant la pandémie.",
                    "response": "Le 4e plan de sécurité routière de Séoul (2022-2026) a pris le "
                    "relais, et le nombre de morts est redescendu à 219 en 2022 (chiffre "
                    "provisoire).",
                },
                "es": {
                    "obstacle": "Las muertes en carretera volvieron a subir en 2021, hasta 243 "
                    "frente a un objetivo de 180, porque las personas mayores salían más y los "
                    "repartos aumentaron durante la pandemia.",
                    "response": "Tomó el relevo el 4.º Plan de Seguridad Vial de Seúl "
                    "(2022-2026), y las muertes bajaron de nuevo a 219 en 2022 (cifra "
                    "provisional).",
                },
                "ar": {
                    "obstacle": "ارتفع عدد قتلى الطرق مجددًا في عام 2021 إلى 243 مقابل هدف "
                    "قدره 180، إذ ازداد خروج كبار السن ونمت خدمات التوصيل خلال الجائحة.",
                    "response": "تولّت الخطة الرابعة للسلامة المرورية في سيول (2022–2026) "
                    "المهمة، وعاد عدد القتلى إلى الانخفاض فبلغ 219 في عام 2022 (رقم أولي).",
                },
                "zh-hans": {
                    "obstacle": "2021年交通事故死亡人数回升至243人，超过180人的目标，原因是"
                    "疫情期间老年人外出增多、外卖配送需求增长。",
                    "response": "第四次首尔市交通安全基本计划（2022—2026年）接续实施，2022年"
                    "死亡人数回落至219人（暂定数）。",
                },
            },
        ],
        "stakeholders": [
            {
                "ko": {
                    "name": "서울경찰청",
                    "role": "서울시와 함께 과속과 불법 주정차를 단속하고, 교통사고 사망자 "
                    "통계를 집계합니다.",
                },
                "en": {
                    "name": "Seoul Metropolitan Police Agency",
                    "role": "Enforces speed and parking rules with the city and compiles the "
                    "road-death figures.",
                },
                "fr": {
                    "name": "Agence de police métropolitaine de Séoul",
                    "role": "Fait respecter, avec la ville, les règles de vitesse et de "
                    "stationnement, et établit les chiffres des morts sur la route.",
                },
                "es": {
                    "name": "Agencia de Policía Metropolitana de Seúl",
                    "role": "Hace cumplir, junto con la ciudad, las normas de velocidad y "
                    "estacionamiento, y elabora las cifras de víctimas mortales.",
                },
                "ar": {
                    "name": "وكالة شرطة سيول الحضرية",
                    "role": "تطبّق مع المدينة قواعد السرعة والوقوف، وتجمع أرقام قتلى الطرق.",
                },
                "zh-hans": {
                    "name": "首尔地方警察厅",
                    "role": "与市政府共同查处超速和违法停车，并统计交通事故死亡人数。",
                },
            },
            {
                "ko": {
                    "name": "도로교통공단",
                    "role": "목표를 정하고 점검하는 데 쓰이는 교통사고 통계를 집계합니다.",
                },
                "en": {
                    "name": "Korea Road Traffic Authority",
                    "role": "Compiles the crash statistics used to set and track the targets.",
                },
                "fr": {
                    "name": "Autorité coréenne de la circulation routière",
                    "role": "Établit les statistiques d’accidents qui servent à fixer et à "
                    "suivre les objectifs.",
                },
                "es": {
                    "name": "Autoridad de Tráfico Vial de Corea",
                    "role": "Elabora las estadísticas de siniestros con las que se fijan y "
                    "siguen los objetivos.",
                },
                "ar": {
                    "name": "هيئة المرور الكورية",
                    "role": "تجمع إحصاءات الحوادث التي تُحدَّد بها الأهداف وتُتابَع.",
                },
                "zh-hans": {
                    "name": "韩国道路交通公团",
                    "role": "统计交通事故数据，用于制定和跟踪目标。",
                },
            },
            {
                "ko": {
                    "name": "국토교통부",
                    "role": "제8차 국가교통안전기본계획에서 서울시의 2021년 목표를 사망자 "
                    "214명으로 제시했고, 서울시는 이보다 낮은 180명을 목표로 삼았습니다.",
                },
                "en": {
                    "name": "Ministry of Land, Infrastructure and Transport",
                    "role": "Its 8th National Transport Safety Plan gave Seoul a 2021 target of "
                    "214 deaths; the city chose the lower target of 180.",
                },
                "fr": {
                    "name": "Ministère du Territoire, des Infrastructures et des Transports",
                    "role": "Son 8e plan national de sécurité des transports fixait à Séoul un "
                    "objectif de 214 morts en 2021 ; la ville a retenu un objectif plus bas, "
                    "180.",
                },
                "es": {
                    "name": "Ministerio de Territorio, Infraestructura y Transporte",
                    "role": "Su 8.º Plan Nacional de Seguridad del Transporte fijaba para Seúl "
                    "un objetivo de 214 muertes en 2021; la ciudad adoptó uno más bajo, de 180.",
                },
                "ar": {
                    "name": "وزارة الأراضي والبنية التحتية والنقل",
                    "role": "حددت خطتها الوطنية الثامنة لسلامة النقل لسيول هدفًا قدره 214 قتيلًا "
                    "في عام 2021؛ واختارت المدينة هدفًا أدنى قدره 180.",
                },
                "zh-hans": {
                    "name": "国土交通部",
                    "role": "其第八次国家交通安全基本计划为首尔设定的2021年目标为214人；"
                    "首尔市选择了更低的180人目标。",
                },
            },
        ],
        "legal_basis": [
            {
                "url": "https://elaw.klri.re.kr/eng_mobile/viewer.do?hseq=55282&type=sogan&key=4",
                "ko": {
                    "title": "교통안전법 제17조·제18조",
                    "note": "시·도는 5년마다 교통안전기본계획을, 해마다 시행계획을 수립합니다.",
                },
                "en": {
                    "title": "Traffic Safety Act, Articles 17 and 18",
                    "note": "A city draws up a traffic-safety plan every five years (Art. 17) "
                    "and an implementation plan every year (Art. 18).",
                },
                "fr": {
                    "title": "Loi sur la sécurité routière, articles 17 et 18",
                    "note": "Une ville établit un plan de sécurité routière tous les cinq ans "
                    "(art. 17) et un plan de mise en œuvre chaque année (art. 18).",
                },
                "es": {
                    "title": "Ley de Seguridad Vial, artículos 17 y 18",
                    "note": "Cada ciudad elabora un plan de seguridad vial cada cinco años "
                    "(art. 17) y un plan de ejecución cada año (art. 18).",
                },
                "ar": {
                    "title": "قانون السلامة المرورية، المادتان 17 و18",
                    "note": "تضع المدينة خطة للسلامة المرورية كل خمس سنوات (المادة 17) وخطة "
                    "تنفيذية كل عام (المادة 18).",
                },
                "zh-hans": {
                    "title": "《交通安全法》第十七条、第十八条",
                    "note": "市、道每五年制定交通安全基本计划（第十七条），每年制定实施计划"
                    "（第十八条）。",
                },
            },
        ],
        "preconditions": {
            "legal": {
                "ko": "여러 해에 걸친 교통안전계획을 세우고, 경찰과 함께 제한속도와 "
                "횡단보도를 정할 수 있는 권한",
                "en": "Powers to adopt a multi-year road-safety plan and to set speed limits "
                "and crossings together with the police.",
                "fr": "Le pouvoir d’adopter un plan pluriannuel de sécurité routière et de "
                "fixer, avec la police, les limitations de vitesse et les passages piétons.",
                "es": "Facultades para adoptar un plan plurianual de seguridad vial y fijar, "
                "con la policía, los límites de velocidad y los pasos de peatones.",
                "ar": "صلاحية اعتماد خطة متعددة السنوات للسلامة المرورية، وتحديد حدود السرعة "
                "ومعابر المشاة بالتعاون مع الشرطة.",
                "zh-hans": "有权制定多年期交通安全计划，并与警方共同确定限速和人行横道。",
            },
            "budget": {
                "ko": "별도 금액은 공개되지 않았으며, 서울시 연간 교통·도로안전 예산으로 추진",
                "en": "No separate amount was published: the measures were funded from the "
                "city's annual transport and road-safety budget.",
                "fr": "Aucun montant distinct n’a été publié : les mesures ont été financées "
                "par le budget annuel de la ville consacré aux transports et à la sécurité "
                "routière.",
                "es": "No se publicó un importe específico: las medidas se financiaron con el "
                "presupuesto anual de transporte y seguridad vial de la ciudad.",
                "ar": "لم يُنشر مبلغ مستقل؛ إذ مُوّلت التدابير من الميزانية السنوية للمدينة "
                "المخصصة للنقل والسلامة على الطرق.",
                "zh-hans": "未公布单独金额，相关措施由市政府年度交通与道路安全预算支出。",
            },
            "technology": {
                "ko": "도로 이용자 유형별로 나눈 교통사고·사망자 자료(해마다 점검할 수 있도록)",
                "en": "Crash and death records broken down by type of road user, so that each "
                "group gets its own measures and can be followed year by year.",
                "fr": "Des données d’accidents et de décès ventilées par type d’usager, pour "
                "que chaque catégorie ait ses mesures et soit suivie d’année en année.",
                "es": "Datos de siniestros y muertes desglosados por tipo de usuario, para que "
                "cada grupo tenga sus medidas y pueda seguirse año a año.",
                "ar": "بيانات عن الحوادث والوفيات مصنفة حسب فئة مستخدمي الطريق، لتحظى كل فئة "
                "بتدابيرها وتُتابَع عامًا بعد عام.",
                "zh-hans": "按道路使用者类型分列的事故与死亡数据，以便分别施策、逐年跟踪。",
            },
            "size": {
                "ko": "보행자 사망 비중이 큰 고밀도 도시에 적합하며, 목표를 인구 10만 명당 "
                "사망자로 정하므로 도시 규모와 관계없이 적용 가능",
                "en": "Suits a dense city where pedestrians are a large share of road deaths; "
                "targets per 100,000 residents work at any population size.",
                "fr": "Convient à une ville dense où les piétons représentent une grande part "
                "des morts ; des objectifs pour 100 000 habitants valent quelle que soit la "
                "population.",
                "es": "Adecuado para una ciudad densa en la que los peatones son buena parte de "
                "las víctimas; los objetivos por cada 100.000 habitantes sirven para cualquier "
                "población.",
                "ar": "يناسب مدينة كثيفة يشكل المشاة نسبة كبيرة من قتلى طرقها؛ والأهداف "
                "المحسوبة لكل 100 ألف نسمة تصلح لأي عدد من السكان.",
                "zh-hans": "适合行人占交通死亡比例较高的高密度城市；以每10万人口计的目标"
                "适用于任何人口规模。",
            },
        },
        "lifecycle": [
            {
                "status": "running",
                "start": date(2017, 4, 13),
                "end": date(2021, 12, 31),
                "reason": {
                    "ko": "2017년 4월 13일 교통안전법에 따른 서울시의 5개년 계획으로 "
                    "공고되었습니다.",
                    "en": "Published on 13 April 2017 as the city's five-year plan under the "
                    "Traffic Safety Act.",
                    "fr": "Publié le 13 avril 2017 comme plan quinquennal de la ville au titre "
                    "de la loi sur la sécurité routière.",
                    "es": "Publicado el 13 de abril de 2017 como plan quinquenal de la ciudad "
                    "conforme a la Ley de Seguridad Vial.",
                    "ar": "نُشرت في 13 أبريل 2017 بوصفها الخطة الخمسية للمدينة بموجب قانون "
                    "السلامة المرورية.",
                    "zh-hans": "2017年4月13日依据《交通安全法》作为首尔市五年计划公告。",
                },
            },
            {
                "status": "superseded",
                "start": date(2022, 1, 1),
                "end": None,
                "reason": {
                    "ko": "제4차 서울시 교통안전기본계획(2022~2026)으로 대체되었습니다.",
                    "en": "Replaced by the 4th Seoul Traffic Safety Plan (2022–2026).",
                    "fr": "Remplacé par le 4e plan de sécurité routière de Séoul (2022-2026).",
                    "es": "Sustituido por el 4.º Plan de Seguridad Vial de Seúl (2022-2026).",
                    "ar": "حلّت محلها الخطة الرابعة للسلامة المرورية في سيول (2022–2026).",
                    "zh-hans": "由第四次首尔市交通安全基本计划（2022—2026年）取代。",
                },
            },
        ],
    },
    "energy-welfare-civic-fund": {
        "staff_fte": None,
        "obstacles": [
            {
                "ko": {
                    "obstacle": "서울시 에너지 조례에는 시민기금을 지원할 명확한 근거가 없어, "
                    "지원이 포괄 규정에 기대어 이루어졌습니다.",
                    "response": "2018년 3월 22일부터 시행된 에너지 조례 개정으로 그 근거가 "
                    "마련되었습니다.",
                },
                "en": {
                    "obstacle": "The city's energy ordinance gave no explicit basis for "
                    "supporting the civic fund, so support relied on general provisions.",
                    "response": "An amendment of the ordinance, in force since 22 March 2018, "
                    "provides that basis.",
                },
                "fr": {
                    "obstacle": "L’ordonnance municipale sur l’énergie ne prévoyait pas "
                    "expressément le soutien au fonds citoyen, qui reposait donc sur des "
                    "dispositions générales.",
                    "response": "Une modification de l’ordonnance, en vigueur depuis le "
                    "22 mars 2018, en fournit la base.",
                },
                "es": {
                    "obstacle": "La ordenanza municipal de energía no preveía de forma expresa "
                    "el apoyo al fondo ciudadano, que dependía de disposiciones generales.",
                    "response": "Una modificación de la ordenanza, vigente desde el 22 de marzo "
                    "de 2018, ofrece esa base.",
                },
                "ar": {
                    "obstacle": "لم يتضمن مرسوم الطاقة البلدي أساسًا صريحًا لدعم الصندوق "
                    "المدني، فكان الدعم يستند إلى أحكام عامة.",
                    "response": "وفّر تعديل للمرسوم، نافذ منذ 22 مارس 2018، هذا الأساس.",
                },
                "zh-hans": {
                    "obstacle": "首尔市能源条例未明确规定对市民基金的支持，支持只能依据"
                    "概括性条款。",
                    "response": "自2018年3月22日起施行的条例修正案提供了这一依据。",
                },
            },
            {
                "ko": {
                    "obstacle": "기부금으로 운영되는 기금은 해마다 새로 모금해야 합니다.",
                    "response": "공공건물 17곳이 아낀 전력 5MW를 가상발전소로 판매해, 연 약 "
                    "178,000달러의 수익이 기금으로 들어갑니다.",
                },
                "en": {
                    "obstacle": "A fund that lives on donations has to appeal for money every "
                    "year.",
                    "response": "The 5 MW saved by 17 municipal buildings is sold as a virtual "
                    "power plant, and about US$178,000 of revenue a year goes into the fund.",
                },
                "fr": {
                    "obstacle": "Un fonds qui vit de dons doit lancer un appel chaque année.",
                    "response": "Les 5 MW économisés par 17 bâtiments municipaux sont vendus "
                    "comme centrale électrique virtuelle, et environ 178 000 dollars américains "
                    "de recettes par an reviennent au fonds.",
                },
                "es": {
                    "obstacle": "Un fondo que vive de donaciones tiene que pedir dinero cada año.",
                    "response": "Los 5 MW que ahorran 17 edificios municipales se venden como "
                    "central eléctrica virtual, y unos 178.000 dólares estadounidenses de "
                    "ingresos al año van al fondo.",
                },
                "ar": {
                    "obstacle": "على الصندوق القائم على التبرعات أن يطلب المال كل عام.",
                    "response": "تُباع الـ5 ميغاواط التي توفرها 17 مبنى بلديًا كمحطة كهرباء "
                    "افتراضية، ويذهب نحو 178 ألف دولار أمريكي من الإيرادات سنويًا إلى الصندوق.",
                },
                "zh-hans": {
                    "obstacle": "依靠捐款运作的基金每年都要重新募集资金。",
                    "response": "17座市属建筑节约的5兆瓦电力作为虚拟电厂出售，每年约17.8万"
                    "美元的收入注入基金。",
                },
            },
        ],
        # Besides the three of policies.py (the case text's own).
        "stakeholders": [
            {
                "ko": {
                    "name": "시민이사회(25명)",
                    "role": "2015년 7월 15일 출범한 최고 의결기구로, 기금의 연간 계획을 "
                    "승인하고 연말 결산을 평가합니다.",
                },
                "en": {
                    "name": "Citizens' board (25 members)",
                    "role": "The fund's highest decision-making body since 15 July 2015: "
                    "approves its yearly plan and reviews its accounts at year end.",
                },
                "fr": {
                    "name": "Conseil citoyen (25 membres)",
                    "role": "Instance de décision suprême du fonds depuis le 15 juillet 2015 : "
                    "il approuve le plan annuel et examine les comptes en fin d’année.",
                },
                "es": {
                    "name": "Consejo ciudadano (25 miembros)",
                    "role": "Máximo órgano de decisión del fondo desde el 15 de julio de 2015: "
                    "aprueba el plan anual y revisa las cuentas al cierre del año.",
                },
                "ar": {
                    "name": "مجلس المواطنين (25 عضوًا)",
                    "role": "أعلى هيئة لاتخاذ القرار في الصندوق منذ 15 يوليو 2015: يقرّ الخطة "
                    "السنوية ويراجع الحسابات في نهاية العام.",
                },
                "zh-hans": {
                    "name": "市民理事会（25人）",
                    "role": "自2015年7月15日起为基金最高决策机构，审批年度计划并在年底审核决算。",
                },
            },
            {
                "ko": {
                    "name": "대학 16곳",
                    "role": "공공건물 17곳과 함께 절약한 전력에서 나온 수익을 기부하기로 "
                    "약속했습니다.",
                },
                "en": {
                    "name": "16 universities",
                    "role": "Pledged, with 17 public buildings, to donate the earnings from "
                    "the electricity they save.",
                },
                "fr": {
                    "name": "16 universités",
                    "role": "Se sont engagées, avec 17 bâtiments publics, à donner les recettes "
                    "de l’électricité qu’elles économisent.",
                },
                "es": {
                    "name": "16 universidades",
                    "role": "Se comprometieron, junto con 17 edificios públicos, a donar lo que "
                    "obtienen de la electricidad que ahorran.",
                },
                "ar": {
                    "name": "16 جامعة",
                    "role": "تعهدت، مع 17 مبنى عامًا، بالتبرع بعائدات الكهرباء التي توفرها.",
                },
                "zh-hans": {
                    "name": "16所大学",
                    "role": "与17座公共建筑一道，承诺捐出节电所得收益。",
                },
            },
        ],
        "legal_basis": [
            {
                # No page of the ordinance itself was found; the source is Seouland's report
                # of the amendment (SOURCES).
                "url": "",
                "ko": {
                    "title": "서울특별시 에너지 조례",
                    "note": "2018년 3월 22일 시행된 개정으로 서울에너지복지시민기금 지원 "
                    "근거를 마련했습니다.",
                },
                "en": {
                    "title": "Seoul Metropolitan Government Energy Ordinance",
                    "note": "Amended with effect from 22 March 2018 to provide for the city's "
                    "support of the Seoul Energy Welfare Civic Fund.",
                },
                "fr": {
                    "title": "Ordonnance du Gouvernement métropolitain de Séoul sur l’énergie",
                    "note": "Modifiée avec effet au 22 mars 2018 pour prévoir le soutien de la "
                    "ville au Fonds citoyen pour la précarité énergétique.",
                },
                "es": {
                    "title": "Ordenanza de Energía del Gobierno Metropolitano de Seúl",
                    "note": "Modificada con efecto desde el 22 de marzo de 2018 para prever el "
                    "apoyo de la ciudad al Fondo Ciudadano de Bienestar Energético.",
                },
                "ar": {
                    "title": "مرسوم الطاقة لحكومة سيول الحضرية",
                    "note": "عُدّل اعتبارًا من 22 مارس 2018 لينص على دعم المدينة لصندوق سيول "
                    "المدني للرعاية في مجال الطاقة.",
                },
                "zh-hans": {
                    "title": "《首尔特别市能源条例》",
                    "note": "自2018年3月22日起施行的修正案规定了市政府对首尔能源福利市民基金"
                    "的支持。",
                },
            },
        ],
        "preconditions": {
            "legal": {
                "ko": "민간이 모은 기금을 시가 지원할 수 있는 조례상 근거(서울시는 2018년 "
                "에너지 조례를 개정)",
                "en": "A local rule that lets the city support a privately raised fund (Seoul "
                "amended its energy ordinance in 2018).",
                "fr": "Une règle locale permettant à la ville de soutenir un fonds alimenté par "
                "des dons privés (Séoul a modifié son ordonnance sur l’énergie en 2018).",
                "es": "Una norma local que permita a la ciudad apoyar un fondo de origen "
                "privado (Seúl modificó su ordenanza de energía en 2018).",
                "ar": "قاعدة محلية تتيح للمدينة دعم صندوق يُجمع من تبرعات خاصة (عدّلت سيول "
                "مرسوم الطاقة في عام 2018).",
                "zh-hans": "允许市政府支持民间募集基金的地方法规依据（首尔于2018年修订能源条例）。",
            },
            "budget": {
                "ko": "초기 사업비(민관 협력 에너지복지 사업에서 2015~2016년 기업 에너지 나눔과 "
                "시민기금에 약 6억 원), 이후에는 기부금과 전력 "
                "판매 수익",
                "en": "Start-up spending (about KRW 600 million in 2015–2016 on energy sharing "
                "with companies and the fund, within the public-private project), then "
                "donations and electricity sales.",
                "fr": "Des dépenses de lancement (environ 600 millions de wons en 2015-2016 pour "
                "le partage d’énergie avec les entreprises et le fonds, dans le projet "
                "public-privé), puis les dons et les ventes d’électricité.",
                "es": "Un gasto inicial (unos 600 millones de wones en 2015-2016 para el reparto "
                "de energía con empresas y el fondo, dentro del proyecto público-privado) y, "
                "después, donaciones y venta de electricidad.",
                "ar": "إنفاق أولي (نحو 600 مليون وون في 2015–2016 على تقاسم الطاقة مع الشركات "
                "وعلى الصندوق، ضمن المشروع المشترك بين القطاعين العام والخاص)، ثم التبرعات "
                "ومبيعات الكهرباء.",
                "zh-hans": "启动经费（在公私合作项目中，2015—2016年用于企业能源分享和市民基金约6亿"
                "韩元），此后依靠捐款和售电收入。",
            },
            "technology": {
                "ko": "공공건물이 절약한 전력을 계량해 가상발전소로 등록·판매할 수 있는 체계",
                "en": "Metering of the electricity that public buildings save, so that it can "
                "be registered and sold as a virtual power plant.",
                "fr": "Un comptage de l’électricité économisée par les bâtiments publics, pour "
                "l’enregistrer et la vendre comme centrale virtuelle.",
                "es": "Medición de la electricidad que ahorran los edificios públicos, para "
                "registrarla y venderla como central virtual.",
                "ar": "قياس الكهرباء التي توفرها المباني العامة لتسجيلها وبيعها كمحطة افتراضية.",
                "zh-hans": "对公共建筑节约的电力进行计量，以便注册为虚拟电厂并出售。",
            },
            "size": {
                "ko": "기부할 기업과 시민, 그리고 절약량을 모아 거래할 수 있을 만큼의 "
                "공공건물(서울은 5MW)",
                "en": "Enough companies and residents to give, and public buildings whose "
                "savings add up to a tradable amount (5 MW in Seoul).",
                "fr": "Assez d’entreprises et d’habitants donateurs, et des bâtiments publics "
                "dont les économies atteignent un volume négociable (5 MW à Séoul).",
                "es": "Suficientes empresas y vecinos dispuestos a donar, y edificios públicos "
                "cuyo ahorro sume una cantidad negociable (5 MW en Seúl).",
                "ar": "عدد كافٍ من الشركات والسكان المتبرعين، ومبانٍ عامة يبلغ مجموع وفرها "
                "كمية قابلة للتداول (5 ميغاواط في سيول).",
                "zh-hans": "足够多愿意捐赠的企业和市民，以及节电量合计可交易的公共建筑"
                "（首尔为5兆瓦）。",
            },
        },
        "lifecycle": [
            {
                "status": "running",
                "start": date(2015, 7, 15),
                "end": None,
                "reason": {
                    "ko": "2015년 7월 15일 시민이사회가 출범했으며, 2020년까지 30억 원 조성을 "
                    "목표로 삼았습니다.",
                    "en": "The fund's citizens' board was launched on 15 July 2015, with a "
                    "target of KRW 3 billion by 2020.",
                    "fr": "Le conseil citoyen du fonds a été lancé le 15 juillet 2015, avec un "
                    "objectif de 3 milliards de wons d’ici 2020.",
                    "es": "El consejo ciudadano del fondo se constituyó el 15 de julio de 2015, "
                    "con el objetivo de reunir 3.000 millones de wones para 2020.",
                    "ar": "أُطلق مجلس المواطنين للصندوق في 15 يوليو 2015، بهدف جمع 3 مليارات "
                    "وون بحلول عام 2020.",
                    "zh-hans": "基金市民理事会于2015年7月15日成立，目标是到2020年募集30亿韩元。",
                },
            },
            {
                "status": "revised",
                "start": date(2018, 3, 22),
                "end": None,
                "reason": {
                    "ko": "개정된 서울시 에너지 조례가 시의 기금 지원에 명확한 법적 근거를 "
                    "부여했습니다.",
                    "en": "The amended Seoul energy ordinance gave the city's support of the "
                    "fund an explicit legal basis.",
                    "fr": "L’ordonnance modifiée sur l’énergie a donné au soutien de la ville "
                    "une base juridique explicite.",
                    "es": "La ordenanza de energía modificada dio al apoyo municipal al fondo "
                    "una base jurídica explícita.",
                    "ar": "منح مرسوم الطاقة المعدّل دعمَ المدينة للصندوق أساسًا قانونيًا صريحًا.",
                    "zh-hans": "修订后的首尔市能源条例为市政府支持基金提供了明确的法律依据。",
                },
            },
        ],
    },
    "sharing-city-seoul": {
        "staff_fte": None,
        "obstacles": [
            {
                "ko": {
                    "obstacle": "민간 공유단체와 기업을 지정하고 지원할 법적 근거가 없었습니다.",
                    "response": "2012년 12월 제정된 공유 촉진 조례에 따라, 시장은 위원회 심의를 "
                    "거쳐 공유단체·공유기업을 지정하고 지원할 수 있습니다.",
                },
                "en": {
                    "obstacle": "There was no legal basis for designating and supporting "
                    "private sharing organisations and firms.",
                    "response": "Under the Ordinance on the Promotion of Sharing (December "
                    "2012), the mayor designates sharing organisations and enterprises after a "
                    "committee's review, and can fund them.",
                },
                "fr": {
                    "obstacle": "Aucune base juridique ne permettait de désigner et de soutenir "
                    "des organisations et des entreprises privées de partage.",
                    "response": "En vertu de l’ordonnance sur la promotion du partage "
                    "(décembre 2012), le maire désigne, après examen par un comité, des "
                    "organisations et entreprises de partage, et peut les financer.",
                },
                "es": {
                    "obstacle": "No existía base jurídica para designar y apoyar a "
                    "organizaciones y empresas privadas de economía compartida.",
                    "response": "Con la Ordenanza de Promoción del Compartir (diciembre de "
                    "2012), el alcalde designa, previo examen de un comité, organizaciones y "
                    "empresas de economía compartida, y puede financiarlas.",
                },
                "ar": {
                    "obstacle": "لم يكن هناك أساس قانوني لتسمية منظمات وشركات المشاركة "
                    "الخاصة ودعمها.",
                    "response": "بموجب مرسوم تعزيز المشاركة (ديسمبر 2012)، يسمّي العمدة، بعد "
                    "مراجعة لجنة، منظمات وشركات المشاركة، ويجوز له تمويلها.",
                },
                "zh-hans": {
                    "obstacle": "此前没有指定和支持民间共享团体与企业的法律依据。",
                    "response": "根据2012年12月制定的《共享促进条例》，市长经委员会审议后指定"
                    "共享团体和共享企业，并可给予资助。",
                },
            },
            {
                "ko": {
                    "obstacle": "어디서 어떻게 공유할 수 있는지에 관한 정보가 흩어져 있었습니다.",
                    "response": "2013년 6월 비영리단체 C.O.D.E(옛 CC Korea)와 함께 운영하는 "
                    "온라인 플랫폼 ‘공유허브’를 열어 시, 기업, 시민을 연결했습니다.",
                },
                "en": {
                    "obstacle": "Information on where and how to share was scattered.",
                    "response": "The Share Hub portal, run with the non-profit C.O.D.E "
                    "(formerly CC Korea), opened in June 2013 to connect the city, companies "
                    "and residents.",
                },
                "fr": {
                    "obstacle": "Les informations sur les lieux et les façons de partager "
                    "étaient dispersées.",
                    "response": "Le portail Share Hub, géré avec l’association C.O.D.E "
                    "(anciennement CC Korea), a ouvert en juin 2013 pour relier la ville, les "
                    "entreprises et les habitants.",
                },
                "es": {
                    "obstacle": "La información sobre dónde y cómo compartir estaba dispersa.",
                    "response": "En junio de 2013 abrió el portal Share Hub, gestionado con la "
                    "entidad sin ánimo de lucro C.O.D.E (antes CC Korea), para conectar a la "
                    "ciudad, las empresas y los vecinos.",
                },
                "ar": {
                    "obstacle": "كانت المعلومات عن أماكن المشاركة وطرقها متفرقة.",
                    "response": "افتُتحت بوابة «شير هب» في يونيو 2013، وتُدار مع المنظمة غير "
                    "الربحية C.O.D.E (سابقًا CC Korea)، لتربط المدينة بالشركات والسكان.",
                },
                "zh-hans": {
                    "obstacle": "关于在哪里、如何共享的信息分散各处。",
                    "response": "2013年6月开通与非营利组织C.O.D.E（原CC Korea）共同运营的"
                    "“共享枢纽”网站，连接市政府、企业和市民。",
                },
            },
        ],
        "stakeholders": [
            {
                "ko": {
                    "name": "공유촉진위원회",
                    "role": "시장이 공유단체·공유기업을 지정하기 전에 신청을 심의합니다.",
                },
                "en": {
                    "name": "Sharing Promotion Committee",
                    "role": "Reviews applications before the mayor designates a sharing "
                    "organisation or enterprise.",
                },
                "fr": {
                    "name": "Comité de promotion du partage",
                    "role": "Examine les candidatures avant que le maire ne désigne une "
                    "organisation ou une entreprise de partage.",
                },
                "es": {
                    "name": "Comité de Promoción del Compartir",
                    "role": "Examina las solicitudes antes de que el alcalde designe una "
                    "organización o empresa de economía compartida.",
                },
                "ar": {
                    "name": "لجنة تعزيز المشاركة",
                    "role": "تراجع الطلبات قبل أن يسمّي العمدة منظمة أو شركة مشاركة.",
                },
                "zh-hans": {
                    "name": "共享促进委员会",
                    "role": "在市长指定共享团体或共享企业之前审议申请。",
                },
            },
            {
                "ko": {
                    "name": "공유허브(C.O.D.E, 옛 CC Korea)",
                    "role": "공유를 알리고 시, 기업, 시민을 잇는 온라인 플랫폼을 운영합니다.",
                },
                "en": {
                    "name": "Share Hub (C.O.D.E, formerly CC Korea)",
                    "role": "Runs the online hub that promotes sharing and connects the city, "
                    "companies and residents.",
                },
                "fr": {
                    "name": "Share Hub (C.O.D.E, anciennement CC Korea)",
                    "role": "Gère la plateforme en ligne qui promeut le partage et relie la "
                    "ville, les entreprises et les habitants.",
                },
                "es": {
                    "name": "Share Hub (C.O.D.E, antes CC Korea)",
                    "role": "Gestiona la plataforma en línea que promueve el compartir y "
                    "conecta a la ciudad, las empresas y los vecinos.",
                },
                "ar": {
                    "name": "شير هب (C.O.D.E، سابقًا CC Korea)",
                    "role": "تدير المنصة الإلكترونية التي تروّج للمشاركة وتربط المدينة "
                    "بالشركات والسكان.",
                },
                "zh-hans": {
                    "name": "共享枢纽（C.O.D.E，原CC Korea）",
                    "role": "运营宣传共享、连接市政府、企业和市民的网络平台。",
                },
            },
            {
                "ko": {
                    "name": "지정 공유기업·공유단체(2018년까지 102곳)",
                    "role": "공유 서비스를 제공하며, 공유촉진사업비를 지원받고 공공시설을 "
                    "감면된 사용료로 이용할 수 있습니다.",
                },
                "en": {
                    "name": "Designated sharing enterprises and organisations (102 by 2018)",
                    "role": "Provide the sharing services; may receive sharing-promotion "
                    "grants and use public facilities at reduced fees.",
                },
                "fr": {
                    "name": "Entreprises et organisations de partage désignées (102 en 2018)",
                    "role": "Fournissent les services de partage ; peuvent recevoir des "
                    "subventions et utiliser des équipements publics à tarif réduit.",
                },
                "es": {
                    "name": "Empresas y organizaciones de economía compartida designadas "
                    "(102 hasta 2018)",
                    "role": "Prestan los servicios; pueden recibir subvenciones de promoción y "
                    "usar instalaciones públicas con tarifas reducidas.",
                },
                "ar": {
                    "name": "شركات ومنظمات المشاركة المسمّاة (102 حتى عام 2018)",
                    "role": "تقدم خدمات المشاركة، ويجوز أن تتلقى منحًا لتعزيزها وأن تستخدم "
                    "المرافق العامة برسوم مخفضة.",
                },
                "zh-hans": {
                    "name": "获指定的共享企业和共享团体（截至2018年共102家）",
                    "role": "提供共享服务，可获得共享促进经费，并以减免的费用使用公共设施。",
                },
            },
            {
                "ko": {
                    "name": "자치구",
                    "role": "거주자 우선주차장 공유 같은 지역 공유사업을 시 사업비로 추진합니다.",
                },
                "en": {
                    "name": "Autonomous districts (gu)",
                    "role": "Run local sharing projects, such as sharing residents' parking "
                    "spaces, with city grants.",
                },
                "fr": {
                    "name": "Arrondissements autonomes (gu)",
                    "role": "Mènent des projets locaux de partage, comme celui des places de "
                    "stationnement résidentiel, avec des subventions de la ville.",
                },
                "es": {
                    "name": "Distritos autónomos (gu)",
                    "role": "Llevan a cabo proyectos locales, como compartir las plazas de "
                    "aparcamiento de residentes, con subvenciones municipales.",
                },
                "ar": {
                    "name": "المقاطعات ذاتية الحكم (غو)",
                    "role": "تنفذ مشاريع مشاركة محلية، مثل تقاسم مواقف السكان، بمنح من المدينة.",
                },
                "zh-hans": {
                    "name": "自治区（区）",
                    "role": "利用市政府经费开展居民优先停车位共享等地方共享项目。",
                },
            },
        ],
        "legal_basis": [
            {
                "url": "http://legal.seoul.go.kr/legal/english/front/page/law.html?pAct=lawView"
                "&pPromNo=2716&pTabType=history",
                "ko": {
                    "title": "서울특별시 공유 촉진 조례",
                    "note": "공유를 정의하고, 공유단체·공유기업의 지정과 지원, "
                    "공유촉진위원회 설치를 규정합니다.",
                },
                "en": {
                    "title": "Seoul Metropolitan Government Ordinance on the Promotion of Sharing",
                    "note": "Defines sharing, provides for designating and supporting sharing "
                    "organisations and enterprises, and sets up the Sharing Promotion Committee.",
                },
                "fr": {
                    "title": "Ordonnance du Gouvernement métropolitain de Séoul sur la promotion "
                    "du partage",
                    "note": "Définit le partage, organise la désignation et le soutien des "
                    "organisations et entreprises de partage, et institue le comité.",
                },
                "es": {
                    "title": "Ordenanza del Gobierno Metropolitano de Seúl sobre la Promoción "
                    "del Compartir",
                    "note": "Define el compartir, regula la designación y el apoyo de "
                    "organizaciones y empresas, y crea el Comité de Promoción.",
                },
                "ar": {
                    "title": "مرسوم حكومة سيول الحضرية بشأن تعزيز المشاركة",
                    "note": "يعرّف المشاركة، وينظم تسمية منظمات وشركات المشاركة ودعمها، "
                    "وينشئ لجنة تعزيز المشاركة.",
                },
                "zh-hans": {
                    "title": "《首尔特别市共享促进条例》",
                    "note": "界定共享，规定共享团体和共享企业的指定与支持，并设立共享促进委员会。",
                },
            },
        ],
        "preconditions": {
            "legal": {
                "ko": "민간 공유사업을 지정하고, 사업비를 지원하며, 공공시설 사용료를 "
                "감면할 수 있는 조례",
                "en": "A local ordinance that lets the city designate and fund private "
                "sharing initiatives and give them reduced-fee use of public facilities.",
                "fr": "Une ordonnance locale permettant à la ville de désigner et de financer "
                "des initiatives privées de partage, et de leur ouvrir des équipements publics "
                "à tarif réduit.",
                "es": "Una ordenanza local que permita a la ciudad designar y financiar "
                "iniciativas privadas y darles acceso a instalaciones públicas con tarifas "
                "reducidas.",
                "ar": "مرسوم محلي يتيح للمدينة تسمية مبادرات المشاركة الخاصة وتمويلها ومنحها "
                "استخدام المرافق العامة برسوم مخفضة.",
                "zh-hans": "允许市政府指定和资助民间共享项目、并减免其公共设施使用费的地方条例。",
            },
            "budget": {
                "ko": "소규모 사업비: 2013년 2차 공모에서 5개 사업에 1억 100만 원, 2013~2018년 "
                "6년간 107개 사업에 15억 3,600만 원",
                "en": "Modest grants: the second call of 2013 gave KRW 101 million to five "
                "projects; over 2013–2018, KRW 1.536 billion went to 107 projects.",
                "fr": "Des subventions modestes : le deuxième appel de 2013 a attribué "
                "101 millions de wons à cinq projets ; de 2013 à 2018, 1,536 milliard de "
                "wons est allé à 107 projets.",
                "es": "Subvenciones modestas: la segunda convocatoria de 2013 dio 101 millones "
                "de wones a cinco proyectos; entre 2013 y 2018, 1.536 millones de wones fueron "
                "a 107 proyectos.",
                "ar": "منح متواضعة: منحت الدعوة الثانية في 2013 مبلغ 101 مليون وون لخمسة "
                "مشاريع؛ وخلال 2013–2018 ذهب 1٫536 مليار وون إلى 107 مشاريع.",
                "zh-hans": "经费规模不大：2013年第二轮征集向5个项目拨付1.01亿韩元；"
                "2013—2018年共向107个项目拨付15.36亿韩元。",
            },
            "technology": {
                "ko": "공유 서비스 정보를 모은 온라인 플랫폼과 공공데이터 개방",
                "en": "An online portal that gathers information on sharing services, and "
                "open public data.",
                "fr": "Un portail en ligne qui rassemble l’information sur les services de "
                "partage, et des données publiques ouvertes.",
                "es": "Un portal en línea que reúna la información sobre servicios de "
                "economía compartida, y datos públicos abiertos.",
                "ar": "بوابة إلكترونية تجمع المعلومات عن خدمات المشاركة، وبيانات عامة مفتوحة.",
                "zh-hans": "汇集共享服务信息的网络平台，以及开放的公共数据。",
            },
            "size": {
                "ko": "쓰이지 않는 공공 공간이 있고, 공유 서비스가 이용자를 찾을 만큼 인구가 "
                "밀집한 도시",
                "en": "Idle public space, and a population dense enough for sharing services "
                "to find users.",
                "fr": "Des espaces publics inutilisés, et une population assez dense pour que "
                "les services de partage trouvent des usagers.",
                "es": "Espacios públicos infrautilizados y una población lo bastante densa para "
                "que los servicios encuentren usuarios.",
                "ar": "مساحات عامة غير مستغلة، وكثافة سكانية كافية لتجد خدمات المشاركة مستخدمين.",
                "zh-hans": "有闲置的公共空间，人口密度足以让共享服务找到用户。",
            },
        },
        "lifecycle": [
            {
                "status": "running",
                "start": date(2012, 9, 20),
                "end": None,
                "reason": {
                    "ko": "서울시가 ‘공유도시 서울’을 선언하고 20개 공유사업을 발표했습니다.",
                    "en": "Seoul declared itself a Sharing City and announced 20 sharing "
                    "programmes.",
                    "fr": "Séoul s’est déclarée ville du partage et a annoncé 20 programmes.",
                    "es": "Seúl se declaró Ciudad Compartida y anunció 20 programas.",
                    "ar": "أعلنت سيول نفسها مدينة للمشاركة وكشفت عن 20 برنامجًا.",
                    "zh-hans": "首尔宣布建设“共享城市”，并公布20个共享项目。",
                },
            },
            {
                "status": "revised",
                "start": date(2015, 4, 20),
                "end": None,
                "reason": {
                    "ko": "공유서울 2기: 공유사업을 모든 자치구로 넓히고 2018년까지 "
                    "공유기업 300곳 육성을 목표로 삼았습니다.",
                    "en": "Sharing Seoul phase 2: schemes extended to every district, and a "
                    "target of 300 sharing enterprises by 2018.",
                    "fr": "Deuxième phase : dispositifs étendus à tous les arrondissements et "
                    "objectif de 300 entreprises de partage en 2018.",
                    "es": "Segunda fase: programas ampliados a todos los distritos y objetivo de "
                    "300 empresas de economía compartida para 2018.",
                    "ar": "المرحلة الثانية: توسيع البرامج إلى جميع المقاطعات وهدف 300 شركة "
                    "مشاركة بحلول عام 2018.",
                    "zh-hans": "共享首尔第二期：项目推广到所有自治区，目标是到2018年培育300家"
                    "共享企业。",
                },
            },
            {
                "status": "revised",
                "start": date(2021, 2, 5),
                "end": None,
                "reason": {
                    "ko": "공유서울 3기 기본계획: 시민자치에 기반한 생태적·포용적 공유",
                    "en": "Phase 3 basic plan: ecological and inclusive sharing, based on "
                    "citizens' self-government.",
                    "fr": "Plan de la troisième phase : un partage écologique et inclusif, "
                    "fondé sur l’autonomie des citoyens.",
                    "es": "Plan de la tercera fase: un compartir ecológico e inclusivo, basado "
                    "en la autogestión ciudadana.",
                    "ar": "خطة المرحلة الثالثة: مشاركة بيئية وشاملة قائمة على الحكم الذاتي "
                    "للمواطنين.",
                    "zh-hans": "第三期基本计划：以市民自治为基础的生态、包容型共享。",
                },
            },
        ],
    },
    "late-night-bus": {
        "staff_fte": None,
        "obstacles": [
            {
                "ko": {
                    "obstacle": "낮 시간 교통 자료는 밤의 이동을 잘못 보여 주고, 전문가의 "
                    "감에만 기댄 노선은 심야 수요를 놓칠 수 있었습니다.",
                    "response": "KT와 협력해 심야 통화 기록 30억 건을 분석하고, 자정 이후 "
                    "사람이 모이는 곳을 지도에 표시했습니다.",
                },
                "en": {
                    "obstacle": "Daytime traffic data misled about night travel, and routes "
                    "drawn on expert judgement alone risked missing late-night demand.",
                    "response": "With the telecom operator KT, the city analysed over 3 "
                    "billion late-night phone calls and mapped where people gather after "
                    "midnight.",
                },
                "fr": {
                    "obstacle": "Les données de circulation de jour trompaient sur les "
                    "déplacements de nuit, et des lignes tracées au seul jugement d’experts "
                    "risquaient de manquer la demande nocturne.",
                    "response": "Avec l’opérateur KT, la ville a analysé plus de 3 milliards "
                    "d’appels nocturnes et cartographié les lieux où l’on se rassemble après "
                    "minuit.",
                },
                "es": {
                    "obstacle": "Los datos de tráfico diurno engañaban sobre los viajes "
                    "nocturnos, y unas líneas trazadas solo por criterio experto podían pasar "
                    "por alto la demanda de madrugada.",
                    "response": "Con el operador KT, la ciudad analizó más de 3.000 millones de "
                    "llamadas nocturnas y cartografió dónde se concentra la gente después de "
                    "medianoche.",
                },
                "ar": {
                    "obstacle": "كانت بيانات حركة النهار مضللة بشأن التنقل ليلًا، وكان رسم "
                    "الخطوط بتقدير الخبراء وحده قد يُغفل الطلب في ساعات الليل المتأخرة.",
                    "response": "حلّلت المدينة مع مشغل الاتصالات KT أكثر من 3 مليارات مكالمة "
                    "ليلية، ورسمت خريطة لأماكن تجمّع الناس بعد منتصف الليل.",
                },
                "zh-hans": {
                    "obstacle": "白天的交通数据无法反映夜间出行，仅凭专家判断规划线路可能"
                    "错过深夜需求。",
                    "response": "市政府与电信运营商KT合作，分析了30多亿条深夜通话记录，"
                    "并在地图上标出午夜后人群聚集的地点。",
                },
            },
            {
                "ko": {
                    "obstacle": "심야에는 택시가 부족하고 승차 거부와 부당 요금 요구가 "
                    "잦았지만, 이를 입증해 단속하기는 어려웠습니다.",
                    "response": "올빼미버스가 저렴한 대안이 되었고, 9개 노선 운행 뒤 택시 승차 "
                    "거부는 1년 전 같은 기간보다 줄었습니다.",
                },
                "en": {
                    "obstacle": "Late at night taxis were scarce, refused passengers or "
                    "demanded illegal extra fares, and such offences were hard to prove.",
                    "response": "The Owl Bus offered a cheap alternative; after the nine routes "
                    "opened, taxi refusals fell compared with a year earlier.",
                },
                "fr": {
                    "obstacle": "Tard le soir, les taxis étaient rares, refusaient des clients "
                    "ou exigeaient des suppléments illégaux, des infractions difficiles à "
                    "prouver.",
                    "response": "L’Owl Bus a offert une solution bon marché ; après "
                    "l’ouverture des neuf lignes, les refus de taxis ont diminué par rapport à "
                    "l’année précédente.",
                },
                "es": {
                    "obstacle": "De madrugada escaseaban los taxis, que rechazaban pasajeros o "
                    "cobraban recargos ilegales, infracciones difíciles de probar.",
                    "response": "El Owl Bus ofreció una alternativa barata; tras abrir las nueve "
                    "líneas, los rechazos de los taxis bajaron respecto al año anterior.",
                },
                "ar": {
                    "obstacle": "في ساعات الليل المتأخرة كانت سيارات الأجرة قليلة، وترفض "
                    "الركاب أو تطلب أجورًا إضافية غير قانونية، ويصعب إثبات هذه المخالفات.",
                    "response": "قدّمت «حافلة البومة» بديلًا زهيد الكلفة؛ وبعد افتتاح الخطوط "
                    "التسعة تراجع رفض سيارات الأجرة مقارنة بالعام السابق.",
                },
                "zh-hans": {
                    "obstacle": "深夜出租车稀少，拒载和非法加价频发，而这类违规难以取证。",
                    "response": "猫头鹰巴士提供了廉价的替代选择；九条线路开通后，出租车拒载"
                    "较上年同期减少。",
                },
            },
            {
                "ko": {
                    "obstacle": "심야 운행은 승객과 운전자의 안전에 대한 우려를 낳습니다.",
                    "response": "모든 차량에 시속 70km 과속방지장치와 운전석 격벽을 설치했습니다.",
                },
                "en": {
                    "obstacle": "Driving at night raises safety concerns for passengers and "
                    "drivers.",
                    "response": "Every bus has a speed limiter set at 70 km/h and a partition "
                    "around the driver's seat.",
                },
                "fr": {
                    "obstacle": "La conduite de nuit inquiète pour la sécurité des passagers et "
                    "des conducteurs.",
                    "response": "Chaque bus est équipé d’un limiteur de vitesse réglé à "
                    "70 km/h et d’une cloison autour du poste de conduite.",
                },
                "es": {
                    "obstacle": "Conducir de noche plantea dudas sobre la seguridad de "
                    "pasajeros y conductores.",
                    "response": "Todos los autobuses llevan un limitador de velocidad a 70 km/h "
                    "y una mampara alrededor del puesto del conductor.",
                },
                "ar": {
                    "obstacle": "تثير القيادة ليلًا مخاوف على سلامة الركاب والسائقين.",
                    "response": "زُوّدت كل حافلة بمحدد سرعة مضبوط على 70 كم/س وحاجز حول مقعد السائق.",
                },
                "zh-hans": {
                    "obstacle": "夜间行车引发对乘客和司机安全的担忧。",
                    "response": "所有车辆均安装时速70公里的限速装置和驾驶座隔板。",
                },
            },
        ],
        "stakeholders": [
            {
                "ko": {
                    "name": "KT",
                    "role": "노선 설계에 쓸 익명 통화 자료를 제공한 통신사입니다.",
                },
                "en": {
                    "name": "KT",
                    "role": "Telecom operator that provided anonymised call data for route "
                    "planning.",
                },
                "fr": {
                    "name": "KT",
                    "role": "Opérateur de télécommunications qui a fourni des données d’appels "
                    "anonymisées pour tracer les lignes.",
                },
                "es": {
                    "name": "KT",
                    "role": "Operador de telecomunicaciones que aportó datos de llamadas "
                    "anonimizados para trazar las líneas.",
                },
                "ar": {
                    "name": "KT",
                    "role": "مشغل اتصالات وفّر بيانات مكالمات مجهولة الهوية لتخطيط الخطوط.",
                },
                "zh-hans": {
                    "name": "KT",
                    "role": "电信运营商，为线路规划提供匿名通话数据。",
                },
            },
            {
                "ko": {
                    "name": "서울 시민",
                    "role": "심야버스 아이디어를 처음 제안했습니다.",
                },
                "en": {
                    "name": "A Seoul resident",
                    "role": "First proposed the idea of an after-midnight bus.",
                },
                "fr": {
                    "name": "Un habitant de Séoul",
                    "role": "A proposé le premier l’idée d’un bus après minuit.",
                },
                "es": {
                    "name": "Un vecino de Seúl",
                    "role": "Propuso por primera vez la idea de un autobús de madrugada.",
                },
                "ar": {
                    "name": "أحد سكان سيول",
                    "role": "كان أول من اقترح فكرة حافلة تعمل بعد منتصف الليل.",
                },
                "zh-hans": {
                    "name": "一位首尔市民",
                    "role": "最早提出午夜后公交的构想。",
                },
            },
            {
                "ko": {
                    "name": "인근 경찰서",
                    "role": "올빼미버스와 연계한 ‘안심귀가 서비스’를 제공합니다.",
                },
                "en": {
                    "name": "Local police stations",
                    "role": "Provide a safe-return-home service together with the Owl Bus.",
                },
                "fr": {
                    "name": "Commissariats de quartier",
                    "role": "Assurent, avec l’Owl Bus, un service de retour à domicile en "
                    "sécurité.",
                },
                "es": {
                    "name": "Comisarías de barrio",
                    "role": "Ofrecen, junto con el Owl Bus, un servicio de regreso seguro a casa.",
                },
                "ar": {
                    "name": "مراكز الشرطة المحلية",
                    "role": "تقدم مع «حافلة البومة» خدمة العودة الآمنة إلى المنزل.",
                },
                "zh-hans": {
                    "name": "附近派出所",
                    "role": "与猫头鹰巴士配合提供“安心回家服务”。",
                },
            },
        ],
        "legal_basis": [
            {
                "url": "https://elaw.klri.re.kr/eng_mobile/ganadaDetail.do?hseq=42804&type=abc"
                "&key=PASSENGER%20TRANSPORT%20SERVICE%20ACT&param=P",
                "ko": {
                    "title": "여객자동차 운수사업법",
                    "note": "올빼미버스를 포함한 시내 노선버스의 면허와 운행을 규정하는 "
                    "법률입니다.",
                },
                "en": {
                    "title": "Passenger Transport Service Act",
                    "note": "The national law under which city route buses, the Owl Bus "
                    "included, are licensed and run.",
                },
                "fr": {
                    "title": "Loi sur les services de transport de passagers",
                    "note": "La loi nationale qui encadre la licence et l’exploitation des "
                    "lignes de bus urbaines, Owl Bus compris.",
                },
                "es": {
                    "title": "Ley de Servicios de Transporte de Pasajeros",
                    "note": "La ley nacional que regula la licencia y la explotación de las "
                    "líneas de autobús urbano, el Owl Bus incluido.",
                },
                "ar": {
                    "title": "قانون خدمات نقل الركاب",
                    "note": "القانون الوطني الذي تُرخَّص بموجبه خطوط الحافلات في المدينة "
                    "وتُشغَّل، ومنها «حافلة البومة».",
                },
                "zh-hans": {
                    "title": "《旅客汽车运输事业法》",
                    "note": "规范包括猫头鹰巴士在内的市内线路公交许可与运营的国家法律。",
                },
            },
        ],
        "preconditions": {
            "legal": {
                "ko": "심야 전용 노선을 만들 수 있는, 시내버스 노선과 요금에 관한 권한",
                "en": "Authority over city bus routes and fares, so that night-only routes "
                "can be created.",
                "fr": "Une compétence sur les lignes et les tarifs des bus urbains, pour créer "
                "des lignes exclusivement nocturnes.",
                "es": "Competencia sobre las líneas y tarifas del autobús urbano, para crear "
                "líneas solo nocturnas.",
                "ar": "صلاحية على خطوط الحافلات في المدينة وأجورها، لإنشاء خطوط ليلية فقط.",
                "zh-hans": "拥有市内公交线路和票价的管理权限，可开设夜间专线。",
            },
            "budget": {
                "ko": "금액은 공개되지 않았으며, 서울시는 버스 운영 예산으로 노선을 운행합니다.",
                "en": "No amount has been published; Seoul runs the routes within its bus "
                "operations budget.",
                "fr": "Aucun montant n’a été publié ; Séoul exploite les lignes dans le cadre "
                "de son budget d’exploitation des bus.",
                "es": "No se ha publicado ningún importe; Seúl opera las líneas con su "
                "presupuesto de explotación de autobuses.",
                "ar": "لم يُنشر أي مبلغ؛ وتشغّل سيول الخطوط ضمن ميزانية تشغيل الحافلات.",
                "zh-hans": "未公布金额；首尔在公交运营预算内运营这些线路。",
            },
            "technology": {
                "ko": "심야 수요를 찾을 익명 휴대전화·교통카드 자료와 실시간 버스 정보",
                "en": "Access to anonymised phone or transport-card data to find night-time "
                "demand, and real-time bus information.",
                "fr": "L’accès à des données anonymisées de téléphonie ou de cartes de "
                "transport pour repérer la demande nocturne, et une information en temps réel "
                "sur les bus.",
                "es": "Acceso a datos anonimizados de telefonía o de tarjetas de transporte "
                "para localizar la demanda nocturna, e información de autobuses en tiempo real.",
                "ar": "الوصول إلى بيانات مجهولة الهوية من الهواتف أو بطاقات النقل لرصد الطلب "
                "الليلي، ومعلومات آنية عن الحافلات.",
                "zh-hans": "可获取匿名手机或交通卡数据以发现夜间需求，并提供实时公交信息。",
            },
            "size": {
                "ko": "심야 노동자, 학생, 대리기사처럼 자정 이후에 이동하는 사람이 많은 도시",
                "en": "A city where many people travel after midnight, as night workers, "
                "students and drivers for hire do in Seoul.",
                "fr": "Une ville où beaucoup de gens se déplacent après minuit, comme les "
                "travailleurs de nuit, les étudiants et les chauffeurs de remplacement à Séoul.",
                "es": "Una ciudad en la que mucha gente se desplaza después de medianoche, "
                "como los trabajadores nocturnos, los estudiantes y los conductores de "
                "alquiler en Seúl.",
                "ar": "مدينة يتنقل فيها كثيرون بعد منتصف الليل، كعمال الليل والطلاب وسائقي "
                "الأجرة البدلاء في سيول.",
                "zh-hans": "午夜后出行者众多的城市，如首尔的夜班工人、学生和代驾司机。",
            },
        },
        "lifecycle": [
            {
                "status": "piloted",
                "start": date(2013, 4, 19),
                "end": date(2013, 9, 11),
                "reason": {
                    "ko": "N26·N37 2개 노선 시범운행: 처음 3개월 동안 218,212명이 이용했습니다.",
                    "en": "Two pilot routes, N26 and N37: 218,212 passengers in the first "
                    "three months.",
                    "fr": "Deux lignes pilotes, N26 et N37 : 218 212 voyageurs les trois "
                    "premiers mois.",
                    "es": "Dos líneas piloto, N26 y N37: 218.212 viajeros en los tres primeros "
                    "meses.",
                    "ar": "خطان تجريبيان، N26 وN37: 218٬212 راكبًا في الأشهر الثلاثة الأولى.",
                    "zh-hans": "N26、N37两条线路试运行：头三个月共载客218,212人次。",
                },
            },
            {
                "status": "running",
                "start": date(2013, 9, 12),
                "end": None,
                "reason": {
                    "ko": "통화 자료로 고른 9개 노선을 ‘올빼미버스’라는 이름으로 운행했습니다.",
                    "en": "Nine routes, chosen with the call data, run under the Owl Bus name.",
                    "fr": "Neuf lignes, choisies grâce aux données d’appels, circulent sous le "
                    "nom d’Owl Bus.",
                    "es": "Nueve líneas, elegidas con los datos de llamadas, circulan con el "
                    "nombre de Owl Bus.",
                    "ar": "تسعة خطوط، اختيرت ببيانات المكالمات، تعمل باسم «حافلة البومة».",
                    "zh-hans": "依据通话数据选定的9条线路以“猫头鹰巴士”之名运营。",
                },
            },
            {
                "status": "revised",
                "start": date(2022, 4, 18),
                "end": None,
                "reason": {
                    "ko": "약 2억 건의 자료를 분석해 9개 노선 72대에서 14개 노선 100대로 "
                    "확대했습니다.",
                    "en": "Expanded from nine routes and 72 buses to 14 routes and 100 buses, "
                    "after analysing some 200 million data records.",
                    "fr": "Passage de neuf lignes et 72 bus à 14 lignes et 100 bus, après "
                    "l’analyse de quelque 200 millions de données.",
                    "es": "Ampliación de nueve líneas y 72 autobuses a 14 líneas y 100 "
                    "autobuses, tras analizar unos 200 millones de registros.",
                    "ar": "توسعة من تسعة خطوط و72 حافلة إلى 14 خطًا و100 حافلة، بعد تحليل نحو "
                    "200 مليون سجل بيانات.",
                    "zh-hans": "在分析约2亿条数据后，由9条线路72辆车扩大到14条线路100辆车。",
                },
            },
        ],
    },
    "city-data-science-institute": {
        # About 20 resident researchers (Yonhap, 12 April 2017).
        "staff_fte": "20",
        "obstacles": [
            {
                "ko": {
                    "obstacle": "단발성 연구는 시정으로 이어지기 어렵습니다.",
                    "response": "3년간의 장기 연구로 설계해, 충분히 검토한 결과가 실제 시정에 "
                    "접목되도록 했습니다.",
                },
                "en": {
                    "obstacle": "One-off studies rarely change city policy.",
                    "response": "The institute was set up for three years of long-term "
                    "research, so that well-tested results can be applied in the city's "
                    "administration.",
                },
                "fr": {
                    "obstacle": "Les études ponctuelles changent rarement la politique de la "
                    "ville.",
                    "response": "L’institut a été conçu pour trois ans de recherche de long "
                    "terme, afin que des résultats éprouvés puissent être appliqués par "
                    "l’administration.",
                },
                "es": {
                    "obstacle": "Los estudios puntuales rara vez cambian la política municipal.",
                    "response": "El instituto se creó para tres años de investigación a largo "
                    "plazo, de modo que resultados contrastados puedan aplicarse en la "
                    "administración.",
                },
                "ar": {
                    "obstacle": "نادرًا ما تغيّر الدراسات المنفردة سياسات المدينة.",
                    "response": "أُنشئ المعهد لثلاث سنوات من البحث الطويل الأمد، لتُطبَّق "
                    "النتائج المدروسة في إدارة المدينة.",
                },
                "zh-hans": {
                    "obstacle": "一次性研究很少能转化为市政政策。",
                    "response": "研究所按三年期长期研究设计，使经过充分论证的成果能够应用于市政。",
                },
            },
            {
                "ko": {
                    "obstacle": "빅데이터를 다룰 수 있는 인력이 부족했습니다.",
                    "response": "대학생, 구직자, 시민, 현장 전문가를 대상으로 데이터 교육을 "
                    "운영합니다.",
                },
                "en": {
                    "obstacle": "Too few people could work with big data.",
                    "response": "The institute runs data courses for students, job seekers, "
                    "residents and practitioners.",
                },
                "fr": {
                    "obstacle": "Trop peu de personnes savaient travailler avec des mégadonnées.",
                    "response": "L’institut propose des formations aux données pour les "
                    "étudiants, les demandeurs d’emploi, les habitants et les professionnels.",
                },
                "es": {
                    "obstacle": "Muy pocas personas sabían trabajar con macrodatos.",
                    "response": "El instituto ofrece cursos de datos para estudiantes, personas "
                    "en busca de empleo, vecinos y profesionales.",
                },
                "ar": {
                    "obstacle": "قلّة من الناس كانوا قادرين على التعامل مع البيانات الضخمة.",
                    "response": "يقدم المعهد دورات في البيانات للطلاب والباحثين عن عمل والسكان "
                    "والممارسين.",
                },
                "zh-hans": {
                    "obstacle": "能够处理大数据的人才太少。",
                    "response": "研究所面向大学生、求职者、市民和从业人员开设数据培训课程。",
                },
            },
        ],
        "stakeholders": [
            {
                "ko": {
                    "name": "서울특별시",
                    "role": "3년 사업비의 70%를 부담하고, 시 데이터와 개포디지털혁신파크의 "
                    "공간을 제공합니다.",
                },
                "en": {
                    "name": "Seoul Metropolitan Government",
                    "role": "Pays 70% of the three-year cost and provides the city's data and "
                    "the space at Gaepo Digital Innovation Park.",
                },
                "fr": {
                    "name": "Gouvernement métropolitain de Séoul",
                    "role": "Prend en charge 70 % du coût sur trois ans et fournit les données "
                    "de la ville et les locaux du parc d’innovation numérique de Gaepo.",
                },
                "es": {
                    "name": "Gobierno Metropolitano de Seúl",
                    "role": "Paga el 70 % del coste de los tres años y aporta los datos de la "
                    "ciudad y el espacio del Parque de Innovación Digital de Gaepo.",
                },
                "ar": {
                    "name": "حكومة سيول الحضرية",
                    "role": "تتحمل 70% من كلفة السنوات الثلاث، وتوفر بيانات المدينة والمقر في "
                    "حديقة غايبو للابتكار الرقمي.",
                },
                "zh-hans": {
                    "name": "首尔特别市政府",
                    "role": "承担三年经费的70%，并提供市政数据和开浦数字创新园的场地。",
                },
            },
            {
                "ko": {
                    "name": "서울대학교 빅데이터연구원",
                    "role": "사업비의 30%를 부담하고 연구를 이끕니다. 개소 당시 서울대 교수 "
                    "28명이 참여했습니다.",
                },
                "en": {
                    "name": "Seoul National University Big Data Institute",
                    "role": "Pays 30% and leads the research; 28 SNU professors took part at "
                    "the opening.",
                },
                "fr": {
                    "name": "Institut des mégadonnées de l’Université nationale de Séoul",
                    "role": "Prend en charge 30 % et dirige la recherche ; 28 professeurs y "
                    "participaient à l’ouverture.",
                },
                "es": {
                    "name": "Instituto de Macrodatos de la Universidad Nacional de Seúl",
                    "role": "Paga el 30 % y dirige la investigación; 28 profesores participaban "
                    "en la inauguración.",
                },
                "ar": {
                    "name": "معهد البيانات الضخمة في جامعة سيول الوطنية",
                    "role": "يتحمل 30% ويقود البحث؛ وشارك فيه 28 أستاذًا من الجامعة عند الافتتاح.",
                },
                "zh-hans": {
                    "name": "首尔大学大数据研究院",
                    "role": "承担30%的经费并主导研究；开所时有28名首尔大学教授参与。",
                },
            },
            {
                "ko": {
                    "name": "서울디지털재단",
                    "role": "사업 운영을 지원하고 협력사업을 발굴합니다.",
                },
                "en": {
                    "name": "Seoul Digital Foundation",
                    "role": "Supports the running of the programme and finds joint projects.",
                },
                "fr": {
                    "name": "Fondation numérique de Séoul",
                    "role": "Appuie la gestion du programme et repère des projets communs.",
                },
                "es": {
                    "name": "Fundación Digital de Seúl",
                    "role": "Apoya la gestión del programa y busca proyectos conjuntos.",
                },
                "ar": {
                    "name": "مؤسسة سيول الرقمية",
                    "role": "تدعم تسيير البرنامج وتبحث عن مشاريع مشتركة.",
                },
                "zh-hans": {
                    "name": "首尔数字基金会",
                    "role": "支持项目运营并发掘合作项目。",
                },
            },
        ],
        "legal_basis": [],
        "preconditions": {
            "legal": {
                "ko": "협력 협약에 따라 시 데이터를 대학과 공유할 수 있는 권한(서울시와 "
                "서울대는 2016년 12월 7일 협약 체결)",
                "en": "Authority to share city data with a university under a cooperation "
                "agreement (Seoul and SNU signed one on 7 December 2016).",
                "fr": "Le pouvoir de partager les données de la ville avec une université dans "
                "le cadre d’un accord de coopération (Séoul et l’UNS en ont signé un le "
                "7 décembre 2016).",
                "es": "Facultad para compartir datos municipales con una universidad mediante "
                "un acuerdo de cooperación (Seúl y la UNS firmaron uno el 7 de diciembre de "
                "2016).",
                "ar": "صلاحية مشاركة بيانات المدينة مع جامعة بموجب اتفاق تعاون (وقّعت سيول "
                "وجامعة سيول الوطنية اتفاقًا في 7 ديسمبر 2016).",
                "zh-hans": "依据合作协议与大学共享市政数据的权限（首尔市与首尔大学于2016年"
                "12月7日签署协议）。",
            },
            "budget": {
                "ko": "여러 해에 걸친 공동 재원: 서울시 70%, 대학 30%(금액은 공개되지 않음)",
                "en": "Joint funding over several years: the city 70%, the university 30% "
                "(amounts not published).",
                "fr": "Un financement conjoint sur plusieurs années : 70 % pour la ville, "
                "30 % pour l’université (montants non publiés).",
                "es": "Financiación conjunta durante varios años: el 70 % la ciudad y el 30 % "
                "la universidad (importes no publicados).",
                "ar": "تمويل مشترك على عدة سنوات: 70% من المدينة و30% من الجامعة (المبالغ غير "
                "منشورة).",
                "zh-hans": "多年联合出资：市政府70%，大学30%（金额未公布）。",
            },
            "technology": {
                "ko": "시의 교통·환경·도시개발 자료에 대한 접근과 연구자용 컴퓨팅 시설",
                "en": "Access to the city's transport, environmental and urban-development "
                "data, and computing facilities for researchers.",
                "fr": "L’accès aux données de la ville sur les transports, l’environnement et "
                "l’urbanisme, et des moyens de calcul pour les chercheurs.",
                "es": "Acceso a los datos municipales de transporte, medio ambiente y "
                "desarrollo urbano, e instalaciones de cálculo para los investigadores.",
                "ar": "الوصول إلى بيانات المدينة عن النقل والبيئة والتنمية الحضرية، ومرافق "
                "حوسبة للباحثين.",
                "zh-hans": "可获取市政交通、环境和城市开发数据，并为研究人员提供计算设施。",
            },
            "size": {
                "ko": "데이터과학 연구 역량을 갖춘 대학(연구소는 상주 연구원 약 20명으로 출발)",
                "en": "A university with data-science research capacity; the institute opened "
                "with about 20 resident researchers.",
                "fr": "Une université dotée d’une capacité de recherche en science des "
                "données ; l’institut a ouvert avec une vingtaine de chercheurs sur place.",
                "es": "Una universidad con capacidad de investigación en ciencia de datos; el "
                "instituto abrió con unos 20 investigadores residentes.",
                "ar": "جامعة تملك قدرة بحثية في علم البيانات؛ وقد افتُتح المعهد بنحو 20 "
                "باحثًا مقيمًا.",
                "zh-hans": "具备数据科学研究能力的大学；研究所开所时约有20名常驻研究人员。",
            },
        },
        "lifecycle": [
            {
                "status": "running",
                "start": date(2017, 4, 12),
                "end": None,
                "reason": {
                    "ko": "2016년 12월 7일 협약에 따라 개포디지털혁신파크에서 3년간의 연구 "
                    "과정을 시작했습니다. 이후의 상태는 공개되지 않았습니다.",
                    "en": "Opened at Gaepo Digital Innovation Park for a three-year research "
                    "programme, following the agreement of 7 December 2016; no later status "
                    "has been published.",
                    "fr": "Ouvert au parc d’innovation numérique de Gaepo pour un programme de "
                    "recherche de trois ans, à la suite de l’accord du 7 décembre 2016 ; aucun "
                    "statut ultérieur n’a été publié.",
                    "es": "Abierto en el Parque de Innovación Digital de Gaepo para un programa "
                    "de investigación de tres años, tras el acuerdo del 7 de diciembre de 2016; "
                    "no se ha publicado su situación posterior.",
                    "ar": "افتُتح في حديقة غايبو للابتكار الرقمي لبرنامج بحثي مدته ثلاث سنوات، "
                    "بعد اتفاق 7 ديسمبر 2016؛ ولم يُنشر وضعه اللاحق.",
                    "zh-hans": "依据2016年12月7日的协议，在开浦数字创新园启动为期三年的研究"
                    "项目；此后状况未见公布。",
                },
            },
        ],
    },
}
