"""Judgments of the demo content's pages for the judged queries (pooling).

The demo content (`manage.py load_demo`) is loaded beside the judged pages, as on the site,
and some of its pages answer judged queries. Unjudged, such a page counted as wrong, so the
figures measured the demo content as much as the search. These judgments were made the
standard way of IR test collections, by pooling: for every judged query, the first 10 results
of each retriever (stock, lexical, semantic, fused; `bench/search/pool.py` lists them) were
taken, and every demo page among them was judged by reading it (its title and text in the
reader's language, in Korean and in English), on the grade scale of `corpus.py`:

- 2: the page is about what the query asks (a policy on it, or a post wholly about it);
- 1: the page answers part of it, or treats it as one part of something broader;
- 0: judged, not relevant (it shares words or a theme with the query, but does not answer it).

Pages judged 0 are kept so that the pool is seen to have been judged. A demo page that no
retriever put in a query's first 10 is unjudged, and counts as not relevant.

Keys: the query (as in `corpus.QUERIES`), then the demo page's path below its language's home
page, the same in every language ("policies/late-night-bus", "themes/water-supply": a slug
alone is not unique), of its translation group's Korean version, else its English one
(`run.demo_keys`). `run.page_index` fails if a judged path is not a live page: the demo
content changed, and the pool must be judged again.

Judged on 2026-11-26 (issue 16), against the demo content of that day.
"""

DEMO_JUDGMENTS: dict[str, dict[str, int]] = {
    "복원": {
        "guides/transportation-policy/data-and-streets": 1,
        "policies/urban-regeneration": 0,
        "themes/transport": 0,
    },
    "버스": {
        "guides/transportation-policy/bus-reform-2004": 2,
        "policies/transport-planning": 2,
        "news/late-night-autonomous-bus": 1,
        "policies/bus-management": 1,
        "news/halving-traffic-deaths-by-2021": 0,
        "policies/third-traffic-safety-plan": 0,
        "policies/traffic-information": 0,
        "policies/transport-card": 0,
        "sharing/ulaanbaatar-afc-bms-2014": 0,
    },
    "주택": {
        "events/energy-study-visit": 0,
        "guides/water-supply-policy/pipes-and-trust": 0,
        "policies/energy-retrofits-and-consultants": 0,
        "policies/energy-welfare-civic-fund": 0,
        "policies/sharing-city-seoul": 0,
        "policies/urban-regeneration": 0,
        "sharing-city": 0,
    },
    "수질": {
        "guides/water-supply-policy/arisu-and-water-quality": 2,
        "guides/water-supply-policy": 1,
        "guides/water-supply-policy/pipes-and-trust": 1,
        "sharing/mongolia-water-quality-2010": 1,
    },
    "민원": {
        "policies/e-government": 2,
    },
    "홍수": {
        "guides/water-supply-policy/a-century-of-tap-water": 0,
        "guides/water-supply-policy/leaks-and-revenue-water": 0,
        "themes/water-supply": 0,
    },
    "복지": {
        "policies/energy-retrofits-and-consultants": 1,
        "policies/energy-welfare-civic-fund": 1,
        "reports/energy-welfare-civic-fund-report": 1,
        "events/energy-study-visit": 0,
        "media/cities-today-mayor-interview": 0,
        "policies/sharing-city-seoul": 0,
        "sharing-city": 0,
    },
    "자전거": {
        "guides/transportation-policy/data-and-streets": 1,
        "news/climate-card-launch": 0,
        "news/halving-traffic-deaths-by-2021": 0,
        "policies/third-traffic-safety-plan": 0,
    },
    "도시재생": {
        "policies/urban-regeneration": 2,
        "events/urban-regeneration-study-visit-2023": 1,
        "media/cities-today-mayor-interview": 0,
        "news/recycling-plaza-to-open": 0,
        "policies/seoul-plan-2030": 0,
        "policies/urban-planning": 0,
        "videos/seoul-timelapse": 0,
    },
    "교통카드": {
        "guides/transportation-policy/one-card-one-fare": 2,
        "policies/transport-card": 2,
        "sharing/bangkok-card-consulting-2013": 1,
        "sharing/kuala-lumpur-bus-card-2005": 1,
        "sharing/wellington-snapper-2007": 1,
    },
    "태양광": {
        "policies/energy-retrofits-and-consultants": 1,
        "reports/energy-welfare-civic-fund-report": 1,
        "policies/energy-welfare-civic-fund": 0,
    },
    "청년주택": {
        "policies/energy-retrofits-and-consultants": 0,
        "policies/sharing-city-seoul": 0,
    },
    "전자정부": {
        "policies/e-government": 2,
        "sharing/kampala-ksp-e-government-2018": 1,
        "policies/city-data-science-institute": 0,
        "policies/commercial-area-information": 0,
        "policies/late-night-bus": 0,
        "policies/traffic-information": 0,
    },
    "한강공원": {
        "news/green-transport-zone-enforcement": 0,
        "news/gwanghwamun-square-reopens": 0,
        "news/hangang-bus-service": 0,
    },
    "교통사고": {
        "news/halving-traffic-deaths-by-2021": 2,
        "policies/third-traffic-safety-plan": 2,
        "reports/traffic-safety-plan-summary": 1,
        "videos/pedestrians-first": 1,
        "policies/traffic-information": 0,
        "policies/transport-card": 0,
        "policies/transport-planning": 0,
        "themes/transport": 0,
    },
    "청계천이": {
        "guides/transportation-policy/data-and-streets": 1,
        "themes/transport": 0,
    },
    "복원한 하천": {
        "guides/transportation-policy/data-and-streets": 1,
        "policies/urban-regeneration": 0,
        "themes/transport": 0,
    },
    "사망자가 줄어든": {
        "news/halving-traffic-deaths-by-2021": 2,
        "policies/third-traffic-safety-plan": 2,
        "reports/traffic-safety-plan-summary": 1,
        "policies/energy-retrofits-and-consultants": 0,
        "themes/transport": 0,
    },
    "따릉이를": {
        "guides/transportation-policy/data-and-streets": 1,
        "news/climate-card-launch": 0,
    },
    "개편된 버스": {
        "guides/transportation-policy/bus-reform-2004": 2,
        "policies/transport-planning": 2,
        "guides/transportation-policy": 1,
        "policies/bus-management": 1,
    },
    "아리수는": {
        "guides/water-supply-policy": 2,
        "guides/water-supply-policy/arisu-and-water-quality": 2,
        "policies/water-supply": 2,
        "guides/water-supply-policy/pipes-and-trust": 1,
        "themes/water-supply": 1,
    },
    "미세먼지가 줄어든": {
        "policies/energy-retrofits-and-consultants": 0,
    },
    "홍수를 막은": {
        "guides/water-supply-policy/a-century-of-tap-water": 0,
        "themes/water-supply": 0,
    },
    "지하철이 개통된": {
        "guides/transportation-policy/metro-network": 2,
        "policies/urban-railway": 2,
        "guides/transportation-policy": 1,
        "themes/transport": 0,
    },
    "재활용을": {
        "news/recycling-plaza-to-open": 1,
        "policies/urban-regeneration": 1,
        "events/miti-data-governance-course": 0,
        "policies/commercial-area-information": 0,
        "policies/late-night-bus": 0,
        "policies/seoul-brand-i-seoul-u": 0,
    },
    "청계천 복원 사업": {
        "guides/transportation-policy/data-and-streets": 1,
        "policies/urban-regeneration": 0,
        "themes/transport": 0,
    },
    "교통사고 사망자 감소": {
        "news/halving-traffic-deaths-by-2021": 2,
        "policies/third-traffic-safety-plan": 2,
        "reports/traffic-safety-plan-summary": 1,
        "videos/pedestrians-first": 1,
        "themes/transport": 0,
    },
    "공공자전거 이용 증가": {
        "guides/transportation-policy/data-and-streets": 1,
        "guides/transportation-policy": 0,
        "news/climate-card-launch": 0,
        "policies/sharing-city-seoul": 0,
    },
    "서울시 버스 체계 개편": {
        "guides/transportation-policy/bus-reform-2004": 2,
        "policies/transport-planning": 2,
        "guides/transportation-policy": 1,
        "guides/transportation-policy/why-reform": 1,
        "policies/bus-management": 1,
        "media": 0,
    },
    "노후 상수도관 교체": {
        "guides/water-supply-policy/pipes-and-trust": 2,
        "guides/water-supply-policy/leaks-and-revenue-water": 1,
        "policies/water-supply": 1,
        "guides/water-supply-policy": 0,
        "policies/urban-regeneration": 0,
        "sharing/chanchamayo-water-supply-2013": 0,
        "themes/water-supply": 0,
    },
    "역세권 청년주택 공급": {
        "guides/water-supply-policy/pipes-and-trust": 0,
        "policies/transport-card": 0,
        "policies/transport-planning": 0,
        "policies/water-supply": 0,
        "sharing/wellington-snapper-2007": 0,
        "themes/water-supply": 0,
    },
    "빗물 저류조 건설": {
        "guides/transportation-policy/metro-network": 0,
        "guides/transportation-policy/why-reform": 0,
        "policies/urban-railway": 0,
    },
    "찾아가는 동주민센터": {
        "media": 0,
    },
    "지하철 스크린도어 설치": {
        "guides/transportation-policy": 0,
        "policies/urban-railway": 0,
        "themes/transport": 0,
    },
    "bicycle": {
        "guides/transportation-policy/data-and-streets": 1,
        "news/climate-card-launch": 0,
        "themes/transport": 0,
    },
    "subway": {
        "policies/urban-railway": 2,
        "themes/transport": 0,
    },
    "tap water": {
        "guides/water-supply-policy": 2,
        "guides/water-supply-policy/arisu-and-water-quality": 2,
        "guides/water-supply-policy/pipes-and-trust": 2,
        "guides/water-supply-policy/a-century-of-tap-water": 1,
        "policies/water-supply": 1,
        "themes/water-supply": 1,
    },
    "fine dust": {
        "news/green-transport-zone-enforcement": 1,
    },
    "solar panels": {
        "policies/energy-retrofits-and-consultants": 1,
        "reports/energy-welfare-civic-fund-report": 1,
        "policies/energy-welfare-civic-fund": 0,
    },
    "welfare": {
        "policies/energy-retrofits-and-consultants": 1,
        "policies/energy-welfare-civic-fund": 1,
        "reports/energy-welfare-civic-fund-report": 1,
        "events/energy-study-visit": 0,
        "media/cities-today-mayor-interview": 0,
        "policies/sharing-city-seoul": 0,
        "sharing-city": 0,
    },
    "CCTV crime": {
        "media": 0,
    },
    "speed limits": {
        "news/halving-traffic-deaths-by-2021": 1,
        "policies/third-traffic-safety-plan": 1,
        "videos/pedestrians-first": 1,
        "news/green-transport-zone-enforcement": 0,
        "policies/urban-railway": 0,
        "themes/transport": 0,
        "videos/seoul-timelapse": 0,
    },
    "restoration": {
        "guides/transportation-policy/data-and-streets": 1,
        "themes/transport": 0,
    },
    "regenerated city centre": {
        "policies/urban-regeneration": 1,
        "news/recycling-plaza-to-open": 0,
    },
    "recycled": {
        "news/recycling-plaza-to-open": 1,
        "policies/urban-regeneration": 1,
        "media/cities-today-mayor-interview": 0,
    },
    "flooding prevented": {
        "guides/water-supply-policy/a-century-of-tap-water": 0,
        "themes/water-supply": 0,
    },
    "installing bike stations": {
        "guides/transportation-policy/data-and-streets": 1,
        "themes/transport": 0,
    },
    "reforms of buses": {
        "guides/transportation-policy/bus-reform-2004": 2,
        "policies/transport-planning": 2,
        "guides/transportation-policy": 1,
        "guides/transportation-policy/why-reform": 1,
    },
    "forest planting": {
        "guides/water-supply-policy": 0,
        "guides/water-supply-policy/a-century-of-tap-water": 0,
    },
    "housing supplies": {
        "policies/transport-card": 0,
        "policies/water-supply": 0,
    },
    "modernising recycling": {
        "news/recycling-plaza-to-open": 1,
        "policies/urban-regeneration": 1,
        "media/cities-today-mayor-interview": 0,
    },
    "T-money 교통카드": {
        "guides/transportation-policy/one-card-one-fare": 2,
        "policies/transport-card": 2,
        "sharing/bangkok-card-consulting-2013": 1,
        "sharing/kuala-lumpur-bus-card-2005": 1,
        "sharing/wellington-snapper-2007": 1,
    },
    "CCTV 통합관제": {
        "media": 0,
        "policies/transport-card": 0,
        "sharing/bangkok-card-consulting-2013": 0,
        "sharing/bogota-sitp-fare-collection-2011": 0,
    },
    "K-pop 축제": {
        "media": 0,
    },
    "Cheonggyecheon 청계천": {
        "guides/transportation-policy/data-and-streets": 1,
        "media": 0,
        "themes/transport": 0,
    },
    "Ttareungyi 따릉이": {
        "guides/transportation-policy/data-and-streets": 1,
        "news/climate-card-launch": 0,
    },
    "Arisu 아리수": {
        "guides/water-supply-policy": 2,
        "guides/water-supply-policy/arisu-and-water-quality": 2,
        "policies/water-supply": 2,
        "themes/water-supply": 1,
    },
    "Seoul 도시재생": {
        "policies/urban-regeneration": 2,
        "events/urban-regeneration-study-visit-2023": 1,
        "about": 0,
        "media": 0,
        "media/cities-today-mayor-interview": 0,
        "media/city-dna-seoul": 0,
        "news/recycling-plaza-to-open": 0,
        "policies/seoul-plan-2030": 0,
        "policies/urban-railway": 0,
        "sharing-city": 0,
        "videos/seoul-timelapse": 0,
        "videos/sharing-city-seoul-explained": 0,
    },
    "e-government 전자정부": {
        "policies/e-government": 2,
        "sharing/kampala-ksp-e-government-2018": 1,
        "policies/commercial-area-information": 0,
        "policies/traffic-information": 0,
    },
    "road fatalities": {
        "news/halving-traffic-deaths-by-2021": 2,
        "policies/third-traffic-safety-plan": 2,
        "reports/traffic-safety-plan-summary": 1,
        "videos/pedestrians-first": 1,
        "guides/transportation-policy/why-reform": 0,
        "policies/traffic-information": 0,
        "themes/transport": 0,
    },
    "bike sharing": {
        "guides/transportation-policy/data-and-streets": 1,
        "policies/sharing-city-seoul": 0,
        "sharing-city": 0,
        "themes/transport": 0,
    },
    "metro": {
        "guides/transportation-policy/metro-network": 2,
        "policies/urban-railway": 2,
        "guides/transportation-policy": 1,
        "policies/late-night-bus": 0,
        "themes/transport": 0,
    },
    "air pollution": {
        "news/green-transport-zone-enforcement": 1,
        "news/city-data-science-institute-opens": 0,
        "news/climate-card-launch": 0,
        "policies/city-data-science-institute": 0,
        "policies/sharing-city-seoul": 0,
        "sharing-city": 0,
    },
    "affordable homes for young adults": {
        "policies/energy-retrofits-and-consultants": 0,
    },
    "garbage reduction": {
        "guides/water-supply-policy": 0,
    },
    "stormwater": {
        "guides/water-supply-policy/a-century-of-tap-water": 0,
        "guides/water-supply-policy/leaks-and-revenue-water": 0,
        "themes/water-supply": 0,
    },
    "elderly care": {
        "policies/seoul-plan-2030": 0,
    },
    "contactless fare payment": {
        "guides/transportation-policy/one-card-one-fare": 2,
        "policies/transport-card": 2,
        "sharing/bogota-sitp-fare-collection-2011": 1,
        "sharing/kuala-lumpur-bus-card-2005": 1,
        "sharing/wellington-snapper-2007": 1,
        "news/zero-pay-trial-launch": 0,
        "policies/transport-planning": 0,
    },
    "보행자 사망 줄이기": {
        "news/halving-traffic-deaths-by-2021": 2,
        "policies/third-traffic-safety-plan": 2,
        "videos/pedestrians-first": 2,
        "reports/traffic-safety-plan-summary": 1,
        "media": 0,
        "news/gwanghwamun-square-reopens": 0,
    },
    "전철": {
        "guides/transportation-policy/metro-network": 2,
        "policies/urban-railway": 2,
        "themes/transport": 0,
    },
    "대기오염": {
        "news/city-data-science-institute-opens": 0,
        "policies/city-data-science-institute": 0,
        "policies/sharing-city-seoul": 0,
        "sharing-city": 0,
    },
    "집값 부담": {
        "news/climate-card-launch": 0,
        "news/zero-pay-trial-launch": 0,
        "policies/energy-retrofits-and-consultants": 0,
        "policies/energy-welfare-civic-fund": 0,
    },
    "수돗물 품질": {
        "guides/water-supply-policy/arisu-and-water-quality": 2,
        "guides/water-supply-policy/pipes-and-trust": 2,
        "guides/water-supply-policy": 1,
        "guides/water-supply-policy/a-century-of-tap-water": 0,
        "themes/water-supply": 0,
    },
    "물난리 대책": {
        "policies/third-traffic-safety-plan": 0,
        "videos/pedestrians-first": 0,
    },
    "어르신 돌봄": {
        "policies/third-traffic-safety-plan": 0,
        "videos/pedestrians-first": 0,
    },
    "공유 자전거": {
        "guides/transportation-policy/data-and-streets": 1,
        "news/climate-card-launch": 0,
        "policies/sharing-city-seoul": 0,
        "sharing-city": 0,
    },
    "late-night bus service": {
        "policies/late-night-bus": 2,
        "events/late-night-bus-webinar": 1,
        "news/late-night-autonomous-bus": 1,
        "guides/transportation-policy/bus-reform-2004": 0,
        "news/hangang-bus-service": 0,
        "policies/city-data-science-institute": 0,
        "policies/transport-planning": 0,
    },
    "night bus routes planned with phone data": {
        "policies/late-night-bus": 2,
        "events/late-night-bus-webinar": 1,
        "guides/transportation-policy/bus-reform-2004": 0,
        "guides/transportation-policy/data-and-streets": 0,
        "news/late-night-autonomous-bus": 0,
        "policies/bus-management": 0,
        "policies/city-data-science-institute": 0,
        "policies/transport-planning": 0,
    },
    "urban farming on rooftops": {
        "events/policy-sharing-conference-2025": 0,
        "policies/sharing-city-seoul": 0,
        "policies/urban-planning": 0,
        "policies/urban-railway": 0,
    },
    "community vegetable gardens": {
        "media/cities-today-mayor-interview": 0,
        "policies/sharing-city-seoul": 0,
        "sharing-city": 0,
    },
    "allowance for unemployed young people": {
        "guides/transportation-policy": 0,
        "guides/water-supply-policy/pipes-and-trust": 0,
        "news/hangang-bus-service": 0,
        "policies/commercial-area-information": 0,
        "policies/energy-retrofits-and-consultants": 0,
        "policies/late-night-bus": 0,
    },
    "help with living costs while looking for a job": {
        "policies/energy-retrofits-and-consultants": 0,
        "policies/seoul-plan-2030": 0,
    },
    "neighbourhood community support centre": {
        "media": 0,
    },
    "residents solving local problems together": {
        "policies/city-data-science-institute": 0,
        "policies/energy-retrofits-and-consultants": 0,
        "policies/energy-welfare-civic-fund": 0,
        "policies/seoul-brand-i-seoul-u": 0,
        "policies/sharing-city-seoul": 0,
        "policies/urban-regeneration": 0,
        "sharing-city": 0,
    },
    "외국인 주민 지원": {
        "media": 0,
        "reports/energy-welfare-civic-fund-report": 0,
    },
    "이주 노동자 상담 전화": {
        "events/late-night-bus-webinar": 0,
        "events/policy-sharing-conference": 0,
        "events/policy-sharing-conference-2025": 0,
        "policies/bus-management": 0,
    },
    "해외 도시 정책 자문": {
        "about": 1,
        "policies/e-government": 0,
    },
    "외국 공무원 연수": {
        "media": 0,
    },
    "국제회의 유치": {
        "media": 0,
        "reports/un-habitat-urban-territorial-planning-guidelines": 0,
    },
    "행사 장소 찾기": {
        "events/energy-study-visit": 0,
        "events/late-night-bus-webinar": 0,
        "events/miti-data-governance-course": 0,
        "events/policy-sharing-conference": 0,
        "events/policy-sharing-conference-2025": 0,
        "events/urban-regeneration-study-visit-2023": 0,
    },
    "휠체어 관광": {
        "guides/transportation-policy/why-reform": 0,
        "policies/urban-regeneration": 0,
        "sharing/baku-intelligent-traffic-2009": 0,
    },
    "장애인 여행": {
        "videos/pedestrians-first": 0,
    },
    "crèches publiques": {
        "media": 0,
        "miti": 0,
    },
    "creche publique": {
        "media": 0,
        "miti": 0,
    },
    "garde d'enfants": {
        "policies/third-traffic-safety-plan": 0,
    },
    "abri climatisé": {
        "policies/sharing-city-seoul": 0,
    },
    "prêt d'outils entre voisins": {
        "media": 0,
        "policies/sharing-city-seoul": 0,
        "sharing-city": 0,
    },
    "marché traditionnel": {
        "about": 0,
        "policies/energy-welfare-civic-fund": 0,
    },
    "ventes des commerçants": {
        "sharing-city": 0,
    },
    "guarderías públicas": {
        "policies/transport-planning": 0,
    },
    "guarderia publica": {
        "policies/transport-planning": 0,
    },
    "mercado tradicional": {
        "policies/energy-welfare-civic-fund": 0,
        "sharing/chanchamayo-water-supply-2013": 0,
    },
    "vales de compra": {
        "policies/sharing-city-seoul": 0,
    },
    "public daycare": {
        "media": 0,
        "policies/transport-planning": 0,
    },
    "어린이집": {
        "policies/third-traffic-safety-plan": 0,
        "videos/pedestrians-first": 0,
    },
    "heatwave shelters": {
        "policies/energy-retrofits-and-consultants": 0,
        "policies/energy-welfare-civic-fund": 0,
        "reports/energy-welfare-civic-fund-report": 0,
    },
    "Sharing City": {
        "policies/sharing-city-seoul": 2,
        "sharing-city": 2,
        "videos/sharing-city-seoul-explained": 2,
        "media/cities-today-mayor-interview": 1,
        "events/policy-sharing-conference": 0,
        "events/policy-sharing-conference-2025": 0,
        "policies/e-government": 0,
        "policies/traffic-information": 0,
        "policies/urban-railway": 0,
    },
    "공유도시": {
        "policies/sharing-city-seoul": 2,
        "sharing-city": 2,
        "videos/sharing-city-seoul-explained": 2,
        "events/sharing-city-webinar-2021": 1,
        "media/cities-today-mayor-interview": 1,
        "events/policy-sharing-conference": 0,
        "events/policy-sharing-conference-2025": 0,
    },
    "traditional markets": {
        "policies/energy-welfare-civic-fund": 0,
    },
    "전통시장": {
        "media": 0,
    },
}
