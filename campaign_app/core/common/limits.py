"""Every bound on what a file or a template can make the program do, in one place.

Letter templates may come from strangers, and YAML, XML and spreadsheets from anyone. None
of them may take the computer down or hang a batch of 300 letters: a template that loops
for ever, repeats a text a billion times or computes ``9**999999``, a YAML file whose
aliases expand to a billion items, a spreadsheet that unpacks to gigabytes. Each bound
below is far above what a real campaign reaches (a letter is a few pages, a campaign's
files a few hundred kilobytes), so it only ever stops a mistake or an attack, and then
as one clear error naming the file and line, never a frozen window or a crash.

Imported by name where each bound is enforced (``from .limits import …``) except where
tests need to shorten a bound (the letter time limit is read as ``limits.LETTER_SECONDS``).
"""

from __future__ import annotations

import math
import sys

# ---- a template, for one letter ---------------------------------------------------------

LETTER_SECONDS = 5.0
"""Time to write one letter. A real letter takes a few milliseconds; 300 letters that
each ran into this bound would still finish, with an error for each."""

LETTER_CHARS = 1_000_000
"""Text a template writes for one letter, counting again text that a macro or a
``{% set %}`` block builds each time it is written out: a real letter is 5,000–20,000
characters (a printed page holds about 3,000)."""

PARAGRAPH_CHARS = 10_000
"""One paragraph of a letter (and its subject): a real paragraph is a few hundred
characters. Laying out a paragraph in a PDF takes time that grows with the square of its
length: a single paragraph of 900,000 characters takes minutes, a letter of paragraphs of
10,000 characters about a second."""

LOOP_STEPS = 100_000
"""Rounds of all loops together in one letter: a letter loops over a few dozen facts,
demands or signatories."""

RANGE_ITEMS = 10_000
"""Numbers one ``range()`` may produce (Jinja's own sandbox allows 100,000)."""

CALL_DEPTH = 50
"""Macros calling macros (a macro calling itself, call blocks, recursive loops) at once:
real templates nest two or three."""

VALUE_CHARS = 1_000_000
"""Size of any one value a template makes — a text, or a list or mapping counted as the
characters it would print as: the same as a whole letter."""

VALUE_ITEMS = 100_000
"""Items in the lists and mappings one value holds (``range(…)|list``, ``[1] * n``)."""

VALUE_NESTING = 50
"""Lists inside lists a template may build: more would exhaust Python's own stack
(hashing a tuple nested a few hundred thousand deep crashes the interpreter)."""

INT_DIGITS = getattr(sys.int_info, "default_max_str_digits", 4300) or 4300
"""Digits of a whole number a template computes (``10**10**10``, ``9**999999``): Python's
own limit for printing one, 4,300 digits."""

INT_BITS = math.ceil(INT_DIGITS * math.log2(10))

TEMPLATE_CHARS = 1_000_000
"""Size of a template file: a real template is a few kilobytes."""

# ---- files --------------------------------------------------------------------------------

TEXT_FILE_BYTES = 20_000_000
"""Any text file of the workspace (a recipients CSV of 50,000 rows is about 10 MB)."""

YAML_BYTES = 5_000_000
"""A YAML file (campaign.yaml, a case, a recipients file, a template's front matter):
real ones are 1–100 KB; reading 5 MB already takes tens of seconds and 500 MB of memory."""

YAML_NODES = 1_000_000
"""Values in a YAML document once its aliases (``*name``) are expanded: a "billion
laughs" file of a few lines expands to 10⁹. A 5 MB file of real data holds about 700,000."""

YAML_DEPTH = 50
"""Mappings and lists nested in a YAML document: a case file nests five deep."""

IMPORT_BYTES = 50_000_000
"""A file to import (CSV, .xlsx, XML, YAML): the European Parliament's list of all MEPs
is 200 KB as CSV and 1 MB as XML."""

IMPORT_ROWS = 100_000
"""Rows (or ``<mep>`` entries) in a file to import: the Parliament has 720 members."""

XLSX_UNPACKED_BYTES = 200_000_000
"""What an .xlsx file (a zip archive) may unpack to: a sheet of 100,000 rows of 20
columns is about 100 MB of XML; a "zip bomb" of a few kilobytes unpacks to gigabytes."""

XLSX_MEMBERS = 10_000
"""Files inside an .xlsx archive: a workbook holds a few dozen."""

# ---- numbers in campaign.yaml -------------------------------------------------------------

FOLLOW_UP_DAYS_MAX = 3650
"""``follow_up_days``: ten years (dates further out overflow Python's calendar)."""

FRESHNESS_DAYS_MAX = 36_500
"""``freshness_days``: a hundred years, in effect "never stale"."""

RATE_PER_MINUTE_MAX = 60_000
"""``smtp: rate_per_minute``: 1,000 e-mails a second, in effect no pause (for a server of
one's own); providers allow far fewer."""

PORT_MAX = 65535
"""``smtp: port``: the highest TCP port."""

# ---- images a letter carries (letterhead logo, signature) ----------------------------------

IMAGE_BYTES = 5_000_000
"""A letterhead logo or a scanned signature: a few tens of kilobytes as a PNG or JPEG.
Every letter's PDF and DOCX carries it, so a 40 MB photograph would make 300 letters of
40 MB each."""

IMAGE_PIXELS = 25_000_000
"""Pixels of such an image (5000 × 5000): far more than a 20 mm logo printed at 600 dpi
needs, and far less than an image built to exhaust memory when it is decoded."""

ATTACHMENTS_BYTES = 10_000_000
"""The files a template attaches to each e-mail, together (the letter's PDF comes on top).
Base64 makes them a third larger on the wire, and many mail servers refuse a message over
10 to 25 MB: an appeal bounced by an official's server is an appeal not received."""
