"""Image renditions made when an image is saved, not when a reader first asks for a page.

Every filter spec the templates use is listed here; a test renders the templates' `{% picture %}`
tags and checks they find every rendition already made. Keep this list in step with
`templates/home/home_page.html`, `templates/partners/partners_page.html` and
`templates/blocks/figure_block.html`.
"""

from django.db import transaction
from wagtail.images import get_image_model

# {% picture partner.logo format-{avif,webp,png} max-240x96 %}
# Written as the tag writes them (filters in template order): a differently ordered spec is
# another rendition.
LOGO_SPECS = [f"format-{fmt}|max-240x96" for fmt in ("avif", "webp", "png")]
# {% picture value.image format-{avif,webp,jpeg} width-{480,800,1200} %}
FIGURE_SPECS = [
    f"format-{fmt}|width-{width}" for width in (480, 800, 1200) for fmt in ("avif", "webp", "jpeg")
]
RENDITION_SPECS = LOGO_SPECS + FIGURE_SPECS


def create_renditions(*, image) -> int:
    """Make every rendition the templates use for `image`; returns how many exist."""
    return len(image.get_renditions(*RENDITION_SPECS))


def create_all_renditions() -> int:
    """Every image's renditions; existing ones are found, not remade."""
    made = 0
    for image in get_image_model().objects.prefetch_related("renditions").iterator(chunk_size=100):
        made += create_renditions(image=image)
    return made


def _image_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    # After commit: the file and focal point are final, and a failed upload makes nothing.
    transaction.on_commit(lambda: create_renditions(image=instance))


def register_signal_handlers():
    from django.db.models.signals import post_save

    post_save.connect(_image_saved, sender=get_image_model(), dispatch_uid="renditions_on_save")
