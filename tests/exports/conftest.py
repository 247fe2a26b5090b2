"""The API tests' fixtures serve the export tests as well."""

from tests.api.conftest import *  # noqa: F403
