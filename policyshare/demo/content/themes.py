"""Policy themes. Slugs are ASCII and the same in both languages."""

THEMES = [
    {
        "slug": "transport",
        "popular": True,
        "ko": {"name": "교통", "description": "대중교통, 도로, 보행과 교통안전에 관한 정책"},
        "en": {
            "name": "Transport",
            "description": "Public transport, roads, walking and road safety.",
        },
    },
    {
        "slug": "urban-planning",
        "popular": True,
        "ko": {"name": "도시계획", "description": "도시기본계획, 도시재생, 토지 이용에 관한 정책"},
        "en": {
            "name": "Urban planning",
            "description": "Master plans, regeneration and land use.",
        },
    },
    {
        "slug": "housing",
        "popular": False,
        "ko": {"name": "주택", "description": "공공주택, 공유주택, 주거 환경 개선"},
        "en": {
            "name": "Housing",
            "description": "Public and shared housing and better living conditions.",
        },
    },
    {
        "slug": "environment",
        "popular": True,
        "ko": {"name": "환경", "description": "에너지, 기후, 자원순환과 대기 환경"},
        "en": {
            "name": "Environment",
            "description": "Energy, climate, recycling and air quality.",
        },
    },
    {
        "slug": "water-supply",
        "popular": False,
        "ko": {"name": "상수도", "description": "수돗물 생산과 공급, 누수 관리"},
        "en": {
            "name": "Water supply",
            "description": "Producing and delivering tap water and controlling leaks.",
        },
    },
    {
        "slug": "urban-railway",
        "popular": False,
        "ko": {"name": "도시철도", "description": "지하철과 경전철의 건설과 운영"},
        "en": {
            "name": "Urban railway",
            "description": "Building and running metro and light-rail lines.",
        },
    },
    {
        "slug": "e-government",
        "popular": True,
        "ko": {
            "name": "전자정부·스마트시티",
            "description": "행정 정보화, 빅데이터, 스마트시티 서비스",
        },
        "en": {
            "name": "E-government and smart city",
            "description": "Digital administration, big data and smart-city services.",
        },
    },
    {
        "slug": "safety",
        "popular": False,
        "ko": {"name": "안전", "description": "재난 대비와 생활 안전"},
        "en": {
            "name": "Safety",
            "description": "Disaster preparedness and everyday safety.",
        },
    },
    {
        "slug": "welfare",
        "popular": True,
        "ko": {"name": "복지", "description": "취약계층 지원, 에너지복지, 돌봄"},
        "en": {
            "name": "Welfare",
            "description": "Support for vulnerable residents, energy welfare and care.",
        },
    },
    {
        "slug": "economy",
        "popular": False,
        "ko": {"name": "경제", "description": "일자리, 창업, 소상공인 지원"},
        "en": {
            "name": "Economy",
            "description": "Jobs, start-ups and support for small businesses.",
        },
    },
    {
        "slug": "culture",
        "popular": False,
        "ko": {"name": "문화", "description": "도시 브랜드, 문화유산, 관광"},
        "en": {
            "name": "Culture",
            "description": "City branding, heritage and tourism.",
        },
    },
    {
        "slug": "sharing-city",
        "popular": True,
        "ko": {"name": "공유도시", "description": "공간·물건·정보·재능을 함께 쓰는 도시 정책"},
        "en": {
            "name": "Sharing city",
            "description": "Policies that let residents share space, goods, information "
            "and skills.",
        },
    },
]
