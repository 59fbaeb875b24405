"""The Outreach tab: the contact log, marking replies, and the send dialog."""
