"""Settings shared by every environment.

Configuration that differs between machines comes from the environment, read in one
typed block below. Every variable is listed in `.env.example` and in the README.
"""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def env_bool(name: str, default: bool = False) -> bool:
    value = env_str(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    return int(value) if value is not None else default


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = env_str(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


# --- Environment -------------------------------------------------------------------------
# DATABASE_URL: any dj-database-url URL; SQLite in the project folder when unset.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
# SITE_URL: the public base URL, used in links that leave the request (e-mails, feeds).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static_collected")))
# VIEW_COUNT_TRUST_FORWARDED_FOR: read the visitor address from X-Forwarded-For (only behind
# a proxy that sets it).
VIEW_COUNT_TRUST_FORWARDED_FOR = env_bool("VIEW_COUNT_TRUST_FORWARDED_FOR", False)
# Cooperation requests and the newsletter (docs/requests.md).
# REQUEST_RATE_LIMIT: public form submissions per visitor address per hour, then 429.
REQUEST_RATE_LIMIT = env_int("REQUEST_RATE_LIMIT", 5)
# REQUEST_RETENTION_DAYS: `anonymise_requests` erases the personal data of requests with
# no activity for this many days.
REQUEST_RETENTION_DAYS = env_int("REQUEST_RETENTION_DAYS", 730)
# REQUEST_FROM_EMAIL: the sender of mail to requesters; DEFAULT_FROM_EMAIL when unset.
REQUEST_FROM_EMAIL = env_str("REQUEST_FROM_EMAIL")
# REQUEST_NOTIFY_EMAILS: comma-separated staff addresses told of every new request.
REQUEST_NOTIFY_EMAILS = env_list("REQUEST_NOTIFY_EMAILS")
# Machine-translation drafts for editors (docs/translation.md). Off unless a backend is set:
# MACHINE_TRANSLATION_BACKEND: dotted path of a backend class, e.g.
# policyshare.translations.machine.LibreTranslateBackend; MACHINE_TRANSLATION_URL and
# MACHINE_TRANSLATION_API_KEY configure that one.
MACHINE_TRANSLATION_BACKEND = env_str("MACHINE_TRANSLATION_BACKEND")
MACHINE_TRANSLATION_URL = env_str("MACHINE_TRANSLATION_URL")
MACHINE_TRANSLATION_API_KEY = env_str("MACHINE_TRANSLATION_API_KEY")
# Anonymous page cache (docs/deploy.md#caching). PAGE_CACHE_SECONDS: how long the app cache
# and the proxy (s-maxage) keep a public page; 0 turns page caching off.
# PAGE_CACHE_BROWSER_SECONDS: max-age for browsers, which cannot be purged, so short.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_BROWSER_SECONDS = env_int("PAGE_CACHE_BROWSER_SECONDS", 60)
# FRONTEND_CACHE_PURGE_URL: where Wagtail sends PURGE requests for changed pages, e.g. the
# nginx purge listener http://127.0.0.1:8081 (deploy/nginx/policyshare.conf); unset: none.
FRONTEND_CACHE_PURGE_URL = env_str("FRONTEND_CACHE_PURGE_URL")
# ------------------------------------------------------------------------------------------

INSTALLED_APPS = [
    "policyshare.core",
    "policyshare.home",
    "policyshare.policies",
    "policyshare.boards",
    "policyshare.partners",
    "policyshare.search",
    "policyshare.importer",
    "policyshare.demo",
    "policyshare.inquiries",
    "policyshare.api",
    "policyshare.opendata",
    "policyshare.translations",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Only for its bundled Swagger UI files: the API documentation loads nothing from a CDN.
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "policyshare.core.middleware.NullCharacterMiddleware",
    "policyshare.core.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "policyshare.core.page_cache.PublicPageCacheMiddleware",
    "policyshare.core.middleware.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "policyshare.core.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "policyshare.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

WSGI_APPLICATION = "policyshare.wsgi.application"

# Persistent connections, checked before reuse: after a database restart the stale
# connection is dropped and the next request reconnects, with no app server restart.
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers continue while the view-count beacon writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif env_bool("DATABASE_PREPARED_STATEMENTS", True):
    # PostgreSQL: values are sent apart from the SQL, so a query a connection has run five
    # times is prepared, and the server stops parsing and planning it again (about half of
    # its work on a page). Turn off behind a pooler in transaction mode (PgBouncer before
    # 1.21), where a prepared statement may not be on the next transaction's connection.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ---------------------------------------------------------------------------
LANGUAGE_CODE = "ko"
# Each language is named in itself: that is how a reader finds their own in the switcher.
LANGUAGES = [
    ("ko", "한국어"),
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
    ("zh-hans", "简体中文"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Where a page missing in the reader's language is shown from, in this order (the first
# language it exists in): English reads more widely abroad than Korean.
PORTAL_FALLBACK_LANGUAGES = ["en", "ko"]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

# --- Static and media --------------------------------------------------------------------
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
# Uploads larger than this go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Wagtail -----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "PolicyShare"
WAGTAILADMIN_BASE_URL = SITE_URL
# Wagtail's database backend with Korean and English analysis (docs/search.md).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "policyshare.search.backends"},
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "hwp", "hwpx", "odt", "csv", "txt"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# No SVG: an uploaded SVG served from our origin could carry script.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No avatars from gravatar.com: the admin makes no request to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Drafts and revisions: editors must never lose work.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True

# Counting views: one view per visitor per page per day.
VIEW_COUNT_BOT_PATTERN = (
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|"
    r"curl|wget|python-requests|httpx|go-http-client|java/|libwww|scrapy|"
    r"headlesschrome|phantomjs|lighthouse|pingdom|uptime|monitor"
)

# --- Open data (docs/open-data.md) -------------------------------------------------------
# Requests per client address and window before the API answers 429 (cache-based).
OPEN_DATA_API_RATE_LIMIT = env_int("OPEN_DATA_API_RATE_LIMIT", 120)
OPEN_DATA_API_RATE_WINDOW = env_int("OPEN_DATA_API_RATE_WINDOW", 60)
# Who publishes the content, in each language: schema.org publisher of every page.
OPEN_DATA_PUBLISHER = {
    "name": {"ko": "서울특별시", "en": "Seoul Metropolitan Government"},
    "url": "https://www.seoul.go.kr/",
}

# --- Cooperation requests and partner cities (docs/requests.md) -------------------------
# Checks what partner-city contributors upload by its content, not its name.
# Draftail, with what it posts checked before Wagtail converts it (policyshare.core.rich_text).
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "policyshare.core.rich_text.CheckedDraftailRichTextArea"}
}
WAGTAILDOCS_DOCUMENT_FORM_BASE = "policyshare.inquiries.document_forms.PortalDocumentForm"

# --- Caching (docs/deploy.md) -------------------------------------------------------------
# Never cached by the page cache: the admin, private documents, the view beacon, the API
# (rate-limited per visitor), the request and newsletter pages (forms, private links) and
# search (every search is recorded for the popular-searches statistics).
PAGE_CACHE_EXCLUDE = r"^/(admin|documents|views|api)/|^/[a-z-]+/(requests|newsletter|search)/"
# Fragments (navigation, language names, partner logos) live this long at most; editors'
# changes retire them at once through the page-cache generation.
FRAGMENT_CACHE_SECONDS = 3600
WAGTAILFRONTENDCACHE = (
    {
        "nginx": {
            "BACKEND": "policyshare.core.page_cache.ProxyPurgeBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
    if FRONTEND_CACHE_PURGE_URL
    else {}
)

# --- Content security policy -------------------------------------------------------------
# Public pages: no inline script or style anywhere (JSON-LD is data, not script). Videos
# load from youtube-nocookie.com only when the reader clicks.
CSP_POLICY = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src https://www.youtube-nocookie.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
]
# Wagtail's admin and the API's Swagger page render inline scripts and style attributes we
# do not control; they get this policy, which allows inline code there and nowhere else.
CSP_RELAXED_PATHS = ["/admin/", "/api/"]
CSP_RELAXED_POLICY = [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self' https://www.youtube-nocookie.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "policyshare": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
