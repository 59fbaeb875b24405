"""The way out by e-mail: the SMTP session (TLS only, retries, never twice on the wire),
signing in with UTF-8 credentials, keeping passwords out of every message, and the
system keyring.
"""
