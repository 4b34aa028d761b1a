"""Documents analysed in their language, editors' synonyms, "Did you mean …?", the page that
helps when nothing is found, and the request form that receives the query."""

import importlib
import unittest

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.urls import reverse

from policyshare.home.services import ensure_sections
from policyshare.policies.models import PolicyCase
from policyshare.search import suggestions, synonyms
from policyshare.search.models import SearchDocument, SearchSynonym, split_synonyms
from policyshare.search.selectors import search_documents

from . import factories as make

LANGUAGES = ("ko", "en", "fr", "es", "ar", "zh-hans")


def policy(title, summary, language):
    library = ensure_sections(languages=LANGUAGES)["policies"][language]
    page = PolicyCase(
        title=title, summary=summary, period_start_year=2020, slug=f"p-{abs(hash(title))}"
    )
    library.add_child(instance=page)
    return make.publish(page)


class LanguageContent(TestCase):
    @classmethod
    def setUpTestData(cls):
        with cls.captureOnCommitCallbacks(execute=True):
            ensure_sections(languages=LANGUAGES)
            cls.transport = make.theme(name="교통", slug="transport", popular=True)
            make.theme(name="Transport", slug="transport", language="en", popular=True)
            cls.bicycle = policy(
                "Bicycle highways", "Protected lanes for every bicycle commuter.", "en"
            )
            cls.ddareungi = policy("따릉이", "서울의 대여 서비스.", "ko")
            cls.velo = policy("Vélos partagés", "Les vélos partagés de Séoul.", "fr")
            cls.bici = policy("Bicicletas públicas", "Las bicicletas públicas de Seúl.", "es")
            cls.arabic = policy("الدراجات الهوائية", "استخدام الدَّرَّاجَة في المدينة.", "ar")
            cls.chinese = policy("公共自行车", "首尔市公共自行车系统。", "zh-hans")

    def setUp(self):
        # Cached synonym lists and vocabularies must not leak from one test to the next.
        cache.clear()
        suggestions.forget_vocabulary()

    def titles(self, query, language):
        return [h.document.title for h in search_documents(query=query, language=language).hits]


class DocumentLanguageTests(LanguageContent):
    def test_each_document_is_analysed_in_its_language(self):
        document = SearchDocument.objects.get(page=self.velo)
        self.assertIn("partag", document.analysed_title.split())
        self.assertEqual(document.analyser, "kiwi-2")

    def test_readers_find_documents_in_their_language(self):
        for query, language, title in [
            ("vélo partagé", "fr", "Vélos partagés"),
            ("velos", "fr", "Vélos partagés"),
            ("vélo", "fr", "Vélos partagés"),
            ("bicicleta pública", "es", "Bicicletas públicas"),
            ("الدراجة", "ar", "الدراجات الهوائية"),
            ("自行车", "zh-hans", "公共自行车"),
        ]:
            with self.subTest(query=query):
                self.assertIn(title, self.titles(query, language))

    def test_stop_words_find_nothing(self):
        self.assertEqual(search_documents(query="de las", language="es").total, 0)


class SynonymTests(LanguageContent):
    def test_defaults_are_installed(self):
        self.assertTrue(
            SearchSynonym.objects.filter(language="ko", terms__contains="따릉이").exists()
        )
        for language in LANGUAGES:
            with self.subTest(language=language):
                self.assertTrue(SearchSynonym.objects.filter(language=language).exists())

    def test_a_query_finds_the_synonyms_of_its_words(self):
        self.assertIn("Bicycle highways", self.titles("bike", "en"))
        self.assertIn("따릉이", self.titles("자전거", "ko"))

    def test_only_the_readers_language_lists_apply(self):
        self.assertNotIn("따릉이", self.titles("자전거", "en"))

    def test_saving_a_list_invalidates_the_cache(self):
        self.assertNotIn("Bicycle highways", self.titles("velocipede", "en"))
        synonym = SearchSynonym.objects.create(language="en", terms="velocipede, bicycle")
        self.assertIn("Bicycle highways", self.titles("velocipede", "en"))
        synonym.delete()
        self.assertNotIn("Bicycle highways", self.titles("velocipede", "en"))

    def test_expansion_adds_the_other_words_terms_only(self):
        expanded = synonyms.expand(["bike"], "en")
        self.assertEqual(expanded[0], "bike")
        self.assertIn("bicycl", expanded)
        self.assertEqual(synonyms.expand(["stream"], "en"), ["stream"])
        self.assertEqual(synonyms.expand(["bike"], "xx\x00 é"), ["bike"])

    def test_lists_are_split_on_commas_and_other_separators(self):
        self.assertEqual(
            split_synonyms("bike,  bicycle ;cycling\nbike"), ["bike", "bicycle", "cycling"]
        )
        self.assertEqual(split_synonyms("自行车，单车、脚踏车"), ["自行车", "单车", "脚踏车"])
        self.assertEqual(split_synonyms("وفيات، قتلى"), ["وفيات", "قتلى"])


class SynonymAdminTests(TestCase):
    def test_editors_and_moderators_manage_synonyms(self):
        migration = importlib.import_module(
            "policyshare.search.migrations.0008_default_synonyms_and_editors_manage_them"
        )
        codenames = {codename for codename, _name in migration.PERMISSIONS}

        def granted(name):
            return set(
                Group.objects.get(name=name)
                .permissions.filter(content_type__model="searchsynonym")
                .values_list("codename", flat=True)
            )

        for name in ("Editors", "Moderators"):
            self.assertEqual(granted(name), codenames)
        migration.revoke(apps, None)
        self.assertEqual(granted("Editors"), set())
        migration.grant(apps, None)
        self.assertEqual(granted("Editors"), codenames)

    def test_an_editor_adds_a_list_in_the_admin(self):
        editor = get_user_model().objects.create_user("editor", password="pw")
        editor.groups.add(Group.objects.get(name="Editors"))
        self.client.force_login(editor)
        listing = reverse("wagtailsnippets_portal_search_searchsynonym:list")
        self.assertContains(self.client.get(listing), "따릉이")
        found = self.client.get(listing, {"q": "따릉이"})
        self.assertContains(found, "따릉이")
        self.assertNotContains(found, "bicyclette")
        add = reverse("wagtailsnippets_portal_search_searchsynonym:add")
        response = self.client.post(add, {"language": "en", "terms": "tram"})
        self.assertEqual(response.status_code, 200)  # one word is no list: the form says so
        self.assertFalse(SearchSynonym.objects.filter(terms="tram").exists())
        response = self.client.post(add, {"language": "en", "terms": "tram, streetcar"})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(SearchSynonym.objects.filter(terms="tram, streetcar").exists())


class DidYouMeanTests(LanguageContent):
    def test_a_typo_is_corrected_to_a_word_of_the_index(self):
        self.assertEqual(suggestions.did_you_mean("bicyle", language="en"), "bicycle")
        # When the stem is no start of the word ("highwys" → "highwi"), the stem found is shown.
        self.assertEqual(suggestions.did_you_mean("highwys", language="en"), "highway")

    def test_known_words_need_no_suggestion(self):
        self.assertEqual(suggestions.did_you_mean("bicycle highways", language="en"), "")
        self.assertEqual(suggestions.did_you_mean("zzzzqqqq", language="en"), "")

    def test_only_the_unknown_word_changes(self):
        self.assertEqual(
            suggestions.did_you_mean("protected bicyle", language="en"), "protected bicycle"
        )

    def test_bounded_distance(self):
        self.assertEqual(suggestions.bounded_distance("bicyl", "bicycl", 2), 1)
        self.assertEqual(suggestions.bounded_distance("abc", "xyz", 1), 2)  # limit + 1

    def test_the_page_offers_the_correction(self):
        response = self.client.get("/en/search/", {"q": "bicyle"})
        self.assertContains(response, "Did you mean")
        self.assertContains(response, 'href="?q=bicycle"')


class ZeroResultPageTests(LanguageContent):
    def test_the_page_helps(self):
        response = self.client.get("/en/search/", {"q": "bicyle zzzz"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["outcome"].total, 0)
        # Popular themes in the reader's language, and the question carried to Seoul.
        self.assertContains(response, "?q=Transport&amp;theme=transport")
        self.assertNotContains(response, "?q=%EA%B5%90%ED%86%B5")  # 교통, the Korean name
        self.assertContains(response, "/en/requests/consultation/?topic=bicyle+zzzz")

    def test_the_query_is_escaped_everywhere(self):
        query = '<script>alert("x")</script> zzzz'
        response = self.client.get("/en/search/", {"q": query})
        content = response.content.decode()
        self.assertNotIn("<script>alert", content)
        self.assertIn("topic=%3Cscript%3Ealert%28%22x%22%29%3C%2Fscript%3E+zzzz", content)

    def test_results_hide_the_help(self):
        response = self.client.get("/en/search/", {"q": "bicycle"})
        self.assertNotContains(response, "/requests/consultation/?topic=")

    def test_bad_input_answers_200(self):
        for language in ("fr", "es", "ar", "zh-hans"):
            for query in [
                "",
                "a" * 10_000,
                "\x00\x1f\x7f ok",
                "vélo 자전거 الدراجة 自行车 bike",
                '"*^- NEAR(',
            ]:
                with self.subTest(language=language, query=query[:20]):
                    response = self.client.get(f"/{language}/search/", {"q": query})
                    self.assertEqual(response.status_code, 200)


class RequestFormPrefillTests(TestCase):
    def test_the_topic_comes_from_the_address_escaped(self):
        url = reverse("inquiries:form", kwargs={"kind_slug": "consultation"})
        response = self.client.get(url, {"topic": '"><b>bike</b>\x00 lanes'})
        self.assertEqual(response.status_code, 200)
        field = response.context["form"]["topic"]
        self.assertEqual(field.value(), '"><b>bike</b> lanes')
        content = response.content.decode()
        self.assertNotIn("<b>bike</b>", content)
        self.assertIn('value="&quot;&gt;&lt;b&gt;bike&lt;/b&gt; lanes"', content)

    def test_a_long_topic_is_cut_to_the_field(self):
        url = reverse("inquiries:form", kwargs={"kind_slug": "consultation"})
        response = self.client.get(url, {"topic": "x" * 10_000})
        self.assertEqual(len(response.context["form"]["topic"].value()), 200)


@pytest.mark.postgres
@unittest.skipUnless(connection.vendor == "postgresql", "ts_stat needs PostgreSQL")
class PostgresVocabularyTests(LanguageContent):
    def test_the_vocabulary_comes_from_the_stored_vectors(self):
        self.assertIn("bicycl", suggestions.vocabulary())
        self.assertEqual(suggestions.did_you_mean("bicyle", language="en"), "bicycle")
        self.assertIn("Vélos partagés", self.titles("velo", "fr"))


class RebuildTests(LanguageContent):
    def test_stale_documents_are_rebuilt_and_reported(self):
        from io import StringIO

        from django.core.management import call_command

        from policyshare.search.checks import check_documents_are_analysed_by_this_version

        out = StringIO()
        call_command("rebuild_search_documents", "--if-stale", stdout=out)
        self.assertIn("up to date", out.getvalue())
        self.assertEqual(check_documents_are_analysed_by_this_version(databases=["default"]), [])
        # A document as the analysis before languages wrote it.
        SearchDocument.objects.filter(page=self.velo).update(
            analyser="kiwi",
            analysed_title="velos partages",
            analysed_summary="velos partages",
            analysed_body="velos partages",
        )
        warnings = check_documents_are_analysed_by_this_version(databases=["default"])
        self.assertEqual([w.id for w in warnings], ["portal_search.W001"])
        self.assertNotIn("Vélos partagés", self.titles("partagé", "fr"))
        out = StringIO()
        call_command("rebuild_search_documents", "--if-stale", stdout=out)
        self.assertIn("1 search documents were analysed differently", out.getvalue())
        self.assertIn("Vélos partagés", self.titles("partagé", "fr"))
        self.assertEqual(check_documents_are_analysed_by_this_version(databases=["default"]), [])
