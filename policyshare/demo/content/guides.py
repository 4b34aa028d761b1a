"""Policy guides of the demo: long publications in chapters (docs/guides.md).

Written for the demo from public facts (the sources listed with each guide); figures are
those the sources state. Korean and English; the other languages fall back to them.

A chapter's body is a list of blocks: ("heading", text), ("paragraph", html),
("key_figure", {"figure", "label", "source"}) and ("table", {"caption", "rows"}), the first
row of a table being its header.
"""

from datetime import date

GUIDES = [
    {
        "slug": "transportation-policy",
        "themes": ["transport", "urban-railway"],
        # Policies of content/policies.py and content/sharing.py, by slug.
        "policies": ["transport-planning", "bus-management", "transport-card", "late-night-bus"],
        "published": date(2024, 5, 20),
        "ko": {
            "title": "서울 교통정책 가이드",
            "summary": "2004년 버스 개편부터 통합요금제, 지하철망 확충, 교통정보센터와 "
            "공공자전거까지 서울이 대중교통 중심 도시를 만든 과정을 다섯 장으로 정리합니다.",
            "introduction": "<p>서울의 대중교통은 한때 시민의 불만이 가장 많은 행정 분야 "
            "가운데 하나였습니다. 이 가이드는 서울시가 버스와 지하철을 하나의 체계로 묶고, "
            "요금과 정보를 통합하고, 도로 공간을 사람에게 돌려준 과정을 다른 도시의 "
            "공무원이 따라 읽을 수 있도록 정리한 것입니다.</p><p>각 장은 배경, 실행한 일, "
            "결과의 순서로 구성되며 마지막에 출처를 밝혔습니다.</p>",
            "publisher": "서울특별시 정책공유 담당",
        },
        "en": {
            "title": "A Guide to Transportation Policy",
            "summary": "How Seoul became a public-transport city, in five chapters: the 2004 "
            "bus reform, one card and one fare, the growth of the metro, real-time traffic "
            "management, and streets given back to people.",
            "introduction": "<p>Seoul's public transport was once among the services its "
            "citizens complained about most. This guide explains how the city tied buses "
            "and the metro into one network, integrated fares and information, and gave "
            "road space back to people, written for officials of other cities who want "
            "to follow the steps.</p><p>Each chapter gives the background, what was done "
            "and what came of it; the sources are listed at the end.</p>",
            "publisher": "Seoul Metropolitan Government, Policy Sharing",
        },
        "sources": [
            {
                "title": "Seoul Public Transportation Reform in 2004",
                "url": "http://policytransfer.metropolis.org/case-studies/"
                "seoul-public-transportation-reform-in-2004",
                "publisher": "Metropolis",
            },
            {
                "title": "Fixing a City's Broken Public Bus Service",
                "url": "https://development.asia/case-study/fixing-citys-broken-public-bus-service",
                "publisher": "Asian Development Bank, Development Asia",
            },
            {
                "title": "One Card Fits All: Integrated Public Transport Fare System",
                "url": "https://seoulsolution.kr/en/content/"
                "one-card-fits-all-integrated-public-transport-fare-system",
                "publisher": "Seoul Solution",
            },
        ],
        "chapters": [
            {
                "slug": "why-reform",
                "ko": {
                    "title": "왜 개혁이 필요했나",
                    "summary": "2000년대 초 서울 버스가 승객을 잃어 간 이유.",
                    "body": [
                        ("heading", "자동차에 밀린 버스"),
                        (
                            "paragraph",
                            "<p>2000년대 초 서울의 도로는 승용차로 가득했습니다. 도로 교통량의 "
                            "약 72%를 승용차가 차지했고, 그 대부분은 운전자 혼자 탄 차였습니다. "
                            "버스는 같은 도로에서 정체에 갇혀 정시성을 잃었고, 승객은 해마다 "
                            "줄었습니다.</p>",
                        ),
                        (
                            "paragraph",
                            "<p>당시 버스는 민간 회사가 노선을 나누어 운영했습니다. 회사들은 "
                            "수익이 나는 노선에 몰리고 외곽과 출퇴근 노선은 소홀히 했으며, "
                            "승객 감소가 요금 인상과 서비스 저하로 이어지는 악순환이 "
                            "계속되었습니다.</p>",
                        ),
                        ("heading", "지하철만으로는 부족했다"),
                        (
                            "paragraph",
                            "<p>지하철 한 노선을 새로 짓는 데는 보통 10년 가까이 걸리고, "
                            "1km마다 막대한 건설비가 듭니다. 서울시는 새 노선을 기다리는 대신 "
                            "이미 있는 도로와 버스를 더 잘 쓰는 쪽을 택했습니다. 버스를 "
                            "지하철과 하나의 체계로 엮는 것이 개혁의 출발점이었습니다.</p>",
                        ),
                        (
                            "key_figure",
                            {
                                "figure": "72%",
                                "label": "2000년대 초 서울 도로 교통량 가운데 승용차의 비율",
                                "source": "아시아개발은행 Development Asia 사례 연구",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Why Seoul had to reform",
                    "summary": "Why Seoul's buses kept losing passengers in the early 2000s.",
                    "body": [
                        ("heading", "Buses squeezed out by cars"),
                        (
                            "paragraph",
                            "<p>In the early 2000s Seoul's roads were full of private cars. "
                            "They made up about 72% of road traffic, most of them carrying "
                            "only the driver. Buses were stuck in the same congestion, could "
                            "not keep to their timetables, and lost passengers year after "
                            "year.</p>",
                        ),
                        (
                            "paragraph",
                            "<p>The buses were run by private companies, each on its own "
                            "routes. Operators crowded onto the profitable routes and "
                            "neglected outlying and commuter ones, and falling ridership led "
                            "to higher fares and poorer service, which cost more riders "
                            "again.</p>",
                        ),
                        ("heading", "The metro alone was not enough"),
                        (
                            "paragraph",
                            "<p>A new metro line typically takes close to ten years to "
                            "build and costs a great deal per kilometre. Rather than wait "
                            "for new lines, the city chose to make better use of the roads "
                            "and buses it already had. Tying the buses and the metro into "
                            "one network was where the reform began.</p>",
                        ),
                        (
                            "key_figure",
                            {
                                "figure": "72%",
                                "label": "Share of Seoul's road traffic taken by private "
                                "cars in the early 2000s",
                                "source": "Asian Development Bank, Development Asia",
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "bus-reform-2004",
                "ko": {
                    "title": "2004년 버스 체계 개편",
                    "summary": "노선 체계, 중앙버스전용차로, 준공영제, 버스운행관리시스템.",
                    "body": [
                        ("heading", "색으로 구분한 간선·지선 노선"),
                        (
                            "paragraph",
                            "<p>2004년 7월 서울시는 버스 노선을 전면 개편했습니다. 도심과 "
                            "부도심을 빠르게 잇는 간선버스(파랑), 지하철역과 동네를 잇는 "
                            "지선버스(초록), 도심을 도는 순환버스(노랑), 수도권을 잇는 "
                            "광역버스(빨강)로 역할을 나누고 색으로 구분해 처음 타는 사람도 "
                            "노선의 성격을 알 수 있게 했습니다.</p>",
                        ),
                        ("heading", "중앙버스전용차로"),
                        (
                            "paragraph",
                            "<p>간선버스가 다니는 주요 도로에는 도로 한가운데에 "
                            "버스전용차로와 정류장을 두었습니다. 가장자리 차로와 달리 "
                            "우회전 차량이나 정차 차량에 막히지 않아 버스의 운행 속도와 "
                            "정시성이 크게 좋아졌습니다.</p>",
                        ),
                        ("heading", "준공영제와 버스운행관리시스템"),
                        (
                            "paragraph",
                            "<p>버스 회사는 민간이 그대로 운영하되, 서울시가 노선과 배차를 "
                            "정하고 운송 수입을 함께 관리해 운행 실적에 따라 비용을 "
                            "정산하는 준공영제를 도입했습니다. 회사들이 수익 노선을 두고 "
                            "경쟁할 이유가 사라지자 노선을 시민의 필요에 맞게 조정할 수 "
                            "있게 되었습니다.</p>",
                        ),
                        (
                            "paragraph",
                            "<p>모든 버스에 단말기를 달아 위치를 실시간으로 파악하는 "
                            "버스운행관리시스템(BMS)도 함께 도입했습니다. 이 자료는 배차 "
                            "관리와 정류장 도착 안내(BIS)에 쓰입니다.</p>",
                        ),
                        (
                            "table",
                            {
                                "caption": "2004년 개편 이후 버스 유형",
                                "rows": [
                                    ["유형", "색", "역할"],
                                    ["간선버스", "파랑", "도심·부도심을 빠르게 연결"],
                                    ["지선버스", "초록", "지하철역·간선 정류장과 동네 연결"],
                                    ["순환버스", "노랑", "도심 순환"],
                                    ["광역버스", "빨강", "수도권과 서울 도심 연결"],
                                ],
                            },
                        ),
                        (
                            "key_figure",
                            {
                                "figure": "14.2% → 36.9%",
                                "label": "개편 전후 대중교통 만족도 (2005년 6월 조사)",
                                "source": "서울시정개발연구원, Metropolis 사례 연구 인용",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "The 2004 bus reform",
                    "summary": "Routes, median bus lanes, semi-public operation and the bus "
                    "management system.",
                    "body": [
                        ("heading", "Trunk and branch routes, by colour"),
                        (
                            "paragraph",
                            "<p>In July 2004 Seoul redrew its whole bus network. Trunk "
                            "buses (blue) link the centre and sub-centres quickly, branch "
                            "buses (green) link neighbourhoods to metro stations, circular "
                            "buses (yellow) run around the centre, and express buses (red) "
                            "link the wider metropolitan area. The colours tell even a "
                            "first-time rider what kind of route a bus runs.</p>",
                        ),
                        ("heading", "Median bus lanes"),
                        (
                            "paragraph",
                            "<p>On the main roads served by trunk buses, bus lanes and "
                            "stops were placed in the middle of the road. Unlike kerbside "
                            "lanes they are not blocked by turning or parked cars, so buses "
                            "became much faster and more punctual.</p>",
                        ),
                        ("heading", "Semi-public operation and the bus management system"),
                        (
                            "paragraph",
                            "<p>Private companies kept running the buses, but the city "
                            "now sets routes and frequencies, pools the fare revenue and "
                            "pays operators according to the service they run. With no "
                            "reason left to compete for profitable routes, the network "
                            "could be planned around what riders need.</p>",
                        ),
                        (
                            "paragraph",
                            "<p>A bus management system (BMS) followed every bus in real "
                            "time through an on-board unit. Its data serve dispatching and "
                            "the arrival times shown at stops (the bus information "
                            "system, BIS).</p>",
                        ),
                        (
                            "table",
                            {
                                "caption": "Bus types after the 2004 reform",
                                "rows": [
                                    ["Type", "Colour", "Role"],
                                    ["Trunk", "Blue", "Fast links between centre and sub-centres"],
                                    [
                                        "Branch",
                                        "Green",
                                        "Neighbourhoods to stations and trunk stops",
                                    ],
                                    ["Circular", "Yellow", "Loops around the centre"],
                                    ["Express", "Red", "Metropolitan area to central Seoul"],
                                ],
                            },
                        ),
                        (
                            "key_figure",
                            {
                                "figure": "14.2% → 36.9%",
                                "label": "Riders satisfied with public transport before and "
                                "after the reform (survey of June 2005)",
                                "source": "Seoul Development Institute, cited by Metropolis",
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "one-card-one-fare",
                "ko": {
                    "title": "하나의 카드, 하나의 요금",
                    "summary": "티머니 교통카드와 거리비례 통합요금제.",
                    "body": [
                        ("heading", "티머니 교통카드"),
                        (
                            "paragraph",
                            "<p>버스 개편과 함께 2004년 새 교통카드인 티머니가 도입되었습니다. "
                            "승객은 버스와 지하철에서 같은 카드를 대고 내리기만 하면 되고, "
                            "서울시는 카드 기록으로 승하차 자료를 얻어 노선과 배차를 조정하는 "
                            "데 씁니다.</p>",
                        ),
                        ("heading", "거리비례 통합요금"),
                        (
                            "paragraph",
                            "<p>예전에는 버스를 갈아탈 때마다 요금을 새로 냈습니다. "
                            "통합요금제에서는 버스와 지하철을 갈아타도 이동한 거리를 "
                            "합산해 한 번의 요금으로 계산합니다. 기본요금으로 10km까지 갈 수 "
                            "있고, 그 뒤로는 5km마다 추가 요금이 붙습니다. 하차 후 30분 "
                            "안에 갈아타면 환승으로 인정됩니다.</p>",
                        ),
                        (
                            "paragraph",
                            "<p>환승 할인은 간선·지선 체계가 작동하기 위한 조건이기도 "
                            "합니다. 동네에서 지선버스를 타고 간선버스나 지하철로 갈아타는 "
                            "것이 손해가 아니어야 승객이 새 노선 체계를 받아들이기 "
                            "때문입니다.</p>",
                        ),
                        (
                            "key_figure",
                            {
                                "figure": "10 km",
                                "label": "기본요금으로 갈 수 있는 거리 (이후 5km마다 추가 요금)",
                                "source": "서울시 통합요금제",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "One card, one fare",
                    "summary": "The T-money card and distance-based integrated fares.",
                    "body": [
                        ("heading", "The T-money card"),
                        (
                            "paragraph",
                            "<p>With the bus reform came a new transport card, T-money, in "
                            "2004. Riders tap the same card on buses and the metro, and the "
                            "city uses the boarding and alighting records to adjust routes "
                            "and frequencies.</p>",
                        ),
                        ("heading", "Distance-based integrated fares"),
                        (
                            "paragraph",
                            "<p>Before, every change of bus meant a new fare. Under the "
                            "integrated fare, a journey across buses and the metro is "
                            "charged once, by the total distance travelled. The base fare "
                            "covers the first 10 km, and a surcharge is added for every "
                            "further 5 km. A change within 30 minutes of getting off "
                            "counts as a transfer.</p>",
                        ),
                        (
                            "paragraph",
                            "<p>Free transfers are also what makes trunk and branch "
                            "routes work: riders accept taking a branch bus to a trunk "
                            "route or the metro only if the change costs them nothing "
                            "extra.</p>",
                        ),
                        (
                            "key_figure",
                            {
                                "figure": "10 km",
                                "label": "Distance covered by the base fare (then a "
                                "surcharge every 5 km)",
                                "source": "Seoul integrated fare system",
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "metro-network",
                "ko": {
                    "title": "지하철망의 성장",
                    "summary": "1974년 1호선 개통 이후 반세기 동안의 확충.",
                    "body": [
                        ("heading", "1974년 1호선"),
                        (
                            "paragraph",
                            "<p>서울 지하철은 1974년 8월 15일 1호선 서울역–청량리 구간 "
                            "개통으로 시작했습니다. 1980년대에 2·3·4호선이 차례로 열려 "
                            "도심과 강남, 강북을 잇는 기본 골격이 만들어졌습니다.</p>",
                        ),
                        ("heading", "2기 지하철과 9호선"),
                        (
                            "paragraph",
                            "<p>1990년대에는 5~8호선을 건설하는 2기 지하철 사업이 "
                            "진행되었고, 2009년에는 민간투자사업으로 9호선이 "
                            "개통했습니다. 노선이 늘면서 버스의 역할도 지하철역과 동네를 "
                            "잇는 쪽으로 바뀌었습니다.</p>",
                        ),
                        (
                            "table",
                            {
                                "caption": "서울 지하철 주요 개통 시기",
                                "rows": [
                                    ["노선", "처음 개통"],
                                    ["1호선", "1974년"],
                                    ["2·3·4호선", "1980년대"],
                                    ["5~8호선", "1995~2000년"],
                                    ["9호선", "2009년"],
                                ],
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "The growth of the metro",
                    "summary": "Half a century of lines since Line 1 opened in 1974.",
                    "body": [
                        ("heading", "Line 1 in 1974"),
                        (
                            "paragraph",
                            "<p>Seoul's metro began on 15 August 1974, when Line 1 opened "
                            "between Seoul Station and Cheongnyangni. Lines 2, 3 and 4 "
                            "followed in the 1980s and gave the network its backbone, "
                            "linking the old centre with Gangnam and the north of the "
                            "city.</p>",
                        ),
                        ("heading", "The second phase and Line 9"),
                        (
                            "paragraph",
                            "<p>In the 1990s a second phase built Lines 5 to 8, and Line 9, "
                            "a private-investment project, opened in 2009. As the network "
                            "grew, buses took on the role of feeding metro stations from "
                            "the neighbourhoods.</p>",
                        ),
                        (
                            "table",
                            {
                                "caption": "When Seoul's metro lines first opened",
                                "rows": [
                                    ["Line", "First opened"],
                                    ["Line 1", "1974"],
                                    ["Lines 2, 3 and 4", "1980s"],
                                    ["Lines 5 to 8", "1995–2000"],
                                    ["Line 9", "2009"],
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "data-and-streets",
                "ko": {
                    "title": "데이터로 관리하고 거리를 사람에게",
                    "summary": "교통정보센터(TOPIS), 청계천 복원, 공공자전거 따릉이.",
                    "body": [
                        ("heading", "교통정보센터 TOPIS"),
                        (
                            "paragraph",
                            "<p>서울시 교통정보센터(TOPIS)는 버스운행관리시스템, 교통카드, "
                            "도로 소통 정보 등을 한곳에 모아 도시 교통을 실시간으로 "
                            "살핍니다. 시민은 같은 자료를 정류장 안내와 인터넷, 휴대전화로 "
                            "받아 봅니다.</p>",
                        ),
                        ("heading", "청계천 복원"),
                        (
                            "paragraph",
                            "<p>2003년 7월 서울시는 도심을 가로지르던 청계고가도로를 철거하고 "
                            "그 아래 덮여 있던 청계천을 되살리는 공사를 시작해 2005년 10월 "
                            "시민에게 열었습니다. 도로를 줄이고도 도심 교통이 마비되지 "
                            "않았다는 경험은 이후 보행 중심 정책의 근거가 되었습니다.</p>",
                        ),
                        ("heading", "공공자전거 따릉이"),
                        (
                            "paragraph",
                            "<p>2015년에는 공공자전거 따릉이가 문을 열었습니다. 지하철역과 "
                            "버스 정류장 가까이에 대여소를 두어, 대중교통에서 내린 뒤 "
                            "마지막 구간을 자전거로 갈 수 있게 했습니다.</p>",
                        ),
                        (
                            "key_figure",
                            {
                                "figure": "2003–2005",
                                "label": "청계고가 철거와 청계천 복원 공사 기간",
                                "source": "서울특별시",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Managing with data, giving streets back",
                    "summary": "The transport operation centre (TOPIS), the restored "
                    "Cheonggyecheon and the Ttareungyi public bikes.",
                    "body": [
                        ("heading", "TOPIS, the transport operation centre"),
                        (
                            "paragraph",
                            "<p>Seoul's Transport Operation and Information Service (TOPIS) "
                            "brings together the bus management system, transport-card "
                            "records and road traffic data to watch the city's traffic in "
                            "real time. Citizens get the same information at stops, on "
                            "the web and on their phones.</p>",
                        ),
                        ("heading", "Restoring Cheonggyecheon"),
                        (
                            "paragraph",
                            "<p>In July 2003 the city began pulling down the Cheonggye "
                            "elevated highway across the centre and uncovering the stream "
                            "beneath it, which opened to the public in October 2005. That "
                            "central Seoul kept moving with less road space became an "
                            "argument for the walking-first policies that followed.</p>",
                        ),
                        ("heading", "Ttareungyi public bikes"),
                        (
                            "paragraph",
                            "<p>In 2015 the Ttareungyi public bicycles were launched, with "
                            "stations near metro stations and bus stops so that riders can "
                            "cycle the last stretch of their journey.</p>",
                        ),
                        (
                            "key_figure",
                            {
                                "figure": "2003–2005",
                                "label": "Removal of the elevated highway and restoration "
                                "of Cheonggyecheon",
                                "source": "Seoul Metropolitan Government",
                            },
                        ),
                    ],
                },
            },
        ],
    },
    {
        "slug": "water-supply-policy",
        "themes": ["water-supply"],
        "policies": ["water-supply"],
        "published": date(2024, 9, 10),
        "ko": {
            "title": "서울 상수도 정책 가이드",
            "summary": "1908년 뚝도정수장에서 시작해 고도정수처리와 누수 관리로 "
            "'아리수'를 만든 서울 상수도 백여 년의 경험을 네 장으로 정리합니다.",
            "introduction": "<p>서울의 수돗물 아리수는 한강에서 취수해 여섯 곳의 정수센터에서 "
            "만듭니다. 이 가이드는 근대 상수도의 시작부터 수질 관리, 누수 감축, 시민의 "
            "신뢰를 얻기 위한 노력까지, 상수도를 운영하거나 개선하려는 도시가 참고할 "
            "수 있도록 정리한 것입니다.</p>",
            "publisher": "서울특별시 정책공유 담당",
        },
        "en": {
            "title": "A Guide to Seoul's Water Supply Policy",
            "summary": "Over a century of Seoul's waterworks in four chapters: from the "
            "Ttukdo plant of 1908 to advanced treatment and leak control behind Arisu, the "
            "city's tap water.",
            "introduction": "<p>Arisu, Seoul's tap water, is drawn from the Han River and "
            "treated at six purification centres. This guide follows the city's waterworks "
            "from the first modern plant to water-quality management, leak reduction and "
            "winning citizens' trust, for cities that run or want to improve a water "
            "supply.</p>",
            "publisher": "Seoul Metropolitan Government, Policy Sharing",
        },
        "sources": [
            {
                "title": "Water Distribution: Revenue Water Ratio & Leak Management",
                "url": "https://seoulsolution.kr/en/content/"
                "water-distribution-revenue-water-ratio-leak-management",
                "publisher": "Seoul Solution",
            },
            {
                "title": "Efficient Drinking Water Supply System",
                "url": "https://seoulsolution.kr/en/node/2372",
                "publisher": "Seoul Solution",
            },
            {
                "title": "Efficient Management, Benefits to Citizens",
                "url": "https://arisu.seoul.go.kr/sudo_eng/sub/community/efficientManagement.jsp",
                "publisher": "Seoul Waterworks Authority",
            },
        ],
        "chapters": [
            {
                "slug": "a-century-of-tap-water",
                "ko": {
                    "title": "수돗물 백 년",
                    "summary": "뚝도정수장에서 전후 복구까지.",
                    "body": [
                        ("heading", "1908년 뚝도정수장"),
                        (
                            "paragraph",
                            "<p>서울의 근대 상수도는 1908년 뚝도정수장에서 시작했습니다. "
                            "완속 여과 방식의 이 정수장은 그해 9월부터 하루 12,500㎥의 물을 "
                            "약 12만 5천 명에게 공급했습니다. 우물과 샘물에 의존하던 시절 "
                            "콜레라와 장티푸스 같은 수인성 질병을 막는 것이 상수도의 첫 "
                            "목표였습니다.</p>",
                        ),
                        ("heading", "전쟁과 복구"),
                        (
                            "paragraph",
                            "<p>1950년 한국전쟁으로 서울의 정수 시설은 30~90%가 "
                            "파괴되었습니다. 휴전 이듬해인 1954년부터 국제 원조와 국가 "
                            "재원으로 복구와 확장이 이어졌고, 1960년대 이후 급격한 인구 "
                            "증가에 맞추어 정수장과 관망이 빠르게 늘었습니다.</p>",
                        ),
                        (
                            "key_figure",
                            {
                                "figure": "1908",
                                "label": "뚝도정수장이 서울에 처음 수돗물을 공급한 해",
                                "source": "서울특별시 상수도사업본부",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "A century of tap water",
                    "summary": "From the Ttukdo plant to rebuilding after the war.",
                    "body": [
                        ("heading", "The Ttukdo plant, 1908"),
                        (
                            "paragraph",
                            "<p>Seoul's modern water supply began at the Ttukdo plant in "
                            "1908. Its slow sand filters delivered 12,500 m³ of water a day "
                            "to about 125,000 people from September that year. When the "
                            "city still drank from wells and springs, the first aim of "
                            "piped water was to stop water-borne diseases such as cholera "
                            "and typhoid.</p>",
                        ),
                        ("heading", "War and reconstruction"),
                        (
                            "paragraph",
                            "<p>The Korean War, from 1950, destroyed 30 to 90% of Seoul's "
                            "treatment facilities. Reconstruction and expansion, with "
                            "international aid and state funds, began in 1954, and from "
                            "the 1960s plants and pipes multiplied to keep up with a "
                            "fast-growing population.</p>",
                        ),
                        (
                            "key_figure",
                            {
                                "figure": "1908",
                                "label": "The year the Ttukdo plant first supplied Seoul with "
                                "tap water",
                                "source": "Seoul Waterworks Authority",
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "arisu-and-water-quality",
                "ko": {
                    "title": "아리수와 수질 관리",
                    "summary": "수돗물 브랜드, 고도정수처리, 수질 검사.",
                    "body": [
                        ("heading", "아리수라는 이름"),
                        (
                            "paragraph",
                            "<p>2004년 서울시는 수돗물에 '아리수'라는 이름을 붙였습니다. "
                            "'크다'는 뜻의 옛말 '아리'와 물을 뜻하는 '수'를 합친 말로, "
                            "한강의 옛 이름이기도 합니다. 이름을 붙인 것은 수돗물을 "
                            "믿고 마실 수 있는 제품으로 시민에게 알리려는 것이었습니다.</p>",
                        ),
                        ("heading", "고도정수처리"),
                        (
                            "paragraph",
                            "<p>일반 정수 공정에 오존 처리와 입상활성탄 여과를 더한 "
                            "고도정수처리는 냄새 물질과 미량 유기물을 줄입니다. 서울시는 "
                            "2015년 여섯 곳 정수센터 모두에 고도정수처리 시설을 "
                            "갖추었습니다.</p>",
                        ),
                        ("heading", "수질 검사와 공개"),
                        (
                            "paragraph",
                            "<p>아리수는 먹는물 수질 기준이 정한 항목보다 많은 항목을 "
                            "검사하며, 정수센터에서 가정의 수도꼭지까지 단계마다 수질을 "
                            "확인합니다. 검사 결과와 실시간 수질 정보는 누리집에 "
                            "공개됩니다.</p>",
                        ),
                        (
                            "key_figure",
                            {
                                "figure": "6/6",
                                "label": "2015년 고도정수처리를 갖춘 서울의 정수센터",
                                "source": "서울특별시 상수도사업본부",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Arisu and water quality",
                    "summary": "The tap-water brand, advanced treatment and water testing.",
                    "body": [
                        ("heading", "The name Arisu"),
                        (
                            "paragraph",
                            "<p>In 2004 Seoul gave its tap water a name, Arisu: the old "
                            "Korean word ari, big, joined to su, water, and once a name "
                            "of the Han River. Naming the water was a way to present it "
                            "to citizens as a product they could trust and drink.</p>",
                        ),
                        ("heading", "Advanced treatment"),
                        (
                            "paragraph",
                            "<p>Advanced treatment adds ozone and granular activated carbon "
                            "filtration to the usual process, removing odour compounds and "
                            "trace organic matter. By 2015 all six of Seoul's purification "
                            "centres had it.</p>",
                        ),
                        ("heading", "Testing and openness"),
                        (
                            "paragraph",
                            "<p>Arisu is tested for more items than the national "
                            "drinking-water standard requires, at every stage from the "
                            "purification centre to the household tap. Results and "
                            "real-time water-quality readings are published online.</p>",
                        ),
                        (
                            "key_figure",
                            {
                                "figure": "6/6",
                                "label": "Seoul's purification centres with advanced treatment "
                                "in 2015",
                                "source": "Seoul Waterworks Authority",
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "leaks-and-revenue-water",
                "ko": {
                    "title": "누수를 줄이다",
                    "summary": "유수율 55%에서 95%로.",
                    "body": [
                        ("heading", "유수율이라는 목표"),
                        (
                            "paragraph",
                            "<p>유수율은 정수장에서 생산한 물 가운데 요금이 부과되는 물의 "
                            "비율입니다. 1989년 서울시 상수도사업본부가 출범할 때 유수율은 "
                            "55.2%에 그쳤습니다. 생산한 물의 거의 절반이 요금을 받지 못한 "
                            "채 새거나 사라지고 있었습니다.</p>",
                        ),
                        ("heading", "어떻게 줄였나"),
                        (
                            "paragraph",
                            "<p>서울시는 장비를 이용한 과학적 누수 탐지, 야간 최소 유량 "
                            "측정, 노후 수도관 교체, 배수지를 이용한 자연유하식 공급, 유량 "
                            "감시 체계를 꾸준히 도입했습니다. 그 결과 유수율은 2013년 94.4%, "
                            "2018년 말 95.1%에 이르렀습니다. 1990년부터 2013년까지 누수 "
                            "건수는 725,998건(82.5%) 줄었습니다.</p>",
                        ),
                        (
                            "paragraph",
                            "<p>물을 덜 만들어도 되자 열 곳이던 정수장 가운데 네 곳을 "
                            "닫았고, 그 부지는 시민 공원이 되었습니다.</p>",
                        ),
                        (
                            "table",
                            {
                                "caption": "서울 상수도 유수율",
                                "rows": [
                                    ["연도", "유수율"],
                                    ["1989", "55.2%"],
                                    ["2013", "94.4%"],
                                    ["2018", "95.1%"],
                                ],
                            },
                        ),
                        (
                            "key_figure",
                            {
                                "figure": "55.2% → 95.1%",
                                "label": "1989년과 2018년의 유수율",
                                "source": "서울특별시 상수도사업본부",
                            },
                        ),
                    ],
                },
                "en": {
                    "title": "Cutting leaks",
                    "summary": "Revenue water from 55% to 95%.",
                    "body": [
                        ("heading", "Revenue water as the target"),
                        (
                            "paragraph",
                            "<p>The revenue water ratio is the share of the water a plant "
                            "produces that is billed. When Seoul's Office of Waterworks was "
                            "founded in 1989 it stood at 55.2%: nearly half the water "
                            "produced leaked or was lost and earned nothing.</p>",
                        ),
                        ("heading", "How leaks were cut"),
                        (
                            "paragraph",
                            "<p>The city steadily introduced equipment-based leak "
                            "detection, minimum night flow measurement, replacement of old "
                            "pipes, gravity supply from reservoirs and flow monitoring. "
                            "The revenue water ratio reached 94.4% in 2013 and 95.1% at the "
                            "end of 2018, and between 1990 and 2013 the number of leaks fell "
                            "by 725,998 (82.5%).</p>",
                        ),
                        (
                            "paragraph",
                            "<p>Needing to produce less water, the city closed four of its "
                            "ten purification plants; their sites became public parks.</p>",
                        ),
                        (
                            "table",
                            {
                                "caption": "Seoul's revenue water ratio",
                                "rows": [
                                    ["Year", "Revenue water"],
                                    ["1989", "55.2%"],
                                    ["2013", "94.4%"],
                                    ["2018", "95.1%"],
                                ],
                            },
                        ),
                        (
                            "key_figure",
                            {
                                "figure": "55.2% → 95.1%",
                                "label": "Revenue water ratio in 1989 and 2018",
                                "source": "Seoul Waterworks Authority",
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "pipes-and-trust",
                "ko": {
                    "title": "낡은 관을 바꾸고 신뢰를 얻다",
                    "summary": "노후 수도관 교체와 시민이 마시는 수돗물.",
                    "body": [
                        ("heading", "수도꼭지까지의 수질"),
                        (
                            "paragraph",
                            "<p>정수센터에서 깨끗한 물을 만들어도 낡은 관을 지나면 녹물이나 "
                            "이물질이 생길 수 있습니다. 서울시는 부식되기 쉬운 노후 "
                            "상수도관을 내식성 관으로 바꾸는 사업을 오랫동안 이어 왔고, "
                            "주택 안의 낡은 급수관을 바꾸는 시민에게 비용 일부를 "
                            "지원합니다.</p>",
                        ),
                        ("heading", "믿고 마시는 물"),
                        (
                            "paragraph",
                            "<p>수질이 좋아도 시민이 믿지 않으면 수돗물을 마시지 않습니다. "
                            "서울시는 가정을 찾아가 수질을 검사해 주고, 검사 결과를 "
                            "공개하며, 공공장소에 음수대를 두어 시민이 직접 아리수를 "
                            "마셔 보게 했습니다.</p>",
                        ),
                        ("heading", "경험을 나누다"),
                        (
                            "paragraph",
                            "<p>서울시는 유수율 개선과 정수 운영의 경험을 국내 다른 "
                            "지방정부와 해외 도시에 자문과 연수로 나누고 있습니다.</p>",
                        ),
                    ],
                },
                "en": {
                    "title": "New pipes, and winning trust",
                    "summary": "Replacing old pipes, and getting citizens to drink tap water.",
                    "body": [
                        ("heading", "Quality up to the tap"),
                        (
                            "paragraph",
                            "<p>Clean water from the plant can still pick up rust or "
                            "particles in old pipes. Seoul has long been replacing "
                            "corrosion-prone water mains with corrosion-resistant pipes, "
                            "and it pays part of the cost when residents replace old pipes "
                            "inside their homes.</p>",
                        ),
                        ("heading", "Water people trust"),
                        (
                            "paragraph",
                            "<p>Good water goes undrunk if people do not trust it. The "
                            "city tests water in homes on request, publishes the results, "
                            "and has put drinking fountains in public places so that "
                            "citizens can taste Arisu for themselves.</p>",
                        ),
                        ("heading", "Sharing the experience"),
                        (
                            "paragraph",
                            "<p>Seoul shares what it learnt about revenue water and plant "
                            "operation with other Korean local governments and cities "
                            "abroad, through consulting and training.</p>",
                        ),
                    ],
                },
            },
        ],
    },
]
