"""The blocks of a guide chapter's body (docs/guides.md)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock

from policyshare.core.blocks import FigureBlock, HeadingBlock, QuoteBlock

# No headings in a paragraph: a chapter's headings are heading blocks, which make its table
# of contents and carry the anchors it links to.
PARAGRAPH_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class KeyFigureBlock(blocks.StructBlock):
    """One number that sums a point up: "2%", with what it measures and where it comes from."""

    figure = blocks.CharBlock(label=_("Figure"), max_length=40, help_text=_("Such as “2.4%”."))
    label = blocks.CharBlock(label=_("What it measures"), max_length=200)
    source = blocks.CharBlock(required=False, label=_("Source"), max_length=300)

    class Meta:
        icon = "pick"
        label = _("Key figure")
        template = "guides/blocks/key_figure_block.html"


class GuideTableBlock(TableBlock):
    class Meta:
        label = _("Table")
        template = "guides/blocks/table_block.html"


class ChapterBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, label=_("Paragraph"))
    figure = FigureBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quotation"))
    table = GuideTableBlock(
        table_options={"startRows": 3, "startCols": 3, "renderer": "text", "autoColumnSize": False}
    )
    key_figure = KeyFigureBlock()
