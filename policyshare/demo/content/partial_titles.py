"""Titles in French, Spanish, Arabic and Chinese over the English text, for three policies.

That is how the real site offers those languages; the portal says so to the reader (the
partly-translated notice) and lists the untranslated fields for editors.
"""

PARTIAL_TITLES = {
    "third-traffic-safety-plan": {
        "fr": "Diviser par deux les morts sur la route : le 3e plan de sécurité routière de Séoul",
        "es": "Reducir a la mitad las muertes en carretera: el 3.er Plan de Seguridad Vial de Seúl",
        "ar": "خفض وفيات الطرق إلى النصف: خطة سيول الثالثة للسلامة المرورية",
        "zh-hans": "道路死亡人数减半：首尔第三次交通安全计划",
    },
    "sharing-city-seoul": {
        "fr": "Séoul, ville du partage",
        "es": "Seúl, ciudad que comparte",
        "ar": "سيول مدينة المشاركة",
        "zh-hans": "共享城市首尔",
    },
    "late-night-bus": {
        "fr": "Des bus de nuit tracés à partir des données",
        "es": "Autobuses nocturnos trazados con datos",
        "ar": "حافلات ليلية تُحدَّد مساراتها بالبيانات",
        "zh-hans": "依据数据规划线路的深夜公交",
    },
}
