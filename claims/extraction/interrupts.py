"""Exceptions that stop an extraction from outside and must never be swallowed.

The extractor is best effort: a rule that trips on one odd sentence costs that
sentence, not the article. A time limit is different. The worker raises it
inside whatever code is running to say "stop now"; caught by a catch-all, the
article would carry on (or end with no claims and no error) until the hard
limit kills the whole process. Every catch-all in the library lets these pass:

    except INTERRUPTS:
        raise
    except Exception:
        ...

The library imports no Django or Celery; billiard (Celery's process pool) is
only consulted when it is installed.
"""

try:
    from billiard.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
except ImportError:  # the library used without Celery: nothing raises them
    INTERRUPTS: tuple[type[BaseException], ...] = ()
else:
    INTERRUPTS = (SoftTimeLimitExceeded, TimeLimitExceeded)
