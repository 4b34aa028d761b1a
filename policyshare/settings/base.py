"""Settings shared by every environment.

Configuration that differs between machines comes from the environment, read in one
typed block below. Every variable is listed in `.env.example` and in the README.
"""

import hashlib
import os
import tempfile
import tomllib
from datetime import timedelta
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


RELEASE_SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".mo", ".svg", ".json"}


def code_release(directory: Path) -> str:
    """The project's version and a digest of its code, templates, styles, scripts and
    catalogues: whatever can change a cached page or a pickled object changes this."""
    version = tomllib.loads((directory.parent / "pyproject.toml").read_text())["project"]["version"]
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.suffix in RELEASE_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(directory)).encode() + b"\0")
            digest.update(path.read_bytes())
    return f"{version}+{digest.hexdigest()[:12]}"


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
# REQUEST_RATE_LIMIT: accepted public form submissions per visitor address per hour, then 429.
REQUEST_RATE_LIMIT = env_int("REQUEST_RATE_LIMIT", 5)
# BRIEFING_RATE_LIMIT: briefing-pack files rendered per visitor address per hour, then 429
# (a pack already rendered in its content version is sent without counting; docs/briefing.md).
BRIEFING_RATE_LIMIT = env_int("BRIEFING_RATE_LIMIT", 20)
# BRIEFING_PACK_KEEP_DAYS: `prune_briefing_packs` deletes stored pack files nobody made or
# downloaded for this many days (and obsolete ones at once).
BRIEFING_PACK_KEEP_DAYS = env_int("BRIEFING_PACK_KEEP_DAYS", 30)
# REQUEST_RETENTION_DAYS: `anonymise_requests` erases the personal data of requests with
# no activity for this many days.
REQUEST_RETENTION_DAYS = env_int("REQUEST_RETENTION_DAYS", 730)
# REQUEST_UPDATE_MAIL_WAIT_MINUTES: a requester is told of a handler's changes (status,
# replies) in one mail, sent once this many minutes pass without another change.
REQUEST_UPDATE_MAIL_WAIT_MINUTES = env_int("REQUEST_UPDATE_MAIL_WAIT_MINUTES", 5)
# REQUEST_OVERDUE_DAYS: the admin dashboard calls an open request overdue when neither its
# status nor a reply has changed for more than this many working days (Monday to Friday).
REQUEST_OVERDUE_DAYS = env_int("REQUEST_OVERDUE_DAYS", 5)
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
# RELEASE: names the deployed code in every cache key, so a deploy never serves pages,
# fragments or pickled objects cached by the code before it (docs/deploy.md#caching).
# Unset: the version in pyproject.toml and a digest of the code (about 40 ms at start);
# set it (e.g. to the git commit) to skip that. Every server of one release must agree.
RELEASE = env_str("RELEASE") or code_release(PROJECT_DIR)
# PostgreSQL waits (docs/deploy.md#timeouts), in seconds, 0 for none. A request that waits
# longer for a row lock (DATABASE_LOCK_TIMEOUT) or on one statement
# (DATABASE_STATEMENT_TIMEOUT) is cancelled and answered 503 "not saved" before gunicorn
# (GUNICORN_TIMEOUT, 30) or nginx (proxy_read_timeout, 60) give up on it: a timeout there
# leaves the visitor not knowing whether the form was saved, so they send it twice.
# Migrations and long commands may run with DATABASE_STATEMENT_TIMEOUT=0.
DATABASE_LOCK_TIMEOUT = env_int("DATABASE_LOCK_TIMEOUT", 3)
DATABASE_STATEMENT_TIMEOUT = env_int("DATABASE_STATEMENT_TIMEOUT", 20)
# EMAIL_TIMEOUT: seconds an SMTP connection may wait on the mail server. Mail is sent by the
# task worker (`manage.py db_worker`, docs/deploy.md), never inside a request; a send that
# fails or times out is retried later (policyshare.mail.services).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
# SEARCH_POPULAR_MIN_VISITORS: different visitors (each counted once a day) who must have
# searched a query in the last 30 days before it is shown as a popular search.
SEARCH_POPULAR_MIN_VISITORS = env_int("SEARCH_POPULAR_MIN_VISITORS", 5)
# PORTAL_SEARCH_SEMANTIC: search by meaning too (a multilingual sentence encoder, fused with
# the word search; docs/search.md#fusion). Off, search uses words only and makes no vectors.
PORTAL_SEARCH_SEMANTIC = env_bool("PORTAL_SEARCH_SEMANTIC", True)
# SEARCH_KIWI_OPTIONS: keyword arguments of the Korean analyser's `kiwipiepy.Kiwi(...)`
# (docs/search.md#korean-model-and-memory). Without the built-in dictionaries a worker holds
# about 90 MB less and the judged queries rank the same. SEARCH_KIWI_DEFAULT_DICT=true
# loads the proper-noun dictionary again; rebuild the search index after changing either.
SEARCH_KIWI_OPTIONS = {
    "load_default_dict": env_bool("SEARCH_KIWI_DEFAULT_DICT", False),
    "load_typo_dict": False,
    "load_multi_dict": False,
}
# SEARCH_ENCODER_SHARED_TABLE: keep the sentence encoder's embedding table (65 MB) in a file
# from which each process reads the rows its texts need, instead of in every process's memory
# (docs/search.md#encoder-memory). SEARCH_ENCODER_CACHE_DIR: where that file is written by the
# first process that loads the encoder; it must be this user's own and writable by no one else
# (made with mode 0700 if missing), or the table is read into memory as when this is off.
SEARCH_ENCODER_SHARED_TABLE = env_bool("SEARCH_ENCODER_SHARED_TABLE", True)
SEARCH_ENCODER_CACHE_DIR = Path(
    env_str(
        "SEARCH_ENCODER_CACHE_DIR",
        str(Path(tempfile.gettempdir()) / f"policyshare-encoder-{os.getuid()}"),
    )
)
# Admin sign-in lock-out (django-axes; docs/deploy.md#admin-sign-in-lock-out).
# AXES_FAILURE_LIMIT: failed sign-ins with one user name from one address before that pair is
# locked out; AXES_COOLOFF_MINUTES: how long the lock-out lasts (each new failure meanwhile
# restarts it). `manage.py axes_reset_username <name>` lifts it sooner.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
# ------------------------------------------------------------------------------------------

INSTALLED_APPS = [
    "policyshare.core",
    "policyshare.home",
    "policyshare.policies",
    "policyshare.boards",
    "policyshare.partners",
    "policyshare.search",
    "policyshare.document_text",
    "policyshare.importer",
    "policyshare.demo",
    "policyshare.cooperation_requests",
    "policyshare.newsletter",
    "policyshare.contributors",
    "policyshare.consent",
    "policyshare.mail",
    # Empty: kept for its migration history (see its apps.py).
    "policyshare.inquiries",
    "policyshare.api",
    "policyshare.opendata",
    "policyshare.translations",
    "policyshare.sharing",
    "policyshare.events",
    "policyshare.themes",
    "policyshare.guides",
    "policyshare.workspace",
    "policyshare.analytics",
    "policyshare.briefing",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
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
    "axes",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Only for its bundled Swagger UI files: the API documentation loads nothing from a CDN.
    "ninja",
    # Background tasks (mail): Django's tasks framework and its database queue.
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "policyshare.core.middleware.NullCharacterMiddleware",
    "policyshare.core.middleware.ContentSecurityPolicyMiddleware",
    # The view-count beacon, answered here: it needs none of the middleware below.
    "policyshare.core.middleware.ViewCountBeaconMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "policyshare.core.page_cache.PublicPageCacheMiddleware",
    "policyshare.core.middleware.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, with Accept-Language matched across all six languages.
    "policyshare.core.middleware.ReaderLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "policyshare.core.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
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
else:
    # PostgreSQL: the session's timeouts (above), set when each connection opens.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c lock_timeout={DATABASE_LOCK_TIMEOUT}s "
        f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT}s"
    )
    if env_bool("DATABASE_PREPARED_STATEMENTS", True):
        # Values are sent apart from the SQL, so a query a connection has run five times is
        # prepared, and the server stops parsing and planning it again (about half of its
        # work on a page). Turn off behind a pooler in transaction mode (PgBouncer before
        # 1.21), where a prepared statement may not be on the next transaction's connection.
        DATABASES["default"]["OPTIONS"].update(server_side_binding=True, prepare_threshold=5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background tasks are queued in the database and run by `manage.py db_worker`
# (deploy/systemd/policyshare-worker.service). Development and tests run them at once.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Admin sign-in lock-out (django-axes) -------------------------------------------------
# Axes checks every sign-in first: a locked-out user name and address pair is refused before
# its password is even tried.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Keyed by user name and address together: nobody can lock an editor out from elsewhere, and
# one address cannot try a name more than AXES_FAILURE_LIMIT times. The address is the one
# the rest of the site sees (X-Forwarded-For only with VIEW_COUNT_TRUST_FORWARDED_FOR).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "policyshare.core.views.client_address"
AXES_LOCKOUT_CALLABLE = "policyshare.core.views.sign_in_locked_out"
AXES_RESET_ON_SUCCESS = True
# Keep only what the lock-out needs: failed attempts (deleted once their cool-off is over), no
# record of successful sign-ins or a separate failure log, no user agent in the log lines.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_VERBOSE = False
# The Django admin is not served (Wagtail's is): nothing to register there.
AXES_ENABLE_ADMIN = False

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
# The city whose portal this is (a `sharing.City` slug): the other end of every relationship,
# and the usual source of a policy transfer (docs/sharing.md).
PORTAL_CITY_SLUG = "seoul"
# The reporting organisation of the IATI export (docs/sharing.md, "IATI mapping"): its
# organisation identifier (IATI's organisation identifier guidance: country code, agency
# prefix, number), its name and its IATI organisation type (11: local government).
IATI_REPORTING_ORG_REF = "KR-SMG"
IATI_REPORTING_ORG_NAME = "Seoul Metropolitan Government"
IATI_REPORTING_ORG_TYPE = "11"
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
# Our own formats where Django's lack one (Arabic has no DATETIME_FORMAT): core/formats/.
FORMAT_MODULE_PATH = ["policyshare.core.formats"]
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
# The portal's name in each language: og:site_name, feed titles, and the title a new home
# page starts with (policyshare.home.services.HOME_TITLES).
SITE_NAMES = {
    "ko": "서울 정책공유",
    "en": "Seoul Policy Sharing",
    "fr": "Partage des politiques de Séoul",
    "es": "Seúl comparte sus políticas",
    "ar": "سيول تشارك سياساتها",
    "zh-hans": "首尔政策共享",
}

# --- Cooperation requests and partner cities (docs/requests.md) -------------------------
# Checks what partner-city contributors upload by its content, not its name.
# Draftail, with what it posts checked before Wagtail converts it (policyshare.core.rich_text).
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "policyshare.core.rich_text.CheckedDraftailRichTextArea"}
}
WAGTAILDOCS_DOCUMENT_FORM_BASE = "policyshare.contributors.document_forms.PortalDocumentForm"
# Every document download goes through Wagtail's serve view, never a redirect to the file's
# storage URL, so the `before_serve_document` hook decides who gets a partner city's upload
# before its case is approved. Not an environment setting: nothing else is safe.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# --- Caching (docs/deploy.md) -------------------------------------------------------------
# Every key carries RELEASE (policyshare.core.cache.release_key). Production uses Redis.
CACHE_KEY_FUNCTION = "policyshare.core.cache.release_key"
# Never cached by the page cache: the admin, private documents, the download links (each
# counts a download), the view beacon, the API
# (rate-limited per visitor), the request and newsletter pages (forms, private links) and
# search (every search is recorded for the popular-searches statistics).
PAGE_CACHE_EXCLUDE = (
    r"^/(admin|documents|downloads|views|api)/|^/[a-z-]+/(requests|newsletter|search)/"
)
# Fragments (navigation, language names, partner logos) live this long at most; editors'
# changes retire them at once through the page-cache generation.
FRAGMENT_CACHE_SECONDS = 3600
# Fragments that show what changes without an editorial change (view counts on the home
# page's lists and a policy list's cards, a translation's record in the translation notice)
# live at most this long: no older than a page in the page cache.
SHORT_FRAGMENT_SECONDS = 300
# Rate-limit counters (request forms, newsletter, open-data API) live in their own cache
# alias, which every worker shares and the page cache cannot evict: this database table unless
# production.py puts them in Redis. `migrate` creates the table (policyshare.core.apps).
LIMITS_CACHE = {
    "BACKEND": "policyshare.core.cache.CounterDatabaseCache",
    "LOCATION": "policyshare_limits",
    # Past this many rows, expired counters are deleted first; only beyond it live ones.
    "OPTIONS": {"MAX_ENTRIES": 50_000},
}
# Counters are not keyed by release: a deploy must not reset anyone's limit.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "KEY_FUNCTION": CACHE_KEY_FUNCTION,
    },
    "limits": LIMITS_CACHE,
}
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

# Every handler masks private links (request tracking, newsletter) in what it writes:
# policyshare.core.log_masking. Django's own loggers, including runserver's request lines
# (django.server), go through these handlers.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"private_links": {"()": "policyshare.core.log_masking.PrivateLinkFilter"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["private_links"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["private_links"],
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "policyshare": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
}
