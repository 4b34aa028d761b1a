"""Seoul's news from 2018 to 2025, written for the demo from public reporting (each post links
the report it rests on): policies of the city that other cities ask about. Summaries and
bodies are our own words; figures are those the city announced at the time."""

from datetime import date

RECENT_NEWS = [
    {
        "slug": "zero-pay-trial-launch",
        "registered_on": date(2018, 12, 20),
        "views": {"ko": 7, "en": 5},
        "original_url": "http://www.koreaherald.com/view.php?ud=20181220000511",
        "ko": {
            "title": "소상공인 결제 수수료를 낮추는 ‘제로페이’ 시범 서비스 시작",
            "summary": "소비자가 가게의 QR코드를 스마트폰으로 읽으면 계좌에서 바로 "
            "결제되는 제로페이가 서울에서 시범 운영을 시작했습니다.",
            "body": "<p>서울시가 2018년 12월 20일 제로페이 시범 서비스를 시작했습니다. "
            "소비자가 은행 앱이나 간편결제 앱으로 가게의 QR코드를 읽으면, 결제 금액이 "
            "소비자 계좌에서 판매자 계좌로 바로 이체됩니다.</p><p>연 매출 8억 원 이하 "
            "가맹점은 수수료를 내지 않고, 그보다 큰 가맹점은 0.3~0.5%를 냅니다. 시는 "
            "신용카드 수수료에 부담을 느끼는 소상공인을 돕는 것이 목적이라고 밝혔습니다.</p>",
        },
        "en": {
            "title": "Zero Pay trial starts to cut small merchants' payment fees",
            "summary": "Shoppers scan a shop's QR code with their phone and pay straight from "
            "their bank account: Seoul has started a trial of Zero Pay.",
            "body": "<p>Seoul began a trial of Zero Pay on 20 December 2018. A customer scans "
            "the shop's QR code with a banking or payment app, and the amount moves directly "
            "from the customer's account to the merchant's.</p><p>Merchants with annual "
            "sales up to 800 million won pay no fee; larger ones pay 0.3 to 0.5 percent. The "
            "city says the aim is to relieve small businesses of card fees.</p>",
        },
    },
    {
        "slug": "green-transport-zone-enforcement",
        "registered_on": date(2019, 12, 1),
        "views": {"ko": 9, "en": 8},
        "original_url": "http://english.seoul.go.kr/seoul-to-control-grade-5-vehicles-of-emission-gas-in-green-transport-zones-from-dec-1/",
        "ko": {
            "title": "한양도성 안 녹색교통지역, 5등급 차량 운행 제한 시작",
            "summary": "한양도성 안 16.7㎢의 녹색교통지역에서 배출가스 5등급 차량의 "
            "운행 제한 단속이 시작되었습니다.",
            "body": "<p>서울시가 2019년 12월 1일부터 한양도성 안 녹색교통지역에서 "
            "배출가스 5등급 차량의 운행을 제한합니다. 종로구와 중구 일부를 포함한 "
            "16.7㎢ 지역으로, 오전 6시부터 오후 9시까지 적용됩니다.</p><p>지역의 출입 "
            "지점에 설치한 카메라로 단속하며, 위반하면 하루 25만 원의 과태료가 부과됩니다. "
            "매연저감장치를 단 차량 등은 제외됩니다. 7월부터 시범 운영을 거쳤습니다.</p>",
        },
        "en": {
            "title": "Green Transport Zone inside the city wall: high-emission cars restricted",
            "summary": "Enforcement has begun in the 16.7 km² Green Transport Zone inside "
            "Seoul's old city wall: the most polluting vehicles may no longer drive in it.",
            "body": "<p>From 1 December 2019, vehicles of emission grade 5 may not drive in "
            "the Green Transport Zone inside the Seoul City Wall, an area of 16.7 km² in "
            "parts of Jongno-gu and Jung-gu, between 6 a.m. and 9 p.m.</p><p>Cameras at the "
            "zone's entry points enforce the rule, with a fine of 250,000 won a day. "
            "Vehicles fitted with a particulate filter, among others, are exempt. A trial "
            "period had run since July.</p>",
        },
    },
    {
        "slug": "gwanghwamun-square-reopens",
        "registered_on": date(2022, 8, 6),
        "views": {"ko": 12, "en": 7},
        "original_url": "https://en.yna.co.kr/view/AEN20220806001400325",
        "ko": {
            "title": "광화문광장, 공원 같은 광장으로 다시 문 열어",
            "summary": "약 2년의 공사 끝에 광화문광장이 두 배 넘게 넓어지고 나무 그늘이 "
            "있는 광장으로 시민에게 돌아왔습니다.",
            "body": "<p>2020년 11월 시작한 공사를 마치고 광화문광장이 2022년 8월 6일 "
            "다시 열렸습니다. 광장 서쪽 차로를 광장으로 바꾸어 면적이 40,300㎡로 2.1배 "
            "넓어졌고, 5,000그루가 넘는 나무를 심어 광장의 약 4분의 1이 녹지가 "
            "되었습니다.</p><p>차량 중심의 도로 공간을 보행자에게 돌려준 사례로, 도심 "
            "보행 환경 개선에 관심 있는 도시들이 참고할 만합니다.</p>",
        },
        "en": {
            "title": "Gwanghwamun Square reopens as a greener, larger square",
            "summary": "After nearly two years of works, Gwanghwamun Square is back, more "
            "than twice its former size and shaded by trees.",
            "body": "<p>Works that began in November 2020 ended with the reopening of "
            "Gwanghwamun Square on 6 August 2022. A roadway on its western side became part "
            "of the square, which now covers 40,300 m², 2.1 times its former area; more than "
            "5,000 trees were planted, and about a quarter of it is green.</p><p>It is a case "
            "of road space given back to people on foot, of interest to cities working on "
            "walkable centres.</p>",
        },
    },
    {
        "slug": "late-night-autonomous-bus",
        "registered_on": date(2023, 12, 4),
        "views": {"ko": 10, "en": 11},
        "original_url": "https://gangnam.com/magazine/science/worlds-first-late-night-self-driving-bus-debuts-in-seoul/",
        "ko": {
            "title": "심야 자율주행버스, 합정~동대문 정기 운행 시작",
            "summary": "서울시가 심야 시간대 정기 노선에 자율주행버스를 투입했습니다. "
            "시는 세계 첫 사례라고 밝혔습니다.",
            "body": "<p>2023년 12월 4일 밤 11시 30분, 심야 자율주행버스(심야A21)가 "
            "합정역과 동대문역 사이 9.8km 중앙버스전용차로 구간에서 운행을 시작했습니다. "
            "평일 밤 11시 30분부터 다음 날 오전 5시 10분까지 두 대가 70분 간격으로 "
            "다닙니다.</p><p>당분간 요금은 받지 않습니다. 2013년 통화량 데이터로 노선을 "
            "짠 올빼미버스에 이어, 심야 이동을 돕는 서울의 새로운 시도입니다.</p>",
        },
        "en": {
            "title": "Late-night self-driving bus starts regular service",
            "summary": "Seoul has put self-driving buses on a regular late-night route, a "
            "first in the world according to the city.",
            "body": "<p>At 11.30 p.m. on 4 December 2023, the late-night autonomous bus A21 "
            "began running on the 9.8 km median bus lane between Hapjeong and Dongdaemun "
            "stations. Two buses run on weekdays from 11.30 p.m. to 5.10 a.m., 70 minutes "
            "apart.</p><p>Rides are free for the time being. It follows the Owl Bus, whose "
            "routes were drawn from call data in 2013, as Seoul's latest answer to travel at "
            "night.</p>",
        },
    },
    {
        "slug": "climate-card-launch",
        "registered_on": date(2024, 1, 27),
        "views": {"ko": 15, "en": 13},
        "original_url": "https://www.koreaherald.com/view.php?ud=20231219000712",
        "ko": {
            "title": "대중교통 무제한 정기권 ‘기후동행카드’ 시범 운영 시작",
            "summary": "한 달 62,000원으로 서울 안 지하철과 버스를 마음껏 타는 "
            "기후동행카드가 시범 운영에 들어갔습니다.",
            "body": "<p>서울시가 2024년 1월 27일 기후동행카드 시범 운영을 시작했습니다. "
            "62,000원권은 서울 안 지하철과 시내버스를, 65,000원권은 공공자전거 따릉이까지 "
            "한 달 동안 횟수 제한 없이 이용할 수 있습니다.</p><p>교통비 부담을 덜고 "
            "대중교통 이용을 늘려 온실가스를 줄이려는 정책입니다."
            "</p>",
        },
        "en": {
            "title": "Climate Card: unlimited public transport for a monthly fee",
            "summary": "For 62,000 won a month, the Climate Card gives unlimited rides on "
            "subways and buses within Seoul; its trial has begun.",
            "body": "<p>Seoul began the trial of its Climate Card on 27 January 2024. The "
            "62,000-won pass covers the subway and city buses within Seoul for a month, "
            "without limit; the 65,000-won pass adds the Ttareungi public bicycles.</p>"
            "<p>The pass is meant to ease the cost of living and draw people to public "
            "transport, cutting greenhouse gas emissions.</p>",
        },
    },
    {
        "slug": "hangang-bus-service",
        "registered_on": date(2025, 9, 18),
        "views": {"ko": 8, "en": 6},
        "original_url": "https://www.koreaherald.com/article/10575907",
        "ko": {
            "title": "한강버스, 마곡~잠실 정식 운항 시작",
            "summary": "한강의 일곱 개 선착장을 잇는 수상 대중교통 한강버스가 정식 "
            "운항을 시작했습니다.",
            "body": "<p>한강버스가 2025년 9월 18일 정식 운항을 시작했습니다. 마곡에서 "
            "잠실까지 28.9km 구간에 마곡, 망원, 여의도, 압구정, 옥수, 뚝섬, 잠실의 "
            "일곱 개 선착장이 있습니다.</p><p>요금은 편도 3,000원이며 교통카드로 내고, "
            "다른 대중교통과의 환승 할인도 적용됩니다. 기후동행카드에 5,000원을 더하면 "
            "횟수 제한 없이 탈 수 있습니다.</p>",
        },
        "en": {
            "title": "Hangang Bus river service starts between Magok and Jamsil",
            "summary": "The Hangang Bus, public transport on the water linking seven piers "
            "along the Han River, has started regular service.",
            "body": "<p>The Hangang Bus began regular service on 18 September 2025. Its 28.9 km "
            "route from Magok to Jamsil serves seven piers: Magok, Mangwon, Yeouido, "
            "Apgujeong, Oksu, Ttukseom and Jamsil.</p><p>A ride costs 3,000 won, paid by "
            "transport card, with transfer discounts to other public transport. Adding "
            "5,000 won to the Climate Card allows unlimited rides.</p>",
        },
    },
]
