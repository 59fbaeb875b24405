"""Characters that act instead of showing: one list, for what is refused and what is masked.

A recipient's name pasted from a web page or a spreadsheet a stranger sent may carry a
terminal's escape codes ("\x1b[8m" hides the text after it: the volunteer sees a made-up
address and not the real one), a backspace or carriage return that overwrites what was
shown, or a bidirectional override (U+202E) that shows the letters after it reversed.
The directory refuses them (core/directory/characters.py) and the command line shows any
that reach it as "�" (cli/columns.py): both from this one list, so they cannot disagree.
"""

from __future__ import annotations

import re

# C0 (tab and the line ends among them), DEL, C1, and the bidirectional embeddings,
# overrides (U+202A-U+202E) and isolates (U+2066-U+2069). The marks U+200E and U+200F
# are left alone: a name in Arabic or Hebrew script may need them, and they reorder nothing.
CONTROL_CODES = (*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
