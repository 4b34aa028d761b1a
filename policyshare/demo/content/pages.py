"""Home page text and the standard pages (about, MITI, Sharing City Seoul).

`body` is a list of ("heading", text) and ("paragraph", html) pairs; `questions` a list of
(question, answer_html) pairs.
"""

HOME = {
    "ko": {
        "headline": "서울의 도시정책을 세계 도시와 나눕니다",
        "introduction": "교통, 도시계획, 주택, 환경, 복지까지 서울이 시행한 정책의 배경과 "
        "과정, 비용과 성과를 한국어와 영어로 소개합니다. 필요한 정책을 찾아 읽고, 자료를 "
        "내려받고, 담당 부서에 자문이나 연수를 요청해 보세요.",
    },
    "en": {
        "headline": "Seoul's urban policies, shared with cities everywhere",
        "introduction": "From transport and planning to housing, the environment and welfare: "
        "what Seoul did, why, at what cost and with what results, in Korean and English. Find "
        "a policy, download the documents, and ask the responsible team for advice or a "
        "study visit.",
    },
}

STANDARD_PAGES = [
    {
        "slug": "about",
        "ko": {
            "title": "서울 정책공유 소개",
            "introduction": "서울 정책공유는 서울시가 쌓아 온 도시정책 경험을 다른 도시와 "
            "나누기 위한 누리집입니다.",
            "body": [
                ("heading", "무엇을 볼 수 있나요"),
                (
                    "paragraph",
                    "<p>정책 사례마다 추진 배경, 실제로 한 일, 시행 기간, 예산, 성과 지표, "
                    "교훈, 담당 부서를 같은 틀로 정리했습니다. 주제와 기간으로 사례를 골라 "
                    "볼 수 있고, 관련 보고서와 첨부 자료도 함께 내려받을 수 있습니다.</p>"
                    "<p>서울 소식, 해외 언론 속 서울, 영상, 보고서 게시판과 협력 기관 "
                    "소개도 있습니다.</p>",
                ),
                ("heading", "누구를 위한 곳인가요"),
                (
                    "paragraph",
                    "<p>서울의 경험을 자기 도시에 적용하려는 해외 공무원, 도시정책을 연구하거나 "
                    "취재하는 연구자와 기자, 그리고 서울과 함께 일하려는 협력 도시와 기관을 "
                    "위해 만들었습니다.</p>",
                ),
                ("heading", "여섯 언어로"),
                (
                    "paragraph",
                    "<p>모든 내용은 한국어와 영어로 제공합니다. 주요 정책과 주제, 협력기관, 이 "
                    "안내 페이지는 프랑스어, 스페인어, 아랍어, 중국어로도 읽을 수 있습니다. 아직 "
                    "번역되지 않은 글은 영어로, 영어가 없으면 한국어로 보여 드리고 그 사실을 "
                    "알려 드립니다.</p>",
                ),
            ],
        },
        "en": {
            "title": "About Seoul Policy Sharing",
            "introduction": "Seoul Policy Sharing is the website through which the Seoul "
            "Metropolitan Government passes on its urban-policy experience to other cities.",
            "body": [
                ("heading", "What you will find"),
                (
                    "paragraph",
                    "<p>Every policy case follows the same outline: why it started, what was "
                    "done, when, what it cost, which indicators moved, what was learned and "
                    "who is responsible. Cases can be filtered by theme and period, and "
                    "reports and attachments downloaded with them.</p><p>There are also "
                    "boards for Seoul's news, Seoul in the world's media, videos and reports, "
                    "and a page on our partners.</p>",
                ),
                ("heading", "Who it is for"),
                (
                    "paragraph",
                    "<p>It is written for officials abroad who want to adapt Seoul's "
                    "experience to their own city, for researchers and journalists who study "
                    "or report on urban policy, and for partner cities and organisations that "
                    "work with Seoul.</p>",
                ),
                ("heading", "In six languages"),
                (
                    "paragraph",
                    "<p>Everything is published in Korean and English. The main policies, the "
                    "themes, the partners and these pages can also be read in French, Spanish, "
                    "Arabic and Chinese. Where a text is not yet in your language, you are shown "
                    "the English version, or else the Korean one, and told so.</p>",
                ),
            ],
        },
    },
    {
        "slug": "miti",
        "ko": {
            "title": "메트로폴리스 국제교육원(MITI)",
            "introduction": "MITI는 세계대도시협의회 메트로폴리스의 교육·학습 기관으로, "
            "지방정부와 그 공무원의 역량을 키워 더 나은 공공 거버넌스를 만드는 일을 "
            "합니다.",
            "body": [
                ("heading", "설립과 본부 이전"),
                (
                    "paragraph",
                    "<p>MITI는 1996년 메트로폴리스의 교육 기관으로 출범했습니다. 본부는 원래 "
                    "캐나다 몬트리올에 있었으나, 2012년 중국 광저우에서 열린 메트로폴리스 "
                    "이사회의 결정에 따라 서울로 옮겨 왔습니다.</p>",
                ),
                ("heading", "지역 센터"),
                (
                    "paragraph",
                    "<p>서울 본부와 함께 네 곳의 지역 센터가 활동합니다.</p>"
                    "<ul><li>카이로</li><li>마슈하드</li><li>멕시코시티</li>"
                    "<li>파리(일드프랑스)</li></ul>",
                ),
                ("heading", "서울에서의 새 출발"),
                (
                    "paragraph",
                    "<p>서울 이전 이후 MITI는 지역 센터의 활동을 강화하며 지식 확산에 힘을 "
                    "쏟고 있습니다. 교육 과정은 메트로폴리스의 다른 사업과 연계해 운영되며, "
                    "협회 회원 도시뿐 아니라 기관 파트너와 제휴 도시에도 열려 있습니다.</p>",
                ),
            ],
        },
        "en": {
            "title": "Metropolis International Training Institute (MITI)",
            "introduction": "MITI is the institute through which Metropolis trains and "
            "learns. It helps local and metropolitan governments and their staff build the "
            "skills and institutions that better public governance needs.",
            "body": [
                ("heading", "Origins and move to Seoul"),
                (
                    "paragraph",
                    "<p>Metropolis set up MITI in 1996. Its headquarters were first in "
                    "Montreal. When the board of Metropolis met in Guangzhou in 2012, it "
                    "decided to move them to Seoul.</p>",
                ),
                ("heading", "Regional centres"),
                (
                    "paragraph",
                    "<p>Alongside the Seoul headquarters, four regional centres are "
                    "active:</p><ul><li>Cairo</li><li>Mashhad</li><li>Mexico City</li>"
                    "<li>Paris (Île-de-France)</li></ul>",
                ),
                ("heading", "A fresh start in Seoul"),
                (
                    "paragraph",
                    "<p>Since the move, MITI has put new energy into its regional centres and "
                    "into spreading knowledge. Its courses are planned together with other "
                    "Metropolis activities and are open to member cities as well as "
                    "affiliated cities and partner institutions.</p>",
                ),
            ],
        },
    },
    {
        "slug": "sharing-city",
        "ko": {
            "title": "공유도시 서울",
            "introduction": "함께 쓰면 자원은 늘어나고 이웃은 가까워집니다. 공유도시 서울에 "
            "대해 자주 묻는 질문을 모았습니다.",
            "body": [
                (
                    "paragraph",
                    "<p>서울시는 2012년부터 공유를 시정의 한 축으로 삼아 왔습니다. 정책의 "
                    "자세한 내용은 정책 사례 '공유도시 서울'에서 볼 수 있습니다.</p>",
                ),
            ],
            "questions": [
                (
                    "공유도시 서울이란 무엇인가요?",
                    "<p>공간과 물건, 시간과 재능, 정보처럼 각자 가진 것을 함께 쓰는 일이 "
                    "자연스러운 도시입니다. 함께 쓰면 놀던 자원이 제 몫을 하고, 동네 가게와 "
                    "지역경제에 보탬이 되며, 이웃을 알게 되고, 새로 만들고 버리는 양이 줄어 "
                    "환경에도 좋습니다.</p>",
                ),
                (
                    "서울은 왜 공유도시 정책을 시작했나요?",
                    "<p>복지, 환경, 일자리에 쓸 돈은 늘 모자랍니다. 빠른 도시화로 이웃 간 "
                    "유대가 느슨해졌고, 많이 사고 많이 버리는 생활은 자원을 고갈시키고 오염을 "
                    "낳았습니다. 공유는 새 예산 없이도 이미 있는 자원을 더 많은 사람이 쓰게 "
                    "하므로, 경제·사회·환경 문제를 한꺼번에 완화할 수 있는 방법으로 "
                    "선택되었습니다.</p>",
                ),
                (
                    "어떤 단계를 거쳐 왔나요?",
                    "<p>처음에는 도로와 공원 같은 공공자산을 시민에게 여는 데서 시작했고, "
                    "이어 정보와 지식, 재능을 나누는 단계로 넓어졌습니다. 공유주택 건축 "
                    "가이드라인처럼 공유를 뒷받침하는 제도도 함께 만들고 있습니다.</p>",
                ),
                (
                    "다른 도시도 배울 수 있나요?",
                    "<p>물론입니다. 정책 사례와 보고서를 참고하시고, 자문이나 연수가 필요하면 "
                    "담당 부서에 요청해 주십시오.</p>",
                ),
            ],
        },
        "en": {
            "title": "Sharing City Seoul",
            "introduction": "Sharing makes resources go further and brings neighbours closer. "
            "Here are the questions we are asked most often about Sharing City Seoul.",
            "body": [
                (
                    "paragraph",
                    "<p>Since 2012 sharing has been one of the pillars of Seoul's "
                    "administration. The policy case 'Sharing City Seoul' tells the full "
                    "story.</p>",
                ),
            ],
            "questions": [
                (
                    "What is Sharing City Seoul?",
                    "<p>A city where lending and borrowing what each of us owns (space, "
                    "goods, time, skills and information) is part of everyday life. Idle "
                    "resources are put back to work, local businesses benefit, neighbours get "
                    "to know each other and the environment gains.</p>",
                ),
                (
                    "Why does Seoul pursue it?",
                    "<p>Needs in welfare, the environment and employment keep growing while "
                    "budgets and resources do not. Rapid urbanisation weakened communities, "
                    "and heavy consumption has depleted resources and caused pollution. "
                    "Because sharing lets more people use what already exists without new "
                    "spending, the city chose it to ease economic, social and environmental "
                    "problems at the same time.</p>",
                ),
                (
                    "How has it developed?",
                    "<p>It began by opening roads, parks and other public property to "
                    "residents, then moved on to exchanging information, knowledge and "
                    "talent. Rules that support sharing, such as an architectural guideline "
                    "for shared housing, are being put in place along the way.</p>",
                ),
                (
                    "Can other cities learn from it?",
                    "<p>Yes. Start with the policy cases and reports, and ask the "
                    "responsible team for a consultation or a study visit if you need "
                    "more.</p>",
                ),
            ],
        },
    },
]
