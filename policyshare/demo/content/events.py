"""Demo events: MITI training courses, study-visit programmes, webinars and a conference.

Every event here is an illustrative example, not a record of a real event: each summary
says so and each body ends with DEMO_NOTE. Past events carry a fixed date (2019-2025);
upcoming ones are placed relative to the day the demo is loaded (`starts_in_days`), so the
portal always has something coming up. Sessions are (day offset, start, end, zone), times
local to the zone. Themes and related policies are slugs of the demo's own.
"""

from datetime import date

DEMO_NOTE = {
    "ko": "<p><em>데모용 예시 행사입니다. 날짜, 일정, 장소와 정원은 실제 행사가 아니라 "
    "포털의 행사 기능을 보여 주기 위한 예시입니다.</em></p>",
    "en": "<p><em>An illustrative demo event: its dates, programme, venue and capacity are "
    "examples showing the portal's events, not a record of a real event.</em></p>",
}
ILLUSTRATIVE = {"ko": "예시 행사", "en": "Illustrative example"}
VENUE = {
    "ko": ("서울(예시 장소)", "장소는 등록하신 분께 안내합니다."),
    "en": ("Seoul (illustrative venue)", "The venue is given to registrants."),
}
# Reserved for examples (RFC 2606): never mistaken for a real meeting link.
ONLINE_URL = "https://example.org/policyshare-demo/webinar/{slug}"

EVENTS = [
    {
        "slug": "miti-smart-transport-course-2019",
        "kind": "training",
        "on": date(2019, 10, 14),
        "sessions": [(day, "09:00", "17:00", "Asia/Seoul") for day in range(5)],
        "capacity": 25,
        "venue": True,
        "themes": ["transport"],
        "policies": ["late-night-bus", "third-traffic-safety-plan"],
        "ko": {
            "title": "MITI 연수과정: 데이터로 만드는 대중교통",
            "summary": "해외 도시 교통 공무원을 위한 5일 과정으로, 승객 데이터로 노선을 "
            "설계한 서울의 심야버스와 교통안전 정책을 다룹니다.",
            "body": "<p>메트로폴리스 국제교육원(MITI)의 과정 형식을 따른 예시입니다. "
            "강의, 현장 방문, 도시별 실행 계획 발표로 구성됩니다.</p>",
        },
        "en": {
            "title": "MITI course: public transport shaped by data",
            "summary": "A five-day course for transport officials of cities abroad on how "
            "Seoul used passenger data to plan its late-night buses, and on its road-safety "
            "policy.",
            "body": "<p>An example in the format of a course of the Metropolis International "
            "Training Institute (MITI): lectures, site visits and each city's action plan.</p>",
        },
    },
    {
        "slug": "sharing-city-webinar-2021",
        "kind": "webinar",
        "on": date(2021, 6, 23),
        "sessions": [(0, "10:00", "11:30", "Asia/Seoul"), (0, "09:00", "10:30", "America/Bogota")],
        "capacity": 300,
        "online": True,
        "themes": ["sharing-city"],
        "policies": ["sharing-city-seoul"],
        "ko": {
            "title": "웨비나: 공유도시 서울의 10년",
            "summary": "공유도시 정책의 설계와 민간 공유기업 지정 제도를 소개하는 온라인 "
            "세미나로, 아시아·태평양과 미주 시간대에 한 번씩 열립니다.",
            "body": "<p>같은 내용을 두 번 진행합니다. 첫 회는 서울 시간 오전, 둘째 회는 "
            "보고타 시간 오전입니다.</p>",
        },
        "en": {
            "title": "Webinar: ten years of Sharing City Seoul",
            "summary": "An online seminar on how the Sharing City policy was designed and how "
            "the city designates sharing enterprises, held once for Asia-Pacific and once "
            "for the Americas.",
            "body": "<p>The same programme twice: the first sitting in the Seoul morning, the "
            "second in the Bogotá morning.</p>",
        },
    },
    {
        "slug": "urban-regeneration-study-visit-2023",
        "kind": "study_visit",
        "on": date(2023, 5, 15),
        "sessions": [(day, "09:30", "18:00", "Asia/Seoul") for day in range(3)],
        "capacity": 20,
        "venue": True,
        "themes": ["urban-planning"],
        "policies": ["urban-regeneration", "seoul-plan-2030"],
        "ko": {
            "title": "도시재생 현장 연수 프로그램",
            "summary": "주민이 참여한 서울의 도시재생 지역을 둘러보고 담당 공무원과 "
            "토론하는 3일 방문 프로그램입니다.",
            "body": "<p>첫날 정책 설명, 둘째 날 현장 방문, 셋째 날 토론으로 이루어집니다.</p>",
        },
        "en": {
            "title": "Study visit: urban regeneration on the ground",
            "summary": "A three-day visit to neighbourhoods Seoul regenerated with their "
            "residents, with discussions with the officials in charge.",
            "body": "<p>A policy briefing on the first day, site visits on the second and a "
            "round table on the third.</p>",
        },
    },
    {
        "slug": "policy-sharing-conference-2025",
        "kind": "conference",
        "on": date(2025, 9, 24),
        "sessions": [(day, "09:00", "17:30", "Asia/Seoul") for day in range(2)],
        "capacity": 200,
        "venue": True,
        "themes": ["e-government", "transport"],
        "policies": ["city-data-science-institute"],
        "ko": {
            "title": "도시 정책 공유 콘퍼런스 2025",
            "summary": "정책을 전한 도시와 받아들인 도시가 함께 성과와 어려움을 나누는 "
            "이틀간의 콘퍼런스입니다.",
            "body": "<p>분야별 분과와 도시 간 일대일 상담으로 구성됩니다.</p>",
        },
        "en": {
            "title": "Urban policy sharing conference 2025",
            "summary": "Two days in which cities that shared policies and cities that adopted "
            "them compare results and difficulties.",
            "body": "<p>Sessions by field, and one-to-one meetings between cities.</p>",
        },
    },
    {
        "slug": "miti-data-governance-course",
        "kind": "training",
        "starts_in_days": 21,
        "sessions": [(day, "09:00", "17:00", "Asia/Seoul") for day in range(5)],
        "capacity": 25,
        "venue": True,
        "themes": ["e-government"],
        "policies": ["city-data-science-institute", "commercial-area-information"],
        "ko": {
            "title": "MITI 연수과정: 데이터 기반 시정",
            "summary": "도시 데이터를 모아 정책 결정에 쓰는 방법을 다루는 5일 과정으로, "
            "서울의 도시데이터 분석 사례를 중심으로 진행합니다.",
            "body": "<p>메트로폴리스 국제교육원(MITI)의 과정 형식을 따른 예시입니다. 참가자는 "
            "마지막 날 자기 도시의 데이터 활용 계획을 발표합니다.</p>",
        },
        "en": {
            "title": "MITI course: data-driven city government",
            "summary": "A five-day course on gathering city data and using it in policy "
            "decisions, built around Seoul's urban data analysis.",
            "body": "<p>An example in the format of a course of the Metropolis International "
            "Training Institute (MITI). On the last day each participant presents a plan for "
            "their own city's data.</p>",
        },
    },
    {
        "slug": "late-night-bus-webinar",
        "kind": "webinar",
        "starts_in_days": 35,
        "sessions": [(0, "16:00", "17:30", "Asia/Seoul"), (1, "10:00", "11:30", "Europe/Paris")],
        "capacity": 300,
        "online": True,
        "themes": ["transport"],
        "policies": ["late-night-bus"],
        "ko": {
            "title": "웨비나: 휴대전화 통화 데이터로 설계한 심야버스",
            "summary": "서울 심야버스의 노선 설계와 운영을 소개하는 온라인 세미나로, "
            "아시아와 유럽·아프리카 시간대에 한 번씩 열립니다.",
            "body": "<p>같은 내용을 두 번 진행합니다. 첫 회는 서울 시간 오후, 둘째 회는 "
            "다음 날 파리 시간 오전입니다. 접속 링크는 등록이 확정된 분께만 "
            "안내합니다.</p>",
        },
        "en": {
            "title": "Webinar: late-night buses planned with call data",
            "summary": "An online seminar on how Seoul planned and runs its late-night bus "
            "routes, held once for Asia and once for Europe and Africa.",
            "body": "<p>The same programme twice: in the Seoul afternoon, then the next day in "
            "the Paris morning. The link is given to confirmed registrants only.</p>",
        },
    },
    {
        "slug": "energy-study-visit",
        "kind": "study_visit",
        "starts_in_days": 61,
        "sessions": [(day, "09:30", "18:00", "Asia/Seoul") for day in range(3)],
        "capacity": 20,
        "venue": True,
        "themes": ["environment", "welfare"],
        "policies": ["energy-welfare-civic-fund", "energy-retrofits-and-consultants"],
        "ko": {
            "title": "에너지 전환 현장 연수 프로그램",
            "summary": "에너지 복지 시민기금과 건물 에너지 효율화 사업을 현장에서 살펴보는 "
            "3일 방문 프로그램입니다.",
            "body": "<p>정책 설명, 개량 주택 방문, 담당 공무원과의 토론으로 이루어집니다.</p>",
        },
        "en": {
            "title": "Study visit: the energy transition on the ground",
            "summary": "A three-day visit to see Seoul's energy-welfare civic fund and its "
            "building retrofits at work.",
            "body": "<p>A policy briefing, visits to retrofitted homes and a discussion with "
            "the officials in charge.</p>",
        },
    },
    {
        "slug": "policy-sharing-conference",
        "kind": "conference",
        "starts_in_days": 120,
        "sessions": [(day, "09:00", "17:30", "Asia/Seoul") for day in range(2)],
        "capacity": 200,
        "venue": True,
        "themes": ["sharing-city", "urban-planning"],
        "policies": ["seoul-plan-2030"],
        "ko": {
            "title": "도시 정책 공유 콘퍼런스",
            "summary": "정책을 나눈 도시들이 다시 모여 그간의 성과를 점검하는 이틀간의 "
            "콘퍼런스입니다.",
            "body": "<p>분야별 분과와 도시 간 일대일 상담으로 구성됩니다.</p>",
        },
        "en": {
            "title": "Urban policy sharing conference",
            "summary": "Two days in which cities that shared policies meet again to review "
            "what came of them.",
            "body": "<p>Sessions by field, and one-to-one meetings between cities.</p>",
        },
    },
]
