"""The bench/load corpus: thousands of policies and board posts in Korean and English.

Run inside the benchmark's environment (production settings, its own database):

    python bench/load/build_corpus.py POLICIES POSTS

Text comes from the search benchmark's sentence pool (bench/search/corpus.py), so search
finds real matches. Pages are added live with `add_child`, without revisions (not what
readers see), in transactions of a few hundred. Indexing on save is switched off for the
build, as in bench/search: the public search documents are then written in bulk from the
known sentences, each sentence analysed once. Wagtail's own index (the admin's search) and
the reference index are not built; no public page reads them.
"""

import functools
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "search")]

BATCH = 250
BOARD_FIELDS = {
    "news": {},
    "media": {"source_outlet": "Seoul Daily", "original_url": "https://example.org/story"},
    "videos": {"video_url": "https://www.youtube.com/watch?v=q7Sx2mLk4Ha"},
    "reports": {},
}


def build(policies: int, posts: int) -> dict:
    import django

    django.setup()
    import corpus as sentences_corpus
    from django.db import connection, transaction
    from django.db.models.signals import post_save
    from django.utils import timezone
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import update_reference_index_on_save

    from policyshare.boards.models import BoardPost
    from policyshare.home.services import ensure_sections
    from policyshare.policies.models import PolicyCase
    from policyshare.search.analysis import get_analyser
    from policyshare.search.models import SearchDocument

    started = time.perf_counter()
    sections = ensure_sections()
    for model in (PolicyCase, BoardPost):
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.disconnect(update_reference_index_on_save, sender=model)
    post_save.disconnect(dispatch_uid="portal_search_page_saved")
    analyser = get_analyser()
    analysed = functools.lru_cache(maxsize=None)(analyser.index_text)
    documents = []

    def document(page, *, kind, language, board, year, day, title_sentence, sentences):
        text = " ".join(sentences)
        documents.append(
            SearchDocument(
                key=f"page:{page.pk}",
                page_id=page.pk,
                kind=kind,
                language=language,
                board=board,
                themes="",
                year=year,
                date=day,
                title=page.title,
                url=page.url_path_for_bench,
                text=text,
                analysed_title=f"{analysed(title_sentence)} {page.pk}",
                analysed_body=" ".join(analysed(sentence) for sentence in sentences),
                analyser=analyser.name,
            )
        )

    pool = sentences_corpus.synthetic_sentences()
    rng = random.Random(8)
    now = timezone.now()
    languages = ["ko", "en"]
    boards = [slug for slug in BOARD_FIELDS if slug in sections]

    def pick(language, count):
        return rng.sample(pool[language], count)

    made = {"policies": 0, "posts": 0}
    for start in range(0, policies, BATCH):
        with transaction.atomic():
            for n in range(start, min(policies, start + BATCH)):
                language = languages[n % 2]
                library = sections["policies"][language]
                title_sentence, *summary = pick(language, 3)
                background, lessons = pick(language, 3), pick(language, 2)
                policy = library.add_child(
                    instance=PolicyCase(
                        title=f"{title_sentence[:60]} {n}",
                        slug=f"policy-{n}",
                        summary=" ".join(summary),
                        background=f"<p>{' '.join(background)}</p>",
                        lessons=f"<p>{' '.join(lessons)}</p>",
                        period_start_year=2000 + n % 24,
                        department="Seoul Metropolitan Government",
                        is_featured=n < 12,
                        live=True,
                        first_published_at=now - timedelta(minutes=n),
                        last_published_at=now - timedelta(minutes=n),
                    )
                )
                policy.url_path_for_bench = f"{library.url}{policy.slug}/"
                document(
                    policy,
                    kind="policy",
                    language=language,
                    board="",
                    year=policy.period_start_year,
                    day=timezone.localdate(policy.last_published_at),
                    title_sentence=title_sentence,
                    sentences=[*summary, *background, *lessons],
                )
                made["policies"] += 1
    for start in range(0, posts, BATCH):
        with transaction.atomic():
            for n in range(start, min(posts, start + BATCH)):
                language = languages[n % 2]
                slug = boards[(n // 2) % len(boards)]
                board = sections[slug][language]
                title_sentence, summary, *body = pick(language, 6)
                post = board.add_child(
                    instance=BoardPost(
                        title=f"{title_sentence[:60]} {n}",
                        slug=f"post-{n}",
                        registered_on=date(2024, 1, 1) - timedelta(days=n % 3000),
                        writer="Seoul",
                        summary=summary,
                        body=f"<p>{' '.join(body)}</p>",
                        live=True,
                        first_published_at=now - timedelta(minutes=n),
                        last_published_at=now - timedelta(minutes=n),
                        **BOARD_FIELDS[slug],
                    )
                )
                post.url_path_for_bench = f"{board.url}{post.slug}/"
                document(
                    post,
                    kind="post",
                    language=language,
                    board=board.kind,
                    year=post.registered_on.year,
                    day=post.registered_on,
                    title_sentence=title_sentence,
                    sentences=[summary, *body],
                )
                made["posts"] += 1
    SearchDocument.objects.bulk_create(documents, batch_size=1000)
    # As after any bulk load: statistics for the planner, and the tables vacuumed now, so
    # autovacuum does not start on them (with a CPU of its own) during the measured runs.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    made["seconds"] = round(time.perf_counter() - started, 1)
    return made


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyshare.settings.production")
    result = build(int(sys.argv[1]), int(sys.argv[2]))
    print(result)
