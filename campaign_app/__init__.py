"""campaign_app: personalised appeal letters for human-rights advocacy campaigns."""

__version__ = "0.1.0"
