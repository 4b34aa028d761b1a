"""Theme pages (policyshare/themes): transport and water supply, in Korean and English.

Every date and figure is public: Seoul Solution's own case pages and the Seoul Waterworks
Authority's (Arisu) pages, named in `source_name`/`source_url` where a figure is given.
Where the public record gives no exact date, the text stays general. A milestone's `policy`
is the slug of a demo policy (content/policies.py) that it links to.
"""

THEME_PAGES = [
    {
        "theme": "transport",
        "ko": {
            "title": "교통",
            "introduction": "<p>서울의 교통은 1960년대 전차에서 출발해 지하철망, 2004년 "
            "대중교통 체계 개편, 그리고 걷기와 자전거를 중심에 둔 오늘의 정책으로 이어져 "
            "왔습니다. 아래 연표는 다른 도시가 참고할 만한 주요 전환점을 시대별로 "
            "정리한 것입니다.</p>",
        },
        "en": {
            "title": "Transport",
            "introduction": "<p>Seoul's transport runs from the trams of the 1960s through a "
            "metro network and the 2004 public transport reform to today's policies, which put "
            "walking and cycling first. The timeline below sets out, decade by decade, the "
            "turning points other cities ask about most.</p>",
        },
        "indicators": [
            {
                "value": "3.7",
                "year": 2015,
                "ko": {
                    "label": "인구 10만 명당 교통사고 사망자",
                    "unit": "명",
                    "source_name": "서울시 제3차 교통안전계획",
                },
                "en": {
                    "label": "Road deaths per 100,000 residents",
                    "unit": "deaths",
                    "source_name": "Seoul's 3rd Traffic Safety Plan",
                },
            },
            {
                "value": "1.8",
                "year": 2021,
                "ko": {
                    "label": "2021년 목표: 인구 10만 명당 교통사고 사망자",
                    "unit": "명",
                    "source_name": "서울시 제3차 교통안전계획",
                },
                "en": {
                    "label": "Target for 2021: road deaths per 100,000 residents",
                    "unit": "deaths",
                    "source_name": "Seoul's 3rd Traffic Safety Plan",
                },
            },
        ],
        "milestones": [
            {
                "year": 1968,
                "ko": {
                    "title": "노면전차 운행 종료",
                    "text": "늘어나는 자동차 교통 속에서 서울의 전차가 운행을 마쳤습니다.",
                },
                "en": {
                    "title": "The trams stop running",
                    "text": "With car traffic growing, Seoul's trams were withdrawn.",
                },
            },
            {
                "year": 1974,
                "ko": {
                    "title": "지하철 1호선 개통",
                    "text": "서울역과 청량리를 잇는 우리나라 첫 지하철이 문을 열었습니다.",
                },
                "en": {
                    "title": "Subway Line 1 opens",
                    "text": "Korea's first subway line opened between Seoul Station and "
                    "Cheongnyangni.",
                },
            },
            {
                "year": 1984,
                "ko": {
                    "title": "지하철 2호선 순환선 완전 개통",
                    "text": "도심과 강남을 한 바퀴로 잇는 순환선이 완성되었습니다.",
                },
                "en": {
                    "title": "Line 2, the circle line, completed",
                    "text": "The loop linking the old city centre and Gangnam was completed.",
                },
            },
            {
                "year": 1996,
                "ko": {
                    "title": "남산 터널 혼잡통행료",
                    "text": "남산 1·3호 터널을 지나는 승용차에 혼잡통행료를 받기 시작했습니다.",
                },
                "en": {
                    "title": "Namsan tunnels congestion charge",
                    "text": "Cars driving through Namsan tunnels 1 and 3 began to pay a "
                    "congestion charge.",
                },
            },
            {
                "year": 2004,
                "ko": {
                    "title": "대중교통 체계 개편",
                    "text": "버스 준공영제, 간선·지선 노선 개편, 중앙버스전용차로, 거리비례 "
                    "통합요금과 교통카드 티머니를 한꺼번에 도입했습니다.",
                },
                "en": {
                    "title": "Public transport reform",
                    "text": "Semi-public bus operation, trunk and feeder routes, median bus "
                    "lanes, a distance-based integrated fare and the T-money card came in "
                    "together.",
                },
            },
            {
                "year": 2005,
                "ko": {
                    "title": "청계천 복원",
                    "text": "도심의 고가도로를 걷어 내고 청계천을 되살렸습니다.",
                },
                "en": {
                    "title": "Cheonggyecheon restored",
                    "text": "An elevated road through the city centre was taken down and the "
                    "Cheonggyecheon stream restored.",
                },
            },
            {
                "year": 2009,
                "ko": {"title": "지하철 9호선 개통", "text": ""},
                "en": {"title": "Subway Line 9 opens", "text": ""},
            },
            {
                "year": 2013,
                "ko": {
                    "title": "심야버스 운행",
                    "text": "통화량 빅데이터로 그린 노선에서 자정 이후 버스가 달리기 시작했습니다.",
                },
                "en": {
                    "title": "Late-night buses",
                    "text": "Buses began running after midnight on routes drawn from mobile "
                    "phone data.",
                },
                "policy": "late-night-bus",
            },
            {
                "year": 2015,
                "ko": {
                    "title": "공공자전거 따릉이",
                    "text": "서울시 공공자전거 대여 서비스가 시작되었습니다.",
                },
                "en": {
                    "title": "Ttareungyi public bikes",
                    "text": "Seoul's public bicycle hire service started.",
                },
            },
            {
                "year": 2017,
                "ko": {
                    "title": "제3차 교통안전계획",
                    "text": "2021년까지 교통사고 사망자를 절반으로 줄이는 계획을 발표했습니다.",
                },
                "en": {
                    "title": "Third Traffic Safety Plan",
                    "text": "A plan to halve road deaths by 2021 was announced.",
                },
                "policy": "third-traffic-safety-plan",
            },
            {
                "year": 2021,
                "ko": {
                    "title": "안전속도 5030",
                    "text": "도시부 일반도로 시속 50km, 주택가 등 이면도로 시속 30km의 제한속도가 "
                    "전국에서 시행되었습니다.",
                },
                "en": {
                    "title": "Safe speed 5030",
                    "text": "Speed limits of 50 km/h on urban roads and 30 km/h on residential "
                    "streets took effect nationwide.",
                },
                "policy": "third-traffic-safety-plan",
            },
        ],
    },
    {
        "theme": "water-supply",
        "ko": {
            "title": "상수도 (아리수)",
            "introduction": "<p>서울의 수돗물 ‘아리수’는 1908년 뚝도 정수장에서 시작해 "
            "전쟁 뒤 복구와 급수 확대, 유수율 관리, 고도정수처리로 발전해 왔습니다. "
            "아리수는 한강의 옛 이름으로, ‘크다’는 뜻의 옛말 ‘아리’와 물을 뜻하는 "
            "‘수’를 합친 말입니다.</p>",
        },
        "en": {
            "title": "Water supply (Arisu)",
            "introduction": "<p>Seoul's tap water, Arisu, began at the Ttukdo purification "
            "plant in 1908 and grew through post-war reconstruction, the extension of "
            "service to every household, leak control and advanced treatment. Arisu is an old "
            "name of the Han River: ‘ari’, an old word for big, and ‘su’, water.</p>",
        },
        "indicators": [
            {
                "value": "95.1",
                "year": 2018,
                "source_url": "https://arisu.seoul.go.kr/sudo_eng/sub/community/"
                "efficientManagement.jsp",
                "ko": {"label": "유수율", "unit": "%", "source_name": "서울특별시 상수도사업본부"},
                "en": {
                    "label": "Revenue water ratio",
                    "unit": "%",
                    "source_name": "Seoul Waterworks Authority",
                },
            },
            {
                "value": "55.2",
                "year": 1989,
                "source_url": "https://arisu.seoul.go.kr/sudo_eng/sub/community/"
                "efficientManagement.jsp",
                "ko": {
                    "label": "상수도사업본부 출범 당시 유수율",
                    "unit": "%",
                    "source_name": "서울특별시 상수도사업본부",
                },
                "en": {
                    "label": "Revenue water ratio when the Waterworks was founded",
                    "unit": "%",
                    "source_name": "Seoul Waterworks Authority",
                },
            },
            {
                "value": "98.8",
                "year": 1988,
                "source_url": "https://seoulsolution.kr/en/node/1805",
                "ko": {"label": "상수도 보급률", "unit": "%", "source_name": "Seoul Solution"},
                "en": {
                    "label": "Share of residents served",
                    "unit": "%",
                    "source_name": "Seoul Solution",
                },
            },
        ],
        "milestones": [
            {
                "year": 1908,
                "ko": {
                    "title": "뚝도 정수장 가동",
                    "text": "우리나라 첫 근대 상수도가 9월부터 하루 12,500㎥의 물을 공급했습니다.",
                },
                "en": {
                    "title": "Ttukdo purification plant opens",
                    "text": "Korea's first modern waterworks delivered 12,500 m³ a day from "
                    "September.",
                },
            },
            {
                "year": 1960,
                "ko": {
                    "title": "급수 확대의 시작",
                    "text": "보급률은 59.8%였습니다. 1960~70년대 빠른 도시화로 물 수요가 "
                    "급증하자 외국 원조, 시 채권, 국고 보조로 정수 시설을 늘렸습니다.",
                },
                "en": {
                    "title": "Extending the service",
                    "text": "59.8% of residents were served. As demand soared with the "
                    "rapid urbanisation of the 1960s and 1970s, the city expanded treatment "
                    "with foreign aid, municipal bonds and state subsidies.",
                },
            },
            {
                "year": 1987,
                "ko": {
                    "title": "배수지 11곳 완공",
                    "text": "1985~1987년에 주요 배수지 11곳을 지어 저장 용량을 두 배로 늘렸습니다.",
                },
                "en": {
                    "title": "Eleven service reservoirs completed",
                    "text": "Built from 1985 to 1987, they doubled storage capacity.",
                },
            },
            {
                "year": 1989,
                "ko": {
                    "title": "상수도사업본부 출범",
                    "text": "11월 출범 당시 유수율은 55.2%였고, 이때부터 누수 관리가 핵심 "
                    "과제가 되었습니다. 보급률은 99%에 이르렀습니다.",
                },
                "en": {
                    "title": "The Office of Waterworks is founded",
                    "text": "Founded in November with a revenue water ratio of 55.2%, it made "
                    "leak control its core task. 99% of residents were served.",
                },
            },
            {
                "year": 2004,
                "ko": {
                    "title": "‘아리수’ 브랜드",
                    "text": "서울 수돗물에 한강의 옛 이름인 ‘아리수’라는 이름을 붙였습니다.",
                },
                "en": {
                    "title": "The Arisu brand",
                    "text": "Seoul's tap water took the old name of the Han River, Arisu.",
                },
            },
            {
                "year": 2013,
                "ko": {
                    "title": "유수율 94.4%",
                    "text": "과학적 누수 탐지, 노후관 교체, 유량 감시로 유수율을 끌어올렸고 "
                    "정수장 10곳 가운데 4곳을 닫아 공원으로 바꿨습니다.",
                },
                "en": {
                    "title": "Revenue water ratio reaches 94.4%",
                    "text": "Leak detection, pipe replacement and flow monitoring raised it; four "
                    "of ten purification plants were closed and turned into parks.",
                },
            },
            {
                "year": 2015,
                "ko": {
                    "title": "고도정수처리 전면 도입",
                    "text": "6개 아리수정수센터 모두에 오존과 입상활성탄을 이용한 "
                    "고도정수처리를 갖췄습니다.",
                },
                "en": {
                    "title": "Advanced treatment everywhere",
                    "text": "All six Arisu purification centres now treat water with ozone "
                    "and granular activated carbon.",
                },
            },
        ],
    },
]
