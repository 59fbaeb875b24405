"""The Recipients table draws its texts without OpenType shaping (a third of what a repaint
costs at every keystroke), except those that are read only when shaped: Arabic's letters
join, and drawn unshaped they came out apart and in the wrong order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from campaign_app.gui.recipients.model import COL_NAME
from campaign_app.gui.tables import needs_shaping

ARABIC = "محمد الأمين"


@pytest.fixture
def arabic_tab(open_tab, example_ws):
    (example_ws / "recipients" / "more.csv").write_text(
        "id,category,given_name,family_name,country,language,email\n"
        f"ar-1,ngo,{ARABIC.split()[0]},{ARABIC.split()[1]},EG,ar,m.amin@example.org\n",
        encoding="utf-8",
    )
    _window, page = open_tab(example_ws, "recipients")
    page.search.setText("ar-1 OR simecka")
    page._apply_query()
    return page


def test_which_texts_need_shaping():
    assert not needs_shaping("Michal Šimečka") and not needs_shaping("Қасым-Жомарт Тоқаев, Әділет")
    assert not needs_shaping("Ahme\u0301tova") and not needs_shaping("Ελληνικά — «…»")
    assert needs_shaping(ARABIC) and needs_shaping("שָׁלוֹם") and needs_shaping("नमस्ते")


def test_only_the_cells_that_need_it_are_drawn_shaped(arabic_tab, qtbot):
    tab, model = arabic_tab, arabic_tab.model
    rows = {model.index(row, COL_NAME).data(): row for row in range(model.rowCount())}
    assert set(rows) == {ARABIC, "Michal Šimečka"}
    assert tab.table.font().styleStrategy() & QFont.StyleStrategy.PreferNoShaping
    latin = model.index(rows["Michal Šimečka"], COL_NAME)
    arabic = model.index(rows[ARABIC], COL_NAME)
    assert latin.data(Qt.ItemDataRole.FontRole) is None  # the view's font, unshaped
    shaped = arabic.data(Qt.ItemDataRole.FontRole)
    assert isinstance(shaped, QFont) and not shaped.styleStrategy() & QFont.StyleStrategy.PreferNoShaping

    def cell_image(index):
        tab.table.viewport().repaint()
        return tab.table.viewport().grab(tab.table.visualRect(index)).toImage()

    ours = cell_image(arabic)
    plain_font = tab.table.font()
    tab.table.setFont(model.shaped_font)  # every cell shaped: the Arabic cell looks the same
    assert cell_image(arabic) == ours
    tab.table.setFont(plain_font)
    model.shaped_font = None  # drawn unshaped, the Arabic name is another picture
    assert cell_image(arabic) != ours
