"""The letter as an e-mail: plain text, HTML alternative, attachments."""
