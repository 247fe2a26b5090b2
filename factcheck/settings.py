"""Settings, read from the environment (see factcheck/env.py and README.md).

DJANGO_ENV=development (the default) runs on the embedded defaults: SQLite in
var/ and a Celery broker on the filesystem, no server needed. DJANGO_ENV=production
requires DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS and turns on secure cookies.
"""

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .cache import redis_cache
from .env import env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("FACTCHECK_VAR_DIR", str(BASE_DIR / "var")))

ENVIRONMENT = env_choice("DJANGO_ENV", "development", ("development", "production"))
PRODUCTION = ENVIRONMENT == "production"
DEBUG = env_bool("DJANGO_DEBUG", default=not PRODUCTION)

DEVELOPMENT_SECRET_KEY = "development-only-key-never-use-in-production"
MIN_SECRET_KEY_LENGTH = 50
if PRODUCTION:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY")
    # Refused at start-up, not only warned about by `check --deploy`: a known or
    # short key lets anyone forge sessions and password-reset links.
    if SECRET_KEY == DEVELOPMENT_SECRET_KEY or SECRET_KEY.startswith("django-insecure-"):
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is the development key: set a secret one.")
    if len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            f"DJANGO_SECRET_KEY must be at least {MIN_SECRET_KEY_LENGTH} random characters, e.g. "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
else:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG must be off when DJANGO_ENV=production.")

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS must name the site's host names when DJANGO_ENV=production."
    )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF: a CORS preflight is answered here, and /api/ conventions apply.
    "claims.api.middleware.PublishedCorsMiddleware",
    "claims.api.middleware.ApiConventionsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # `web_link` everywhere: only http(s) addresses ever become links.
            "builtins": ["claims.templatetags.links"],
        },
    },
]

# --- Database: SQLite in var/ unless DATABASE_URL names another one.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
}
# A persistent connection is checked before a request reuses it: after a
# database restart each process would otherwise answer one 500 first.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker write to the same file: wait for the lock
    # instead of failing, take it at BEGIN, and let readers run beside a writer.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file, not :memory:, so a real worker process can share the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling: after 5 failed attempts for one username from one
# address, that pair is locked out for 15 minutes.
AXES_FAILURE_LIMIT = env_int("FACTCHECK_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("FACTCHECK_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind a reverse proxy every client has the proxy's address: say how many
# proxies to trust (factcheck/proxies.py), for lockouts, throttles and HTTPS.
FACTCHECK_TRUSTED_PROXIES = env_int("FACTCHECK_TRUSTED_PROXIES", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "factcheck.proxies.client_ip"
# Wrong API tokens from one address, within the lockout's cool-off, before
# token authentication from it answers 429 (claims/api/authentication.py).
FACTCHECK_API_TOKEN_FAILURE_LIMIT = env_int("FACTCHECK_API_TOKEN_FAILURE_LIMIT", 20, minimum=1)
AXES_VERBOSE = False
# Under /api/ and /exports/ a CSRF refusal is JSON like every other API error.
CSRF_FAILURE_VIEW = "claims.api.errors.csrf_failure"
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

# --- Internationalization: the interface is Italian first, English as well.
LANGUAGE_CODE = env_str("DJANGO_LANGUAGE_CODE", "it")
LANGUAGES = [("it", _("Italian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "claims" / "locale"]
# The desk's time zone: every date on the screens is shown in it.
TIME_ZONE = env_str("DJANGO_TIME_ZONE", "Europe/Rome")
try:
    ZoneInfo(TIME_ZONE)
except (ValueError, ZoneInfoNotFoundError):
    raise ImproperlyConfigured(
        f"DJANGO_TIME_ZONE={TIME_ZONE!r} is not a time zone: use a name like Europe/Rome."
    ) from None
# Short dates read "5 dic 2026, 00:32" / "5 Dec 2026, 00:32" (factcheck/formats/).
FORMAT_MODULE_PATH = ["factcheck.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Outside production WhiteNoise serves straight from the source folders, so
# `make run` needs no collectstatic (production images run it at build time).
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# --- Article limits (see claims/services.py).
FACTCHECK_MAX_ARTICLE_CHARS = env_int("FACTCHECK_MAX_ARTICLE_CHARS", 1_000_000, minimum=1)
# A request body may hold a whole article plus form fields, UTF-8 encoded.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE

# --- Celery: Redis (or any broker URL) when configured, else the filesystem.
REDIS_URL = env_str("REDIS_URL", "")

# --- Cache: API throttle counters and cached list counts. With Redis they are
# shared by every gunicorn process; otherwise each process keeps its own.
# When Redis is down the site stays up: factcheck/cache.py answers from each
# process's memory (sessions then come from the database) and logs it once.
CACHE_URL = env_str("CACHE_URL", REDIS_URL)
CACHES = {
    "default": (
        redis_cache(CACHE_URL, retry_after=env_int("FACTCHECK_CACHE_RETRY_AFTER", 30, minimum=1))
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# With a shared cache, sessions are read from it and written through to the
# database: one query less on every page. A per-process memory cache could
# serve another process's stale session, so then they stay in the database.
if CACHE_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL or "filesystem://")
BROKER_DIR = VAR_DIR / "broker"
if CELERY_BROKER_URL.startswith("filesystem://"):
    # Producer and consumer share one folder: the web process writes messages
    # there and the worker process picks them up, no server involved.
    for folder in ("queue", "processed", "control"):
        (BROKER_DIR / folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT = "factcheck.broker:Transport"  # atomic writes, see there
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        # A message whose whole worker died unacknowledged is delivered again
        # after this long. It must exceed the longest extraction, or a slow
        # but healthy one would run twice. (A lost pool child is handled at
        # once by task_reject_on_worker_lost below.)
        "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600, minimum=1),
        "unacked_restore_interval": env_int("CELERY_UNACKED_RESTORE_INTERVAL", 10, minimum=1),
        "unacked_restore_throttle": env_int("CELERY_UNACKED_RESTORE_THROTTLE", 10, minimum=1),
        # A dead Redis must fail a publish quickly, not hang the request.
        "socket_connect_timeout": 3,
        "socket_timeout": 10,
    }
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "factcheck")
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
# A pool child killed mid-task (OOM, SIGKILL) puts its message back at once.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Submitting must not hang a request when the broker is down: try briefly,
# then leave the article queued for `requeue_stuck` to pick up.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0.2, "interval_step": 0.5}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
FACTCHECK_EXTRACTION_SOFT_TIME_LIMIT = env_int(
    "FACTCHECK_EXTRACTION_SOFT_TIME_LIMIT", 120, minimum=1
)
FACTCHECK_EXTRACTION_MAX_RETRIES = env_int("FACTCHECK_EXTRACTION_MAX_RETRIES", 3, minimum=0)
# The sweeper re-sends articles left queued this long (broker down at submit)
# or left running past every time limit (worker lost).
FACTCHECK_REQUEUE_QUEUED_AFTER = env_int("FACTCHECK_REQUEUE_QUEUED_AFTER", 300, minimum=1)
FACTCHECK_REQUEUE_RUNNING_AFTER = env_int(
    "FACTCHECK_REQUEUE_RUNNING_AFTER", FACTCHECK_EXTRACTION_SOFT_TIME_LIMIT + 120, minimum=1
)
# Periodic tasks, run by Celery beat (`make run` starts it inside the worker).
CELERY_BEAT_SCHEDULE = {
    "requeue-stuck-articles": {
        "task": "claims.tasks.requeue_stuck_articles",
        "schedule": env_int("FACTCHECK_REQUEUE_EVERY", 120, minimum=5),
    },
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
if not PRODUCTION:
    # With PostgreSQL and Redis nothing else creates var/ in a fresh clone,
    # and beat (started by `make run`) cannot open its schedule without it.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
# Creates var/ when it is missing (a fresh clone on PostgreSQL never makes it).
CELERY_BEAT_SCHEDULER = "factcheck.celery:PersistentScheduler"

# Ingest from the web (claims/ingest): links, feeds and batch imports.
CELERY_IMPORTS = ("claims.ingest.tasks", "claims.webhooks.tasks")
# Loopback is refused like any internal address; tests serve pages on it.
FACTCHECK_FETCH_ALLOW_LOOPBACK = env_bool("FACTCHECK_FETCH_ALLOW_LOOPBACK", False)
if PRODUCTION and FACTCHECK_FETCH_ALLOW_LOOPBACK:
    raise ImproperlyConfigured("FACTCHECK_FETCH_ALLOW_LOOPBACK is for tests only.")
FACTCHECK_FETCH_CONNECT_TIMEOUT = env_int("FACTCHECK_FETCH_CONNECT_TIMEOUT", 5, minimum=1)
FACTCHECK_FETCH_READ_TIMEOUT = env_int("FACTCHECK_FETCH_READ_TIMEOUT", 10, minimum=1)
FACTCHECK_FETCH_TOTAL_TIMEOUT = env_int("FACTCHECK_FETCH_TOTAL_TIMEOUT", 30, minimum=1)
FACTCHECK_FETCH_MAX_BYTES = env_int("FACTCHECK_FETCH_MAX_BYTES", 5 * 1024 * 1024, minimum=1024)
CELERY_BEAT_SCHEDULE.update(
    {
        "poll-feeds": {
            "task": "claims.ingest.tasks.poll_feeds",
            "schedule": env_int("FACTCHECK_FEED_POLL_EVERY", 600, minimum=10),
        },
        "index-claim-fingerprints": {
            "task": "claims.ingest.tasks.index_claim_fingerprints",
            "schedule": env_int("FACTCHECK_REPEATS_INDEX_EVERY", 60, minimum=5),
        },
        "requeue-stuck-fetches": {
            "task": "claims.ingest.tasks.requeue_stuck_fetches",
            "schedule": env_int("FACTCHECK_REQUEUE_EVERY", 120, minimum=5),
        },
        "requeue-stuck-webhook-deliveries": {
            "task": "claims.webhooks.tasks.requeue_stuck_deliveries",
            "schedule": env_int("FACTCHECK_REQUEUE_EVERY", 120, minimum=5),
        },
        "requeue-stuck-imports": {
            "task": "claims.ingest.tasks.requeue_stuck_imports",
            "schedule": env_int("FACTCHECK_REQUEUE_EVERY", 120, minimum=5),
        },
    }
)

# --- REST API.
REST_FRAMEWORK = {
    # Token first: an anonymous request then gets 401 with `WWW-Authenticate: Token`.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "claims.api.authentication.HashedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Each view lists the role permissions of its actions (claims/api/permissions.py).
    "DEFAULT_PERMISSION_CLASSES": ["claims.api.permissions.RolePermission"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "claims.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_PARSER_CLASSES": ["claims.api.parsers.BoundedJSONParser"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "EXCEPTION_HANDLER": "claims.api.errors.api_exception_handler",
    # One timestamp format: ISO 8601 in UTC with microseconds (claims/api/middleware.py
    # makes UTC the time zone of every API request).
    "DATETIME_FORMAT": "%Y-%m-%dT%H:%M:%S.%fZ",
    "DEFAULT_THROTTLE_CLASSES": [
        "claims.api.throttling.AnonThrottle",
        "claims.api.throttling.UserThrottle",
        "claims.api.throttling.ScopedThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {},  # filled from the environment below
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Fact-check claims API",
    "DESCRIPTION": (
        "Articles, claims, attributions, sources and their verification. "
        "Authenticate with a token (`Authorization: Token <key>`; make one on "
        "/account/tokens/, the key is shown once) or a session. A claim's `public` "
        "field is what readers see: it changes only when a second person approves. "
        "Every error is JSON: `detail` (for people), "
        "`code` (for programs), `errors` (per field)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No online validator badge: the docs must work without internet access.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "claims.api.schema.document_conventions",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.models.ClaimStatus",
        "SourceKindEnum": "claims.models.SourceKind",
        "QuoteTypeEnum": "claims.models.QuoteType",
        "ExtractionStateEnum": "claims.models.ExtractionState",
        "LanguageEnum": "claims.models.Language",
        "WebhookEventEnum": "claims.webhooks.models.WebhookEvent",
    },
}

# --- API throttling and the publisher named in ClaimReview exports (claims/exports.py).
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {
    "anon": env_str("FACTCHECK_API_THROTTLE_ANON", "60/minute"),
    "user": env_str("FACTCHECK_API_THROTTLE_USER", "2000/minute"),
    "article_submit": env_str("FACTCHECK_API_THROTTLE_SUBMIT", "60/minute"),
    "export": env_str("FACTCHECK_API_THROTTLE_EXPORT", "30/minute"),
}
FACTCHECK_PUBLISHER_NAME = env_str("FACTCHECK_PUBLISHER_NAME", "Fact-check desk")
FACTCHECK_PUBLISHER_URL = env_str("FACTCHECK_PUBLISHER_URL", "")
# Optional: the public page of a published claim on a site built elsewhere, e.g.
# https://example.org/verifiche/{slug} ({id} and {slug} are filled in).
FACTCHECK_CLAIM_URL_TEMPLATE = env_str("FACTCHECK_CLAIM_URL_TEMPLATE", "")
# The address readers reach this site at (https://verifiche.example.org): the
# public fact-check pages, their ClaimReview, sitemap and feeds use it. Without
# it (and without the template above) URLs follow each request's host, and
# `check --deploy` warns.
FACTCHECK_PUBLIC_BASE_URL = env_str("FACTCHECK_PUBLIC_BASE_URL", "")
if FACTCHECK_PUBLIC_BASE_URL and not FACTCHECK_PUBLIC_BASE_URL.startswith(
    ("https://", "http://")
):
    raise ImproperlyConfigured(
        f"FACTCHECK_PUBLIC_BASE_URL={FACTCHECK_PUBLIC_BASE_URL!r} must start with https:// "
        "(or http://)."
    )
# Fact-checks per page of the public index.
FACTCHECK_PUBLIC_PAGE_SIZE = env_int("FACTCHECK_PUBLIC_PAGE_SIZE", 20, minimum=1)

# --- Integrations: the published API (claims/api/published.py) and webhooks.
# Off: /api/published/ and the ClaimReview feed need a token with the
# `integration` role (or any role that reads claims). On: anyone may read them.
FACTCHECK_PUBLIC_API = env_bool("FACTCHECK_PUBLIC_API", False)
# Origins (https://cms.example.org) whose pages may read the published API
# from a browser; "*" for any. Nothing else in the app answers CORS.
FACTCHECK_CORS_ORIGINS = env_list("FACTCHECK_CORS_ORIGINS", [])
FACTCHECK_WEBHOOK_MAX_RETRIES = env_int("FACTCHECK_WEBHOOK_MAX_RETRIES", 6, minimum=0)
# Seconds before the first retry of a failed delivery; each next one doubles.
FACTCHECK_WEBHOOK_BACKOFF = env_int("FACTCHECK_WEBHOOK_BACKOFF", 30, minimum=1)

# --- Security headers; production adds HTTPS-only cookies and HSTS.
# Content-Security-Policy: scripts and styles only from our own static files,
# so text from an article can never run as code even if it escaped escaping.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    if FACTCHECK_TRUSTED_PROXIES:
        # Only a proxy we trust may say the client used HTTPS; without one,
        # any client could send X-Forwarded-Proto: https itself.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    # django-axes logs every successful login at INFO; failures still show.
    "loggers": {"axes": {"level": "WARNING"}},
}
