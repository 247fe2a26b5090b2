"""The one timestamp format of everything that leaves the system (the API,
CSV and JSON exports, webhooks): ISO 8601 in UTC, to the microsecond, with Z.
It matches REST_FRAMEWORK["DATETIME_FORMAT"] in the settings."""

import datetime

TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def iso_utc(moment: datetime.datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(datetime.UTC).strftime(TIMESTAMP_FORMAT)
