"""The Recipients tab when the search leaves no row, or has a mistake: the table's place says
why it is empty and offers the way back; a mistake's line says the rows are an older search's."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt

from campaign_app.gui.recipients.model import COL_NAME


def names(tab) -> list[str]:
    return [tab.model.index(row, COL_NAME).data() for row in range(tab.model.rowCount())]


def type_query(qtbot, tab, text: str) -> None:
    """Typed into the search box, where the focus is, as a user types."""
    tab.search.setFocus()
    tab.search.clear()
    qtbot.keyClicks(tab.search, text)
    qtbot.waitUntil(lambda: not tab._debounce.isActive())


def in_rows_area(tab, widget) -> bool:
    """``widget`` is shown, wholly within the table's visible rows area."""
    viewport = tab.table.viewport()
    corner = widget.mapTo(viewport, widget.rect().topLeft())
    return widget.isVisible() and viewport.rect().contains(QRect(corner, widget.size()))


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_search_matching_nobody_says_so_in_the_tables_place_until_rows_match_again(tab, qtbot):
    assert not tab.no_match.isVisible()  # the whole directory: nothing to say
    type_query(qtbot, tab, "xyzzy")
    assert names(tab) == []
    assert tab.count_label.text() == "0 of 25 recipients"
    assert (
        tab.no_match_label.text() == "No recipient matches “xyzzy”.\nCheck the spelling, or leave out a term."
    )
    assert in_rows_area(tab, tab.no_match_label)
    assert in_rows_area(tab, tab.clear_search_button)
    assert tab.clear_search_button.text() == "Clear the search"
    assert not tab.all_categories_button.isVisible()  # no category narrows it
    assert tab.search.hasFocus()  # typing goes on in the box

    qtbot.keyClicks(tab.search, "z")  # the message follows what is searched
    qtbot.waitUntil(lambda: not tab._debounce.isActive())
    assert tab.no_match_label.text().startswith("No recipient matches “xyzzyz”.")

    type_query(qtbot, tab, "simecka")
    assert names(tab) == ["Michal Šimečka"]
    assert not tab.no_match.isVisible()


def test_clear_the_search_brings_every_entry_back_and_the_focus_to_the_box(tab, qtbot):
    type_query(qtbot, tab, "xyzzy")
    click(qtbot, tab.clear_search_button)
    assert tab.search.text() == ""
    assert len(names(tab)) == 25
    assert tab.count_label.text() == "25 of 25 recipients"
    assert not tab.no_match.isVisible()
    assert tab.search.hasFocus()


def test_a_category_that_leaves_nobody_offers_all_categories(tab, qtbot):
    mep = tab.facets.visualRect(tab.facet_model.index(1, 0))
    qtbot.mouseClick(tab.facets.viewport(), Qt.MouseButton.LeftButton, pos=mep.center())
    type_query(qtbot, tab, "country:ua")  # Ukrainian officials, no member of the Parliament
    assert names(tab) == []
    assert tab.no_match_label.text() == "No recipient in the category “mep” matches “country:ua”."
    assert tab.all_categories_button.text() == "Show all categories (7)"
    assert in_rows_area(tab, tab.all_categories_button)
    assert in_rows_area(tab, tab.clear_search_button)

    click(qtbot, tab.all_categories_button)
    assert len(names(tab)) == 7
    assert tab.facets.currentIndex().row() == 0
    assert not tab.no_match.isVisible()
    assert tab.search.text() == "country:ua"


def test_a_query_mistake_says_the_table_still_shows_the_last_valid_search(tab, qtbot):
    top = tab.table.mapTo(tab, tab.table.rect().topLeft())
    type_query(qtbot, tab, "category:")
    assert tab.query_error.isVisible()
    assert tab.query_error.text() == (
        "query:1:1: 'category:' has no value in query 'category:' — write e.g. category:value. "
        "Until it is corrected, the search does not filter the table."
    )
    assert len(names(tab)) == 25

    type_query(qtbot, tab, "simecka")
    type_query(qtbot, tab, 'simecka "unclosed')
    assert tab.query_error.text().endswith(
        "The table still shows the results of the last valid search, “simecka”."
    )
    assert names(tab) == ["Michal Šimečka"]
    # said on the mistake's line, kept while it is hidden: the table does not jump
    assert tab.table.mapTo(tab, tab.table.rect().topLeft()) == top
    type_query(qtbot, tab, "simecka country:sk")
    assert not tab.query_error.isVisible()
    assert tab.table.mapTo(tab, tab.table.rect().topLeft()) == top


def test_a_query_mistake_after_a_search_matching_nobody_names_that_search(tab, qtbot):
    type_query(qtbot, tab, "xyzzy")
    type_query(qtbot, tab, "xyzzy tag:")
    assert tab.query_error.text().endswith("the last valid search, “xyzzy”.")
    assert tab.no_match_label.text().startswith("No recipient matches “xyzzy”.")  # what the table holds
    assert tab.no_match.isVisible()
