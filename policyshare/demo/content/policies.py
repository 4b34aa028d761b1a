"""Policy cases. Facts and figures come from public Seoul Metropolitan Government sources;
the wording is our own. Nothing here claims an outcome the city has not published.

`actions` is a list of ("heading", text) and ("paragraph", html) pairs.
Indicators give a `baseline` and a `target` as (value, year), `achieved` as a list of
(value, year) and a `direction` ("lower" where fewer is better; "higher" by default), only
as the source published them: the traffic plan's 1.8 deaths per 100,000 is a 2021 target,
and no achieved figure is given where the sources here publish none. `source` names a
source other than SMG.
`source_url` is the address of the page that publishes an indicator's figures.
Budget lines give the amount, currency and year a public source states, with that source
(`source`, the same in every language; SMG's by default); a case without a published amount
has its budget note only, and case_details.UNPUBLISHED says why. The flagships' obstacles,
stakeholders, legal basis, preconditions, lifecycle and staff are in case_details.py, with
their sources (docs/demo-content.md, "Cost, means and lifecycle").
"""

from datetime import date

# The source of the indicators (but those naming another), also in the languages of
# content/locales.
SMG = {
    "ko": "서울특별시",
    "en": "Seoul Metropolitan Government",
    "fr": "Gouvernement métropolitain de Séoul",
    "es": "Gobierno Metropolitano de Seúl",
    "ar": "حكومة سيول الحضرية",
    "zh-hans": "首尔特别市政府",
}
# The source of figures SMG's own news did not give: a publication's name, the same in
# every language.
CITIES_TODAY = "Cities Today, 12 November 2016 (Steve Hoare, “The people’s champion”)"
C40 = "C40 Cities Awards 2016 (Seoul, Energy Welfare Public-Private Partnership Programme)"
C40_URL = "https://www.c40.org/awards/2016-awards/profiles/116"
TRAFFIC_PLAN_2017 = "https://news.seoul.go.kr/traffic/archives/32983"
TRAFFIC_PLAN_2022 = "https://opengov.seoul.go.kr/sanction/26278209"
TRAFFIC_PLAN_2023 = "https://opengov.seoul.go.kr/sanction/30057851"
OWL_BUS_NINE_ROUTES = (
    "http://english.seoul.go.kr/seoul-metropolitan-government-to-run-nine-"
    "%E2%80%98owl-bus%E2%80%99-routes-for-late-night-passengers/"
)
INSTITUTE_OPENING = "https://m.wowtv.co.kr/NewsCenter/AMP/Read?articleId=AKR20170412074900004"
EDITOR = {
    "ko": {"writer": "정책공유 편집팀", "affiliation": "서울특별시 정책공유 담당"},
    "en": {"writer": "Policy Sharing Editors", "affiliation": "Seoul Metropolitan Government"},
}

POLICIES = [
    {
        "slug": "third-traffic-safety-plan",
        "themes": ["transport", "safety"],
        # 3.6: halve deaths and injuries from road traffic accidents.
        "sdg_targets": "3.6",
        "start": 2017,
        "end": 2021,
        "published": date(2017, 4, 18),
        "featured": True,
        "related": ["late-night-bus", "city-data-science-institute"],
        "contact_email": "traffic-safety@example.org",
        "attachment": {
            "file": "third-traffic-safety-plan-overview.pdf",
            "ko": "제3차 교통안전계획 개요 (데모 PDF)",
            "en": "3rd Traffic Safety Plan at a glance (demo PDF)",
        },
        "indicators": [
            # The 2021 result is SMG's own (2022 implementation plan), as is 2019's (2020
            # plan, opengov.seoul.go.kr/sanction/20146995): the target was not met.
            {
                "baseline": ("3.7", 2015),
                "target": ("1.8", 2021),
                "achieved": [("2.6", 2019), ("2.6", 2021)],
                "direction": "lower",
                "source_url": TRAFFIC_PLAN_2022,
                "ko": {"name": "인구 10만 명당 교통사고 사망자", "unit": "명"},
                "en": {"name": "Road deaths per 100,000 residents", "unit": "deaths"},
            },
            # 376 in 2015 and the target of 180 (the plan), the yearly counts of the
            # 2023 implementation plan (Seoul police and Road Traffic Authority figures;
            # 2022's is provisional, so it is left out).
            {
                "baseline": ("376", 2015),
                "target": ("180", 2021),
                "achieved": [
                    ("343", 2017),
                    ("304", 2018),
                    ("250", 2019),
                    ("219", 2020),
                    ("243", 2021),
                ],
                "direction": "lower",
                "source_url": TRAFFIC_PLAN_2023,
                "ko": {"name": "서울시 교통사고 사망자", "unit": "명"},
                "en": {"name": "Road deaths in Seoul", "unit": "deaths"},
            },
            {
                "target": ("70", 2021),
                "source_url": TRAFFIC_PLAN_2017,
                "ko": {"name": "보행자 사망자 감축 목표", "unit": "% 감소"},
                "en": {"name": "Planned cut in pedestrian deaths", "unit": "% fewer"},
            },
            {
                "target": ("50", 2021),
                "source_url": TRAFFIC_PLAN_2017,
                "ko": {"name": "사업용 차량 교통사고 감축 목표", "unit": "% 감소"},
                "en": {
                    "name": "Planned cut in crashes involving taxis and buses",
                    "unit": "% fewer",
                },
            },
        ],
        "ko": {
            "title": "교통사고 사망자 절반으로: 제3차 서울시 교통안전계획",
            "summary": "2015년 서울의 인구 10만 명당 교통사고 사망자는 3.7명으로 전국 "
            "최저 수준이었습니다. 서울시는 이에 머물지 않고 2021년까지 이를 1.8명으로 "
            "낮추기로 했으며, 보행자를 비롯한 네 개 중점 분야별로 실행 계획을 세웠습니다.",
            "background": "<p>서울의 도로 안전은 앞선 두 차례의 계획을 거치며 꾸준히 "
            "나아졌습니다. 그러나 2014년 기준으로 뉴욕은 2.9명, 런던과 베를린은 1.5명 "
            "안팎이어서 세계 주요 도시와 비교하면 아직 좁혀야 할 격차가 있었습니다.</p>"
            "<p>보행자, 택시·버스, 오토바이·자전거는 위험 요인이 저마다 다릅니다. 서울시는 "
            "하나의 일반 캠페인으로는 부족하다고 보고, 도로 이용자 집단마다 별도의 대책을 "
            "마련했습니다.</p>",
            "actions": [
                ("heading", "네 개 중점 관리 분야"),
                (
                    "paragraph",
                    "<p>계획은 다음 네 분야로 나뉘고, 분야마다 세부 실행 계획이 있습니다.</p>"
                    "<ul><li>보행자</li><li>택시·버스 등 사업용 차량</li>"
                    "<li>이륜차와 자전거</li><li>교통안전 관리 체계</li></ul>",
                ),
                ("heading", "보행자 우선"),
                (
                    "paragraph",
                    "<p>보행자 사망을 70% 줄이는 것이 첫 번째 목표입니다. 제한속도를 낮추고, "
                    "교차로에 모든 방향 횡단보도를 늘리며, 불법 주정차 단속을 강화하고, "
                    "어린이와 어르신을 위한 보호 대책을 넓힙니다.</p>",
                ),
                ("heading", "사업용 차량"),
                (
                    "paragraph",
                    "<p>택시와 버스가 관련된 사고를 절반으로 줄이기 위해 운수회사의 안전 "
                    "실적에 따른 보상과 제재를 강화하고, 운전자 안전 평가와 교육을 실시하며, "
                    "사고 예방 신기술 도입을 검토합니다.</p>",
                ),
                ("heading", "이륜차와 자전거"),
                (
                    "paragraph",
                    "<p>이륜차 주정차 단속을 강화하고 안전시설을 늘리며, 배달 업체 종사자와 "
                    "고등학생을 대상으로 이륜차 안전 교육을 합니다.</p>",
                ),
                ("heading", "안전 관리 체계"),
                (
                    "paragraph",
                    "<p>전문 기관과의 협력을 넓히고, 도로 기능과 관련 법·제도를 손질해 "
                    "교통안전 사업이 실제 효과를 내도록 합니다.</p>",
                ),
            ],
            "budget": "서울시 교통·도로안전 분야 연간 예산으로 추진 (세부 금액은 서울시 "
            "예산서 참조)",
            "lessons": "<p>해외 도시와 견줄 수 있는 하나의 숫자를 목표로 삼자 계획의 "
            "기준이 분명해졌습니다. 도로 이용자 유형별로 과제를 나누었기 때문에 각 대책을 "
            "실제로 수행할 부서에 맡기기도 쉬웠습니다.</p>",
            "department": "서울시 교통정책과",
            "contact_name": "교통안전 담당",
        },
        "en": {
            "title": "Halving road deaths: Seoul's 3rd Traffic Safety Plan",
            "summary": "In 2015 Seoul counted 3.7 road deaths for every 100,000 residents, "
            "already the best rate in Korea. The city nevertheless aimed for 1.8 by 2021 and "
            "drew up separate action plans for four focus areas, pedestrians first.",
            "background": "<p>Two earlier plans had steadily improved safety on Seoul's "
            "roads. Set against other world cities, though, a gap remained: in 2014 New York "
            "recorded 2.9 deaths per 100,000 people, and London and Berlin about 1.5.</p>"
            "<p>People on foot, taxi and bus passengers, motorcyclists and cyclists face "
            "different risks. Rather than one general campaign, the city decided that each "
            "group of road users needed measures of its own.</p>",
            "actions": [
                ("heading", "Four focus areas"),
                (
                    "paragraph",
                    "<p>The plan is organised under four headings, each with a detailed "
                    "execution plan:</p><ul><li>pedestrians;</li>"
                    "<li>commercial vehicles: taxis, buses and the like;</li>"
                    "<li>motorcycles and bicycles;</li>"
                    "<li>the traffic-safety management system.</li></ul>",
                ),
                ("heading", "Pedestrians first"),
                (
                    "paragraph",
                    "<p>The first aim is 70% fewer pedestrian deaths. Speed limits come down, "
                    "junctions get crossings in every direction, illegal parking is enforced "
                    "more firmly, and protection for children and older people is "
                    "extended.</p>",
                ),
                ("heading", "Taxis and buses"),
                (
                    "paragraph",
                    "<p>To halve crashes involving commercial vehicles, operators are "
                    "rewarded or penalised more strongly according to their safety record, "
                    "drivers are assessed and trained, and crash-avoidance technology is "
                    "under study.</p>",
                ),
                ("heading", "Motorcycles and bicycles"),
                (
                    "paragraph",
                    "<p>Parking rules for motorcycles are enforced more strictly, more "
                    "safety facilities are built, and delivery riders and high-school students "
                    "are offered riding-safety courses.</p>",
                ),
                ("heading", "A stronger safety system"),
                (
                    "paragraph",
                    "<p>The city works more closely with specialist bodies and revisits road "
                    "design and the legal framework, so that safety projects deliver "
                    "results.</p>",
                ),
            ],
            "budget": "Annual transport and road-safety budget of the Seoul Metropolitan "
            "Government (see the city's budget documents for amounts)",
            "lessons": "<p>A single figure that can be compared with other world cities gave "
            "the plan a clear yardstick. Splitting the work by type of road user made it "
            "easy to hand each measure to the team able to carry it out.</p>",
            "department": "Transport Policy Division",
            "contact_name": "Traffic Safety Team",
        },
    },
    {
        "slug": "energy-welfare-civic-fund",
        "themes": ["environment", "welfare"],
        "start": 2015,
        "end": None,
        "published": date(2016, 11, 21),
        "featured": True,
        # The donations total of the indicator below (C40's profile of the programme); the
        # virtual power plant's yearly revenue is an estimate ("about"), so it stays in the
        # budget note. The project's KRW 600 million for 2015-2016 is that of the city's UN Public
        # Service Awards nomination (and seoulsolution.kr/en/content/6877), dated by its last year.
        "budget_lines": [
            {
                "amount": "500810",
                "currency": "USD",
                "year": 2016,
                "source": f"{C40}: {C40_URL}",
                "funding_source": {
                    "ko": "34개 기업과 시민 1,800명의 기부금 (에너지복지 시민기금)",
                    "en": "Donations from 34 businesses and 1,800 citizens (civic fund)",
                    "fr": "Dons de 34 entreprises et de 1 800 citoyens (fonds citoyen)",
                    "es": "Donaciones de 34 empresas y 1.800 ciudadanos (fondo ciudadano)",
                    "ar": "تبرعات 34 شركة و1800 مواطن (الصندوق المدني)",
                    "zh-hans": "34家企业和1800名市民的捐款（市民基金）",
                },
            },
            {
                "amount": "600000000",
                "currency": "KRW",
                "year": 2016,
                "source": "UN DESA, UN Public Service Awards nomination, “Public-private joint "
                "energy welfare project”: publicadministration.un.org/en/Research/Case-Studies/"
                "unpsacases/ctl/NominationProfilev2014/mid/1170/id/5115",
                "funding_source": {
                    "ko": "민관 협력 에너지복지 사업, 2015년 1월~2016년 12월 (기업 에너지 나눔 "
                    "활동과 시민기금)",
                    "en": "Public-private energy welfare project, January 2015 to December 2016 "
                    "(energy sharing with companies, and the civic fund)",
                    "fr": "Projet public-privé de protection énergétique, janvier 2015 à décembre "
                    "2016 (partage d’énergie avec les entreprises et fonds citoyen)",
                    "es": "Proyecto público-privado de bienestar energético, enero de 2015 a "
                    "diciembre de 2016 (reparto de energía con empresas y fondo ciudadano)",
                    "ar": "مشروع الرعاية في مجال الطاقة بالشراكة بين القطاعين العام والخاص، من "
                    "يناير 2015 إلى ديسمبر 2016 (تقاسم الطاقة مع الشركات والصندوق المدني)",
                    "zh-hans": "公私合作能源福利项目，2015年1月至2016年12月（企业能源分享活动和市"
                    "民基金）",
                },
            },
        ],
        "stakeholders": [
            {
                "ko": {"name": "기업 34곳", "role": "시민기금에 기부"},
                "en": {"name": "34 businesses", "role": "Donors to the civic fund"},
                "fr": {"name": "34 entreprises", "role": "Donatrices du fonds citoyen"},
                "es": {"name": "34 empresas", "role": "Donantes del fondo ciudadano"},
                "ar": {"name": "34 شركة", "role": "متبرعة للصندوق المدني"},
                "zh-hans": {"name": "34家企业", "role": "向市民基金捐款"},
            },
            {
                "ko": {"name": "시민 1,800명", "role": "시민기금에 기부"},
                "en": {"name": "1,800 citizens", "role": "Donors to the civic fund"},
                "fr": {"name": "1 800 citoyens", "role": "Donateurs du fonds citoyen"},
                "es": {"name": "1.800 ciudadanos", "role": "Donantes del fondo ciudadano"},
                "ar": {"name": "1800 مواطن", "role": "متبرعون للصندوق المدني"},
                "zh-hans": {"name": "1800名市民", "role": "向市民基金捐款"},
            },
            {
                "ko": {
                    "name": "서울시 공공건물·기관 17곳",
                    "role": "절감한 전력 5MW를 가상발전소로 모아 판매",
                },
                "en": {
                    "name": "17 municipal buildings and institutions",
                    "role": "Pool 5 MW of saved electricity sold as a virtual power plant",
                },
                "fr": {
                    "name": "17 bâtiments et établissements municipaux",
                    "role": "Mettent en commun 5 MW d'électricité économisée, vendue comme "
                    "centrale électrique virtuelle",
                },
                "es": {
                    "name": "17 edificios e instituciones municipales",
                    "role": "Reúnen 5 MW de electricidad ahorrada que se vende como central "
                    "eléctrica virtual",
                },
                "ar": {
                    "name": "17 مبنى ومؤسسة بلدية",
                    "role": "تجمع 5 ميغاواط من الكهرباء الموفرة تُباع كمحطة كهرباء افتراضية",
                },
                "zh-hans": {
                    "name": "17座市属建筑和机构",
                    "role": "汇集节约的5兆瓦电力，作为虚拟电厂出售",
                },
            },
        ],
        # 7.1: universal access to affordable energy services.
        "sdg_targets": "7.1",
        "related": ["energy-retrofits-and-consultants", "sharing-city-seoul"],
        "contact_email": "energy-welfare@example.org",
        "attachment": {
            "file": "energy-welfare-civic-fund-factsheet.pdf",
            "ko": "에너지복지 시민기금 한눈에 보기 (데모 PDF)",
            "en": "Energy Welfare Civic Fund fact sheet (demo PDF)",
        },
        "indicators": [
            {
                "achieved": [("500810", 2016)],
                "source": C40,
                "source_url": C40_URL,
                "ko": {"name": "시민기금 모금액", "unit": "미화 달러"},
                "en": {"name": "Donations raised by the civic fund", "unit": "US$"},
            },
            {
                "achieved": [("5", 2016)],
                "source": C40,
                "source_url": C40_URL,
                "ko": {"name": "가상발전소로 판매하는 절감 전력", "unit": "MW"},
                "en": {"name": "Saved power sold by the virtual power plant", "unit": "MW"},
            },
            {
                "achieved": [("178000", 2016)],
                "source": C40,
                "source_url": C40_URL,
                "ko": {"name": "기금에 들어가는 연간 수익(약)", "unit": "미화 달러/년"},
                "en": {"name": "Yearly revenue paid into the fund (approx.)", "unit": "US$ a year"},
            },
            # SMG's yearly totals (cash and goods), as reported on 9 December 2018; 2018's
            # is the total by 10 December.
            {
                "achieved": [("270", 2015), ("750", 2016), ("1300", 2017), ("2300", 2018)],
                "source_url": "https://dynews1.com/news/articleView.html?idxno=442291",
                "ko": {"name": "시민기금 연간 모금액 (현금·물품)", "unit": "백만 원"},
                "en": {
                    "name": "Raised by the civic fund in the year (cash and goods)",
                    "unit": "KRW million",
                },
            },
        ],
        "ko": {
            "title": "에너지복지 시민기금: 에너지 빈곤에 맞선 민관 협력",
            "summary": "서울시는 2015년부터 에너지를 누구나 누려야 할 기본권으로 보고 기업, "
            "시민과 함께 에너지 빈곤에 대응하고 있습니다. 시민기금은 기부금과 가상발전소 "
            "수익을 모아 저소득 가구의 에너지 부담을 덜어 주는 데 씁니다.",
            "background": "<p>소득이 낮은 가구는 난방·냉방·취사에 꼭 필요한 에너지조차 "
            "충분히 쓰지 못하는 경우가 많습니다. 서울시는 행정기관만의 힘으로는 이 문제를 "
            "풀 수 없다고 판단해, 2015년 기업과 시민이 함께 참여하는 민관 협력 사업을 "
            "시작했습니다.</p>",
            "actions": [
                ("heading", "시민과 기업이 함께 만드는 기금"),
                (
                    "paragraph",
                    "<p>서울 에너지복지 시민기금은 기업과 시민의 기부로 조성됩니다. 34개 "
                    "기업과 시민 1,800명이 참여해 미화 500,810달러를 모았습니다.</p>",
                ),
                ("heading", "아낀 전기를 발전소처럼 판매"),
                (
                    "paragraph",
                    "<p>시 청사와 산하 기관 등 17곳이 절약한 전력 5MW를 하나로 묶어 "
                    "가상발전소로 등록하고 전력시장에 판매합니다. 여기서 나오는 연 약 "
                    "178,000달러의 수익은 기금으로 들어가 지원 사업을 넓히는 데 쓰입니다.</p>",
                ),
                ("heading", "기금의 쓰임"),
                (
                    "paragraph",
                    "<p>기금은 에너지 취약 가구의 태양광 설비, LED 조명 교체, 주택 에너지 "
                    "효율 개선에 쓰입니다. 자세한 내용은 관련 정책 사례를 참고하십시오.</p>",
                ),
            ],
            "budget": "시민기금: 34개 기업과 시민 1,800명의 기부금 미화 500,810달러, "
            "가상발전소 판매 수익 연 약 178,000달러",
            "lessons": "<p>공공건물에서 아낀 에너지를 꾸준한 수입원으로 바꾸자 해마다 "
            "모금에만 기대지 않아도 되었습니다. 기업과 시민의 참여를 이끌어 에너지 빈곤을 "
            "복지 예산의 한 항목이 아니라 모두의 과제로 만든 점도 의미가 있습니다.</p>",
            "department": "서울시 에너지정책과",
            "contact_name": "에너지복지 담당",
        },
        "en": {
            "title": "Energy Welfare Civic Fund: a public-private answer to energy poverty",
            "summary": "Since 2015 Seoul has treated affordable energy as a basic right and "
            "has tackled energy poverty together with companies and residents. A civic fund "
            "pools donations and the earnings of a virtual power plant, and uses them to "
            "ease the energy costs of low-income households.",
            "background": "<p>Many low-income households cannot pay for all the heating, "
            "cooling and cooking energy they need. Judging that public agencies alone could "
            "not close that gap, the city launched a partnership in 2015 in which businesses "
            "and citizens take part alongside the administration.</p>",
            "actions": [
                ("heading", "A fund built by citizens and companies"),
                (
                    "paragraph",
                    "<p>The Seoul Energy Welfare Civic Fund is filled by donations. Thirty-four "
                    "companies and 1,800 residents have given a combined US$500,810.</p>",
                ),
                ("heading", "Saved electricity, sold like a power station"),
                (
                    "paragraph",
                    "<p>Seventeen municipal buildings and institutions pool the 5 MW of "
                    "electricity they save, and the city has registered this pool as a "
                    "virtual power plant that sells it on the market. Around US$178,000 of "
                    "revenue a year goes back into the fund so that its programmes can "
                    "grow.</p>",
                ),
                ("heading", "What the money pays for"),
                (
                    "paragraph",
                    "<p>The fund pays for solar panels, LED lighting and efficiency "
                    "improvements in the homes of households in energy poverty; see the "
                    "related case for details.</p>",
                ),
            ],
            "budget": "Civic fund: US$500,810 donated by 34 businesses and 1,800 citizens, "
            "plus about US$178,000 a year from virtual power plant sales",
            "lessons": "<p>Turning the savings of public buildings into a steady income meant "
            "the fund no longer depended on a fresh appeal every year. Asking firms and "
            "residents to contribute also made energy poverty everyone's concern rather than "
            "one line of the welfare budget.</p>",
            "department": "Energy Policy Division",
            "contact_name": "Energy Welfare Team",
        },
    },
    {
        "slug": "energy-retrofits-and-consultants",
        "themes": ["welfare", "environment", "economy"],
        "start": 2015,
        "end": None,
        "published": date(2016, 12, 6),
        "featured": False,
        "related": ["energy-welfare-civic-fund"],
        "contact_email": "energy-welfare@example.org",
        "indicators": [
            {
                "achieved": [("3000", 2016)],
                "ko": {"name": "에너지 효율 개선을 마친 주택(약)", "unit": "가구"},
                "en": {"name": "Homes retrofitted (approx.)", "unit": "homes"},
            },
            {
                "achieved": [("1600", 2016)],
                "ko": {"name": "태양광 설비를 설치한 공공주택·저소득 가구(약)", "unit": "가구"},
                "en": {
                    "name": "Public apartments and low-income homes with solar panels (approx.)",
                    "unit": "households",
                },
            },
            {
                "achieved": [("180", 2016)],
                "ko": {"name": "에너지 컨설턴트로 채용된 구직자", "unit": "명"},
                "en": {"name": "Job seekers hired as energy consultants", "unit": "people"},
            },
        ],
        "ko": {
            "title": "태양광·LED·집수리: 에너지 컨설턴트가 찾아가는 에너지복지",
            "summary": "민관 협력과 시민기금으로 마련한 재원은 저소득 가구의 집을 실제로 "
            "고치는 데 쓰입니다. 일자리를 찾던 시민이 교육을 받고 주택을 진단하며 지원을 "
            "수행하므로, 에너지 비용을 낮추는 동시에 일자리도 만듭니다.",
            "background": "<p>단열이 약한 오래된 집일수록 냉난방비가 많이 들고, 그런 집에 "
            "사는 사람일수록 그 비용을 감당하기 어렵습니다. 일회성 요금 지원은 한 계절만 "
            "도움이 되지만, 집의 에너지 사용량을 줄이면 부담이 오래도록 줄어듭니다.</p>",
            "actions": [
                ("heading", "공공주택과 저소득 가구에 태양광"),
                (
                    "paragraph",
                    "<p>공공임대주택과 저소득 가구 약 1,600곳에 태양광 발전 설비를 달아, "
                    "사서 쓰는 전기를 줄이고 연료비 지출을 낮췄습니다.</p>",
                ),
                ("heading", "조명 교체"),
                (
                    "paragraph",
                    "<p>낡은 전구 2,400개를 LED로 바꿔 해당 가구의 전력 소비와 요금을 "
                    "줄였습니다.</p>",
                ),
                ("heading", "에너지 컨설턴트"),
                (
                    "paragraph",
                    "<p>서울시는 취업에 어려움을 겪던 구직자 180명을 에너지 컨설턴트와 "
                    "복지 상담원으로 채용했습니다. 이들은 집을 방문해 에너지 사용을 진단하고, "
                    "필요한 지원을 연결하며, 효율 개선 공사를 챙깁니다. 2016년 말까지 약 "
                    "3,000가구의 집수리가 이루어졌습니다.</p>",
                ),
            ],
            "budget": "서울 에너지복지 시민기금과 민간 협력 기관의 기여로 충당 (시민기금 "
            "사례 참조)",
            "lessons": "<p>지역 주민을 컨설턴트로 채용하면 가정 방문이 한결 수월해질 수 "
            "있습니다. 복지 사업이 숙련 일자리를 만드는 통로가 된다는 점도 다른 도시가 "
            "눈여겨볼 만합니다.</p>",
            "department": "서울시 에너지정책과",
            "contact_name": "에너지복지 담당",
        },
        "en": {
            "title": "Solar panels, LED lighting and home retrofits, delivered by energy "
            "consultants",
            "summary": "Money from the partnership and the civic fund pays for practical "
            "improvements in the homes of low-income residents. Local people who were out "
            "of work are trained to assess homes and deliver the help, so the programme cuts "
            "bills and creates jobs at the same time.",
            "background": "<p>Old, poorly insulated homes are the most expensive to heat and "
            "cool, and the people living in them are the least able to pay. A one-off grant "
            "helps for a season; using less energy lowers the bill for years.</p>",
            "actions": [
                ("heading", "Solar power for public and low-income housing"),
                (
                    "paragraph",
                    "<p>Photovoltaic panels now sit on around 1,600 public rental apartments "
                    "and low-income homes, so residents buy less electricity and spend less "
                    "on fuel.</p>",
                ),
                ("heading", "New lighting"),
                (
                    "paragraph",
                    "<p>Some 2,400 old bulbs were swapped for LEDs, lowering the households' "
                    "consumption and bills.</p>",
                ),
                ("heading", "Energy consultants"),
                (
                    "paragraph",
                    "<p>The city hired 180 disadvantaged job seekers and trained them as "
                    "energy consultants and for welfare support. They visit homes, assess how "
                    "energy is used, arrange support and oversee efficiency works. By late "
                    "2016 nearly 3,000 homes had been retrofitted.</p>",
                ),
            ],
            "budget": "Financed by the Seoul Energy Welfare Civic Fund and partner "
            "contributions (see the civic fund case)",
            "lessons": "<p>Hiring local residents as consultants can make home visits easier "
            "to arrange. That a welfare programme also becomes a route into skilled work is "
            "worth noting for other cities.</p>",
            "department": "Energy Policy Division",
            "contact_name": "Energy Welfare Team",
        },
    },
    {
        "slug": "sharing-city-seoul",
        "themes": ["sharing-city", "housing", "economy"],
        # 12.5: reduce waste through prevention, reduction, recycling and reuse (the case
        # text's "buy-use-discard" background); our classification, as for the others.
        "sdg_targets": "12.5",
        "start": 2012,
        "end": None,
        "published": date(2016, 11, 25),
        "featured": True,
        "related": ["energy-welfare-civic-fund", "seoul-plan-2030", "urban-regeneration"],
        "contact_email": "sharing-city@example.org",
        # The one yearly amount found for a year with a cited exchange rate (2018's grants,
        # KRW 260 million and 285 million, have none: docs/demo-content.md).
        "budget_lines": [
            {
                "amount": "101000000",
                "currency": "KRW",
                "year": 2013,
                "source": "ksen.co.kr, second 2013 call for sharing organisations and "
                "enterprises: https://ksen.co.kr/news/article.html?no=3313",
                "funding_source": {
                    "ko": "서울시 공유촉진사업비, 2013년 2차 공모 (5개 사업)",
                    "en": "City sharing-promotion grants, second call of 2013 (five projects)",
                    "fr": "Subventions municipales de promotion du partage, deuxième appel de "
                    "2013 (cinq projets)",
                    "es": "Subvenciones municipales de promoción del compartir, segunda "
                    "convocatoria de 2013 (cinco proyectos)",
                    "ar": "منح المدينة لتعزيز المشاركة، الدعوة الثانية لعام 2013 (خمسة مشاريع)",
                    "zh-hans": "市共享促进经费，2013年第二轮征集（5个项目）",
                },
            }
        ],
        "indicators": [
            {
                "achieved": [("2", 2016)],
                "ko": {"name": "추진된 공유 단계 (공공자산 → 정보·지식·재능)", "unit": "단계"},
                "en": {
                    "name": "Stages rolled out (public property, then information and skills)",
                    "unit": "stages",
                },
            },
            {
                "achieved": [("1", 2016)],
                "ko": {"name": "공유주택 건축 가이드라인", "unit": "건"},
                "en": {"name": "Architectural guideline for shared housing", "unit": "guideline"},
            },
            # 57 designated in the first two years (SMG via News1, 20 April 2015, with the
            # phase-2 target of 300 by 2018); 102 by 2018 (SMG via Yonhap, 16 May 2018).
            {
                "target": ("300", 2018),
                "achieved": [("57", 2015), ("102", 2018)],
                "source_url": "https://m.wowtv.co.kr/NewsCenter/News/Read?articleId="
                "AKR20180516047200004",
                "ko": {"name": "지정된 공유기업·공유단체 (누계)", "unit": "곳"},
                "en": {
                    "name": "Designated sharing enterprises and organisations (total)",
                    "unit": "organisations",
                },
            },
        ],
        "ko": {
            "title": "공유도시 서울",
            "summary": "공유도시 서울은 놀고 있는 공간, 물건, 시간, 재능, 정보를 더 많은 "
            "사람이 쓰도록 하는 정책입니다. 도로와 공원 같은 공공자산을 여는 데서 출발해 "
            "정보와 지식, 재능을 나누는 단계로 나아갔습니다.",
            "background": "<p>복지, 일자리, 환경에 대한 요구는 빠르게 늘었지만 예산은 "
            "그만큼 늘지 않았습니다. 압축 성장기를 거치며 이웃 간 유대는 약해졌고, 사서 "
            "쓰고 버리는 생활 방식은 자원을 소모하고 오염을 키웠습니다. 서울시는 경제·"
            "사회·환경 문제를 한꺼번에 덜어 줄 방법으로 공유에 주목했습니다.</p>",
            "actions": [
                ("heading", "1단계: 공공자산 개방"),
                (
                    "paragraph",
                    "<p>도로, 공원 등 시가 가진 공공자산을 쓰지 않는 시간에 시민이 이용할 수 "
                    "있도록 열었습니다.</p>",
                ),
                ("heading", "2단계: 정보·지식·재능 나눔"),
                (
                    "paragraph",
                    "<p>이어서 정보, 지식, 재능을 나누는 사업으로 범위를 넓혔습니다. 공유는 "
                    "시민의 일상으로 스며들어 여러 도시 문제의 해법이 되고, 함께 쓰는 "
                    "협력적 소비 문화를 키우고 있습니다.</p>",
                ),
                ("heading", "제도와 플랫폼"),
                (
                    "paragraph",
                    "<p>서울시는 시정 운영 전반에서 공유가 가능하도록 지원 체계와 정책을 "
                    "갖추고 있습니다. 공유주택 건축 가이드라인, 자율주행차를 활용한 공유 "
                    "교통 구상이 그 예입니다.</p>",
                ),
            ],
            "budget": "서울시 연간 예산 내 사업별 편성 (사업마다 규모가 다름)",
            "lessons": "<p>새 시설을 짓기보다 이미 있는 자원을 더 잘 쓰는 방식은 예산이 "
            "빠듯한 도시에 특히 유용합니다. 공유가 자리 잡으려면 사업만큼이나 제도와 "
            "가이드라인이 중요합니다.</p>",
            "department": "서울시 사회혁신담당관",
            "contact_name": "공유도시 담당",
        },
        "en": {
            "title": "Sharing City Seoul",
            "summary": "Sharing City Seoul puts idle space, goods, time, skills and "
            "information to use by more people. It first opened roads, parks and other "
            "city property to residents, then extended sharing to information, know-how and "
            "talent.",
            "background": "<p>Demand for welfare, jobs and a cleaner environment was growing "
            "faster than the budget. Decades of rapid growth had loosened ties between "
            "neighbours, and a buy-use-discard way of life was draining resources and "
            "adding to pollution. Seoul saw sharing as one way to ease economic, social and "
            "environmental pressures together.</p>",
            "actions": [
                ("heading", "Stage one: public property"),
                (
                    "paragraph",
                    "<p>Roads, parks and other property owned by the city were opened to "
                    "residents at times when they stand unused.</p>",
                ),
                ("heading", "Stage two: information, knowledge and talent"),
                (
                    "paragraph",
                    "<p>The programme then widened to the exchange of information, know-how "
                    "and skills. Sharing has entered daily life, helps with a range of urban "
                    "problems and encourages collaborative consumption.</p>",
                ),
                ("heading", "Rules and platforms"),
                (
                    "paragraph",
                    "<p>The city is putting in place the rules and support that let "
                    "sharing happen across its administration. Examples include an "
                    "architectural guideline for shared housing and a concept for shared "
                    "transport using self-driving cars.</p>",
                ),
            ],
            "budget": "Project by project within the Seoul Metropolitan Government's annual budget",
            "lessons": "<p>Making better use of what already exists, instead of building "
            "more, suits cities with tight budgets. For sharing to last, rules and guidelines "
            "matter as much as individual projects.</p>",
            "department": "Social Innovation Division",
            "contact_name": "Sharing City Team",
        },
    },
    {
        "slug": "seoul-plan-2030",
        "themes": ["urban-planning"],
        "start": 2014,
        "end": 2030,
        "published": date(2016, 11, 28),
        "featured": True,
        "related": ["urban-regeneration", "sharing-city-seoul"],
        "contact_email": "urban-planning@example.org",
        "indicators": [
            # Both as an interview with the mayor reported them in November 2016 (the
            # year is that of the report: the source gives no other).
            {
                "achieved": [("100", 2016)],
                "source": CITIES_TODAY,
                "ko": {"name": "시민참여단 인원", "unit": "명"},
                "en": {"name": "Members of the citizen participatory group", "unit": "citizens"},
            },
            {
                "achieved": [("5", 2016)],
                "source": CITIES_TODAY,
                "ko": {"name": "시민이 합의한 핵심 목표", "unit": "개"},
                "en": {"name": "Core goals agreed with citizens", "unit": "goals"},
            },
        ],
        "ko": {
            "title": "2030 서울플랜: 시민과 함께 그린 도시기본계획",
            "summary": "2030 서울플랜은 서울의 장기 도시기본계획입니다. 공무원과 "
            "전문가에게만 맡기지 않고 시민 100명으로 이루어진 참여단이 함께 비전을 만들었고, "
            "그 결과 다섯 가지 핵심 목표가 정해졌습니다.",
            "background": "<p>예전 도시계획은 공무원과 전문가가 정하고 시민은 결과를 "
            "받아들이는 방식이었습니다. 빠른 성장과 도시화를 돌아보며 서울시는 성장의 "
            "결과만이 아니라 목표와 과정, 삶의 질과 행복을 함께 따지는 계획이 필요하다고 "
            "보았습니다. 역사·환경 가치, 공동체 재생, 복지와 안전이 새 계획의 주제가 "
            "되었습니다.</p>",
            "actions": [
                ("heading", "시민참여단"),
                (
                    "paragraph",
                    "<p>서울 시민을 대표하는 100명의 참여단이 온라인으로 의견을 모으고 "
                    "전문가, 서울시와 머리를 맞대 계획의 비전을 다듬었습니다. '소통과 배려가 "
                    "있는 행복한 시민도시'라는 비전도 시민이 제안한 것입니다.</p>",
                ),
                ("heading", "다섯 가지 핵심 목표"),
                (
                    "paragraph",
                    "<ul><li>차별 없이 사람을 중심에 두는 도시</li>"
                    "<li>일자리가 풍부하고 활력 있는 글로벌 도시</li>"
                    "<li>역사와 문화가 살아 있는 도시</li>"
                    "<li>쾌적하고 안전한 도시</li>"
                    "<li>주거가 안정되고 이동이 편리한 공동체 도시</li></ul>",
                ),
                ("heading", "도시 공간의 재구성"),
                (
                    "paragraph",
                    "<p>참여단은 다뤄야 할 핵심 정책 분야를 정하고, 도심·업무·문화·금융 "
                    "지역과 생활권을 새로 나누어 계획의 틀을 만들었습니다.</p>",
                ),
            ],
            "budget": "계획 수립은 서울시 도시계획 예산으로 추진, 개별 사업은 분야별 예산으로 집행",
            "lessons": "<p>시민이 처음부터 비전 작성에 참여하면 계획의 언어가 달라집니다. "
            "다섯 가지 목표는 평범해 보일 수 있지만, 시민이 직접 우선순위를 정했다는 점이 "
            "계획에 정당성을 더합니다.</p>",
            "department": "서울시 도시계획과",
            "contact_name": "도시기본계획 담당",
        },
        "en": {
            "title": "The 2030 Seoul Plan: a master plan drafted with citizens",
            "summary": "The 2030 Seoul Plan is the city's long-range urban master plan. "
            "Instead of leaving the vision to officials and experts, Seoul asked a group of "
            "100 citizens to shape it, and five core goals came out of that work.",
            "background": "<p>In the past, officials and specialists drew up the city plan "
            "and residents were presented with the result. Looking back on an era of fast "
            "growth, the city wanted a plan that weighs aims, process, well-being and "
            "happiness, not only growth figures. Heritage and the environment, "
            "community renewal, welfare and safety became its themes.</p>",
            "actions": [
                ("heading", "A citizen participatory group"),
                (
                    "paragraph",
                    "<p>One hundred residents, chosen to represent Seoul's population, "
                    "gathered views online and worked with experts and the city government "
                    "to refine the vision. Its motto, a city of happy citizens built on "
                    "communication and mutual care, was itself proposed by citizens.</p>",
                ),
                ("heading", "Five core goals"),
                (
                    "paragraph",
                    "<ul><li>a city that puts people first and leaves no one out;</li>"
                    "<li>a lively global city with good jobs;</li>"
                    "<li>a city where history and culture are alive;</li>"
                    "<li>a pleasant and safe city;</li>"
                    "<li>a community-minded city with secure housing and easy travel.</li></ul>",
                ),
                ("heading", "Re-mapping the city"),
                (
                    "paragraph",
                    "<p>The group named the policy areas the plan must address and redrew "
                    "the map of the city's centres (historic, commercial, cultural, financial) "
                    "and of its neighbourhoods, which gave the plan its spatial "
                    "framework.</p>",
                ),
            ],
            "budget": "Plan preparation from the urban planning budget; individual projects "
            "from sector budgets",
            "lessons": "<p>When citizens help write the vision from the outset, the plan "
            "speaks their language. The five goals may look familiar, but the fact that "
            "residents set the priorities themselves gives the plan its legitimacy.</p>",
            "department": "Urban Planning Division",
            "contact_name": "Master Plan Team",
        },
    },
    {
        "slug": "urban-regeneration",
        "themes": ["urban-planning", "culture", "environment"],
        "start": 2013,
        "end": None,
        "published": date(2017, 1, 16),
        "featured": False,
        "related": ["seoul-plan-2030", "sharing-city-seoul"],
        "contact_email": "urban-regeneration@example.org",
        "indicators": [
            {
                "achieved": [("2", 2016)],
                "ko": {"name": "철거 없이 재생한 대표 마을 (이화마을, 장수마을)", "unit": "곳"},
                "en": {
                    "name": "Showcase villages regenerated without clearance (Ihwa, Jangsu)",
                    "unit": "villages",
                },
            },
            {
                "achieved": [("1", 2017)],
                "ko": {"name": "자원순환 거점 (서울새활용플라자)", "unit": "곳"},
                "en": {"name": "Circular-economy hub (Seoul Recycling Plaza)", "unit": "hub"},
            },
        ],
        "ko": {
            "title": "철거 대신 재생: 이화마을·장수마을과 서울새활용플라자",
            "summary": "서울시는 낡은 동네를 허물고 새로 짓는 대신, 주민이 그대로 살면서 "
            "동네를 고쳐 쓰는 도시재생으로 방향을 바꾸었습니다. 이화마을과 장수마을은 "
            "관광객에게도 알려진 대표 사례가 되었고, 수리·재사용 문화를 넓히기 위한 "
            "서울새활용플라자도 문을 열었습니다.",
            "background": "<p>급속한 성장기의 서울에는 오래된 것을 부수고 다시 짓고, 필요 "
            "없는 것은 버리는 문화가 자리 잡았습니다. 순환경제로 나아가려면 고쳐 쓰고, "
            "다시 쓰고, 나누어 쓰는 일의 사회적 가치를 시민과 함께 배우는 과정이 "
            "필요했습니다.</p>",
            "actions": [
                ("heading", "사람과 건물을 지키는 재생"),
                (
                    "paragraph",
                    "<p>세입자와 주민이 사는 주택과 건물을 철거하는 대신, 동네의 역사적·"
                    "문화적 가치와 주민의 삶의 터전을 지키는 방식을 택했습니다. 이 방식은 "
                    "주민 생활, 지역 경제, 환경 모두에 더 나은 결과를 가져왔다는 평가를 "
                    "받습니다.</p>",
                ),
                ("heading", "이화마을과 장수마을"),
                (
                    "paragraph",
                    "<p>두 마을은 주민이 떠나지 않은 채 동네가 새로워진 사례로, 방문객이 "
                    "즐겨 찾는 곳이자 도시재생을 설명할 때 자주 언급되는 곳입니다.</p>",
                ),
                ("heading", "서울새활용플라자"),
                (
                    "paragraph",
                    "<p>2017년에는 자원순환 거점인 서울새활용플라자가 문을 열었습니다. "
                    "새활용 전시관과 중고·업사이클 제품 매장을 갖추어 시민이 순환경제의 "
                    "이로움을 직접 체험하도록 합니다.</p>",
                ),
            ],
            "budget": "서울시 도시재생 및 자원순환 분야 예산으로 추진",
            "lessons": "<p>재생은 건물만이 아니라 그 안의 생활을 지키는 일입니다. 눈에 "
            "보이는 성공 사례 두 곳이 있었기에 재생 방식이 시민에게 설득력을 "
            "얻었습니다.</p>",
            "department": "서울시 도시재생과",
            "contact_name": "도시재생 담당",
        },
        "en": {
            "title": "Regeneration, not demolition: Ihwa and Jangsu villages and the Seoul "
            "Recycling Plaza",
            "summary": "Seoul has moved away from clearing old neighbourhoods towards "
            "renewing them while residents stay. Ihwa and Jangsu villages have become "
            "well-known examples that draw visitors, and a recycling plaza now promotes "
            "repair and reuse.",
            "background": "<p>Fast growth left Seoul with a habit of knocking down the old, "
            "building anew and discarding whatever was no longer wanted. A circular economy "
            "needed residents to value repair, reuse and sharing, and the city set out to "
            "teach that through its own projects.</p>",
            "actions": [
                ("heading", "Keeping people and buildings"),
                (
                    "paragraph",
                    "<p>Rather than demolishing homes and buildings that tenants and owners "
                    "still live in, the city chose to preserve the historic and cultural "
                    "character of neighbourhoods and the fabric of everyday life. The "
                    "approach is judged to have served residents, the local economy and "
                    "the environment better.</p>",
                ),
                ("heading", "Ihwa and Jangsu villages"),
                (
                    "paragraph",
                    "<p>Both villages were renewed without their residents being moved out. "
                    "They are popular with visitors and often cited when urban regeneration "
                    "is explained.</p>",
                ),
                ("heading", "Seoul Recycling Plaza"),
                (
                    "paragraph",
                    "<p>In 2017 the city opened the Seoul Recycling Plaza, a hub with an "
                    "exhibition hall on recycling and a mall for second-hand and upcycled "
                    "goods, where residents can see for themselves what a circular economy "
                    "offers.</p>",
                ),
            ],
            "budget": "Urban regeneration and resource-circulation budgets of the Seoul "
            "Metropolitan Government",
            "lessons": "<p>Regeneration protects the life inside the buildings as well as "
            "the buildings. Two visible successes did much to win residents over to the "
            "approach.</p>",
            "department": "Urban Regeneration Division",
            "contact_name": "Urban Regeneration Team",
        },
    },
    {
        "slug": "late-night-bus",
        "themes": ["transport", "e-government"],
        # 11.2: safe, affordable, accessible transport for all.
        "sdg_targets": "11.2",
        "start": 2013,
        "end": None,
        "published": date(2017, 4, 20),
        "featured": True,
        "related": [
            "commercial-area-information",
            "city-data-science-institute",
            "third-traffic-safety-plan",
        ],
        "contact_email": "bus-policy@example.org",
        "indicators": [
            {
                "achieved": [("2", 2013)],
                "source_url": OWL_BUS_NINE_ROUTES,
                "ko": {"name": "노선 설계에 결합한 데이터 (심야 통화량, 유동인구)", "unit": "종"},
                "en": {
                    "name": "Data sets combined to draw the routes (call volume, "
                    "floating population)",
                    "unit": "data sets",
                },
            },
            # Two pilot routes (April 2013), nine from 12 September 2013 (SMG), 14 from
            # April 2022 (SMG via Asia Economy, cm.asiae.co.kr/en/article/2022040421241282119).
            {
                "baseline": ("2", 2013),
                "achieved": [("9", 2013), ("14", 2022)],
                "source_url": OWL_BUS_NINE_ROUTES,
                "ko": {"name": "올빼미버스 노선", "unit": "개"},
                "en": {"name": "Owl Bus routes", "unit": "routes"},
            },
            # The two pilot routes, 19 April to 31 July 2013 (SMG via Aju News, 3 September
            # 2013), then the nine routes' first 50 days (SMG).
            {
                "baseline": ("2098", 2013),
                "achieved": [("6079", 2013)],
                "source_url": "http://english.seoul.go.kr/midnight-bus-owl-bus-service-carries-"
                "over-6000-passengersday-in-its-first-50-days/",
                "ko": {"name": "하루 평균 승객", "unit": "명"},
                "en": {"name": "Passengers a night, on average", "unit": "passengers"},
            },
        ],
        "ko": {
            "title": "빅데이터로 노선을 그린 심야버스",
            "summary": "서울시는 2013년 심야버스를 도입하면서 노선을 감이 아니라 데이터로 "
            "정했습니다. 한밤중 통화량과 유동인구 자료를 분석해 늦은 시간에 이동 수요가 "
            "몰리는 곳을 찾아 노선을 배치했습니다.",
            "background": "<p>지하철과 일반 버스가 끊긴 뒤에도 일터와 집을 오가야 하는 "
            "시민이 있습니다. 이들이 어디서 어디로 움직이는지 알아야 적은 수의 버스로 "
            "효과적인 노선을 짤 수 있었습니다.</p>",
            "actions": [
                ("heading", "데이터로 찾은 수요"),
                (
                    "paragraph",
                    "<p>심야 시간대 통화량과 유동인구 데이터를 지도 위에 겹쳐 늦은 밤 사람이 "
                    "많이 모이고 이동하는 지점을 찾아냈습니다.</p>",
                ),
                ("heading", "노선 배치와 개선"),
                (
                    "paragraph",
                    "<p>분석 결과를 바탕으로 노선과 정류장을 정해 2013년 운행을 시작했고, "
                    "이후에도 이용 자료를 보며 노선을 다듬고 있습니다.</p>",
                ),
            ],
            "budget": "서울시 버스 운영 예산으로 추진",
            "lessons": "<p>행정이 이미 가진 데이터와 통신 데이터를 결합하면 설문조사로는 "
            "보이지 않는 수요를 찾을 수 있습니다. 심야버스는 서울시가 빅데이터를 정책에 "
            "활용한 대표 사례가 되었습니다.</p>",
            "department": "서울시 버스정책과",
            "contact_name": "버스노선 담당",
        },
        "en": {
            "title": "Late-night buses routed by data",
            "summary": "When Seoul introduced late-night buses in 2013, it chose the routes "
            "from data rather than guesswork. Night-time call volumes and floating-population "
            "figures showed where people gather and travel after midnight.",
            "background": "<p>Some residents still need to get to work or home after the "
            "metro and regular buses stop. Knowing where they travel from and to was the key "
            "to a useful network with only a small fleet.</p>",
            "actions": [
                ("heading", "Finding demand in the data"),
                (
                    "paragraph",
                    "<p>Late-night call volumes and floating-population data were laid over "
                    "the map to locate the places where many people gather and move late at "
                    "night.</p>",
                ),
                ("heading", "Routes, stops and adjustments"),
                (
                    "paragraph",
                    "<p>Routes and stops were set from that analysis and the service began in "
                    "2013; ridership data is used to refine them since.</p>",
                ),
            ],
            "budget": "Bus operations budget of the Seoul Metropolitan Government",
            "lessons": "<p>Combining administrative and telecom data reveals demand that a "
            "survey would miss. The late-night bus became the standard example of how Seoul "
            "puts big data to work in policy.</p>",
            "department": "Bus Policy Division",
            "contact_name": "Bus Routes Team",
        },
    },
    {
        "slug": "commercial-area-information",
        "themes": ["economy", "e-government"],
        "start": 2015,
        "end": None,
        "published": date(2017, 4, 21),
        "featured": False,
        "related": ["late-night-bus", "city-data-science-institute"],
        "contact_email": "small-business@example.org",
        "indicators": [
            {
                "achieved": [("200000000000", 2017)],
                "ko": {"name": "상권 분석에 쓰인 빅데이터", "unit": "건"},
                "en": {"name": "Big-data records analysed for the service", "unit": "records"},
            },
        ],
        "ko": {
            "title": "창업을 준비하는 시민을 위한 상권 정보",
            "summary": "서울시는 2,000억 건에 이르는 빅데이터를 분석해 창업 예정자에게 "
            "상권 정보를 제공합니다. 가게를 열기 전에 그 동네의 상권을 미리 살펴볼 수 "
            "있도록 하려는 것입니다.",
            "background": "<p>작은 가게를 여는 시민에게 입지 선택은 가장 큰 결정이지만, "
            "믿을 만한 상권 자료를 구하기는 어렵습니다. 정보가 부족하면 같은 업종이 한 "
            "곳에 몰리고 폐업도 늘어납니다.</p>",
            "actions": [
                ("heading", "데이터 분석"),
                (
                    "paragraph",
                    "<p>시가 가진 자료와 민간 데이터를 합친 2,000억 건의 빅데이터를 분석해 "
                    "지역별 상권의 특징을 정리했습니다.</p>",
                ),
                ("heading", "창업자에게 제공"),
                (
                    "paragraph",
                    "<p>분석 결과는 창업을 준비하는 시민이 온라인에서 쉽게 찾아볼 수 있도록 "
                    "제공되며, 창업 상담과 함께 활용됩니다.</p>",
                ),
            ],
            "budget": "서울시 소상공인 지원 예산으로 추진",
            "lessons": "<p>공공이 데이터를 모아 정리해 주면, 혼자서는 조사하기 어려운 작은 "
            "사업자에게 큰 도움이 됩니다.</p>",
            "department": "서울시 소상공인정책과",
            "contact_name": "상권정보 담당",
        },
        "en": {
            "title": "Commercial-area information for people starting a business",
            "summary": "Seoul analyses some 200 billion big-data records to give "
            "would-be business founders reliable data about commercial districts, so they "
            "can study a neighbourhood before they open a shop there.",
            "background": "<p>For someone opening a small shop, the choice of location is "
            "the biggest decision, yet reliable data on local trade is hard to come by. "
            "Without it, similar businesses crowd into the same streets and closures "
            "rise.</p>",
            "actions": [
                ("heading", "Analysing the data"),
                (
                    "paragraph",
                    "<p>Around 200 billion records, from city sources and private data, were "
                    "analysed to describe the character of each commercial area.</p>",
                ),
                ("heading", "Putting it in founders' hands"),
                (
                    "paragraph",
                    "<p>The results are published online in a form that future shopkeepers "
                    "can search easily, and are used alongside start-up advice.</p>",
                ),
            ],
            "budget": "Small-business support budget of the Seoul Metropolitan Government",
            "lessons": "<p>When the public sector gathers and organises data, it helps small "
            "firms that could never run such research on their own.</p>",
            "department": "Small Business Policy Division",
            "contact_name": "Commercial Data Team",
        },
    },
    {
        "slug": "city-data-science-institute",
        "themes": ["e-government", "urban-planning", "environment"],
        # 9.5: enhance scientific research and increase the number of researchers.
        "sdg_targets": "9.5",
        "start": 2017,
        "end": 2020,
        "published": date(2017, 4, 18),
        "featured": True,
        "related": ["late-night-bus", "commercial-area-information"],
        "contact_email": "big-data@example.org",
        "indicators": [
            {
                # Yonhap at the opening: "연간 1천여명" (about 1,000 people a year).
                "target": ("1000", 2017),
                "source_url": INSTITUTE_OPENING,
                "ko": {"name": "연간 데이터 교육 인원 목표", "unit": "명/년"},
                "en": {
                    "name": "People trained in data each year (target)",
                    "unit": "people a year",
                },
            },
            {
                "achieved": [("4", 2017)],
                "source_url": INSTITUTE_OPENING,
                "ko": {"name": "핵심 연구 과제", "unit": "개"},
                "en": {"name": "Core research topics", "unit": "topics"},
            },
            {
                "achieved": [("3", 2017)],
                "source_url": INSTITUTE_OPENING,
                "ko": {"name": "연구 분야 (교통, 환경, 도시개발)", "unit": "개"},
                "en": {
                    "name": "Research fields (transport, environment, urban development)",
                    "unit": "fields",
                },
            },
        ],
        "ko": {
            "title": "서울대학교와 함께 여는 도시데이터사이언스연구소",
            "summary": "서울시와 서울대학교는 2017년 4월 12일 개포디지털혁신파크에 "
            "도시데이터사이언스연구소를 열었습니다. 연구소는 3년 동안 교통, 환경, "
            "도시개발 문제를 빅데이터로 풀고, 해마다 1,000명가량에게 데이터 교육을 합니다.",
            "background": "<p>서울시는 이미 심야버스 노선과 상권 정보 서비스 등에 빅데이터를 "
            "써 왔습니다. 이를 한 단계 넓히려면 대학의 연구 역량과 데이터를 다룰 사람을 "
            "함께 키울 필요가 있었습니다.</p>",
            "actions": [
                ("heading", "네 가지 핵심 연구"),
                (
                    "paragraph",
                    "<ul><li>빅데이터로 도시 문제의 해법을 제시하는 연구 체계 구축</li>"
                    "<li>도시 오염과 소음의 원인을 관측·분석하는 체계 개발</li>"
                    "<li>서울의 젠트리피케이션 현상 연구와 대응 방안 제안</li>"
                    "<li>교통 환경 분석을 통한 교통 여건 개선 연구</li></ul>",
                ),
                ("heading", "데이터 전문가 양성"),
                (
                    "paragraph",
                    "<p>대학생, 구직자, 일반 시민, 현장 전문가를 대상으로 해마다 "
                    "1,000명가량에게 데이터 교육을 하는 것이 목표입니다.</p>",
                ),
            ],
            "budget": "서울시와 서울대학교의 공동 사업비 (3년 연구 과정)",
            "lessons": "<p>행정은 문제와 데이터를, 대학은 방법과 사람을 가지고 있습니다. "
            "둘을 한곳에 모으면 연구 결과가 정책으로 이어질 가능성이 커집니다.</p>",
            "department": "서울시 빅데이터 담당관",
            "contact_name": "데이터 연구협력 담당",
        },
        "en": {
            "title": "A City Data Science Research Institute with Seoul National University",
            "summary": "On 12 April 2017 the city and Seoul National University opened the "
            "City Data Science Research Institute at Gaepo Digital Innovation Park. Over "
            "three years it applies big data to transport, environmental and urban "
            "development problems and trains about 1,000 people in data each year.",
            "background": "<p>Seoul was already using big data for its late-night bus routes "
            "and its commercial-area service. Going further required a university's "
            "research strength and more people able to work with data.</p>",
            "actions": [
                ("heading", "Four core research topics"),
                (
                    "paragraph",
                    "<ul><li>a research framework that turns big data into proposals for "
                    "urban problems;</li>"
                    "<li>a system to observe and explain the sources of pollution and noise;"
                    "</li>"
                    "<li>a study of gentrification in Seoul, with proposed responses;</li>"
                    "<li>analysis of traffic conditions to improve the transport "
                    "environment.</li></ul>",
                ),
                ("heading", "Training data specialists"),
                (
                    "paragraph",
                    "<p>Courses for university students, job seekers, residents and "
                    "practitioners aim to train about 1,000 people in data each year.</p>",
                ),
            ],
            "budget": "Joint programme funding of the city and Seoul National University "
            "(three-year research programme)",
            "lessons": "<p>Government holds the problems and the data; universities hold the "
            "methods and the people. Putting them under one roof makes it likelier that "
            "research ends up in policy.</p>",
            "department": "Big Data Division",
            "contact_name": "Data Research Partnerships",
        },
    },
    {
        "slug": "seoul-brand-i-seoul-u",
        "themes": ["culture", "economy"],
        "start": 2015,
        "end": None,
        "published": date(2017, 4, 25),
        "featured": False,
        "related": ["sharing-city-seoul"],
        "contact_email": "city-brand@example.org",
        "indicators": [
            {
                "achieved": [("4", 2017)],
                "ko": {"name": "브랜드 가이드 2.0의 장(章)", "unit": "개"},
                "en": {"name": "Chapters in Brand Guide 2.0", "unit": "chapters"},
            },
            {
                "achieved": [("25", 2017)],
                "ko": {"name": "가이드를 배포받은 자치구", "unit": "곳"},
                "en": {"name": "Autonomous districts receiving the guide", "unit": "districts"},
            },
        ],
        "ko": {
            "title": "I·SEOUL·U: 시민과 기업이 함께 쓰는 서울 브랜드",
            "summary": "서울시는 2015년 11월 도시 브랜드 I·SEOUL·U를 선보이고, 2017년에는 "
            "시민과 기업이 브랜드를 쉽게 활용하도록 네 개 장으로 구성된 서울 브랜드 "
            "가이드 2.0을 펴냈습니다.",
            "background": "<p>도시 브랜드는 시청만 쓰는 로고가 아니라 시민과 기업이 함께 "
            "쓸 때 힘을 얻습니다. 2015년 브랜드와 함께 나온 가이드 1.0을 보완해, 브랜드의 "
            "정체성과 이미지 자료를 더 자세히 담을 필요가 있었습니다.</p>",
            "actions": [
                ("heading", "가이드 2.0의 구성"),
                (
                    "paragraph",
                    "<ul><li>1장: 도시 브랜드의 의미와 서울 브랜드 개발 과정</li>"
                    "<li>2장: 서울 브랜드의 정체성과 언어적·시각적 의미</li>"
                    "<li>3장: I·SEOUL·U 사용법과 그래픽 자료</li>"
                    "<li>4장: 여러 매체와 상품에 적용한 디자인 예시</li></ul>",
                ),
                ("heading", "협업과 확산"),
                (
                    "paragraph",
                    "<p>디자이너, 화가, 교수가 함께 디자인을 만들었습니다. 서울시는 브랜드 "
                    "상품을 만들 협력 기업을 찾아 지원하고, 가이드를 관련 기관과 25개 "
                    "자치구에 온·오프라인으로 배포하며 전자책과 이미지 파일로도 "
                    "공개합니다.</p>",
                ),
            ],
            "budget": "서울시 도시브랜드 홍보 예산으로 추진",
            "lessons": "<p>사용법을 자세히 알려 주고 자료를 열어 두면, 도시 브랜드가 행정의 "
            "상징을 넘어 시민과 기업의 자산이 됩니다.</p>",
            "department": "서울시 도시브랜드담당관",
            "contact_name": "도시브랜드 담당",
        },
        "en": {
            "title": "I·SEOUL·U: a city brand for citizens and companies to use",
            "summary": "Seoul launched its I·SEOUL·U brand in November 2015. In 2017 it "
            "issued Brand Guide 2.0, a four-chapter manual that makes it easier for "
            "residents and businesses to use the brand.",
            "background": "<p>A city brand gains strength when residents and companies use it, "
            "not only the city hall. The first guide, released with the brand in 2015, "
            "needed fuller explanations of the brand's identity and more image "
            "material.</p>",
            "actions": [
                ("heading", "What Guide 2.0 contains"),
                (
                    "paragraph",
                    "<ul><li>Chapter 1: the idea of a city brand and how Seoul's came about;"
                    "</li><li>Chapter 2: the brand's identity and its verbal and visual "
                    "meaning;</li><li>Chapter 3: using I·SEOUL·U correctly, with graphic "
                    "resources;</li><li>Chapter 4: the brand applied to media and "
                    "products.</li></ul>",
                ),
                ("heading", "Collaboration and distribution"),
                (
                    "paragraph",
                    "<p>Designers, painters and professors created the designs together. The "
                    "city is looking for companies to make branded products and will support "
                    "them; the guide goes to related organisations and all 25 autonomous "
                    "districts, online and in print, and is available as an e-book and image "
                    "files.</p>",
                ),
            ],
            "budget": "City branding budget of the Seoul Metropolitan Government",
            "lessons": "<p>Clear instructions and open resources turn a city brand from an "
            "official symbol into something residents and firms can own.</p>",
            "department": "City Brand Division",
            "contact_name": "City Brand Team",
        },
    },
]
