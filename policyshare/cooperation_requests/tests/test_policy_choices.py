"""The request form's policies follow the fallback chain (reader's language, English, Korean),
as the reader's policy library does: one choice per translation group."""

import re

import pytest
from django.core.cache import cache, caches

from policyshare.cooperation_requests.models import CooperationRequest
from policyshare.cooperation_requests.tests.builders import form_data
from policyshare.core.tests import builders

PARTIAL = ["fr", "es", "ar", "zh-hans"]


@pytest.fixture
def library(db):
    cache.clear()
    caches["limits"].clear()
    sections = builders.sections(languages=["ko", "en", *PARTIAL])
    bus_ko = builders.make_policy(
        library=sections["policies"]["ko"], title="버스 체계 개편", slug="bus"
    )
    policies = {
        "bus_ko": bus_ko,
        "bus_en": builders.translate_page(bus_ko, language="en", title="Bus reform"),
        "bus_fr": builders.translate_page(bus_ko, language="fr", title="Réforme des bus"),
        # Only in English, and only in Korean.
        "water_en": builders.make_policy(
            library=sections["policies"]["en"], title="Water supply", slug="water"
        ),
        "heat_ko": builders.make_policy(
            library=sections["policies"]["ko"], title="폭염 대책", slug="heat"
        ),
    }
    draft = builders.make_policy(
        library=sections["policies"]["en"], title="Draft policy", slug="draft"
    )
    draft.unpublish()
    return policies


def choices(client, language, query=""):
    response = client.get(f"/{language}/requests/study-visit/{query}")
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("language", PARTIAL)
def test_one_choice_per_group_along_the_chain(language, library, client):
    form = choices(client, language).context["form"]
    offered = {policy.pk for policy in form.fields["policies"].queryset}
    bus = library["bus_fr"] if language == "fr" else library["bus_en"]
    assert offered == {bus.pk, library["water_en"].pk, library["heat_ko"].pk}


@pytest.mark.parametrize("language", PARTIAL)
def test_the_library_offers_what_the_form_offers(language, library, client):
    form = choices(client, language).context["form"]
    offered = {policy.pk for policy in form.fields["policies"].queryset}
    page = client.get(f"/{language}/policies/")
    listed = {policy.pk for policy in page.context["policies"]}
    assert offered == listed


@pytest.mark.parametrize("language", PARTIAL)
@pytest.mark.parametrize("given", ["bus_ko", "bus_en", "bus_fr"])
def test_any_version_of_a_policy_preselects_the_forms_choice(language, given, library, client):
    response = choices(client, language, f"?policy={library[given].pk}")
    expected = library["bus_fr"] if language == "fr" else library["bus_en"]
    assert response.context["form"].initial["policies"] == [expected.pk]
    assert re.search(
        rf'<input[^>]*value="{expected.pk}"[^>]*checked|<input[^>]*checked[^>]*value="{expected.pk}"',
        response.content.decode(),
    )


@pytest.mark.parametrize("language", PARTIAL)
def test_an_english_fallback_policy_is_ticked_and_submitted(
    language, library, client, django_capture_on_commit_callbacks
):
    water = library["water_en"]
    response = choices(client, language, f"?policy={water.pk}")
    assert response.context["form"].initial["policies"] == [water.pk]
    # Its title is marked as English inside the page of another language.
    assert '<span lang="en" dir="ltr">Water supply</span>' in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(f"/{language}/requests/study-visit/", form_data(policies=[water.pk]))
    assert sent.status_code == 302
    assert list(CooperationRequest.objects.get().policies.all()) == [water]


def test_a_version_the_form_does_not_offer_is_refused(library, client):
    # The French form offers the French version of the bus policy, not the English one.
    response = client.post("/fr/requests/study-visit/", form_data(policies=[library["bus_en"].pk]))
    assert response.status_code == 200
    assert "policies" in response.context["form"].errors
    assert not CooperationRequest.objects.exists()


def test_korean_and_english_forms_keep_their_own_language(library, client):
    for language, expected in (("ko", {"bus_ko", "heat_ko"}), ("en", {"bus_en", "water_en"})):
        form = choices(client, language).context["form"]
        offered = {policy.pk for policy in form.fields["policies"].queryset}
        assert offered == {library[name].pk for name in expected}
