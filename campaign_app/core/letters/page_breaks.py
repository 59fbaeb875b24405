"""Where a letter must not break between pages: the rule the PDF and the DOCX writer share.

A heading, or a line that announces what follows ("We therefore ask you:"), left at the
foot of a page while what it announces starts the next reads as a page that stops in
mid-sentence: the official turning the page has lost the thread before the demands
begin. Both writers keep such a block on the page where the next block starts (the PDF
story with :class:`~campaign_app.core.letters.pdf.keep.KeepWithNext`, the DOCX with Word's
"keep with next"), so that the two formats break by the same rule and neither strands a
lead-in. Deciding it here, on the document model, keeps the two from drifting apart.

The other rule of the kind, that the closing and the signatures never stand alone at the
top of a page, keeps the body's last lines with them in both writers too.
"""

from __future__ import annotations

from campaign_app.core.letters.document import Block, FootnoteRef, Heading, LineBreak, Paragraph, Run

# What ends a line that announces what follows; the full-width colon of CJK text too.
LEAD_IN_ENDS = (":", "\uff1a")


def keeps_with_next(block: Block) -> bool:
    """Whether ``block`` must share a page with the start of the block after it: a heading,
    or a paragraph ending in a colon (source references after the colon do not count, as
    in "…dismissed it:³")."""
    if isinstance(block, Heading):
        return True
    return isinstance(block, Paragraph) and _ends_in_colon(block)


def _ends_in_colon(paragraph: Paragraph) -> bool:
    for inline in reversed(paragraph.inlines):
        if isinstance(inline, FootnoteRef | LineBreak):
            continue
        if isinstance(inline, Run):
            text = inline.text.rstrip()
            if text:
                return text.endswith(LEAD_IN_ENDS)
    return False
