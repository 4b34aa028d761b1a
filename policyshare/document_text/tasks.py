"""Background tasks of document text, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task

from . import services


@task()
def extract_document_text(*, document_id: int) -> str:
    """Extract one document's text (skipped when its file is unchanged)."""
    return services.extract_document(document_id=document_id)
