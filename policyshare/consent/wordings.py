"""The consent wordings, per purpose and version, in the six languages.

These are legal texts. They are not in the gettext catalogues, so a translator's edit of a
catalogue can never change what people agree to. To change a wording: add a new version with
all six languages, make it `CURRENT`, and never edit or remove an old one (requests point at
it; `services.current_text` refuses a wording that differs from what was stored for its
version). Every wording must be reviewed by the data controller's privacy officer before
production (docs/requests.md, "Consent"); record the review in `REVIEWED`.
"""

WORDINGS = {
    ("request", 1): {
        "ko": (
            "서울특별시가 내 요청에 답변하기 위하여 이 양식에 기재한 개인정보를 처리하는 것에 "
            "동의합니다."
        ),
        "en": (
            "I agree that the Seoul Metropolitan Government processes the personal data I give "
            "in this form in order to answer my request."
        ),
        "fr": (
            "J’accepte que le Gouvernement métropolitain de Séoul traite les données "
            "personnelles que je fournis dans ce formulaire afin de répondre à ma demande."
        ),
        "es": (
            "Acepto que el Gobierno Metropolitano de Seúl trate los datos personales que "
            "facilito en este formulario con el fin de responder a mi solicitud."
        ),
        "ar": (
            "أوافق على أن تعالج حكومة سيول الحضرية البيانات الشخصية التي أقدّمها في هذا النموذج "
            "بغرض الرد على طلبي."
        ),
        "zh-hans": "我同意首尔特别市政府为答复我的申请而处理我在本表格中提供的个人信息。",
    },
    ("newsletter", 1): {
        "ko": (
            "구독을 해지할 때까지 서울특별시가 이 뉴스레터를 보내기 위하여 내 이메일 주소를 "
            "이용하는 것에 동의합니다."
        ),
        "en": (
            "I agree that the Seoul Metropolitan Government uses my e-mail address to send me "
            "this newsletter until I unsubscribe."
        ),
        "fr": (
            "J’accepte que le Gouvernement métropolitain de Séoul utilise mon adresse "
            "électronique pour m’envoyer cette lettre d’information jusqu’à ce que je me "
            "désabonne."
        ),
        "es": (
            "Acepto que el Gobierno Metropolitano de Seúl utilice mi dirección de correo "
            "electrónico para enviarme este boletín hasta que cancele mi suscripción."
        ),
        "ar": (
            "أوافق على أن تستخدم حكومة سيول الحضرية عنوان بريدي الإلكتروني لإرسال هذه النشرة "
            "إليّ إلى أن ألغي اشتراكي."
        ),
        "zh-hans": "我同意首尔特别市政府使用我的电子邮件地址向我发送本简报，直至我取消订阅。",
    },
    ("event", 1): {
        "ko": (
            "서울특별시가 행사 등록을 처리하고 행사에 관하여 연락하기 위하여 이 양식에 기재한 "
            "개인정보를 처리하는 것에 동의합니다."
        ),
        "en": (
            "I agree that the Seoul Metropolitan Government processes the personal data I give "
            "in this form in order to handle my registration and contact me about the event."
        ),
        "fr": (
            "J’accepte que le Gouvernement métropolitain de Séoul traite les données "
            "personnelles que je fournis dans ce formulaire afin de gérer mon inscription et de "
            "me contacter au sujet de l’événement."
        ),
        "es": (
            "Acepto que el Gobierno Metropolitano de Seúl trate los datos personales que "
            "facilito en este formulario con el fin de gestionar mi inscripción y contactarme "
            "sobre el evento."
        ),
        "ar": (
            "أوافق على أن تعالج حكومة سيول الحضرية البيانات الشخصية التي أقدّمها في هذا النموذج "
            "بغرض معالجة تسجيلي والتواصل معي بشأن الفعالية."
        ),
        "zh-hans": (
            "我同意首尔特别市政府为处理我的报名并就活动与我联系而处理我在本表格中提供的个人信息。"
        ),
    },
}

# The version each form shows.
CURRENT = {"request": 1, "newsletter": 1, "event": 1}

# (purpose, version, language) -> who approved the wording and when, e.g.
# "Privacy officer, 2026-12-01". Empty: no wording has had its legal review yet, and
# `manage.py check --deploy` lists them (consent.I001).
REVIEWED: dict[tuple[str, int, str], str] = {}
