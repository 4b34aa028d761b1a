"""The skeleton every portal needs: locales, a home page per language and the site."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import HomePage

HOME_TITLES = {"ko": "서울 정책공유", "en": "Seoul Policy Sharing"}


@transaction.atomic
def ensure_site(*, hostname: str = "localhost", port: int = 80) -> dict[str, HomePage]:
    """Create the locales, the Korean home page, its translations and the default site.

    Running it again changes nothing. Wagtail's placeholder "Welcome" page is replaced.
    Returns the home page of each language code.
    """
    default_code = settings.LANGUAGE_CODE
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }
    root = Page.get_first_root_node()
    # Wagtail's initial migration leaves a plain "Welcome" page (and a site on it) under the
    # root; it holds no content of ours.
    Page.objects.child_of(root).filter(content_type__model="page",
                                       content_type__app_label="wagtailcore").delete()
    homes = {
        home.locale.language_code: home
        for home in HomePage.objects.child_of(root).select_related("locale")
    }
    if default_code not in homes:
        home = HomePage(
            title=HOME_TITLES.get(default_code, "PolicyShare"),
            slug="home",
            locale=locales[default_code],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        homes[default_code] = home

    source = homes[default_code]
    for code, locale in locales.items():
        if code not in homes:
            translation = source.copy_for_translation(locale)
            translation.title = HOME_TITLES.get(code, source.title)
            translation.save_revision().publish()
            homes[code] = translation

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname=hostname, port=port, root_page=source, is_default_site=True,
                            site_name="PolicyShare")
    elif site.root_page_id != source.pk:
        site.root_page = source
        site.save()
    return {code: HomePage.objects.get(pk=home.pk) for code, home in homes.items()}
