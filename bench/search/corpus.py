"""The judged benchmark: topics, queries and judgments.

All text here was written for this benchmark: broad, public facts about Seoul's policies in
original wording. Four kinds of topic:

- `TOPICS`: written in Korean and in English, as separate pages (two translation groups of
  their own, as two independently written policies would be). Each has a lead sentence (in
  every document of the topic) and more sentences, written the way the portal's content is
  written: particles attached, verbs inflected, compounds without spaces.
- `KOREAN_ONLY_TOPICS` and `ENGLISH_ONLY_TOPICS`: policies that exist in one language only
  (Seoul's English and Korean policy lists do not overlap fully). Queries in the other
  language must find them: the cross-lingual classes.
- `GROUP_TOPICS`: one policy page in six languages, ko/en/fr/es/ar/zh-hans, in one
  translation group (one `translation_key`). The French and Spanish classes search these
  (decision: French and Spanish queries are judged on documents that exist in French or
  Spanish, so they measure the fr/es analysis and the reader-language version; the
  cross-lingual classes cover queries whose answer is in another language). For two of the
  four, the ar and zh-hans copies carry a translated title over the English text, as issue 16
  found on the site; the duplicate class searches all four.

A query is judged relevant to the documents of its topics in its judged language(s), graded
2 for the topic's main document and 1 for the others. Judgments are per translation group:
the versions of one group share a key, and a group counts once however many of its versions
are found (`run.py`: a repeated key gains nothing, and `duplicates@10` counts the repeats).
Monolingual classes judge only documents in the query's language: for a reader of that
language, the same topic written in another language is a worse answer, not a right one.

The demo content's pages that answer judged queries are judged too, by pooling
(`demo_judgments.py`, `DEMO_JUDGMENTS`: query → path of the demo page → grade).
"""

import random
from typing import NamedTuple

# The demo content's pages judged for the judged queries, by pooling (see its docstring).
from demo_judgments import DEMO_JUDGMENTS  # noqa: F401 - part of the judged set

TOPICS = {
    "stream": {
        "ko": (
            "청계천 복원",
            [
                "서울시는 2005년 청계천을 복원했다.",
                "복개도로를 걷어내고 도심 하천을 되살렸다.",
                "청계천 복원 사업으로 도심의 여름 기온이 낮아졌다.",
                "하천 주변에 산책로와 녹지가 만들어졌다.",
            ],
        ),
        "en": (
            "Cheonggyecheon restoration",
            [
                "Seoul restored the Cheonggyecheon stream in 2005.",
                "The elevated highway was removed and the buried stream was uncovered.",
                "The restoration lowered summer temperatures in the city centre.",
                "Walking paths and green space now line the stream.",
            ],
        ),
    },
    "safety": {
        "ko": (
            "안전속도 5030",
            [
                "서울시는 교통사고 사망자를 절반으로 줄였다.",
                "도심 제한속도를 시속 50킬로미터로 낮추는 정책을 시행했다.",
                "보행자 교통안전을 위해 횡단보도를 늘렸다.",
                "어린이보호구역의 속도 단속이 강화되었다.",
            ],
        ),
        "en": (
            "Safe Speed 5030",
            [
                "Seoul halved traffic deaths with lower speed limits.",
                "Urban speed limits were reduced to 50 kilometres per hour.",
                "More pedestrian crossings were installed for road safety.",
                "Speed enforcement was strengthened in school zones.",
            ],
        ),
    },
    "bike": {
        "ko": (
            "따릉이 공공자전거",
            [
                "서울시의 공공자전거 따릉이는 시민의 발이 되었다.",
                "대여소가 지하철역 주변에 설치되었다.",
                "자전거 전용도로가 늘어나면서 이용자가 증가했다.",
                "따릉이 이용 건수가 해마다 늘었다.",
            ],
        ),
        "en": (
            "Ttareungyi public bicycles",
            [
                "Seoul's public bicycle scheme Ttareungyi became part of daily commuting.",
                "Bike stations were installed near subway stations.",
                "Cycling grew as dedicated bike lanes expanded.",
                "Rides on the shared bicycles increased every year.",
            ],
        ),
    },
    "regeneration": {
        "ko": (
            "세운상가 도시재생",
            [
                "서울시는 낡은 도심에서 도시재생을 추진했다.",
                "세운상가를 철거하지 않고 보행 데크로 연결했다.",
                "주민이 참여하는 도시재생 사업이 지역 경제를 살렸다.",
                "오래된 상가에 창업 공간이 들어섰다.",
            ],
        ),
        "en": (
            "Sewoon urban regeneration",
            [
                "Seoul pursued urban regeneration in its old city centre.",
                "Instead of demolition, Sewoon Arcade was regenerated and connected by walkways.",
                "Community-led regeneration revived the local economy.",
                "Start-up spaces opened in the old arcade.",
            ],
        ),
    },
    "bus": {
        "ko": (
            "대중교통 체계 개편",
            [
                "서울시는 2004년 버스 체계를 전면 개편했다.",
                "중앙버스전용차로를 도입해 버스 속도가 빨라졌다.",
                "지하철과 버스 사이의 환승할인으로 대중교통 이용이 늘었다.",
                "버스 노선이 간선과 지선으로 나뉘었다.",
            ],
        ),
        "en": (
            "Public transport reform",
            [
                "Seoul reformed its bus system in 2004.",
                "Median bus lanes made buses faster.",
                "Free transfers between subway and bus raised public transport use.",
                "Bus routes were reorganised into trunk and feeder lines.",
            ],
        ),
    },
    "card": {
        "ko": (
            "교통카드 시스템",
            [
                "서울시는 교통카드로 요금을 자동 정산하는 시스템을 만들었다.",
                "T-money 교통카드 하나로 버스와 지하철을 탈 수 있다.",
                "교통카드 데이터는 노선 계획에 쓰인다.",
                "거리비례 요금제가 교통카드로 가능해졌다.",
            ],
        ),
        "en": (
            "Transit smart card",
            [
                "Seoul built a smart card system that settles fares automatically.",
                "One T-money card pays for buses and the subway.",
                "Card data is used for route planning.",
                "Distance-based fares became possible with the smart card.",
            ],
        ),
    },
    "water": {
        "ko": (
            "아리수 상수도",
            [
                "서울시의 수돗물 아리수는 국제 기준을 충족한다.",
                "노후 상수도관을 교체해 누수율을 낮췄다.",
                "정수센터의 고도정수처리로 수질이 개선되었다.",
                "상수도 요금은 시민이 감당할 수 있는 수준이다.",
            ],
        ),
        "en": (
            "Arisu water supply",
            [
                "Seoul's tap water Arisu meets international standards.",
                "Old water pipes were replaced to cut leakage.",
                "Advanced treatment at purification centres improved water quality.",
                "Water charges remain affordable for residents.",
            ],
        ),
    },
    "egov": {
        "ko": (
            "전자정부와 민원",
            [
                "서울시는 전자정부로 민원 처리 시간을 줄였다.",
                "온라인 민원 창구에서 서류를 발급받는다.",
                "행정 정보를 공개해 투명성을 높였다.",
                "모바일 전자정부 서비스가 확대되었다.",
            ],
        ),
        "en": (
            "E-government services",
            [
                "Seoul cut processing times for civil petitions through e-government.",
                "Residents obtain certificates at an online service counter.",
                "Open administrative data improved transparency.",
                "Mobile e-government services were expanded.",
            ],
        ),
    },
    "housing": {
        "ko": (
            "청년 주택 공급",
            [
                "서울시는 역세권에 청년주택을 공급했다.",
                "청년과 신혼부부를 위한 공공임대주택이 늘었다.",
                "임대료는 주변 시세보다 낮게 책정되었다.",
                "주택 공급을 늘려 주거비 부담을 덜었다.",
            ],
        ),
        "en": (
            "Housing for young people",
            [
                "Seoul supplied housing for young people near stations.",
                "Public rental homes for youth and newlyweds increased.",
                "Rents were set below market levels.",
                "A larger housing supply eased the cost of living.",
            ],
        ),
    },
    "air": {
        "ko": (
            "미세먼지 저감",
            [
                "서울시는 미세먼지를 줄이기 위해 노후 경유차 운행을 제한했다.",
                "초미세먼지 농도가 크게 낮아졌다.",
                "미세먼지 비상저감조치가 시행되었다.",
                "대기질 측정소가 자치구마다 설치되었다.",
            ],
        ),
        "en": (
            "Fine dust reduction",
            [
                "Seoul restricted old diesel vehicles to cut fine dust.",
                "Ultrafine particle concentrations fell sharply.",
                "Emergency reduction measures for fine dust were introduced.",
                "Air quality monitoring stations were installed in every district.",
            ],
        ),
    },
    "recycle": {
        "ko": (
            "쓰레기 재활용",
            [
                "서울시는 음식물 쓰레기 종량제로 배출량을 줄였다.",
                "재활용 선별장이 현대화되었다.",
                "일회용품 사용을 줄이는 캠페인을 벌였다.",
                "재활용률이 꾸준히 높아졌다.",
            ],
        ),
        "en": (
            "Waste recycling",
            [
                "Seoul cut food waste with a pay-as-you-throw scheme.",
                "Recycling sorting centres were modernised.",
                "A campaign reduced single-use plastics.",
                "The recycling rate rose steadily.",
            ],
        ),
    },
    "solar": {
        "ko": (
            "태양광 에너지",
            [
                "서울시는 아파트 베란다에 태양광 발전기를 보급했다.",
                "태양광발전으로 전력 자립률을 높였다.",
                "공공건물 옥상에 태양광 패널이 설치되었다.",
                "원전 하나 줄이기 정책으로 에너지 소비를 줄였다.",
            ],
        ),
        "en": (
            "Solar energy",
            [
                "Seoul subsidised balcony solar panels for apartments.",
                "Solar power raised the city's energy self-sufficiency.",
                "Solar panels were installed on public building roofs.",
                "The One Less Nuclear Power Plant policy reduced energy use.",
            ],
        ),
    },
    "parks": {
        "ko": (
            "한강공원과 숲",
            [
                "서울시는 한강공원을 시민 휴식 공간으로 정비했다.",
                "서울숲과 도시 숲이 조성되었다.",
                "녹지 면적이 늘어나 열섬 현상이 완화되었다.",
                "공원마다 산책로와 자전거길이 이어졌다.",
            ],
        ),
        "en": (
            "Han River parks and forests",
            [
                "Seoul redeveloped the Han River parks for recreation.",
                "Seoul Forest and other urban forests were planted.",
                "More green space eased the urban heat island.",
                "Walking and cycling paths connect the parks.",
            ],
        ),
    },
    "flood": {
        "ko": (
            "홍수 예방",
            [
                "서울시는 빗물 저류조를 건설해 홍수를 예방했다.",
                "침수 위험 지역에 배수 펌프장을 늘렸다.",
                "대심도 빗물터널이 도심 침수를 막았다.",
                "홍수 경보 체계가 개선되었다.",
            ],
        ),
        "en": (
            "Flood prevention",
            [
                "Seoul built rainwater storage to prevent flooding.",
                "Pumping stations were added in flood-prone areas.",
                "A deep rainwater tunnel stopped urban flooding.",
                "Flood warning systems were improved.",
            ],
        ),
    },
    "welfare": {
        "ko": (
            "복지 사각지대 해소",
            [
                "서울시는 찾아가는 동주민센터로 복지 사각지대를 줄였다.",
                "복지 플래너가 어르신 가정을 방문했다.",
                "저소득층 지원이 확대되었다.",
                "돌봄 서비스가 지역사회로 넓어졌다.",
            ],
        ),
        "en": (
            "Welfare outreach",
            [
                "Seoul's outreach community centres closed gaps in welfare.",
                "Welfare planners visited the homes of older residents.",
                "Support for low-income households was expanded.",
                "Care services reached into neighbourhoods.",
            ],
        ),
    },
    "festival": {
        "ko": (
            "문화 축제",
            [
                "서울시는 한강 불꽃축제와 거리 축제를 열었다.",
                "서울 문화의 밤에 박물관이 늦게까지 문을 열었다.",
                "지역 축제가 관광객을 끌어들였다.",
                "K-pop 공연이 축제의 중심이 되었다.",
            ],
        ),
        "en": (
            "Cultural festivals",
            [
                "Seoul hosts fireworks and street festivals along the river.",
                "Museums stayed open late on Seoul culture nights.",
                "Local festivals drew visitors.",
                "K-pop concerts headlined the festivals.",
            ],
        ),
    },
    "cctv": {
        "ko": (
            "스마트시티 안전",
            [
                "서울시는 CCTV 통합관제센터로 범죄를 예방했다.",
                "스마트시티 기술로 재난 대응이 빨라졌다.",
                "안심귀갓길에 비상벨이 설치되었다.",
                "공공 와이파이가 도시 전역으로 확대되었다.",
            ],
        ),
        "en": (
            "Smart city safety",
            [
                "Seoul prevented crime with an integrated CCTV control centre.",
                "Smart city technology sped up disaster response.",
                "Emergency bells were installed on safe routes home.",
                "Public Wi-Fi was expanded across the city.",
            ],
        ),
    },
    "subway": {
        "ko": (
            "지하철 확충",
            [
                "서울시는 지하철 9호선을 개통했다.",
                "지하철역에 스크린도어를 설치해 사고를 줄였다.",
                "도시철도 노선이 수도권으로 연장되었다.",
                "지하철 혼잡도가 급행열차로 낮아졌다.",
            ],
        ),
        "en": (
            "Subway expansion",
            [
                "Seoul opened subway Line 9.",
                "Platform screen doors in subway stations reduced accidents.",
                "Urban railway lines were extended into the capital region.",
                "Express trains relieved subway crowding.",
            ],
        ),
    },
}

# Sentences that belong to no topic: they share general words (서울시, 정책, city, policy)
# with everything, as real news and notices do.
NOISE = {
    "ko": [
        "서울시는 정책 공유를 위해 해외 도시와 협력하고 있다.",
        "시장은 국제 회의에서 서울의 경험을 소개했다.",
        "자세한 내용은 담당 부서에 문의하기 바란다.",
        "이번 행사에는 여러 도시의 공무원이 참석했다.",
        "보고서는 홈페이지에서 내려받을 수 있다.",
        "서울시의 정책은 여러 나라에 전해졌다.",
        "연구진은 사업의 성과를 분석했다.",
        "시민 참여가 정책의 성공 요인으로 꼽혔다.",
    ],
    "en": [
        "Seoul shares its policies with cities abroad.",
        "The mayor presented Seoul's experience at an international meeting.",
        "Contact the responsible department for details.",
        "Officials from several cities attended the event.",
        "The report can be downloaded from the website.",
        "Seoul's policies have travelled to many countries.",
        "Researchers analysed the results of the project.",
        "Citizen participation was named as a key to success.",
    ],
}

# Policies written in Korean only: English questions must find them (class en_to_ko).
KOREAN_ONLY_TOPICS = {
    "owlbus": (
        "올빼미버스 심야 운행",
        [
            "서울시는 자정 이후에 다니는 올빼미버스를 도입했다.",
            "휴대전화 통화 기록을 분석해 밤늦게 이동이 많은 노선을 골랐다.",
            "심야버스는 새벽에 출근하는 노동자의 발이 되었다.",
            "올빼미버스 노선과 배차가 해마다 늘었다.",
        ],
    ),
    "farming": (
        "도시농업 텃밭",
        [
            "서울시는 옥상과 빈터에서 도시농업을 장려했다.",
            "시민이 텃밭을 분양받아 채소를 직접 기른다.",
            "학교 텃밭에서 아이들이 농사를 배운다.",
            "도시농업 공동체가 자치구마다 생겨났다.",
        ],
    ),
    "youthpay": (
        "청년수당",
        [
            "서울시는 일자리를 찾는 미취업 청년에게 청년수당을 지급했다.",
            "청년수당은 구직 기간의 생활비 부담을 덜어 준다.",
            "수당을 받는 청년에게 진로 상담이 함께 제공된다.",
            "청년수당 참여자의 취업 성과가 조사되었다.",
        ],
    ),
    "village": (
        "마을공동체 지원",
        [
            "서울시는 마을공동체 종합지원센터를 세웠다.",
            "주민 모임이 동네 문제를 스스로 해결한다.",
            "공동육아 모임과 작은 도서관을 주민이 운영한다.",
            "주민이 제안한 사업에 마을 예산이 쓰였다.",
        ],
    ),
}

# Policies written in English only: Korean questions must find them (class ko_to_en).
ENGLISH_ONLY_TOPICS = {
    "globalcenter": (
        "Seoul Global Center",
        [
            "The Seoul Global Center helps foreign residents with visas, homes and new businesses.",
            "Counsellors answer questions in more than ten languages.",
            "Free Korean lessons are offered to newcomers.",
            "A telephone help line supports migrant workers.",
        ],
    ),
    "policyexport": (
        "Policy consulting for partner cities",
        [
            "Seoul advises partner cities abroad through policy consulting projects.",
            "Cities in Asia and Latin America adopted its traffic and online systems.",
            "Delegations visit Seoul on study tours of its projects.",
            "Staff of partner cities are trained in workshops.",
        ],
    ),
    "conventions": (
        "International conventions",
        [
            "Seoul attracts international conferences with grants for organisers.",
            "A convention bureau helps plan events and find venues.",
            "Delegates receive discounts at museums and palaces.",
            "Business events bring visitors outside the holiday season.",
        ],
    ),
    "accessible": (
        "Accessible tourism",
        [
            "Seoul made its tourist sites accessible to wheelchair users.",
            "Step-free routes and accessible toilets were added at the palaces.",
            "Wheelchairs can be borrowed at major attractions.",
            "An information centre plans trips for travellers with disabilities.",
        ],
    ),
}

# One policy in six languages, as one translation group. `english_body` marks the groups whose
# ar and zh-hans copies have a translated title over the English text (as found on the site).
GROUP_LANGUAGES = ["ko", "en", "fr", "es", "ar", "zh-hans"]
GROUP_TOPICS = {
    "childcare": {
        "english_body": False,
        "ko": (
            "국공립 어린이집 확충",
            "서울시는 국공립 어린이집을 크게 늘렸다. 맞벌이 가정의 보육 부담이 줄었다. "
            "아파트 단지의 관리동이 어린이집으로 바뀌었다.",
        ),
        "en": (
            "Public daycare expansion",
            "Seoul greatly expanded its public daycare centres. Working parents now spend less "
            "on childcare. Community rooms in apartment complexes became nurseries.",
        ),
        "fr": (
            "Plus de crèches publiques",
            "Séoul a fortement augmenté le nombre de ses crèches publiques. Les familles où les "
            "deux parents travaillent dépensent moins pour la garde des enfants. Des salles "
            "communes d'immeubles ont été transformées en crèches.",
        ),
        "es": (
            "Más guarderías públicas",
            "Seúl amplió mucho su red de guarderías públicas. Las familias en las que trabajan "
            "ambos padres gastan menos en el cuidado infantil. Salas comunes de los bloques de "
            "viviendas se convirtieron en guarderías.",
        ),
        "ar": (
            "توسيع دور الحضانة العامة",
            "وسّعت سيول دور الحضانة العامة توسيعًا كبيرًا. تراجعت تكاليف رعاية الأطفال على "
            "الأسر التي يعمل فيها الوالدان. "
            "تحولت القاعات المشتركة في المجمعات السكنية إلى دور حضانة.",
        ),
        "zh-hans": (
            "扩大公立托儿所",
            "首尔大幅增加了公立托儿所。双职工家庭的育儿负担减轻了。公寓小区的公共用房被改建为托儿所。",
        ),
    },
    "heat": {
        "english_body": False,
        "ko": (
            "폭염 무더위쉼터",
            "서울시는 폭염 때 무더위쉼터를 운영한다. 경로당과 주민센터가 냉방이 되는 쉼터로 "
            "문을 연다. 횡단보도 앞에 그늘막을 설치했다.",
        ),
        "en": (
            "Heatwave cooling shelters",
            "Seoul opens cooling shelters during heatwaves. Senior centres and community centres "
            "become air-conditioned refuges. Shade canopies were put up at pedestrian crossings.",
        ),
        "fr": (
            "Abris contre la canicule",
            "Séoul ouvre des abris climatisés pendant les canicules. Les clubs de seniors et les "
            "centres de quartier accueillent les habitants au frais. Des auvents ont été "
            "installés près des passages piétons.",
        ),
        "es": (
            "Refugios contra el calor",
            "Seúl abre refugios climatizados durante las olas de calor. Los centros de mayores y "
            "los centros vecinales acogen a los vecinos con aire acondicionado. Se instalaron "
            "toldos de sombra junto a los pasos de peatones.",
        ),
        "ar": (
            "ملاجئ التبريد في موجات الحر",
            "تفتح سيول ملاجئ مكيفة خلال موجات الحر. تستقبل مراكز كبار السن والمراكز المجتمعية "
            "السكان في أماكن مبردة. نُصبت مظلات عند معابر المشاة.",
        ),
        "zh-hans": (
            "高温防暑避难所",
            "首尔在高温天气开放防暑避难所。老年活动中心和社区中心成为有空调的纳凉场所。人行横道前设置了遮阳棚。",
        ),
    },
    "sharing": {
        "english_body": True,
        "ko": (
            "공유도시 서울",
            "서울시는 공유도시 정책으로 놀고 있는 공간을 시민에게 열었다. 이웃끼리 공구와 "
            "아이 옷을 나누는 공유센터가 생겼다. 공공기관 회의실을 주말에 빌려 쓸 수 있다.",
        ),
        "en": (
            "Sharing City Seoul",
            "Seoul's Sharing City policy opened idle spaces to residents. Sharing centres let "
            "neighbours lend tools and children's clothes. Meeting rooms in public buildings can "
            "be booked at weekends.",
        ),
        "fr": (
            "Séoul, ville du partage",
            "La politique de la ville du partage a ouvert aux habitants des espaces inutilisés. "
            "Des centres de partage permettent aux voisins de se prêter des outils et des "
            "vêtements d'enfants. Les salles de réunion des bâtiments publics se réservent le "
            "week-end.",
        ),
        "es": (
            "Seúl, ciudad compartida",
            "La política de ciudad compartida abrió a los vecinos espacios sin uso. Los centros "
            "de intercambio permiten prestar herramientas y ropa infantil entre vecinos. Las "
            "salas de reuniones de los edificios públicos se pueden reservar los fines de semana.",
        ),
        "ar": ("مدينة المشاركة سيول", None),
        "zh-hans": ("共享城市首尔", None),
    },
    "market": {
        "english_body": True,
        "ko": (
            "전통시장 활성화",
            "서울시는 전통시장에 비가림 지붕과 주차장을 지원했다. 온라인 장보기와 배송 "
            "서비스로 시장 상인의 매출이 늘었다. 전통시장 상품권이 동네 소비를 이끌었다.",
        ),
        "en": (
            "Reviving traditional markets",
            "Seoul funded roofs and car parks for traditional markets. Online ordering and "
            "delivery raised the sales of market traders. Market gift vouchers drove local "
            "spending.",
        ),
        "fr": (
            "Relancer les marchés traditionnels",
            "Séoul a financé des toitures et des parkings pour les marchés traditionnels. La "
            "commande en ligne et la livraison ont fait progresser les ventes des commerçants. "
            "Des bons d'achat ont soutenu la consommation locale.",
        ),
        "es": (
            "Reactivar los mercados tradicionales",
            "Seúl financió cubiertas y aparcamientos para los mercados tradicionales. Los "
            "pedidos en línea y el reparto a domicilio aumentaron las ventas de los "
            "comerciantes. Los vales de compra impulsaron el consumo local.",
        ),
        "ar": ("إحياء الأسواق التقليدية", None),
        "zh-hans": ("振兴传统市场", None),
    },
}

# (class, query, topics, languages judged): Korean and English, the reader's language
# is the query's (ko for mixed script).
_KO_EN_QUERIES = [
    # Korean two-syllable nouns
    ("ko_noun2", "복원", ["stream"], "ko"),
    ("ko_noun2", "하천", ["stream"], "ko"),
    ("ko_noun2", "버스", ["bus"], "ko"),
    ("ko_noun2", "주택", ["housing"], "ko"),
    ("ko_noun2", "수질", ["water"], "ko"),
    ("ko_noun2", "민원", ["egov"], "ko"),
    ("ko_noun2", "홍수", ["flood"], "ko"),
    ("ko_noun2", "축제", ["festival"], "ko"),
    ("ko_noun2", "복지", ["welfare"], "ko"),
    ("ko_noun2", "범죄", ["cctv"], "ko"),
    # Korean compounds: a part finds the compound, a compound finds its parts
    ("ko_compound", "자전거", ["bike"], "ko"),
    ("ko_compound", "도시재생", ["regeneration"], "ko"),
    ("ko_compound", "교통카드", ["card"], "ko"),
    ("ko_compound", "미세먼지", ["air"], "ko"),
    ("ko_compound", "태양광", ["solar"], "ko"),
    ("ko_compound", "청년주택", ["housing"], "ko"),
    ("ko_compound", "전자정부", ["egov"], "ko"),
    ("ko_compound", "한강공원", ["parks"], "ko"),
    ("ko_compound", "빗물", ["flood"], "ko"),
    ("ko_compound", "교통사고", ["safety"], "ko"),
    # Korean inflected forms: the query's form is not the text's
    ("ko_inflected", "청계천이", ["stream"], "ko"),
    ("ko_inflected", "복원한 하천", ["stream"], "ko"),
    ("ko_inflected", "사망자가 줄어든", ["safety"], "ko"),
    ("ko_inflected", "따릉이를", ["bike"], "ko"),
    ("ko_inflected", "개편된 버스", ["bus"], "ko"),
    ("ko_inflected", "아리수는", ["water"], "ko"),
    ("ko_inflected", "미세먼지가 줄어든", ["air"], "ko"),
    ("ko_inflected", "홍수를 막은", ["flood"], "ko"),
    ("ko_inflected", "지하철이 개통된", ["subway"], "ko"),
    ("ko_inflected", "재활용을", ["recycle"], "ko"),
    # Korean phrases
    ("ko_phrase", "청계천 복원 사업", ["stream"], "ko"),
    ("ko_phrase", "교통사고 사망자 감소", ["safety"], "ko"),
    ("ko_phrase", "공공자전거 이용 증가", ["bike"], "ko"),
    ("ko_phrase", "서울시 버스 체계 개편", ["bus"], "ko"),
    ("ko_phrase", "노후 상수도관 교체", ["water"], "ko"),
    ("ko_phrase", "역세권 청년주택 공급", ["housing"], "ko"),
    ("ko_phrase", "음식물 쓰레기 줄이기", ["recycle"], "ko"),
    ("ko_phrase", "빗물 저류조 건설", ["flood"], "ko"),
    ("ko_phrase", "찾아가는 동주민센터", ["welfare"], "ko"),
    ("ko_phrase", "지하철 스크린도어 설치", ["subway"], "ko"),
    # English
    ("en", "bicycle", ["bike"], "en"),
    ("en", "subway", ["subway"], "en"),
    ("en", "tap water", ["water"], "en"),
    ("en", "fine dust", ["air"], "en"),
    ("en", "solar panels", ["solar"], "en"),
    ("en", "welfare", ["welfare"], "en"),
    ("en", "festivals", ["festival"], "en"),
    ("en", "CCTV crime", ["cctv"], "en"),
    ("en", "speed limits", ["safety"], "en"),
    # English with morphology: the query's form is not the text's
    ("en_morph", "restoration", ["stream"], "en"),
    ("en_morph", "regenerated city centre", ["regeneration"], "en"),
    ("en_morph", "recycled", ["recycle"], "en"),
    ("en_morph", "flooding prevented", ["flood"], "en"),
    ("en_morph", "installing bike stations", ["bike"], "en"),
    ("en_morph", "reforms of buses", ["bus"], "en"),
    ("en_morph", "forest planting", ["parks"], "en"),
    ("en_morph", "housing supplies", ["housing"], "en"),
    ("en_morph", "modernising recycling", ["recycle"], "en"),
    # Mixed script
    ("mixed", "T-money 교통카드", ["card"], "ko en"),
    ("mixed", "CCTV 통합관제", ["cctv"], "ko en"),
    ("mixed", "K-pop 축제", ["festival"], "ko en"),
    ("mixed", "Cheonggyecheon 청계천", ["stream"], "ko en"),
    ("mixed", "Ttareungyi 따릉이", ["bike"], "ko en"),
    ("mixed", "Arisu 아리수", ["water"], "ko en"),
    ("mixed", "Seoul 도시재생", ["regeneration"], "ko en"),
    ("mixed", "e-government 전자정부", ["egov"], "ko en"),
]

# (class, query, topics, languages judged, reader language): the classes of issue 16.
_NEW_QUERIES = [
    # Paraphrase and synonym: the words of the query are not (all) the words of the text.
    ("paraphrase", "road fatalities", ["safety"], "en", "en"),
    ("paraphrase", "bike sharing", ["bike"], "en", "en"),
    ("paraphrase", "metro", ["subway"], "en", "en"),
    ("paraphrase", "air pollution", ["air"], "en", "en"),
    ("paraphrase", "affordable homes for young adults", ["housing"], "en", "en"),
    ("paraphrase", "garbage reduction", ["recycle"], "en", "en"),
    ("paraphrase", "stormwater", ["flood"], "en", "en"),
    ("paraphrase", "elderly care", ["welfare"], "en", "en"),
    ("paraphrase", "contactless fare payment", ["card"], "en", "en"),
    ("paraphrase", "보행자 사망 줄이기", ["safety"], "ko", "ko"),
    ("paraphrase", "전철", ["subway"], "ko", "ko"),
    ("paraphrase", "대기오염", ["air"], "ko", "ko"),
    ("paraphrase", "집값 부담", ["housing"], "ko", "ko"),
    ("paraphrase", "도심 개천 되살리기", ["stream"], "ko", "ko"),
    ("paraphrase", "수돗물 품질", ["water"], "ko", "ko"),
    ("paraphrase", "물난리 대책", ["flood"], "ko", "ko"),
    ("paraphrase", "어르신 돌봄", ["welfare"], "ko", "ko"),
    ("paraphrase", "공유 자전거", ["bike"], "ko", "ko"),
    # An English question, answered only by Korean policies.
    ("en_to_ko", "late-night bus service", ["owlbus"], "ko", "en"),
    ("en_to_ko", "night bus routes planned with phone data", ["owlbus"], "ko", "en"),
    ("en_to_ko", "urban farming on rooftops", ["farming"], "ko", "en"),
    ("en_to_ko", "community vegetable gardens", ["farming"], "ko", "en"),
    ("en_to_ko", "allowance for unemployed young people", ["youthpay"], "ko", "en"),
    ("en_to_ko", "help with living costs while looking for a job", ["youthpay"], "ko", "en"),
    ("en_to_ko", "neighbourhood community support centre", ["village"], "ko", "en"),
    ("en_to_ko", "residents solving local problems together", ["village"], "ko", "en"),
    # A Korean question, answered only by English policies.
    ("ko_to_en", "외국인 주민 지원", ["globalcenter"], "en", "ko"),
    ("ko_to_en", "이주 노동자 상담 전화", ["globalcenter"], "en", "ko"),
    ("ko_to_en", "해외 도시 정책 자문", ["policyexport"], "en", "ko"),
    ("ko_to_en", "외국 공무원 연수", ["policyexport"], "en", "ko"),
    ("ko_to_en", "국제회의 유치", ["conventions"], "en", "ko"),
    ("ko_to_en", "행사 장소 찾기", ["conventions"], "en", "ko"),
    ("ko_to_en", "휠체어 관광", ["accessible"], "en", "ko"),
    ("ko_to_en", "장애인 여행", ["accessible"], "en", "ko"),
    # French, on the French site: the answers exist in French.
    ("fr", "crèches publiques", ["childcare"], "fr", "fr"),
    ("fr", "creche publique", ["childcare"], "fr", "fr"),
    ("fr", "garde d'enfants", ["childcare"], "fr", "fr"),
    ("fr", "canicule", ["heat"], "fr", "fr"),
    ("fr", "abri climatisé", ["heat"], "fr", "fr"),
    ("fr", "prêt d'outils entre voisins", ["sharing"], "fr", "fr"),
    ("fr", "marché traditionnel", ["market"], "fr", "fr"),
    ("fr", "ventes des commerçants", ["market"], "fr", "fr"),
    # Spanish, on the Spanish site: the answers exist in Spanish.
    ("es", "guarderías públicas", ["childcare"], "es", "es"),
    ("es", "guarderia publica", ["childcare"], "es", "es"),
    ("es", "cuidado infantil", ["childcare"], "es", "es"),
    ("es", "ola de calor", ["heat"], "es", "es"),
    ("es", "refugio climatizado", ["heat"], "es", "es"),
    ("es", "préstamo de herramientas", ["sharing"], "es", "es"),
    ("es", "mercado tradicional", ["market"], "es", "es"),
    ("es", "vales de compra", ["market"], "es", "es"),
    # Duplicates: each answer is one policy in six languages; it must show once.
    ("duplicate", "public daycare", ["childcare"], " ".join(GROUP_LANGUAGES), "en"),
    ("duplicate", "어린이집", ["childcare"], " ".join(GROUP_LANGUAGES), "ko"),
    ("duplicate", "heatwave shelters", ["heat"], " ".join(GROUP_LANGUAGES), "en"),
    ("duplicate", "무더위쉼터", ["heat"], " ".join(GROUP_LANGUAGES), "ko"),
    ("duplicate", "Sharing City", ["sharing"], " ".join(GROUP_LANGUAGES), "en"),
    ("duplicate", "공유도시", ["sharing"], " ".join(GROUP_LANGUAGES), "ko"),
    ("duplicate", "traditional markets", ["market"], " ".join(GROUP_LANGUAGES), "en"),
    ("duplicate", "전통시장", ["market"], " ".join(GROUP_LANGUAGES), "ko"),
]

KO_EN_CLASSES = ["ko_noun2", "ko_compound", "ko_inflected", "ko_phrase", "en", "en_morph", "mixed"]
KOREAN_CLASSES = {"ko_noun2", "ko_compound", "ko_inflected", "ko_phrase"}
NEW_CLASSES = ["paraphrase", "en_to_ko", "ko_to_en", "fr", "es", "duplicate"]
CLASSES = KO_EN_CLASSES + NEW_CLASSES
# The class whose metric is duplicates@10 (a translation group shown more than once).
DUPLICATE_CLASS = "duplicate"


def _reader_language(name: str) -> str:
    return "en" if name in {"en", "en_morph"} else "ko"


# (class, query, topics, languages judged, reader language)
QUERIES = [
    (name, query, topics, languages, _reader_language(name))
    for name, query, topics, languages in _KO_EN_QUERIES
] + _NEW_QUERIES


class Judged(NamedTuple):
    """One judged page. Pages with the same key are one translation group (the first is the
    source, the others its translations)."""

    key: str
    topic: str | None
    language: str
    title: str
    text: str
    grade: int


def _with_variants(documents, rng, topic, language, title, sentences, variants):
    """The main document (every sentence, grade 2) and `variants` documents (the lead
    sentence, two others and two noise sentences, grade 1), each its own group."""
    documents.append(
        Judged(f"{topic}-{language}-0", topic, language, title, " ".join(sentences), 2)
    )
    for n in range(1, variants + 1):
        picked = [sentences[0], *rng.sample(sentences[1:], 2)]
        picked += rng.sample(NOISE[language], 2)
        rng.shuffle(picked)
        documents.append(
            Judged(
                f"{topic}-{language}-{n}", topic, language, f"{title} ({n})", " ".join(picked), 1
            )
        )


def judged_documents(variants_per_topic: int = 3, seed: int = 7) -> list[Judged]:
    """Every judged document.

    Korean and English topics (`TOPICS`, the same documents as before issue 16) and the
    one-language topics: per topic and language, a main document and `variants_per_topic`
    variants. Six-language topics (`GROUP_TOPICS`): one main document (grade 2) in six
    versions that share a key, the Korean one first.
    """
    rng = random.Random(seed)
    documents: list[Judged] = []
    for topic, languages in TOPICS.items():
        for language, (title, sentences) in languages.items():
            _with_variants(documents, rng, topic, language, title, sentences, variants_per_topic)
    rng = random.Random(seed + 1)  # a second stream keeps the documents above unchanged
    for language, topics in (("ko", KOREAN_ONLY_TOPICS), ("en", ENGLISH_ONLY_TOPICS)):
        for topic, (title, sentences) in topics.items():
            _with_variants(documents, rng, topic, language, title, sentences, variants_per_topic)
    for topic, versions in GROUP_TOPICS.items():
        english_text = versions["en"][1]
        for language in GROUP_LANGUAGES:
            title, text = versions[language]
            documents.append(
                Judged(f"{topic}-group", topic, language, title, text or english_text, 2)
            )
    return documents


def noise_documents(count: int, seed: int = 11):
    """Documents about nothing in particular (grade 0 for every query)."""
    rng = random.Random(seed)
    documents = []
    for n in range(count):
        language = "ko" if n % 2 == 0 else "en"
        text = " ".join(rng.sample(NOISE[language], 4))
        title = "서울 소식" if language == "ko" else "Seoul news"
        documents.append((f"noise-{language}-{n}", None, language, f"{title} {n}", text, 0))
    return documents


def synthetic_sentences():
    """Every sentence of the corpus, for building large synthetic corpora."""
    pool = {"ko": list(NOISE["ko"]), "en": list(NOISE["en"])}
    for languages in TOPICS.values():
        for language, (_title, sentences) in languages.items():
            pool[language].extend(sentences)
    return pool
