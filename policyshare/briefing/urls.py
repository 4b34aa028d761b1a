"""Public routes, mounted under /<language>/briefing/ (inside i18n_patterns)."""

from django.urls import path

from . import views

app_name = "briefing"

urlpatterns = [
    path("", views.pack_page, name="pack"),
    path("pack.pdf", views.pack_file, {"fmt": "pdf"}, name="pack_pdf"),
    path("pack.docx", views.pack_file, {"fmt": "docx"}, name="pack_docx"),
    path("case/<int:page_id>.pdf", views.case_pdf, name="case_pdf"),
    path("cite/<int:page_id>.bib", views.citation, {"fmt": "bib"}, name="cite_bibtex"),
    path("cite/<int:page_id>.json", views.citation, {"fmt": "json"}, name="cite_csl_json"),
    path("cite/<int:page_id>.txt", views.citation, {"fmt": "txt"}, name="cite_plain"),
]
