"""The judged benchmark: topics written in Korean and English, queries with judgments.

Each topic has a lead sentence (in every document of the topic) and more sentences, in both
languages, written the way the portal's content is written: particles attached, verbs
inflected, compounds without spaces. A query is judged relevant to the documents of its
topics in its language(s): graded 2 for the topic's main document, 1 for the others.
"""

import random

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

# (class, query, topics, languages judged)
QUERIES = [
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

CLASSES = ["ko_noun2", "ko_compound", "ko_inflected", "ko_phrase", "en", "en_morph", "mixed"]
KOREAN_CLASSES = {"ko_noun2", "ko_compound", "ko_inflected", "ko_phrase"}


def judged_documents(variants_per_topic: int = 3, seed: int = 7):
    """(key, topic, language, title, summary, grade) of every judged document.

    Per topic and language: the main document (all sentences, grade 2) and `variants`
    documents (the lead sentence, two others and two noise sentences, grade 1).
    """
    rng = random.Random(seed)
    documents = []
    for topic, languages in TOPICS.items():
        for language, (title, sentences) in languages.items():
            documents.append(
                (f"{topic}-{language}-0", topic, language, title, " ".join(sentences), 2)
            )
            for n in range(1, variants_per_topic + 1):
                picked = [sentences[0], *rng.sample(sentences[1:], 2)]
                picked += rng.sample(NOISE[language], 2)
                rng.shuffle(picked)
                documents.append(
                    (
                        f"{topic}-{language}-{n}",
                        topic,
                        language,
                        f"{title} ({n})",
                        " ".join(picked),
                        1,
                    )
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
