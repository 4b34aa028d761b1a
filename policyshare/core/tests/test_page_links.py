"""The pagination's page links, computed from the few numbers that can show: the same as
testing every page of the list (what includes/pagination.html did), for any list."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import SimpleTestCase

from policyshare.core.pagination import page_links


def every_page_tested(current: int, last: int) -> list[dict]:
    """The rule the template applied to each page in turn."""
    links = []
    for number in range(1, last + 1):
        if number == current:
            links.append({"number": number, "kind": "current"})
        elif number in (1, last) or (number - 2 <= current and number + 2 >= current):
            links.append({"number": number, "kind": "link"})
        elif number in (2, last - 1):
            links.append({"number": number, "kind": "gap"})
    return links


class PageLinksTests(SimpleTestCase):
    def test_the_same_as_testing_every_page(self):
        for last in range(1, 30):
            paginator = Paginator(range(last * 10), 10)
            for current in range(1, last + 1):
                with self.subTest(current=current, last=last):
                    self.assertEqual(
                        page_links(paginator.page(current)), every_page_tested(current, last)
                    )

    def test_a_long_list_shows_a_few_links(self):
        page = Paginator(range(5000), 12).page(200)
        html = render_to_string(
            "includes/pagination.html", {"page_obj": page, "extra_query": "theme=transport"}
        )
        # Previous, 1, …, 198 to 202, …, 417, next.
        self.assertEqual(html.count("<li>"), 11)
        self.assertIn('href="?theme=transport&amp;page=417"', html)
        self.assertIn('<span aria-current="page">200</span>', html)
        self.assertEqual(html.count("…"), 2)
