"""Settings for the test suite: the application's settings, plus what tests need."""

import os
import uuid

# A queue of this run's own, so a worker started by `make run` on the same
# broker never takes the tests' messages (and the other way round).
os.environ.setdefault("CELERY_TASK_DEFAULT_QUEUE", f"factcheck-test-{uuid.uuid4().hex[:8]}")

from factcheck.settings import *  # noqa: E402,F403
from factcheck.settings import DATABASES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Django's test client logs in without a request, which django-axes refuses;
# tests/security/test_login_throttling.py turns it back on.
AXES_ENABLED = False

# Each test starts from an empty cache: throttle counters and cached counts
# must not leak between tests (or test runs sharing one Redis).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# A worker process started by a test connects to the test database by name.
if os.environ.get("FACTCHECK_TEST_WORKER_DB_NAME"):
    DATABASES["default"]["NAME"] = os.environ["FACTCHECK_TEST_WORKER_DB_NAME"]
