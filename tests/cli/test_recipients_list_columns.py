"""``recipients list`` reads the directory's columns and prints the table a column at a time.

Listing 100,000 entries made a Recipient for every row it printed and formatted each cell
on its own; it now takes the ids, names and contact channels from the directory's
columns. The table must stay exactly what printing each Recipient gave: the same rows in
the same order, the same names (a person, else the office, in the entry's language), the
same channel, the same cut cells.
"""

from __future__ import annotations

import contextlib
import io

from conftest import PEOPLE_CSV
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_app.cli.columns import print_columns, print_table_columns
from campaign_app.core.campaign.audience import parse_campaign_query
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.directory.recipients import Recipient

QUERIES = ("", "category:mep", "sanchez OR tag:droi", "-country:DE", "nobody-by-this-name")


def more_people(rows: int) -> str:
    """PEOPLE_CSV and ``rows`` more: long names and offices, web forms, post only, no channel."""
    header, *lines = PEOPLE_CSV.splitlines()
    header += ",web_form,postal_address"
    lines = [line + ",," for line in lines]
    for i in range(rows):
        given = ["Ana", "José María", "", "Bartholomew-Alexander"][i % 4]
        family = ["Sánchez Amor", "", "Kowalski-Wiśniewska von Hohenzollern-Sigmaringen", "Dupont"][i % 3]
        office = "Head of the Delegation to the Euronest Parliamentary Assembly" if not given else ""
        email = f"p.{i}@europarl.europa.eu" if i % 5 == 0 else ""
        web = "https://example.org/contact" if i % 5 == 1 else ""
        post = '"Rue Wiertz 60\n1047 Brussels"' if i % 5 == 2 else ""
        category = ["mep", "osce", "national_official"][i % 3]
        tags = ["droi", "supporter;droi", ""][i % 3]
        lines.append(
            f"p-{i},{category},,{given},{family},,{office},OSCE,{['DE', 'FR'][i % 2]},en,{email},{tags},{web},{post}"
        )
    return "\n".join([header, *lines]) + "\n"


def channel(r: Recipient) -> str:
    if r.email:
        return r.email
    if r.web_form:
        return f"web form: {r.web_form}"
    return "post" if r.postal_address else "(no contact channel)"


def listed_from_recipients(root, query: str, width: int) -> str:
    """The table as printing each matching Recipient gives it (the reading before columns)."""
    ws = Workspace.open(root)
    chosen = parse_campaign_query(query, ws.recipient_statuses).filter(ws.directory)
    rows = [("ID", "CATEGORY", "NAME", "COUNTRY", "LANG", "CONTACT")]
    rows += [(r.id, r.category, r.display_name, r.country, r.language, channel(r)) for r in chosen]
    id_width = max(len(row[0]) for row in rows)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_columns(rows, [None, 20, 44, 7, 5, max(20, width - 86 - id_width)])
    return out.getvalue() + f"{len(chosen)} recipient(s)\n"


def test_the_listing_is_what_each_recipient_prints(mini_ws, cli, monkeypatch):
    mini_ws.write("recipients/people.csv", more_people(60))
    for width in (80, 200):
        monkeypatch.setenv("COLUMNS", str(width))
        for query in QUERIES:
            result = cli("recipients", "list", "-w", mini_ws.root, f"--query={query}")
            assert result.code == 0, result.err
            assert result.out == listed_from_recipients(mini_ws.root, query, width), (query, width)
    everyone = cli("recipients", "list", "-w", mini_ws.root).out
    assert "Head of the Delegation to the Euronest Parl…" in everyone  # cut at 44 characters
    assert "Володимир Зеленський" in everyone  # the YAML entry is named in its language
    assert "web form: https://example.org/contact" in everyone


def test_listing_makes_no_recipient_for_a_csv_row(mini_ws, cli, monkeypatch):
    """What made a listing of 100,000 rows slow: a Recipient for every printed CSV row
    (offices among them: the names are plain text)."""
    mini_ws.write("recipients/people.csv", more_people(300))
    made: list[str] = []
    of_checked = Recipient.of_checked.__func__

    def counting(cls, values):
        if values["origin"].path.endswith("people.csv"):  # entries from YAML are made as they are read
            made.append(values["id"])
        return of_checked(cls, values)

    monkeypatch.setattr(Recipient, "of_checked", classmethod(counting))
    result = cli("recipients", "list", "-w", mini_ws.root, "--query", "category:osce OR tag:droi")
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == "201 recipient(s)"
    assert "p-298" in result.out
    assert made == []


def test_a_query_over_an_empty_directory_lists_nobody(mini_ws, cli):
    (mini_ws.root / "recipients" / "people.csv").unlink()
    (mini_ws.root / "recipients" / "officials.yaml").unlink()
    result = cli("recipients", "list", "-w", mini_ws.root, "--query", "category:mep simecka")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[-1] == "0 recipient(s)"


cells = st.text(st.characters(codec="utf-8", exclude_characters="\n\r"), max_size=50)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda n: st.tuples(
            st.lists(st.tuples(*[cells] * n), max_size=8),
            st.lists(st.one_of(st.none(), st.integers(1, 30)), min_size=n, max_size=n),
            st.tuples(*[cells] * n),
        )
    )
)
def test_a_table_printed_by_columns_is_the_table_printed_by_rows(table):
    rows, caps, header = table
    by_rows, by_columns = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(by_rows):
        print_columns([header, *rows], caps)
    columns = [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in header]
    with contextlib.redirect_stdout(by_columns):
        print_table_columns(header, columns, caps)
    assert by_columns.getvalue() == by_rows.getvalue()
