"""The exchange's vocabulary: how a file's row weighs against this office's (RowKind; the preview counts and shows
all but REFRESH) and what became of a file (Outcome). Both are stored as their text in the ledger, so they compare
equal to those strings."""

import enum


class RowKind(enum.StrEnum):
    """How a row of a file weighs against what this office holds (stored in ledger summaries as the text)."""

    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    OLDER = "older"
    CONFLICT = "conflict"
    REFUSED = "refused"
    REFRESH = "refresh"  # the same figures at a newer revision: taken quietly, counted and shown as unchanged


class Outcome(enum.StrEnum):
    """What became of a file in a batch, or of a ledger entry later."""

    APPLIED = "applied"
    REFUSED = "refused"
    ALREADY = "already"  # the same file was taken in before
    BUSY = "busy"  # another program held the database
    SKIPPED = "skipped"  # not tried: the database was busy for an earlier file
    UNDONE = "undone"
