"""The Settings tab: sender, signatories, letterhead, SMTP server, your name."""
