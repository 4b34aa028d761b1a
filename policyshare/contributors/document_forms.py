"""The document form of the Wagtail admin (WAGTAILDOCS_DOCUMENT_FORM_BASE).

Partner-city contributors are outside Seoul's staff, so what they upload is checked by its
content (PDF, PNG, JPEG, DOCX, XLSX; at most 10 MB), whatever its name says. Staff keep the
wider list of WAGTAILDOCS_EXTENSIONS (HWP, ODT, CSV, …).
"""

from wagtail.documents.forms import BaseDocumentForm

from .selectors import is_partner_contributor
from .validators import validate_attachment


class PortalDocumentForm(BaseDocumentForm):
    def __init__(self, *args, user=None, **kwargs):
        self.checks_content = is_partner_contributor(user)
        super().__init__(*args, user=user, **kwargs)

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if self.checks_content and uploaded and "file" in self.changed_data:
            validate_attachment(uploaded)
        return uploaded
