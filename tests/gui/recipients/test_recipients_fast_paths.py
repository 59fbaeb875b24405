"""The Recipients table's shortcuts for speed show exactly what the plain way shows.

A keystroke's rows come from earlier answers (narrowed, or kept in the sort order for
Backspace); a keystroke that leaves the same rows does not reset the table; the view's
delegate gets a cell's text, colour and icon in one call. Each test compares with the plain
way: each entry matched on its own and sorted, or the cell asked role by role.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QAbstractTableModel, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from campaign_app.core.common.errors import UserError
from campaign_app.core.directory.query import parse_query
from campaign_app.core.directory.recipients import CATEGORIES
from campaign_app.gui.recipients.model import COL_CONTACT, COL_NAME, RecipientIdRole, RecipientsModel
from campaign_app.gui.recipients.rows import DELETED, NO_CHANNEL, STALE, CodeBits, counted, sort_key

GIVEN = ["Anna", "Řehoř", "zoe", "Émile", "Olga", "Ivan", "Ольга", "Björn", "Ana", "Annabel"]
FAMILY = ["Novák", "Nováková", "Kowalski", "Sánchez Amor", "Müller", "Шевченко", "Dupont", "Du Pont"]


def write_people(mini_ws, count: int = 400) -> None:
    """``count`` entries with names that share beginnings (an, ann, anna…) and repeat, so
    queries typed on narrow step by step and a sort has ties."""
    rnd = random.Random(11)
    lines = ["id,category,given_name,family_name,country,language,email"]
    for i in range(count):
        country = rnd.choice(["SK", "LT", "UA"])
        email = f"p{i}@example.org" if i % 7 else ""
        lines.append(f"p-{i},mep,{rnd.choice(GIVEN)},{rnd.choice(FAMILY)},{country},en,{email}")
    mini_ws.write("recipients/people.csv", "\n".join(lines) + "\n")


def ids(model) -> list[str]:
    return [model.index(row, 0).data(RecipientIdRole) for row in range(model.rowCount())]


def plain_ids(tab, text: str, descending: bool) -> list[str]:
    """The entries matching ``text`` one by one (``Query.matches``), sorted by name (ties in
    file order), reversed for a descending sort: what the table must show."""
    query = parse_query(text)
    rows = [r for r in tab.model.all_rows() if r is not None]
    keys = [sort_key(r, COL_NAME) for r in rows]
    chosen = sorted((i for i, r in enumerate(rows) if query.matches(r)), key=lambda i: (keys[i], i))
    return [rows[i].id for i in (chosen[::-1] if descending else chosen)]


def sort_by_name(tab, qtbot, clicks: int) -> None:
    header = tab.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_NAME) + 10
    for _ in range(clicks):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: not tab.model.sorting and tab.tasks.idle())


def test_typing_on_and_deleting_shows_the_rows_of_the_query_typed_fresh(make_window, mini_ws, qtbot):
    """Several hundred keys (letters, spaces, a field, '-', Backspace) into a table sorted by
    name, then the other way round: after every key the table shows the rows, in the order,
    that the entries matching the text in the box give, sorted by name."""
    write_people(mini_ws)
    window = make_window(mini_ws.root, tab="recipients")
    tab = window.pages["recipients"]
    qtbot.waitUntil(lambda: tab.model.searchable and tab.tasks.idle())
    rnd = random.Random(3)
    keys = [*"anovsk", " ", "-", "country:", "BS", "BS"]
    for clicks, descending in ((1, False), (1, True)):
        sort_by_name(tab, qtbot, clicks)
        text = ""
        for _ in range(150):
            key = rnd.choice(keys)
            text = text[:-1] if key == "BS" else text + key
            try:
                query = parse_query(text)
            except UserError:  # a half-typed field: the box shows the mistake
                continue
            tab.model.set_query(query)
            assert ids(tab.model) == plain_ids(tab, text, descending), f"after typing {text!r}"


def test_the_selected_entry_stays_selected_while_the_query_narrows(make_window, mini_ws, qtbot):
    write_people(mini_ws)
    window = make_window(mini_ws.root, tab="recipients")
    tab = window.pages["recipients"]
    qtbot.waitUntil(lambda: tab.model.searchable and tab.tasks.idle())
    target = next(r for r in (tab.model.recipient_at(i) for i in range(400)) if r and r.given_name == "Anna")
    tab.select(target.id)
    tab.search.setFocus()
    for typed in ("a", "an", "ann", "anna", "ann", "an"):
        tab.search.setText(typed)
        qtbot.waitUntil(lambda: not tab._debounce.isActive())
        current = tab.current_recipient()
        assert current is not None and current.id == target.id, f"after typing {typed!r}"
        assert tab.table.currentIndex().row() == tab.model.row_of(target.id)
        assert tab.edit_button.isEnabled()
    tab.search.setText("zoe")
    qtbot.waitUntil(lambda: not tab._debounce.isActive())
    assert tab.current_recipient() is None and not tab.edit_button.isEnabled()


class RoleByRole(RecipientsModel):
    """The same model, answering the delegate through ``data()``, one role at a time."""

    def multiData(self, index, roleDataSpan) -> None:
        QAbstractTableModel.multiData(self, index, roleDataSpan)


def shown(value):
    """An icon as its picture (two models' icons are two objects); other values as they are."""
    return value.pixmap(16).toImage() if isinstance(value, QIcon) else value


def test_the_table_paints_the_same_texts_colours_and_icons_as_data_gives(tab, qtbot):
    """The example's table (an entry with no channel: a red 'none' with a warning icon; an
    address a letter bounced from, and one that bounced before the address changed; stale
    dates in their colour) looks the same pixel for pixel, scrolled and not; and every cell
    answers ``data()`` the same for each role the view or a tooltip asks."""
    view = tab.table
    entries = [tab.model.recipient_at(row) for row in range(tab.model.rowCount())]
    first, second = [r for r in entries if r is not None and r.email][:2]
    tab.model.set_doubtful({first.id: (first.email.upper(), "2024-05-01"), second.id: ("old@x.org", "2024")})
    plain = RoleByRole(today=tab.model.today)
    plain.set_directory(tab.model._data)
    # (a tooltip's plural is looked up in the subclass's context: not compared here)
    roles = [Qt.ItemDataRole(r) for r in range(14) if r != Qt.ItemDataRole.ToolTipRole] + [RecipientIdRole]
    for row in range(tab.model.rowCount()):
        for column in range(tab.model.columnCount()):
            for role in roles:
                ours, theirs = (shown(m.index(row, column).data(role)) for m in (tab.model, plain))
                assert ours == theirs, (row, column, role)
    bounced, changed = (tab.model.index(tab.model.row_of(r.id), COL_CONTACT) for r in (first, second))
    assert (
        bounced.data(Qt.ItemDataRole.DecorationRole) is not None
        and changed.data(Qt.ItemDataRole.DecorationRole) is None
    )
    for scrolled in (0, 5):
        view.setModel(tab.model)
        view.verticalScrollBar().setValue(scrolled)
        fast = view.viewport().grab().toImage()
        view.setModel(plain)
        view.verticalScrollBar().setValue(scrolled)
        assert view.viewport().grab().toImage() == fast


def test_the_marks_and_ids_read_column_by_column_are_those_of_each_entry(example_ws):
    """CSV and YAML files, entries with and without a channel, never verified, verified on
    the very last day before they count as stale and on the day after: the marks read from
    the directory's columns are ``row_code`` of each entry, at every limit."""
    import datetime as dt

    from campaign_app.core.campaign.workspace import Workspace
    from campaign_app.gui.recipients.rows import LoadedDirectory, row_code

    extra = example_ws / "recipients" / "edge.csv"
    lines = ["id,category,given_name,family_name,country,language,email,web_form,verified_on"]
    for i, (email, form, verified) in enumerate(
        [("a@example.org", "", "2024-01-01"), ("", "https://example.org/f", "2024-01-02"), ("", "", "")]
        + [("", "", f"2023-12-{day:02d}") for day in range(1, 32)]
    ):
        lines.append(f"edge-{i},mep,Anna,Edge{i},SK,en,{email},{form},{verified}")
    extra.write_text("\n".join(lines) + "\n", encoding="utf-8")
    directory = Workspace(example_ws).directory
    today = dt.date(2024, 1, 31)
    for stale_after in (0, 1, 29, 30, 31, 45, 180, 2000):
        loaded = LoadedDirectory.of_directory(directory, today, stale_after)
        plain = [row_code(r, today, stale_after) for r in directory.recipients]
        assert list(loaded.codes) == plain, stale_after
        assert len(set(plain)) >= 4  # some with a channel, some without, some stale, some not
        assert loaded.by_id == {r.id: i for i, r in enumerate(directory.recipients)}


def test_each_column_sorts_the_directory_read_column_by_column_as_entry_by_entry(example_ws):
    """The example's CSV and YAML entries (names in several languages, offices without a
    person, never verified), then one edited, one deleted and one added: every column's
    sort keys read from the directory's columns are each entry's ``sort_key``, and the
    loaded rows are the directory's entries."""
    import datetime as dt

    from campaign_app.core.campaign.workspace import Workspace
    from campaign_app.core.directory.recipients import Recipient
    from campaign_app.gui.recipients.rows import COLUMNS, LoadedDirectory, SortOrder

    directory = Workspace(example_ws).directory
    loaded = LoadedDirectory.of_directory(directory, dt.date(2024, 1, 31))
    rows = loaded.recipients
    plain: list[Recipient | None] = list(directory.recipients)
    assert list(rows) == plain and loaded.by_id == {r.id: i for i, r in enumerate(plain)}
    changes = [(3, Recipient(id="x-1", category="ngo", given_name="Zoë", family_name="Ångström")), (5, None)]
    for row, recipient in [*changes, (len(plain), Recipient(id="x-2", category="mep", position="Ombudsman"))]:
        if row == len(plain):
            plain.append(recipient)
            rows.append(recipient)
        else:
            plain[row] = rows[row] = recipient
    for column in range(len(COLUMNS)):
        expected = [sort_key(r, column) if r is not None else "" for r in plain]
        assert SortOrder.of(rows.copy(), column).keys == expected, COLUMNS[column]
        assert SortOrder.of(plain, column).keys == expected, COLUMNS[column]


def test_the_counts_follow_an_edit_that_leaves_the_same_rows(make_window, mini_ws, qtbot):
    """The counts of a query that selects the same rows again are kept, until an edit: an
    entry found by "anna" made an NGO still matches, and the categories count it as one."""
    import dataclasses

    write_people(mini_ws)
    window = make_window(mini_ws.root, tab="recipients")
    tab = window.pages["recipients"]
    qtbot.waitUntil(lambda: tab.model.searchable and tab.tasks.idle())
    model = tab.model
    model.set_query(parse_query("anna"))
    before = model.counts
    first = model.recipient_at(0)
    assert first is not None and first.category == "mep"
    model.replace(first.id, dataclasses.replace(first, category="ngo"))
    model.set_query(parse_query("ann"))
    model.set_query(parse_query("anna"))
    assert (model.counts.matching, model.counts.shown) == (before.matching, before.shown)
    assert model.counts.by_category["ngo"] == before.by_category["ngo"] + 1
    assert model.counts.by_category["mep"] == before.by_category["mep"] - 1


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_a_keystroke_that_changes_the_rows_paints_the_table_once(make_window, mini_ws, qtbot):
    """The view lays out the new rows before it paints them, not on a timer after (which made
    it paint the whole table twice at each such keystroke: the scroll bar changed)."""
    write_people(mini_ws)
    window = make_window(mini_ws.root, tab="recipients")
    tab = window.pages["recipients"]
    qtbot.waitUntil(lambda: tab.model.searchable and tab.tasks.idle())
    window.show()
    qtbot.waitExposed(window)
    counter = PaintCounter()
    tab.table.viewport().installEventFilter(counter)
    changed = 0
    for typed in ("a", "an", "ann", "anna", "annab", "annabel d", "annabel du p"):
        rows = tab.model.rowCount()
        tab.model.set_query(parse_query(typed))
        counter.paints = 0
        for _ in range(3):  # the zero timers too
            QApplication.processEvents()
        if tab.model.rowCount() != rows:  # the rows changed: the table repaints, once
            changed += 1
            assert counter.paints == 1, f"after typing {typed!r}"
    assert changed >= 4


def test_counts_read_through_a_mask_are_those_of_the_rows_one_by_one():
    """The first letters typed are counted through a mask of the rows (no step per row in
    Python): every category, both marks and the totals as the rows' own codes count them."""
    rnd = random.Random(5)
    for size in (1, 2, 7, 300):
        codes = bytearray(
            rnd.choice(
                [
                    n | marks
                    for n in range(len(CATEGORIES))
                    for marks in (0, NO_CHANNEL, STALE, NO_CHANNEL | STALE)
                ]
            )
            for _ in range(size)
        )
        for share in (0.0, 0.3, 0.9, 1.0):
            mask = bytes(int(rnd.random() < share) for _ in range(size))
            rows = [i for i in range(size) if mask[i]]
            plain = counted(codes, rows, None, size + 3)
            assert counted(codes, rows, None, size + 3, mask) == plain
            assert plain[1].matching == len(rows)


def test_counts_read_through_the_codes_bits_are_those_of_the_rows_one_by_one_after_edits_too():
    """Counted with the codes as big integers (``CodeBits``): the same rows and counts as the
    rows' codes one by one, for every category and all, in file order and another order, and
    after edits that change, delete and append rows (``CodeBits.put``)."""
    rnd = random.Random(7)
    kinds = [
        n | marks for n in range(len(CATEGORIES)) for marks in (0, NO_CHANNEL, STALE, NO_CHANNEL | STALE)
    ]
    for size in (1, 2, 9, 300):
        codes = bytearray(rnd.choice(kinds) for _ in range(size))
        bits = CodeBits(codes)
        for _ in range(4):
            row = rnd.randrange(len(codes) + 1)  # at the end: appended
            code = rnd.choice([*kinds, DELETED])
            if row == len(codes):
                codes.append(code)
            else:
                codes[row] = code
            bits.put(row, code)
            size = len(codes)
            for share in (0.0, 0.3, 1.0):
                mask = bytes(int(rnd.random() < share and codes[i] != DELETED) for i in range(size))
                rows = [i for i in range(size) if mask[i]]
                for order in (rows, sorted(rows, key=lambda i: -i)):
                    for category in (None, *CATEGORIES[:3]):
                        plain = counted(codes, order, category, size)
                        assert counted(codes, order, category, size, mask, bits) == plain
                        assert counted(codes, order, category, size, mask, CodeBits(codes)) == plain


def test_a_big_directorys_sort_order_is_left_out_of_the_collectors_passes(monkeypatch):
    """A column's order is built off the UI thread; for a big directory what it made is then
    frozen, as the load's is, so that no young collection on a keystroke walks its lists of
    keys and rows (and ``marked``'s picker is made there too, not on a keystroke)."""
    import gc

    from campaign_app.gui.recipients import loading
    from campaign_app.gui.recipients.rows import SortOrder

    people = [f"name {n % 37}" for n in range(50)]

    class Row:
        def __init__(self, name: str):
            self.display_name = name

    rows = [Row(name) for name in people]
    small = loading.sort_order(rows, COL_NAME)
    plain = SortOrder.of(rows, COL_NAME)
    assert (small.rows, small.keys) == (plain.rows, plain.keys) and small._getter is not None
    assert any(o is small.keys for o in gc.get_objects())  # under FREEZE_AT: left as it was
    monkeypatch.setattr(loading, "FREEZE_AT", 10)
    try:
        big = loading.sort_order(rows, COL_NAME)
        assert not any(o is big.keys or o is big.rows for o in gc.get_objects())  # frozen
    finally:
        gc.unfreeze()
    assert big.rows == sorted(range(50), key=lambda i: (people[i], i))
    assert big.marked(bytes(n % 2 for n in range(50))) == [i for i in big.rows if i % 2]
