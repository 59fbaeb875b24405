"""The rule both writers follow for what keeps with the next block (letters/page_breaks.py)."""

from __future__ import annotations

import pytest

from campaign_app.core.letters.document import (
    FootnoteRef,
    Heading,
    LineBreak,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Run,
)
from campaign_app.core.letters.page_breaks import keeps_with_next


def P(*inlines) -> Paragraph:
    return Paragraph(tuple(inlines))


@pytest.mark.parametrize(
    "block",
    [
        P(Run("We therefore ask you:")),
        P(Run("We therefore ask you: ")),  # a template's trailing blank
        P(Run("…although the Migration Service of Ukraine "), Run("dismissed it:", bold=True)),
        P(Run("…although the Migration Service dismissed it:"), FootnoteRef(3), FootnoteRef(4)),
        P(Run("З огляду на викладене просимо Вас:"), LineBreak()),
        P(Run("我们请求您：")),
        Heading(2, (Run("Our requests"),)),
    ],
)
def test_lead_ins_and_headings_keep_with_the_next_block(block) -> None:
    assert keeps_with_next(block)


@pytest.mark.parametrize(
    "block",
    [
        P(Run("We would be grateful to hear from you.")),
        P(Run("The time: 10:30")),
        P(Run("Ask us:"), Run(" any time.")),
        P(),
        ListBlock(ordered=False, items=(ListItem((P(Run("ends with a colon:")),)),)),
        Quote((P(Run("He said:")),)),
    ],
)
def test_other_blocks_do_not(block) -> None:
    assert not keeps_with_next(block)
