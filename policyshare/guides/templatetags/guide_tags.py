from django import template

register = template.Library()


@register.filter
def whole_guide_sections(chapter):
    """The chapter's table-of-contents entries with the whole-guide page's anchors."""
    return chapter.sections(whole_guide=True)


@register.filter
def whole_guide_parts(chapter):
    """The chapter's body with the whole-guide page's anchors and heading levels."""
    return chapter.body_parts(whole_guide=True)
