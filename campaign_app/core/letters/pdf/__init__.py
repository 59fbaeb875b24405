"""The letter as a PDF (reportlab)."""
