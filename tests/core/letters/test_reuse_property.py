"""Whatever the recipients' names (Latin, Cyrillic, Kazakh, Greek, with ``<``, ``&`` and
quotes), the letters a process writes one after another with every reuse of
core/common/reuse.py on (the font codes of text already set, the parsed paragraphs, the
DOCX parts and relationships made once) are the letters written from scratch: the same
PDF, byte for byte, and the same DOCX, part for part, each with the recipient's name."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pdf_helpers import page_texts
from reportlab import rl_config
from test_reuse import _write, assert_same_letters, docx_words

from campaign_app.core.campaign.letter_files import LetterFiles
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common import reuse

_LETTERS = "AaZzÉéßÆ" + "ОлЕнаЇжЖщЮя" + "ӘәҒғҚқҢңӨөҰұҮүҺһІі" + "ΓιώργοςΠ" + "<>&\"'’«»-."
_NAME = st.text(alphabet=_LETTERS, min_size=1, max_size=14).map(str.strip).filter(bool)
_COLUMNS = [
    "id",
    "category",
    "honorific",
    "given_name",
    "family_name",
    "gender",
    "country",
    "language",
    "email",
]


def _people(names: list[tuple[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_COLUMNS)
    for n, (given_name, family) in enumerate(names):
        writer.writerow([f"p{n}", "mep", "", given_name, family, "f", "DE", "en", f"p{n}@example.org"])
    return out.getvalue()


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    phases=[Phase.explicit, Phase.generate],
)
@given(names=st.lists(st.tuples(_NAME, _NAME), min_size=2, max_size=3))
def test_letters_to_any_names_are_the_same_with_and_without_reuse(mini_ws, tmp_path, monkeypatch, names):
    monkeypatch.setattr(rl_config, "invariant", 1)  # no date or random id in a PDF
    mini_ws.write("recipients/people.csv", _people(names))
    ws = Workspace(mini_ws.root)
    people = sorted((r for r in ws.directory if r.id.startswith("p")), key=lambda r: int(r.id[1:]))
    assert len(people) == len(names)
    files = LetterFiles(ws, "appeal-en", tmp_path / "out")
    with reuse.plain():
        fresh = _write(files, people)
    reused = _write(files, people)
    assert_same_letters(reused, fresh, people)
    for (pdf, docx), (given_name, family) in zip(reused, names, strict=True):
        assert f"{given_name} {family}" in " ".join(page_texts(pdf)).replace("\n", " ")
        assert any(f"{given_name} {family}" in text for _style, text in docx_words(docx))
