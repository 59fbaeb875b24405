"""The letter as an editable Word document (python-docx)."""
