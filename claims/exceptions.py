"""Domain errors. Each carries a message meant for the person who caused it."""


class DomainError(Exception):
    code = "invalid"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class SubmissionRefused(DomainError):
    """The article was not stored; the message says why."""


class WorkflowError(DomainError):
    """The requested change is not allowed in the claim's current state."""

    code = "workflow"


class NotAllowed(DomainError):
    """The user's role does not allow this action."""

    code = "forbidden"


class EditConflict(DomainError):
    """Someone else saved the claim since this user loaded it."""

    code = "conflict"

    def __init__(self, message: str, *, current, fields=()):
        super().__init__(message)
        self.current = current
        # The fields both people changed (empty: the whole edit was stale).
        self.fields = tuple(fields)
