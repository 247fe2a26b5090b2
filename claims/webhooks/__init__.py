"""Webhooks: signed JSON events sent to integrators' endpoints when an article
is extracted and when a fact-check is published, corrected or withdrawn.

models.py (endpoints, deliveries), signing.py (the signature header),
services.py (register, record, attempt), sending.py (the POST, within the
fetcher's address rules), receivers.py (domain signals → deliveries),
tasks.py (the Celery task with retries and backoff).
"""
