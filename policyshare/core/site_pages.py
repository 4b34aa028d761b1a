"""The pages every portal links from its footer, found by slug under each home page.

`home.services.ensure_site_pages` creates them; the footer (`portal_tags.footer_pages`)
reads them. Their slugs are the same in every language, like the sections'.
"""

PRIVACY = "privacy"
ACCESSIBILITY = "accessibility"
LICENCE = "licence"
FOOTER_PAGE_SLUGS = (PRIVACY, ACCESSIBILITY, LICENCE)
