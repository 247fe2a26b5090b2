"""Domain events that integrations (webhooks) listen to.

Services send them once the transaction that caused them has committed;
receivers get the claim or the article as a keyword argument.
"""

from django.dispatch import Signal

article_extracted = Signal()  # article=
claim_published = Signal()  # claim=
claim_corrected = Signal()  # claim=
claim_withdrawn = Signal()  # claim=
