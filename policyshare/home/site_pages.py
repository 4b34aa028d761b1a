"""The text of the pages the footer links to (`services.ensure_site_pages`), in Korean and
English; the other languages show the English version with a notice until an editor
translates it. Short and true of this portal: editors extend them in the admin.

Each page: title, introduction and body paragraphs (HTML).
"""

from policyshare.core.site_pages import ACCESSIBILITY, LICENCE, PRIVACY

SITE_PAGES = {
    PRIVACY: {
        "ko": {
            "title": "개인정보 처리방침",
            "introduction": "이 누리집이 방문자에 관해 무엇을, 왜, 얼마 동안 기록하는지 "
            "알려 드립니다.",
            "body": [
                "<p>정책을 읽는 데에는 회원 가입이 필요 없고, 광고나 추적을 위한 쿠키를 쓰지 "
                "않습니다. 쪽마다 읽힌 횟수를 세지만, 누가 읽었는지는 기록하지 않습니다.</p>",
                "<p>협력을 요청하면 이름, 기관, 전자우편과 요청 내용을 받아 담당 부서가 "
                "답하는 데에만 씁니다. 오래 활동이 없는 요청의 개인정보는 지우며, 요청을 "
                "추적하는 쪽에서 언제든 직접 지울 수 있습니다.</p>",
                "<p>소식지를 구독하면 전자우편 주소를 받아 확인 메일로 확인한 뒤에만 "
                "보냅니다. 구독을 취소하면 주소를 지웁니다.</p>",
                "<p>영상은 재생을 누를 때에만 영상 사이트에서 불러옵니다.</p>",
            ],
        },
        "en": {
            "title": "Privacy notice",
            "introduction": "What this portal records about its visitors, why, and for how long.",
            "body": [
                "<p>Reading the portal needs no account, and it sets no advertising or tracking "
                "cookies. Each page counts how often it is read, but not who read it.</p>",
                "<p>A cooperation request asks for your name, organisation, e-mail address "
                "and message, which are used only to answer it. The personal data of a "
                "request that has been inactive for a long time is erased, and you can erase "
                "it yourself at any time from the request's tracking page.</p>",
                "<p>A newsletter subscription keeps your e-mail address, and mail is sent only "
                "after you confirm it. Unsubscribing deletes the address.</p>",
                "<p>Videos load from the video site only when you choose to play them.</p>",
            ],
        },
    },
    ACCESSIBILITY: {
        "ko": {
            "title": "접근성 정책",
            "introduction": "누구나 이 누리집을 쓸 수 있도록 웹 콘텐츠 접근성 지침(WCAG) 2.1 "
            "AA 수준을 목표로 합니다.",
            "body": [
                "<p>모든 쪽은 자바스크립트 없이, 키보드만으로, 화면 낭독기로, 휴대전화의 "
                "좁은 화면에서 쓸 수 있도록 만들었습니다. 새 기능은 자동 접근성 검사를 "
                "통과해야 공개됩니다.</p>",
                "<p>편집자가 올린 일부 PDF 문서와 외부 영상은 접근성이 충분하지 않을 수 "
                "있습니다.</p>",
                "<p>쓰기 어려운 곳을 발견하면 협력 요청 양식으로 알려 주세요.</p>",
            ],
        },
        "en": {
            "title": "Accessibility statement",
            "introduction": "This portal aims to meet the Web Content Accessibility "
            "Guidelines (WCAG) 2.1 at level AA, so that everyone can use it.",
            "body": [
                "<p>Every page is built to work without JavaScript, from the keyboard, with a "
                "screen reader and on a phone's narrow screen. A change is published only once "
                "automated accessibility checks pass.</p>",
                "<p>Some PDF documents uploaded by editors, and videos hosted elsewhere, may "
                "not be fully accessible.</p>",
                "<p>If something is hard to use, please tell us through the request form.</p>",
            ],
        },
    },
    LICENCE: {
        "ko": {
            "title": "이용 조건과 열린 데이터",
            "introduction": "이 누리집의 콘텐츠는 출처를 밝히면 다시 쓸 수 있습니다.",
            "body": [
                "<p>정책 사례, 소식과 보고서는 출처(서울 정책공유와 해당 쪽의 주소)를 밝히면 "
                "다시 쓸 수 있습니다. 쪽에 다른 조건이 적혀 있으면 그 조건을 따릅니다. "
                "사진과 로고는 각 권리자에게 권리가 있습니다.</p>",
                "<p>같은 콘텐츠를 공개 API(/api/v1/), 언어별 피드(RSS, Atom)와 사이트맵으로도 "
                "제공합니다.</p>",
                "<p>누리집 소프트웨어는 BSD 3-Clause 허가서에 따른 오픈소스입니다.</p>",
            ],
        },
        "en": {
            "title": "Licence and open data",
            "introduction": "The content of this portal may be reused with attribution.",
            "body": [
                "<p>Policy cases, news and reports may be reused with attribution to Seoul "
                "Policy Sharing and the address of the page, unless the page states other "
                "terms. Photographs and logos remain their owners'.</p>",
                "<p>The same content is published through the public API (/api/v1/), a feed "
                "per language (RSS and Atom) and the sitemap.</p>",
                "<p>The portal's software is open source under the BSD 3-Clause licence.</p>",
            ],
        },
    },
}
