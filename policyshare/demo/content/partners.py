"""Partner organisations: name, kind, homepage and a short description in each language.

`label` is the short Latin name drawn on the generated wordmark logo; `colour` its background.
"""

PARTNERS = [
    {
        "key": "citynet",
        "kind": "international",
        "label": "CITYNET",
        "colour": "#0b5394",
        "ko": {
            "name": "CITYNET",
            "website": "https://citynet-ap.org/",
            "description": "아시아·태평양 지역의 도시와 도시 관련 기관이 모인 네트워크입니다. "
            "지속가능한 도시 발전을 위한 협력과 경험 교류를 이끌며, 사무국은 서울에 있습니다.",
        },
        "en": {
            "name": "CITYNET",
            "website": "https://citynet-ap.org/",
            "description": "A network of Asia-Pacific cities and urban organisations that "
            "fosters cooperation on sustainable urban development. Its secretariat is in Seoul.",
        },
    },
    {
        "key": "iclei",
        "kind": "international",
        "label": "ICLEI",
        "colour": "#1e6b3a",
        "ko": {
            "name": "이클레이(ICLEI)",
            "website": "https://iclei.org/",
            "description": "지속가능성을 추구하는 세계 지방정부 네트워크로, 기후·에너지·자연 "
            "분야에서 회원 도시의 정책을 돕습니다.",
        },
        "en": {
            "name": "ICLEI (Local Governments for Sustainability)",
            "website": "https://iclei.org/",
            "description": "A worldwide network of local and regional governments that helps "
            "its members act on climate, energy and nature.",
        },
    },
    {
        "key": "un-habitat",
        "kind": "international",
        "label": "UN-Habitat",
        "colour": "#1f5fa8",
        "ko": {
            "name": "유엔 해비타트(UN-Habitat)",
            "website": "https://unhabitat.org/",
            "description": "인간 정주와 지속가능한 도시 발전을 담당하는 유엔 기구입니다.",
        },
        "en": {
            "name": "UN-Habitat",
            "website": "https://unhabitat.org/",
            "description": "The United Nations programme for human settlements and "
            "sustainable urban development.",
        },
    },
    {
        "key": "wego",
        "kind": "international",
        "label": "WeGO",
        "colour": "#00687a",
        "ko": {
            "name": "세계스마트시티기구(WeGO)",
            "website": "https://we-gov.org/",
            "description": "스마트시티와 전자정부 경험을 나누는 도시·기업 협의체입니다. "
            "서울은 창립 회원 도시이며 사무국을 두고 있습니다.",
        },
        "en": {
            "name": "WeGO (World Smart Sustainable Cities Organization)",
            "website": "https://we-gov.org/",
            "description": "An association of cities and companies that exchange experience "
            "in e-government and smart-city services. Seoul is a founding member and hosts "
            "its secretariat.",
        },
    },
    {
        "key": "world-bank",
        "kind": "international",
        "label": "World Bank",
        "colour": "#002f5f",
        "ko": {
            "name": "세계은행",
            "website": "https://www.worldbank.org/",
            "description": "도시 기반시설과 공공서비스를 포함한 개발 사업에 재원과 자문을 "
            "제공하는 국제금융기구입니다.",
        },
        "en": {
            "name": "World Bank",
            "website": "https://www.worldbank.org/",
            "description": "An international financial institution that funds and advises "
            "development projects, urban infrastructure and services among them.",
        },
    },
    {
        "key": "adb",
        "kind": "international",
        "label": "ADB",
        "colour": "#0a3d6b",
        "ko": {
            "name": "아시아개발은행(ADB)",
            "website": "https://www.adb.org/",
            "description": "아시아·태평양 지역의 기반시설과 사회 분야 사업에 투자하는 "
            "지역 개발은행입니다.",
        },
        "en": {
            "name": "Asian Development Bank (ADB)",
            "website": "https://www.adb.org/",
            "description": "A regional development bank that invests in infrastructure and "
            "social projects across Asia and the Pacific.",
        },
    },
    {
        "key": "metropolis",
        "kind": "international",
        "label": "Metropolis",
        "colour": "#5b2a86",
        "ko": {
            "name": "메트로폴리스(세계대도시협의회)",
            "website": "https://www.metropolis.org/",
            "description": "세계 대도시와 광역권이 모인 국제 협의체로, 메트로폴리스 "
            "국제교육원(MITI)을 운영합니다.",
        },
        "en": {
            "name": "Metropolis (World Association of the Major Metropolises)",
            "website": "https://www.metropolis.org/",
            "description": "The global association of large cities and metropolitan regions, "
            "which runs the MITI training institute.",
        },
    },
    {
        "key": "world-cities-summit",
        "kind": "international",
        "label": "WCS",
        "colour": "#a0302a",
        "ko": {
            "name": "세계도시정상회의(World Cities Summit)",
            "website": "https://www.worldcitiessummit.com.sg/",
            "description": "2년마다 싱가포르에서 열리며, 각국 지도자와 전문가가 살기 좋고 "
            "지속가능한 도시를 논의하는 행사입니다.",
        },
        "en": {
            "name": "World Cities Summit",
            "website": "https://www.worldcitiessummit.com.sg/",
            "description": "A gathering held every two years in Singapore where leaders and "
            "experts discuss liveable, sustainable cities.",
        },
    },
    {
        "key": "urban-sdg-platform",
        "kind": "international",
        "label": "Urban SDG",
        "colour": "#00689d",
        "ko": {
            "name": "UN SDG 온라인 플랫폼(도시 SDG 지식 플랫폼)",
            "website": "https://www.urbansdgplatform.org/",
            "description": "서울시와 유엔 아태경제사회위원회(ESCAP)가 함께 운영하며, 도시들이 "
            "지속가능발전목표 관련 사례를 공유하는 온라인 플랫폼입니다.",
        },
        "en": {
            "name": "Urban SDG Knowledge Platform",
            "website": "https://www.urbansdgplatform.org/",
            "description": "An online platform, run by Seoul together with UN ESCAP, on which "
            "cities share their work towards the Sustainable Development Goals.",
        },
    },
    {
        "key": "seoul-metropolitan-government",
        "kind": "government",
        "label": "SEOUL",
        "colour": "#c1272d",
        "ko": {
            "name": "서울특별시",
            "website": "https://www.seoul.go.kr/",
            "description": "이 포털에 소개된 정책을 설계하고 시행한 서울의 시 정부입니다.",
        },
        "en": {
            "name": "Seoul Metropolitan Government",
            "website": "https://english.seoul.go.kr/",
            "description": "The city government of Seoul, whose departments designed and "
            "carried out the policies presented on this portal.",
        },
    },
    {
        "key": "koica",
        "kind": "government",
        "label": "KOICA",
        "colour": "#005bac",
        "ko": {
            "name": "한국국제협력단(KOICA)",
            "website": "https://www.koica.go.kr/",
            "description": "협력국의 개발 사업을 무상원조로 지원하는 대한민국 정부 기관입니다.",
        },
        "en": {
            "name": "Korea International Cooperation Agency (KOICA)",
            "website": "https://www.koica.go.kr/",
            "description": "Korea's grant-aid agency, which supports development projects in "
            "partner countries.",
        },
    },
    {
        "key": "kotra",
        "kind": "government",
        "label": "KOTRA",
        "colour": "#0067b1",
        "ko": {
            "name": "대한무역투자진흥공사(KOTRA)",
            "website": "https://www.kotra.or.kr/",
            "description": "무역과 투자를 진흥하고 국내 기업의 해외 진출을 돕는 공공기관입니다.",
        },
        "en": {
            "name": "Korea Trade-Investment Promotion Agency (KOTRA)",
            "website": "https://www.kotra.or.kr/",
            "description": "The public agency that promotes trade and investment and helps "
            "Korean companies work abroad.",
        },
    },
    {
        "key": "moef",
        "kind": "government",
        "label": "MOEF",
        "colour": "#22408c",
        "ko": {
            "name": "기획재정부",
            "website": "https://www.moef.go.kr/",
            "description": "경제정책과 국가 예산, 국제개발협력 재원을 총괄하는 중앙부처입니다.",
        },
        "en": {
            "name": "Ministry of Economy and Finance",
            "website": "https://english.moef.go.kr/",
            "description": "The Korean ministry in charge of economic policy, the national "
            "budget and development-cooperation finance.",
        },
    },
    {
        "key": "mofa",
        "kind": "government",
        "label": "MOFA",
        "colour": "#1b3f73",
        "ko": {
            "name": "외교부",
            "website": "https://www.mofa.go.kr/",
            "description": "개발협력을 포함한 대외 관계를 담당하는 중앙부처입니다.",
        },
        "en": {
            "name": "Ministry of Foreign Affairs",
            "website": "https://www.mofa.go.kr/eng/",
            "description": "The Korean ministry responsible for foreign relations, including "
            "development cooperation.",
        },
    },
    {
        "key": "korea-eximbank",
        "kind": "government",
        "label": "KEXIM",
        "colour": "#004b87",
        "ko": {
            "name": "한국수출입은행",
            "website": "https://www.koreaexim.go.kr/",
            "description": "수출입 금융을 지원하는 국책은행으로, 대외경제협력기금(EDCF)도 "
            "운용합니다.",
        },
        "en": {
            "name": "Export-Import Bank of Korea (Korea Eximbank)",
            "website": "https://www.koreaexim.go.kr/",
            "description": "The state export-credit bank, which also manages Korea's "
            "concessional development loans (EDCF).",
        },
    },
    {
        "key": "k-developedia",
        "kind": "research",
        "label": "K-Developedia",
        "colour": "#2c5f2d",
        "ko": {
            "name": "K-Developedia",
            "website": "https://www.kdevelopedia.org/",
            "description": "한국의 발전 경험을 정리한 온라인 지식 플랫폼으로, KDI "
            "국제정책대학원이 운영합니다.",
        },
        "en": {
            "name": "K-Developedia",
            "website": "https://www.kdevelopedia.org/",
            "description": "An online knowledge base on Korea's development experience, run "
            "by the KDI School of Public Policy and Management.",
        },
    },
    {
        "key": "clc",
        "kind": "research",
        "label": "CLC",
        "colour": "#00665e",
        "ko": {
            "name": "싱가포르 살기좋은도시센터(CLC)",
            "website": "https://www.clc.gov.sg/",
            "description": "도시 문제의 해법을 연구하고 다른 도시와 나누는 싱가포르 정부 "
            "산하 기관입니다.",
        },
        "en": {
            "name": "Centre for Liveable Cities (CLC)",
            "website": "https://www.clc.gov.sg/",
            "description": "A Singapore government centre that studies urban solutions and "
            "shares them with other cities.",
        },
    },
    {
        "key": "kdi",
        "kind": "research",
        "label": "KDI",
        "colour": "#003876",
        "ko": {
            "name": "한국개발연구원(KDI)",
            "website": "https://www.kdi.re.kr/",
            "description": "경제·사회 정책을 연구하는 정부출연 연구기관입니다.",
        },
        "en": {
            "name": "Korea Development Institute (KDI)",
            "website": "https://www.kdi.re.kr/",
            "description": "A government-funded think tank for economic and social policy.",
        },
    },
    {
        "key": "krihs",
        "kind": "research",
        "label": "KRIHS",
        "colour": "#3d6b21",
        "ko": {
            "name": "국토연구원",
            "website": "https://www.krihs.re.kr/",
            "description": "국토 이용, 도시·지역 계획, 기반시설을 연구하는 국책 연구기관입니다.",
        },
        "en": {
            "name": "Korea Research Institute for Human Settlements (KRIHS)",
            "website": "https://www.krihs.re.kr/",
            "description": "The national research institute for land use, urban and regional "
            "planning and infrastructure.",
        },
    },
    {
        "key": "korea-planning-association",
        "kind": "research",
        "label": "KPA",
        "colour": "#4a4a8a",
        "ko": {
            "name": "대한국토·도시계획학회",
            "website": "https://www.kpa1959.or.kr/",
            "description": "국토와 도시계획 분야의 연구자와 실무자가 모인 학술 단체입니다.",
        },
        "en": {
            "name": "Korea Planning Association",
            "website": "https://www.kpa1959.or.kr/",
            "description": "The learned society of Korean researchers and practitioners in "
            "land and urban planning.",
        },
    },
    {
        "key": "university-of-seoul",
        "kind": "research",
        "label": "UOS",
        "colour": "#004a99",
        "ko": {
            "name": "서울시립대학교",
            "website": "https://www.uos.ac.kr/",
            "description": "서울시가 지원하는 공립대학으로, 도시계획·행정·공학 분야 교육과 "
            "연구를 하고 있습니다.",
        },
        "en": {
            "name": "University of Seoul",
            "website": "https://www.uos.ac.kr/",
            "description": "A public university supported by the city, teaching and "
            "researching urban planning, public administration and engineering.",
        },
    },
    {
        "key": "icak",
        "kind": "private",
        "label": "ICAK",
        "colour": "#7a4b00",
        "ko": {
            "name": "해외건설협회",
            "website": "https://www.icak.or.kr/",
            "description": "해외에서 사업하는 국내 건설기업을 대표하는 업계 단체입니다.",
        },
        "en": {
            "name": "International Contractors Association of Korea (ICAK)",
            "website": "https://www.icak.or.kr/",
            "description": "The industry body of Korean construction firms working abroad.",
        },
    },
    {
        "key": "kofia",
        "kind": "private",
        "label": "KOFIA",
        "colour": "#00447c",
        "ko": {
            "name": "한국금융투자협회",
            "website": "https://www.kofia.or.kr/",
            "description": "증권·자산운용 업계의 자율규제 기관입니다.",
        },
        "en": {
            "name": "Korea Financial Investment Association (KOFIA)",
            "website": "https://www.kofia.or.kr/",
            "description": "The self-regulatory body of Korea's securities and "
            "asset-management industry.",
        },
    },
    {
        "key": "kcci",
        "kind": "private",
        "label": "KCCI",
        "colour": "#004098",
        "ko": {
            "name": "대한상공회의소",
            "website": "https://www.korcham.net/",
            "description": "전국의 상공인과 기업을 대표하는 경제단체입니다.",
        },
        "en": {
            "name": "Korea Chamber of Commerce and Industry (KCCI)",
            "website": "https://www.korcham.net/",
            "description": "The nationwide chamber that speaks for Korean business.",
        },
    },
    {
        "key": "kbiz",
        "kind": "private",
        "label": "Kbiz",
        "colour": "#005eb8",
        "ko": {
            "name": "중소기업중앙회",
            "website": "https://www.kbiz.or.kr/",
            "description": "국내 중소기업의 권익을 대변하는 단체입니다.",
        },
        "en": {
            "name": "Korea Federation of SMEs (Kbiz)",
            "website": "https://www.kbiz.or.kr/",
            "description": "The federation representing Korea's small and medium-sized "
            "enterprises.",
        },
    },
]
