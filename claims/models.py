"""The newsroom's data: articles, the claims found in them, their sources,
and the verification work editors do on each claim.

Models hold data and constraints only; every write goes through
claims/services.py.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    ITALIAN = "it", _("Italian")
    ENGLISH = "en", _("English")


class ExtractionState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
    # Ingest from the web (claims/ingest): a submitted link is fetched before
    # extraction, and a fetched page whose text is already stored is a duplicate.
    FETCHING = "fetching", _("Fetching")
    DUPLICATE = "duplicate", _("Duplicate")


class SourceKind(models.TextChoices):
    PERSON = "person", _("Named person")
    ROLE = "role", _("Role")
    ORGANIZATION = "organization", _("Organization")
    MEDIA = "media", _("Media")
    ANONYMOUS = "anonymous", _("Anonymous sources")
    DOCUMENT = "document", _("Document")
    AUTHOR = "author", _("Article's own voice")


class QuoteType(models.TextChoices):
    DIRECT = "direct", _("Direct")
    INDIRECT = "indirect", _("Indirect")
    MIXED = "mixed", _("Mixed")
    NONE = "none", _("None")


class ClaimStatus(models.TextChoices):
    """The review workflow. "unverified" is the state of a new claim."""

    UNVERIFIED = "unverified", _("New (unverified)")
    IN_PROGRESS = "in_progress", _("In progress")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    DISMISSED = "dismissed", _("Dismissed (not check-worthy)")
    # An extraction error, not a judgement on the claim: it leaves the queue
    # and the gold, and counts against the extractor's precision.
    NOT_A_CLAIM = "not_a_claim", _("Not a claim (extraction error)")
    # Taken back from the public after publication, with a public reason; it
    # can be reworked and published again (claims/services/publication.py).
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ClaimOrigin(models.TextChoices):
    EXTRACTED = "extracted", _("Extracted")
    ADDED = "added", _("Added by an editor")
    SPLIT = "split", _("Split off by an editor")


class Article(models.Model):
    title = models.CharField(_("title"), max_length=500, blank=True)
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    author = models.CharField(_("author"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=16, choices=Language.choices)
    # The text as submitted: an immutable snapshot that claim offsets index.
    text = models.TextField(_("text"))
    # NULL while a submitted link is being fetched, and on a duplicate: unique
    # allows many NULLs, never two empty strings.
    content_hash = models.CharField(  # noqa: DJ001
        _("content hash"), max_length=64, unique=True, null=True, editable=False
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_articles",
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    extraction_state = models.CharField(
        _("extraction state"),
        max_length=16,
        choices=ExtractionState.choices,
        default=ExtractionState.QUEUED,
    )
    extraction_error = models.TextField(_("extraction failure reason"), blank=True)
    extraction_attempts = models.PositiveIntegerField(_("extraction attempts"), default=0)
    extraction_started_at = models.DateTimeField(null=True, blank=True)
    extracted_at = models.DateTimeField(_("extracted"), null=True, blank=True)
    extractor_version = models.CharField(_("extractor version"), max_length=32, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # --- Ingest from the web (claims/ingest). An article submitted by link has
    # no text until the fetch task fills it; the same canonical URL is the same
    # article, and a fetched page whose text is already stored points to it.
    canonical_url = models.CharField(_("canonical URL"), max_length=2000, blank=True)
    raw_html = models.TextField(_("page HTML"), blank=True)
    fetched_at = models.DateTimeField(_("fetched"), null=True, blank=True)
    fetch_error_code = models.CharField(_("fetch failure"), max_length=32, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["extraction_state", "updated_at"]),
            models.Index(fields=["-submitted_at", "-id"]),
            models.Index(fields=["language"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["canonical_url"],
                condition=~models.Q(canonical_url=""),
                name="article_unique_canonical_url",
            ),
        ]

    def __str__(self):
        return self.title or self.text[:80] or self.url


class Source(models.Model):
    """A speaker or body, shared by its claims across articles."""

    name = models.CharField(_("name"), max_length=300)
    # Lower-cased, accent- and article-stripped key that links mentions.
    normalized_name = models.CharField(max_length=300, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=16, choices=SourceKind.choices)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.name


class Rating(models.Model):
    """One step of the verdict scale, stored as data so a newsroom can change it."""

    slug = models.SlugField(unique=True)
    label_it = models.CharField(_("Italian label"), max_length=100)
    label_en = models.CharField(_("English label"), max_length=100)
    value = models.IntegerField(
        _("numeric value"),
        help_text=_(
            "Higher is truer. 0 or less: a verdict off the numeric scale (such as "
            "Unverifiable), published in ClaimReview by its name alone."
        ),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("rating")
        verbose_name_plural = _("rating scale")

    def __str__(self):
        return f"{self.label_en} / {self.label_it}"

    def label_for(self, language: str) -> str:
        return self.label_it if language.startswith("it") else self.label_en

    @property
    def is_numeric(self) -> bool:
        """On the 1-to-best scale; "Unverifiable" (0) is a verdict without a number."""
        return self.value >= 1


class Claim(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    position = models.PositiveIntegerField(default=0)
    content = models.TextField(_("content"))
    content_start = models.PositiveIntegerField()
    content_end = models.PositiveIntegerField()
    # "content_start:content_end:source_start": what re-extraction matches on.
    extraction_key = models.CharField(max_length=64, editable=False)

    source_text = models.CharField(_("source"), max_length=500, blank=True)
    source_start = models.PositiveIntegerField(null=True, blank=True)
    source_end = models.PositiveIntegerField(null=True, blank=True)
    cue_text = models.CharField(_("cue"), max_length=300, blank=True)
    cue_start = models.PositiveIntegerField(null=True, blank=True)
    cue_end = models.PositiveIntegerField(null=True, blank=True)
    channel_text = models.CharField(_("channel"), max_length=300, blank=True)
    channel_start = models.PositiveIntegerField(null=True, blank=True)
    channel_end = models.PositiveIntegerField(null=True, blank=True)
    source_kind = models.CharField(_("source kind"), max_length=16, choices=SourceKind.choices)
    quote_type = models.CharField(_("quote"), max_length=16, choices=QuoteType.choices)
    hedged = models.BooleanField(_("hedged"), default=False)
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    extractor_version = models.CharField(max_length=32, blank=True)
    # Editors own the claims (claims/services/editing.py): where a claim came
    # from, and the record as the extractor first produced it (its spans,
    # kind, quote, hedging and version), so each correction is labelled data.
    origin = models.CharField(
        _("origin"), max_length=16, choices=ClaimOrigin.choices, default=ClaimOrigin.EXTRACTED
    )
    extracted_record = models.JSONField(null=True, blank=True, editable=False)
    # Triage (claims/checkworthiness.py): 0-100 and the reasons, computed at extraction.
    checkworthiness = models.PositiveSmallIntegerField(_("check-worthiness"), null=True, blank=True)
    checkworthiness_reasons = models.CharField(max_length=500, blank=True)

    # Set when an editor corrects the attribution: re-extraction keeps it.
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    corrected_at = models.DateTimeField(null=True, blank=True)

    status = models.CharField(
        _("verification status"),
        max_length=16,
        choices=ClaimStatus.choices,
        default=ClaimStatus.UNVERIFIED,
    )
    verdict = models.ForeignKey(
        Rating, null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    verdict_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verdict_set_at = models.DateTimeField(null=True, blank=True)
    rationale = models.TextField(_("rationale"), blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_claims",
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    # The public page's address (/fact-checks/<public_slug>/), given once at the
    # first publication and never changed, so links and ClaimReview URLs last.
    public_slug = models.SlugField(max_length=80, blank=True, editable=False, db_index=False)
    # Optimistic concurrency: every write bumps it; a stale write is refused.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["article_id", "position"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        # The roles (groups made by a data migration) are sets of these.
        permissions = [
            ("correct_attribution", _("Can correct a claim's attribution")),
            ("set_verdict", _("Can set a claim's verdict")),
            ("assign_claim", _("Can assign claims to others")),
            ("publish_claim", _("Can approve and publish a verdict")),
            ("withdraw_claim", _("Can withdraw a published fact-check")),
            ("bulk_edit_claims", _("Can change many claims at once")),
            ("export_claims", _("Can export claims")),
            ("view_published_factchecks", _("Can read published fact-checks (integrations)")),
        ]
        constraints = [
            # Two workers applying the same extraction can never double a claim.
            models.UniqueConstraint(
                fields=["article", "extraction_key"], name="claim_unique_key_per_article"
            ),
            models.UniqueConstraint(
                fields=["public_slug"],
                condition=~models.Q(public_slug=""),
                name="claim_unique_public_slug",
            ),
        ]
        indexes = [
            models.Index(fields=["article", "position"]),
            models.Index(fields=["status", "created_at"]),
            # Counts by state and verdict (dashboard, queue) as index-only scans.
            models.Index(fields=["status", "verdict"], name="claim_status_verdict"),
            models.Index(fields=["verdict"]),
            models.Index(fields=["source_kind"]),
            models.Index(fields=["assignee", "status"]),
            models.Index(fields=["-updated_at"]),
        ]

    def __str__(self):
        return self.content[:80]

    @property
    def is_touched_by_editor(self) -> bool:
        return bool(
            self.corrected_by_id
            or self.status != ClaimStatus.UNVERIFIED
            or self.verdict_id
            or self.assignee_id
            or self.rationale
        )


class ExtractionCorrection(models.Model):
    """One editor action on a claim's extraction, kept as labelled data.

    `extractor_version` is the version that produced the original (for an
    added claim: the version that missed it); `before` and `after` are the
    claim's spans and attribution on either side of the action.
    """

    class Action(models.TextChoices):
        ADDED = "added", _("Added")
        RESPANNED = "respanned", _("Re-spanned")
        CORRECTED = "corrected", _("Attribution corrected")
        SPLIT = "split", _("Split")
        MERGED = "merged", _("Merged")
        NOT_A_CLAIM = "not_a_claim", _("Marked not a claim")
        RESTORED = "restored", _("Restored as a claim")

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="extraction_corrections"
    )
    # NULL once the claim is gone (the second claim of a merge).
    claim = models.ForeignKey(
        "Claim", null=True, blank=True, on_delete=models.SET_NULL, related_name="corrections"
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    field = models.CharField(max_length=32, blank=True)
    # The extraction key of a merged-away claim: re-extraction must not bring it back.
    extraction_key = models.CharField(max_length=64, blank=True)
    extractor_version = models.CharField(max_length=32, blank=True)
    language = models.CharField(max_length=16, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("extraction correction")
        verbose_name_plural = _("extraction corrections")
        indexes = [
            models.Index(fields=["article", "action"]),
            models.Index(fields=["extractor_version", "language"]),
        ]

    def __str__(self):
        return f"{self.action} {self.field}".strip()


class SourceChange(models.Model):
    """A source's history: renamed, retyped, or a duplicate merged into it."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="changes")
    action = models.CharField(max_length=16)  # rename, retype, merge
    old_value = models.JSONField(null=True, blank=True)
    new_value = models.JSONField(null=True, blank=True)
    claims_moved = models.PositiveIntegerField(default=0)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("source change")
        verbose_name_plural = _("source history")

    def __str__(self):
        return f"{self.action} {self.source_id}"


class Evidence(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    url = models.URLField(_("URL"), max_length=2000)
    description = models.CharField(_("description"), max_length=500, blank=True)
    # Shown to readers with the published fact-check (from its next approved version on).
    public = models.BooleanField(_("shown to readers"), default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self):
        return self.description or self.url


class Comment(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return self.body[:80]


class ClaimEvent(models.Model):
    """The audit trail: one row per change to a claim, who, when, from what to what."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=32)
    field = models.CharField(max_length=64, blank=True)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("claim event")
        verbose_name_plural = _("claim history")
        indexes = [models.Index(fields=["claim", "-created_at"])]

    def __str__(self):
        return f"{self.action} {self.field}".strip()


class VersionState(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Turned down")


class VersionKind(models.TextChoices):
    PUBLICATION = "publication", _("Publication")
    CORRECTION = "correction", _("Correction")


class ClaimVersion(models.Model):
    """A version of what the public sees of a claim: its verdict, rationale,
    attribution and public evidence, as written by its authors.

    While a claim is being worked on, its one pending version collects the
    people who change any of that (its authors). Approving it copies the
    claim's working values into it; only someone with the publish right who
    is none of its authors may do that. The latest approved version is the
    public record (claims/public_record.py): later edits wait in a new
    pending version until a second person approves them as a correction.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="versions")
    state = models.CharField(
        _("state"), max_length=16, choices=VersionState.choices, default=VersionState.PENDING
    )
    kind = models.CharField(_("kind"), max_length=16, choices=VersionKind.choices, blank=True)
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("authors")
    )
    # The public reason of a correction (or the note of a publication).
    note = models.TextField(_("public note"), blank=True)

    # The snapshot, filled in when the version is approved.
    verdict = models.ForeignKey(
        Rating, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rationale = models.TextField(_("rationale"), blank=True)
    source_text = models.CharField(_("source"), max_length=500, blank=True)
    cue_text = models.CharField(_("cue"), max_length=300, blank=True)
    channel_text = models.CharField(_("channel"), max_length=300, blank=True)
    source_kind = models.CharField(
        _("source kind"), max_length=16, choices=SourceKind.choices, blank=True
    )
    quote_type = models.CharField(_("quote"), max_length=16, choices=QuoteType.choices, blank=True)
    hedged = models.BooleanField(_("hedged"), default=False)
    evidence_ids = models.JSONField(_("public evidence"), default=list, blank=True)

    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("reason for the withdrawal"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["claim_id", "-id"]
        verbose_name = _("claim version")
        verbose_name_plural = _("claim versions")
        constraints = [
            # One version at a time is being written: edits from everyone join it.
            models.UniqueConstraint(
                fields=["claim"],
                condition=models.Q(state="pending"),
                name="claim_version_one_pending",
            ),
        ]
        indexes = [models.Index(fields=["claim", "state", "-approved_at"])]

    def __str__(self):
        return f"{self.claim_id} #{self.pk} {self.state}"


class ApiToken(models.Model):
    """An API key, stored as its SHA-256 digest: shown once at creation and
    unreadable afterwards. A password change or deactivation revokes it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    # The key's first characters, so its owner can tell keys apart.
    prefix = models.CharField(_("key starts with"), max_length=12, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.CharField(_("why revoked"), max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.prefix}… ({self.name or self.user_id})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


# --- Ingest from the web (claims/ingest): feeds, batch imports, repeated claims.


class Feed(models.Model):
    """An RSS or Atom feed whose new items are submitted as articles by link."""

    url = models.URLField(_("feed URL"), max_length=2000)
    canonical_url = models.CharField(max_length=2000, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=500, blank=True)
    # Items are submitted in this language; empty means detected per article.
    language = models.CharField(_("language"), max_length=16, choices=Language.choices, blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_polled_at = models.DateTimeField(_("last run"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last successful run"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    last_new_items = models.PositiveIntegerField(_("new items in the last run"), default=0)
    # HTTP validators of the last response, sent back so an unchanged feed costs little.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")

    def __str__(self):
        return self.title or self.url


class FeedItem(models.Model):
    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="items")
    # The entry's id (or its link when it has none): what "new item" means.
    guid = models.CharField(max_length=1000)
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="feed_items"
    )
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("feed item")
        verbose_name_plural = _("feed items")
        constraints = [
            models.UniqueConstraint(fields=["feed", "guid"], name="feed_item_unique_guid"),
        ]

    def __str__(self):
        return self.title or self.url or self.guid


class ImportState(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ImportJob(models.Model):
    """One run of a JSONL or CSV batch import, with its progress."""

    filename = models.CharField(_("file"), max_length=300)
    format = models.CharField(_("format"), max_length=8)
    # The uploaded file, kept until the worker has read it.
    payload = models.TextField(blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=ImportState.choices, default=ImportState.PENDING
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows done"), default=0)
    created_count = models.PositiveIntegerField(_("new articles"), default=0)
    existing_count = models.PositiveIntegerField(_("already present"), default=0)
    error_count = models.PositiveIntegerField(_("rows with errors"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return self.filename


class ImportRowError(models.Model):
    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="row_errors")
    row = models.PositiveIntegerField(_("row"))
    message = models.TextField(_("error"))

    class Meta:
        ordering = ["row", "id"]

    def __str__(self):
        return f"{self.row}: {self.message}"


class ClaimFingerprint(models.Model):
    """A claim's normalized-text digest and shingle sketch, to find it in other articles."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="fingerprint")
    language = models.CharField(max_length=16)
    digest = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["language", "digest"])]

    def __str__(self):
        return self.digest


class ClaimShingle(models.Model):
    """One of the smallest hashes of a claim's word shingles (a bottom-k sketch)."""

    fingerprint = models.ForeignKey(
        ClaimFingerprint, on_delete=models.CASCADE, related_name="shingles"
    )
    language = models.CharField(max_length=16)
    key = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["language", "key"])]

    def __str__(self):
        return str(self.key)


# Webhooks live in their own package; importing them here makes them this app's models.
from claims.webhooks.models import (  # noqa: E402,F401
    DeliveryState,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
