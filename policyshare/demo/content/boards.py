"""Board posts: Seoul's news, Seoul in the world's media, videos and reports.

Keys are board slugs from `ensure_sections()`. Each post has a slug shared by both languages.
Video ids are made up for the demo; the player only loads when a reader clicks.
Report documents are small generated PDFs that point readers to the original publisher.
"""

from datetime import date

from .recent_news import RECENT_NEWS

WRITER = {"ko": "정책공유 편집팀", "en": "Policy Sharing Editors"}

POSTS = {
    "news": [
        *RECENT_NEWS,
        {
            "slug": "seoul-brand-guide-2",
            "registered_on": date(2017, 4, 25),
            "views": {"ko": 8, "en": 6},
            "ko": {
                "title": "서울 브랜드 가이드 2.0 발간",
                "summary": "시민과 기업이 I·SEOUL·U를 더 쉽게 쓸 수 있도록, 브랜드의 "
                "정체성과 디자인 자료를 보강한 가이드 2.0이 나왔습니다.",
                "body": "<p>서울시가 서울 브랜드 가이드 2.0을 펴냈습니다. 2015년 11월 "
                "I·SEOUL·U 발표와 함께 나온 1.0판을 보완해, 브랜드의 정체성 설명과 활용할 수 "
                "있는 이미지를 더했습니다.</p><p>가이드는 네 개 장으로 되어 있습니다. 도시 "
                "브랜드의 의미와 개발 과정, 브랜드의 언어적·시각적 의미, 로고 사용법과 그래픽 "
                "자료, 그리고 여러 매체와 상품에 적용한 디자인 예시를 차례로 다룹니다.</p>"
                "<p>가이드는 관련 기관과 25개 자치구에 배포되며, 전자책과 이미지 파일로도 "
                "내려받을 수 있습니다. 서울시는 브랜드 상품을 만들 협력 기업도 찾고 "
                "있습니다.</p>",
            },
            "en": {
                "title": "Seoul Brand Guide 2.0 published",
                "summary": "A revised guide, with more on the brand's identity and more design "
                "material, makes it easier for residents and companies to use I·SEOUL·U.",
                "body": "<p>The city has released version 2.0 of its brand guide. It builds on "
                "the first edition, which accompanied the launch of I·SEOUL·U in November 2015, "
                "with a fuller account of the brand's identity and images that anyone may "
                "use.</p><p>Four chapters cover, in turn, the idea of a city brand and how "
                "Seoul's came about, the verbal and visual meaning of the brand, how to use "
                "the logo with its graphic resources, and examples applied to media and "
                "products.</p><p>The guide is going to related organisations and the 25 "
                "autonomous districts and can be downloaded as an e-book and as image files. "
                "The city is also seeking partner companies to make branded products.</p>",
            },
        },
        {
            "slug": "halving-traffic-deaths-by-2021",
            "registered_on": date(2017, 4, 18),
            "views": {"ko": 5, "en": 9},
            "ko": {
                "title": "2021년까지 교통사고 사망자 절반으로",
                "summary": "서울시가 제3차 교통안전계획을 발표했습니다. 인구 10만 명당 "
                "사망자를 2015년 3.7명에서 2021년 1.8명으로 줄이는 것이 목표입니다.",
                "body": "<p>서울시가 교통사고 사망률을 세계 선진 도시 수준으로 낮추기 위한 "
                "제3차 교통안전계획을 내놓았습니다. 2015년 서울의 인구 10만 명당 교통사고 "
                "사망자는 3.7명으로 전국에서 가장 적었지만, 시는 2021년 목표를 그 절반인 "
                "1.8명으로 잡았습니다.</p><p>계획은 보행자, 사업용 차량, 이륜차·자전거, "
                "교통안전 체계의 네 분야로 나뉩니다. 먼저 보행자 사망을 70% 줄이기 위해 "
                "제한속도를 낮추고 교차로 횡단보도를 늘립니다. 택시·버스 사고를 절반으로 "
                "줄이기 위한 운수회사 평가와 운전자 교육도 강화합니다.</p>",
            },
            "en": {
                "title": "Seoul aims to halve road deaths by 2021",
                "summary": "The 3rd Traffic Safety Plan sets a target of 1.8 deaths per "
                "100,000 residents by 2021, down from 3.7 in 2015.",
                "body": "<p>Seoul has unveiled its 3rd Traffic Safety Plan, which aims to "
                "bring road deaths down to the level of the world's safest cities. In 2015 "
                "the city had 3.7 deaths per 100,000 residents, the fewest of any Korean "
                "region, but it has set 1.8, half that rate, as its goal for 2021.</p>"
                "<p>The plan has four focus areas: pedestrians, commercial vehicles, "
                "motorcycles and bicycles, and the safety system. Work starts with a 70% cut "
                "in pedestrian deaths through lower speed limits and more crossings at "
                "junctions. Operator assessments and driver training aim to halve crashes "
                "involving taxis and buses.</p>",
            },
        },
        {
            "slug": "city-data-science-institute-opens",
            "registered_on": date(2017, 4, 18),
            "views": {"ko": 7, "en": 11},
            "ko": {
                "title": "도시 문제, 빅데이터로 푼다…도시데이터사이언스연구소 개소",
                "summary": "서울시와 서울대학교가 4월 12일 개포디지털혁신파크에 "
                "도시데이터사이언스연구소를 열었습니다.",
                "body": "<p>서울시와 서울대학교가 함께 만든 도시데이터사이언스연구소가 4월 "
                "12일 개포디지털혁신파크에서 문을 열었습니다. 연구소는 앞으로 3년 동안 교통, "
                "환경, 도시개발 세 분야에서 네 가지 핵심 과제를 연구합니다.</p><p>오염과 "
                "소음의 원인 분석, 젠트리피케이션 대응, 교통 환경 개선 등이 주요 과제이며, "
                "대학생·구직자·시민·현장 전문가 등 해마다 1,000명가량에게 데이터 교육도 "
                "합니다.</p><p>서울시는 2013년 심야버스 노선을 통화량과 유동인구 "
                "데이터로 정했고, 2,000억 건의 데이터를 분석한 상권 정보를 창업 예정자에게 "
                "제공하고 있습니다.</p>",
            },
            "en": {
                "title": "New institute to tackle urban problems with big data",
                "summary": "The city and Seoul National University opened the City Data "
                "Science Research Institute at Gaepo Digital Innovation Park on 12 April.",
                "body": "<p>The City Data Science Research Institute, a joint venture of the "
                "city and Seoul National University, opened at Gaepo Digital Innovation Park "
                "on 12 April. Over the next three years it will pursue four core research "
                "topics across three fields: transport, environment and urban "
                "development.</p><p>Its agenda includes explaining the sources of pollution "
                "and noise, responding to gentrification and improving traffic conditions. "
                "It will also train about 1,000 students, job seekers, residents and "
                "practitioners in data each year.</p><p>Seoul already planned its 2013 "
                "late-night bus routes from data on call volumes and on the floating "
                "population, and offers commercial-area information built from 200 billion "
                "records to people "
                "planning a start-up.</p>",
            },
        },
        {
            "slug": "recycling-plaza-to-open",
            "registered_on": date(2017, 3, 20),
            "views": {"ko": 4, "en": 3},
            "ko": {
                "title": "서울새활용플라자, 올해 문 연다",
                "summary": "새활용 전시관과 업사이클 제품 매장을 갖춘 자원순환 거점이 올해 "
                "개관합니다.",
                "body": "<p>서울시가 올해 안에 자원순환 거점인 서울새활용플라자를 엽니다. "
                "플라자에는 새활용 전시관과 중고·업사이클 제품 매장이 들어서, 시민이 "
                "고쳐 쓰고 다시 쓰는 순환경제의 이점을 직접 경험할 수 있습니다.</p>"
                "<p>이번 사업은 낡은 동네를 허물지 않고 살려 온 도시재생 정책과 같은 "
                "생각에서 출발했습니다.</p>",
            },
            "en": {
                "title": "Seoul Recycling Plaza to open this year",
                "summary": "A hub with an exhibition space about recycling and a shop for "
                "upcycled goods will open in 2017.",
                "body": "<p>Seoul will open the Seoul Recycling Plaza later this year. The hub "
                "will house an exhibition hall on recycling and a mall for second-hand and "
                "upcycled goods, so residents can experience the benefits of repairing and "
                "reusing first-hand.</p><p>The project grows from the same thinking as the "
                "city's urban regeneration work, which renews old neighbourhoods instead of "
                "tearing them down.</p>",
            },
        },
    ],
    "media": [
        {
            "slug": "cities-today-mayor-interview",
            "registered_on": date(2017, 3, 14),
            "views": {"ko": 5, "en": 12},
            "original_url": "https://cities-today.com/",
            "ko": {
                "title": "박원순 서울시장 인터뷰: 공동체가 이끄는 도시",
                "source_outlet": "Cities Today",
                "source_country": "영국",
                "summary": "영국의 도시 전문지 Cities Today가 2016년 11월 박원순 서울시장을 "
                "인터뷰해 공유도시, 에너지복지, 2030 서울플랜, 도시재생을 소개했습니다.",
                "body": "<p>Cities Today는 박 시장이 시민사회 활동을 거쳐 2011년 무소속으로 "
                "당선된 이력을 소개하고, 취임 직후 시작한 공유도시 서울 정책을 비중 있게 "
                "다루었습니다.</p><p>기사는 2015년 시작한 에너지복지 민관 협력과 시민기금, "
                "시민 100명이 참여한 2030 서울플랜, 이화마을·장수마을의 도시재생, 그리고 "
                "개관을 앞둔 서울새활용플라자를 서울의 대표 정책으로 꼽았습니다. 원문은 "
                "Cities Today 누리집에서 볼 수 있습니다.</p>",
            },
            "en": {
                "title": "Mayor Park Won-soon on community-led development",
                "source_outlet": "Cities Today",
                "source_country": "United Kingdom",
                "summary": "In November 2016 the urban-affairs magazine Cities Today interviewed "
                "Mayor Park Won-soon about Sharing City Seoul, energy welfare, the 2030 Seoul "
                "Plan and urban regeneration.",
                "body": "<p>The magazine traces the mayor's path from civil-society work to "
                "his election as an independent in 2011, and gives much of its space to "
                "Sharing City Seoul, launched soon after he took office.</p><p>It also "
                "highlights the energy-welfare partnership and civic fund started in 2015, "
                "the 2030 Seoul Plan shaped by 100 citizens, the regeneration of Ihwa and "
                "Jangsu villages, and the Seoul Recycling Plaza then about to open. The full "
                "article is on the Cities Today website.</p>",
            },
        },
        {
            "slug": "global-power-city-index",
            "registered_on": date(2017, 4, 18),
            "views": {"ko": 14, "en": 10},
            "original_url": "https://mori-m-foundation.or.jp/english/",
            "ko": {
                "title": "세계 도시 종합경쟁력 지수, 서울 종합 6위",
                "source_outlet": "모리기념재단 (The Mori Memorial Foundation)",
                "source_country": "일본",
                "summary": "모리기념재단의 세계 도시 종합경쟁력 지수(GPCI)에서 서울이 종합 "
                "6위에 올랐습니다.",
                "body": "<p>GPCI는 금융이나 살기 좋음처럼 한 분야만 보지 않고 도시의 종합적인 "
                "힘을 평가합니다. 세계 주요 42개 도시를 경제, 연구개발, 문화 교류, 거주성, "
                "환경, 교통 접근성의 여섯 기능과 경영자, 연구자, 예술가, 방문자, 거주자의 "
                "다섯 행위자 관점에서 비교합니다.</p><p>지수는 도시학자 고(故) 피터 홀 경 등 "
                "연구자들이 참여해 만들었고, 공공·민간의 외부 전문가 검토를 거쳤습니다.</p>",
            },
            "en": {
                "title": "Seoul sixth overall in the Global Power City Index",
                "source_outlet": "The Mori Memorial Foundation",
                "source_country": "Japan",
                "summary": "Seoul ranks sixth overall in the Mori Memorial Foundation's Global "
                "Power City Index (GPCI).",
                "body": "<p>Rather than rank cities on a single theme such as finance or "
                "liveability, the GPCI measures their overall strength. It compares 42 "
                "leading cities across six functions (economy, research and development, "
                "cultural interaction, liveability, environment and accessibility) and from "
                "the viewpoint of five kinds of people: managers, researchers, artists, "
                "visitors and residents.</p><p>The index was developed with academics "
                "including the late Sir Peter Hall and has been reviewed by outside experts "
                "from the public and private sectors.</p>",
            },
        },
        {
            "slug": "city-dna-seoul",
            "registered_on": date(2017, 4, 15),
            "views": {"ko": 25, "en": 17},
            "original_url": "https://www.channelnewsasia.com/",
            "ko": {
                "title": "City DNA 2편: 서울",
                "source_outlet": "Channel NewsAsia",
                "source_country": "싱가포르",
                "summary": "Channel NewsAsia의 도시 기획 시리즈 City DNA가 2017년 4월 11일 "
                "서울 편을 방영했습니다.",
                "body": "<p>프로그램은 하루를 휴식, 일, 여가에 8시간씩 나누는 이상적인 "
                "생활을 기준으로 서울의 살기 좋음을 들여다봅니다. 제작진은 다양한 직업과 "
                "처지의 시민을 만나 서울에서의 삶의 질을 묻습니다. 영어로 제작되었습니다.</p>",
            },
            "en": {
                "title": "City DNA, episode 2: Seoul",
                "source_outlet": "Channel NewsAsia",
                "source_country": "Singapore",
                "summary": "Channel NewsAsia's series on cities, City DNA, broadcast its Seoul "
                "episode on 11 April 2017.",
                "body": "<p>Taking as its yardstick an ideal day split into eight hours each of "
                "rest, work and leisure, the programme asks how liveable Seoul is. The crew "
                "meets residents from many walks of life to find out what daily life in the "
                "city is like. The episode is in English.</p>",
            },
        },
    ],
    "videos": [
        {
            "slug": "seoul-timelapse",
            "registered_on": date(2017, 3, 16),
            "views": {"ko": 12, "en": 15},
            "video_url": "https://www.youtube.com/watch?v=q7Sx2mLk4Ha",
            "ko": {
                "title": "타임랩스로 본 서울",
                "source_outlet": "National Geographic",
                "summary": "낮과 밤이 바뀌는 서울의 풍경을 빠르게 돌려 보는 타임랩스 영상입니다.",
                "body": "<p>한강, 도심의 고층 건물, 옛 궁궐과 골목이 시간의 흐름 속에 "
                "어우러지는 모습을 담았습니다. 재생 버튼을 누르면 영상이 열립니다.</p>",
            },
            "en": {
                "title": "Seoul in time-lapse",
                "source_outlet": "National Geographic",
                "summary": "A time-lapse film of Seoul as day turns into night.",
                "body": "<p>The Han River, downtown towers, old palaces and narrow lanes blend "
                "as the hours speed by. Press play to load the video.</p>",
            },
        },
        {
            "slug": "sharing-city-seoul-explained",
            "registered_on": date(2017, 2, 8),
            "views": {"ko": 21, "en": 18},
            "video_url": "https://youtu.be/Rk2vN8pQe3w",
            "ko": {
                "title": "3분으로 보는 공유도시 서울",
                "source_outlet": "서울특별시",
                "summary": "공유도시 서울이 무엇이고 왜 시작했는지 짧게 소개합니다.",
                "body": "<p>공공자산 개방에서 정보·지식·재능 나눔까지, 공유도시 서울이 걸어온 "
                "길을 한눈에 정리했습니다.</p>",
            },
            "en": {
                "title": "Sharing City Seoul in three minutes",
                "source_outlet": "Seoul Metropolitan Government",
                "summary": "A short introduction to what Sharing City Seoul is and why it began.",
                "body": "<p>From opening public property to sharing information, know-how and "
                "skills: the path of Sharing City Seoul at a glance.</p>",
            },
        },
        {
            "slug": "pedestrians-first",
            "registered_on": date(2017, 4, 27),
            "views": {"ko": 9, "en": 7},
            "video_url": "https://www.youtube.com/watch?v=Hb5tYw0cLm8",
            "ko": {
                "title": "보행자가 먼저인 길",
                "source_outlet": "서울특별시",
                "summary": "제3차 교통안전계획의 보행자 안전 대책을 소개합니다.",
                "body": "<p>낮아진 제한속도, 모든 방향 횡단보도, 어린이·어르신 보호 대책이 "
                "거리에서 어떻게 적용되는지 보여 줍니다.</p>",
            },
            "en": {
                "title": "Streets where pedestrians come first",
                "source_outlet": "Seoul Metropolitan Government",
                "summary": "The pedestrian-safety measures of the 3rd Traffic Safety Plan.",
                "body": "<p>Lower speed limits, crossings in every direction and extra "
                "protection for children and older people, seen on the street.</p>",
            },
        },
    ],
    "reports": [
        {
            "slug": "un-habitat-urban-territorial-planning-guidelines",
            "registered_on": date(2017, 4, 5),
            "views": {"ko": 16, "en": 22},
            "original_url": "https://unhabitat.org/",
            "document": "un-habitat-planning-guidelines-note.pdf",
            "ko": {
                "title": "UN-Habitat 도시 및 지역 계획 국제 가이드라인",
                "source_outlet": "UN-Habitat",
                "summary": "UN-Habitat의 도시 및 지역 계획 국제 가이드라인의 구성을 소개합니다.",
                "body": "<p>가이드라인은 중앙정부, 지방정부, 시민사회, 계획 전문가가 도시와 "
                "지역 계획을 세울 때 참고할 원칙과 권고를 담고 있습니다. 첨부 파일은 이 "
                "포털의 데모용 안내문이며, 전문은 UN-Habitat 누리집에서 받을 수 있습니다.</p>",
            },
            "en": {
                "title": "UN-Habitat International Guidelines on Urban and Territorial Planning",
                "source_outlet": "UN-Habitat",
                "summary": "An overview of how UN-Habitat's planning guidelines are structured.",
                "body": "<p>The guidelines set out principles and recommendations for "
                "national governments, local authorities, civil society and planners who "
                "prepare urban and territorial plans. The attached file is a demo note from "
                "this portal; the full text is available from UN-Habitat.</p>",
            },
        },
        {
            "slug": "traffic-safety-plan-summary",
            "registered_on": date(2017, 4, 19),
            "views": {"ko": 10, "en": 13},
            "document": "third-traffic-safety-plan-summary.pdf",
            "ko": {
                "title": "제3차 서울시 교통안전계획 요약",
                "source_outlet": "서울특별시",
                "summary": "2021년까지 인구 10만 명당 교통사고 사망자를 1.8명으로 줄이는 "
                "계획의 요약본입니다.",
                "body": "<p>네 개 중점 분야와 분야별 목표를 정리했습니다. 자세한 내용은 "
                "정책 사례 페이지를 참고하십시오.</p>",
            },
            "en": {
                "title": "Summary of Seoul's 3rd Traffic Safety Plan",
                "source_outlet": "Seoul Metropolitan Government",
                "summary": "A summary of the plan to reach 1.8 road deaths per 100,000 "
                "residents by 2021.",
                "body": "<p>The four focus areas and their targets on a single page. See the "
                "policy case for the full story.</p>",
            },
        },
        {
            "slug": "energy-welfare-civic-fund-report",
            "registered_on": date(2017, 1, 10),
            "views": {"ko": 6, "en": 8},
            "document": "energy-welfare-civic-fund-report.pdf",
            "ko": {
                "title": "에너지복지 시민기금 운영 보고",
                "source_outlet": "서울특별시",
                "summary": "시민기금의 모금 현황과 가상발전소 수익, 주요 지원 사업을 정리했습니다.",
                "body": "<p>34개 기업과 시민 1,800명의 기부금 500,810달러, 가상발전소 "
                "5MW 판매 수익, 태양광·LED·집수리 지원 내용을 담았습니다.</p>",
            },
            "en": {
                "title": "Energy Welfare Civic Fund: progress report",
                "source_outlet": "Seoul Metropolitan Government",
                "summary": "Donations, virtual power plant revenue and the main support "
                "programmes of the civic fund.",
                "body": "<p>Covers the US$500,810 given by 34 companies and 1,800 citizens, "
                "revenue from selling 5 MW of saved power, and support for solar panels, "
                "LED lighting and home retrofits.</p>",
            },
        },
    ],
}
