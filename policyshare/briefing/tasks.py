"""Background tasks of briefing packs, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task

from . import services


@task()
def render_pack(*, ids: list[int], language: str, fmt: str) -> str:
    """Render one pack's PDF or DOCX into the media storage; returns its stored name."""
    return services.render_and_store(ids=ids, language=language, fmt=fmt)
