"""The one lock every letter writer (PDF, DOCX) holds while it typesets a letter.

Neither reportlab nor the DOCX writer is safe to run in two threads at once: reportlab
keeps the state of a font's embedded subset on the shared font object (two letters set at
the same time can swap glyphs or crash while subsetting), and the DOCX writer copies its
prepared template, built on first use, from shared lxml trees. The window writes letters
from worker threads (a batch, the send worker) while the campaigner may save one by hand,
so :func:`~campaign_app.core.letters.pdf.writer.pdf_bytes` and
:func:`~campaign_app.core.letters.docx.writer.docx_bytes` take this lock around their
work: any thread may call them without arranging anything. Batch runs in worker
*processes* are unaffected (each process has its own lock, fonts and template).

Anything else in the process that typesets with reportlab and the registered letter
fonts should hold the same lock. It is re-entrant, so a caller may hold it around
several writes (a PDF and its DOCX) without deadlocking itself.
"""

from __future__ import annotations

import threading

WRITE_LOCK = threading.RLock()
