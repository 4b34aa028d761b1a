"""Synonym lists for the portal's subjects in every language, and the Editors and Moderators
groups may manage them (docs/search.md, "Synonyms")."""

from django.db import migrations

DEFAULTS = {
    "en": [
        "bike, bicycle, cycling",
        "public bike, bike sharing, Ddareungi",
        "deaths, fatalities",
        "subway, metro, underground",
        "accident, crash, collision",
    ],
    "ko": [
        "자전거, 따릉이",
        "지하철, 도시철도",
        "사망자, 사망",
        "안전속도, 제한속도",
    ],
    "fr": [
        "vélo, bicyclette, cyclisme",
        "décès, morts",
        "métro, métropolitain",
        "accident, collision",
    ],
    "es": [
        "bicicleta, bici, ciclismo",
        "muertes, fallecimientos",
        "metro, subterráneo",
        "accidente, choque, colisión",
    ],
    "ar": [
        "دراجة, دراجة هوائية, بسكليت",
        "وفيات, قتلى",
        "مترو, قطار الأنفاق",
        "حادث, تصادم",
    ],
    "zh-hans": [
        "自行车, 单车, 脚踏车",
        "死亡, 遇难",
        "地铁, 城市轨道交通",
        "事故, 车祸",
    ],
}
GROUPS = ["Editors", "Moderators"]
PERMISSIONS = [
    ("add_searchsynonym", "Can add search synonym"),
    ("change_searchsynonym", "Can change search synonym"),
    ("delete_searchsynonym", "Can delete search synonym"),
    ("view_searchsynonym", "Can view search synonym"),
]


def add_defaults(apps, schema_editor):
    SearchSynonym = apps.get_model("portal_search", "SearchSynonym")
    for language, lists in DEFAULTS.items():
        for terms in lists:
            SearchSynonym.objects.get_or_create(language=language, terms=terms)


def remove_defaults(apps, schema_editor):
    SearchSynonym = apps.get_model("portal_search", "SearchSynonym")
    for language, lists in DEFAULTS.items():
        SearchSynonym.objects.filter(language=language, terms__in=lists).delete()


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    # The permissions themselves are made after migrate (post_migrate); make them now.
    content_type, _ = ContentType.objects.get_or_create(
        app_label="portal_search", model="searchsynonym"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in PERMISSIONS
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(
        content_type__app_label="portal_search",
        codename__in=[codename for codename, _name in PERMISSIONS],
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        # 0004 depends on Wagtail's migration that creates the Editors and Moderators groups.
        ("portal_search", "0007_search_synonyms"),
    ]

    operations = [
        migrations.RunPython(add_defaults, remove_defaults),
        migrations.RunPython(grant, revoke),
    ]
