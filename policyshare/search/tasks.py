"""Background tasks of the search, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task

from . import semantic


@task()
def embed_search_documents(*, document_ids: list[int]) -> int:
    """Make the vectors of these search documents (semantic search); returns how many."""
    return semantic.embed_documents(document_ids=document_ids).embedded
