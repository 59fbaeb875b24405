"""Reading what came back: the ``inbox:`` settings, a read-only IMAP session, and the pure
functions that tell a reply from an automatic answer or a bounce, match it to a letter and
keep only its first lines. The log is not touched here (core/campaign/inbox_sync.py joins
the two)."""
