"""Converting and checking a CSV's rows a few hundred at a time, column by column.

Converting a 100,000-row file row by row ran a dozen steps on every row, though most of
a spreadsheet's columns hold a few distinct values (titles, genders, countries,
organisations, positions): here each column of a chunk of rows is stripped and cleaned
once per distinct value, by the same value functions :class:`.convert.RowConverter` uses
on a row, the e-mail cells (every one different) with one match each (:mod:`.email_cells`),
and only the checks that join several fields (letters lost to ``?``, a country
contradicting the e-mail's domain) are left to each row that may fail them (a '?' or a
formula sign found in its column, an address at a country's domain or not plain).

The rows are then checked as the directory's validation would check them, again column
by column (:func:`~campaign_app.core.directory.validation.plain_value_ok` once per distinct
value; the e-mail and the names row by row), and the keys each row is matched by are
built the same way: a row certainly valid is added without its record being read field
by field again. The id is left to the planner, which may have to make one up. A column
made of the values its memo keeps is looked at through the memo: each value is vetted
once, as it is cleaned (:func:`.column_cells.vetted`: a text its field may hold, a code the directory
takes; :func:`.column_cells.doubtful`: a '?', a formula's start), and while every value of the memo
passes, the column is not searched again, chunk after chunk.

The result is a :class:`ConvertedChunk`: the chunk's columns and checks, and for each row,
made only when asked (the rows with a reason not to trust them or a note, the rows the
planner takes on its own), the record :meth:`.convert.RowConverter.convert` makes, field
for field and in the same order, with the same reasons and notes; a row certainly new
goes from the columns to its entry's values (tests/core/directory/importing/
test_import_fast_path.py compares the imports, and those values with each record's). A file
whose mapping needs steps that join fields (a full-name column, tags, the end of a term,
a homepage, the European Parliament's defaults), or a chunk with rows of another width
than the header, is converted row by row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from campaign_app.core.common.formulas import runs_as_formula
from campaign_app.core.directory.characters import refused_rows
from campaign_app.core.directory.importing.cells import gender_code, iso_date, language_code
from campaign_app.core.directory.importing.column_cells import (
    CODE_FIELDS,
    FORMULA_HEAD,
    FORMULA_NEXT,
    are_ids,
    cleaner,
    doubtful,
    each,
    email_keys,
    joined_texts,
    name_cell,
    normalized,
    read_email,
    vetted,
)
from campaign_app.core.directory.importing.convert import (
    SHARED_FIELDS,
    RowConverter,
    category_value,
    country_cell,
    name_value,
)
from campaign_app.core.directory.importing.converted_chunk import Checks, ConvertedChunk
from campaign_app.core.directory.importing.countries import domain_country, has_country_domain
from campaign_app.core.directory.importing.email_cells import email_cells, read_of
from campaign_app.core.directory.importing.mapping import (
    FULL_NAME,
    FULL_NAME_FAMILY_FIRST,
    HOMEPAGE,
    PATRONYMIC,
    TERM_END,
)
from campaign_app.core.directory.importing.merge import folded_names, folded_org
from campaign_app.core.directory.importing.trust import FORMULA_FIELDS, check_trust, country_clash
from campaign_app.core.directory.recipients import ALL_FIELDS, NAME_FIELDS
from campaign_app.core.directory.validation import plain_value_ok

CHUNK = 512  # rows converted at once: their cells are still in the processor's cache
SHARED = 512  # distinct values a column may have and still be cleaned once per value
# Mapped fields whose steps read or write other fields: such a file goes row by row.
_ROW_STEPS = frozenset((FULL_NAME, FULL_NAME_FAMILY_FIRST, PATRONYMIC, TERM_END, HOMEPAGE, "tags"))


class ColumnConverter:
    """Converts chunks of a CSV's rows (all text) as ``converter`` converts each row."""

    def __init__(self, converter: RowConverter):
        fields = [name for _i, name in converter.pairs]
        self.usable = (
            not converter.ep and len(set(fields)) == len(fields) and not _ROW_STEPS.intersection(fields)
        )
        self.converter = converter
        self.width = len(converter.columns)
        values: dict[str, Callable[[str], Any]] = {
            "category": category_value,
            "gender": gender_code,
            "language": language_code,
            "verified_on": iso_date,
            "country": country_cell,
        }
        # the cleaners of columns whose every cell differs strip the cell themselves
        cells: dict[str, Callable[[str], Any]] = {"id": self._id, "email": read_email}
        cells.update(given_name=name_cell, family_name=name_cell)
        self.fields = [(i, name, cells.get(name) or cleaner(values.get(name))) for i, name in converter.pairs]
        # one cleaned value per distinct cell: kept for every value of the fields whose
        # strings new entries share (as RowConverter keeps them), else while few
        self.memos: list[dict[str, Any] | None] = [{} for _ in self.fields]
        self.unbounded = [name in SHARED_FIELDS for _i, name, _clean in self.fields]
        # whether a memo holds a value _suspects would look at (a '?', a formula's start):
        # a column made of the values of a memo that holds none is not searched
        self.doubtful = [name in ("id", "country") for _i, name, _clean in self.fields]
        # whether every value a memo holds passes _checks' looks at a column (a text or
        # none, with no character its field may not hold, a code the directory takes):
        # a column made of such a memo's values is not looked at again
        self.vetted = [name not in ("id", "country") for _i, name, _clean in self.fields]
        defaults = dict(converter.defaults)
        if "category" in defaults:  # a default category is cleaned as the row's own would be
            defaults["category"] = category_value(defaults["category"])
        self.defaults = list(defaults.items())
        self.defaults_suspect = any("?" in v or "\ufffd" in v for v in defaults.values())
        # the records' fields are all the directory's: they can be checked column by column
        self.checkable = set(ALL_FIELDS).issuperset([*fields, *defaults])
        self.verdicts: dict[str, dict[Any, bool]] = {name: {} for name in CODE_FIELDS}

    def convert(self, rows: Sequence[Sequence[str]]) -> ConvertedChunk | None:
        """The chunk's rows converted and checked, column by column (a row's record and its
        reasons not to trust it made only for the rows that need them); None when the chunk
        is to be converted row by row."""
        if not self.usable or not rows or set(map(len, rows)) != {self.width}:
            return None
        cells = list(zip(*rows, strict=True))
        names: list[str] = []
        columns: list[Any] = []
        countries: Sequence[Any] = [None] * len(rows)
        # email_cells' kept addresses, readings of the cells not of one plain address, and
        # domains of those that are (None: no e-mail column)
        kept: Sequence[str | None] = countries
        read: dict[int, Any] = {}
        domains: Sequence[str | None] | None = None
        renamed: dict[int, tuple[str, str]] = {}
        normal: list[str | None] | None = None  # the kept addresses normalized, where known
        ids: list[str] | None = None  # the ids, when every cell is one
        plain: set[int] = set()  # the columns made of a memo's values, none of them doubtful
        vetted_ids: set[int] = set()  # the ids of the columns made of a memo's values, all vetted
        column: list[Any]
        for k, (i, name, clean) in enumerate(self.fields):
            if name == "email":  # every cell differs: all read at once (email_cells)
                kept, read, normal, domains = email_cells(cells[i], read_email)
                column = kept
            elif name == "id" and are_ids(cells[i]):  # each its own id: nothing to clean
                column = list(cells[i])
                ids = column
            else:
                column = self._column(k, clean, cells[i])
                if self.memos[k] is not None and not self.doubtful[k]:
                    plain.add(len(columns))
                if self.memos[k] is not None and self.vetted[k]:
                    vetted_ids.add(id(column))
            if name == "country":
                countries = column
                column = [None if c is None else c[0] for c in column]
            elif name == "id":
                renamed = {n: v for n, v in enumerate(column) if type(v) is tuple}
                if renamed:
                    column = [v[0] if type(v) is tuple else v for v in column]
            names.append(name)
            columns.append(column)
        chunk = ConvertedChunk(names, columns, self.defaults, len(rows))
        for n, (rid, text) in renamed.items():
            chunk.one(n).noted("id", self.converter.id_note(text, rid))
        self._trust(chunk, self._suspects(names, columns, plain), kept, read, countries, domains)
        if self.checkable:
            chunk.checked(self._checks(names, columns, len(rows), normal, ids, vetted_ids))
        return chunk

    def _trust(
        self,
        chunk: ConvertedChunk,
        suspects: Any,
        kept: Sequence[str | None],
        read: dict[int, Any],
        countries: Sequence[Any],
        domains: Sequence[str | None] | None,
    ) -> None:
        """Each row's reasons not to trust it, in the order RowConverter.convert finds them.
        Only the rows that may have one are looked at: those suspected, with a country cell
        distrusted, with an address that is not one plain address (``domains``: None) or
        whose domain names a country (looked up once per distinct domain); any other row's
        look would find nothing (no '?', one address outside any country's domain). A row's
        ``Converted`` is made for a reason found, or a suspect's closer look; the rows with
        several addresses are kept in ``chunk.several``."""
        if type(suspects) is range or domains is None:
            look: Any = range(len(countries))
        else:
            rows = set(suspects)
            rows.update(
                n for n, country in enumerate(countries) if country is not None and country[1] is not None
            )
            rows.update(n for n, reading in read.items() if reading is not None)
            named = {domain for domain in set(domains) if domain and domain_country(domain) is not None}
            if named:
                rows.update(n for n, domain in enumerate(domains) if domain in named)
            look = sorted(rows)
        # the records' countries (RowConverter's record.get("country"))
        codes = chunk.columns[chunk.names.index("country")] if "country" in chunk.names else None
        default = dict(chunk.defaults).get("country")
        for n in look:
            email, country = read_of(n, kept, read), countries[n]
            found: list[str] = []
            if email is not None:
                _kept, found, several = email
                if several:
                    chunk.several_emails(n)
            reasons = [country[1]] if country is not None and country[1] is not None else []
            code = default if codes is None or codes[n] is None else codes[n]
            if n in suspects:
                converted = chunk.one(n)
                for reason in reasons:
                    converted.distrusted(reason)
                check_trust(converted.record, converted, code, found, "")
                continue
            if type(code) is str and len(code) == 2 and any(map(has_country_domain, found)):
                # what check_trust does with no '?' in the row (no address in a country's
                # domain, one or two at a Parliament: country_clash finds nothing to check against)
                clash = country_clash(code, found, "")
                if clash is not None:
                    reasons.append(clash)
            if reasons:
                converted = chunk.one(n)
                for reason in reasons:
                    converted.distrusted(reason)

    def _id(self, cell: str) -> Any:
        """The id cleaned; (the id made, the cell's text) when it is not the cell's text."""
        text = cell.strip()
        if not text:
            return None
        rid = self.converter.id_value(text)
        return rid if rid == text else (rid, text)

    def _column(self, k: int, clean: Callable[[str], Any], cells: tuple[str, ...]) -> list[Any]:
        """The chunk's cells of one field, cleaned (None: not in the record)."""
        memo = self.memos[k]
        if memo is not None:
            try:  # every cell seen before (a column of titles, countries…): nothing to clean
                return list(map(memo.__getitem__, cells))
            except KeyError:
                pass
            new = set(cells).difference(memo)
            if self.unbounded[k] or len(memo) + len(new) <= SHARED:
                name = self.fields[k][1]
                for value in new:
                    memo[value] = cleaned = clean(value)
                    if not self.doubtful[k] and doubtful(name, cleaned):
                        self.doubtful[k] = True
                    if self.vetted[k] and not vetted(name, cleaned):
                        self.vetted[k] = False
                return list(map(memo.__getitem__, cells))
            self.memos[k] = None
        if clean is name_cell:  # every family name differs: no call a cell, but for DUPONT's
            return [(name_value(t) if t.isupper() else t) if (t := c.strip()) else None for c in cells]
        return list(map(clean, cells))

    def _suspects(self, names: list[str], columns: list[list[Any]], plain: set[int]) -> set[int] | range:
        """The rows with a text that may have lost letters, or a name or office that starts
        like a formula (their check looks closer). The columns in ``plain``, made of the
        values of a memo that holds no doubtful one (:func:`_doubtful`), have none."""
        if self.defaults_suspect:
            return range(len(columns[0]) if columns else 0)
        rows: set[int] = set()
        for k, (name, column) in enumerate(zip(names, columns, strict=True)):
            if k in plain:
                continue
            joined = joined_texts(column)
            if "?" in joined or "\ufffd" in joined:
                rows.update(n for n, v in enumerate(column) if type(v) is str and ("?" in v or "\ufffd" in v))
            if name in FORMULA_FIELDS and (FORMULA_HEAD.match(joined) or FORMULA_NEXT.search(joined)):
                rows.update(n for n, v in enumerate(column) if type(v) is str and runs_as_formula(v))
        return rows

    # ---- the directory's checks, column by column ----------------------------------------

    def _checks(
        self,
        names: list[str],
        columns: list[list[Any]],
        count: int,
        normal: list[str | None] | None,
        ids: list[str] | None,
        vetted_ids: set[int],
    ) -> Checks | None:
        """For each row, what validation.checked_plain_record gives for its record but the
        id, and its keys, column by column; the rows it might find fault with are in
        ``faulty`` (the planner then asks the row's record); None: every row's. ``normal``:
        each row's address as normalized_email gives it, where email_cells knew it; ``ids``:
        the ids, when every one is an id; ``vetted_ids``: the ids of the columns made of a memo's
        values that all pass the looks at a column (:func:`.column_cells.vetted`)."""
        fields = dict(zip(names, columns, strict=True))
        for key, default in self.defaults:
            column = fields.get(key)
            filled = [default] * count if column is None else [default if v is None else v for v in column]
            if (column is None or id(column) in vetted_ids) and vetted(key, default):
                vetted_ids.add(id(filled))  # the column's values and the default, each vetted
            fields[key] = filled
        if not all(name in fields or plain_value_ok(name, "") for name in CODE_FIELDS):
            return None  # e.g. no category: no row is valid
        # Every value is a text or None, as the checks take them (no column's types looked at,
        # 400,000 type() calls a 100,000-row file): the cells are a CSV's texts, each cleaner
        # gives a text or None, the e-mail's and country's readings were taken apart above,
        # and the defaults are texts (tests/core/directory/importing/test_new_entries.py).
        faulty = self._faulty(fields, count, vetted_ids)
        none = [None] * count
        kept = fields.get("email", none)
        if normal is None:
            emails = list(map(normalized, kept))
        else:  # a row without an address may have been given the default's
            emails = [normalized(e) if n is None else n for e, n in zip(kept, normal, strict=True)]
        countries = each(lambda c: c.strip().upper() if c else "", fields.get("country", none))
        languages = each(lambda v: (v.strip() if v else "") or "en", fields.get("language", none))
        given, family = fields.get("given_name", none), fields.get("family_name", none)
        folded = folded_names(given, family)
        orgs = each(lambda o: folded_org(o) if o else "", fields.get("organisation", none))
        if None in emails:
            faulty.update(n for n, email in enumerate(emails) if email is None)
        # the key of the record's own string where normalizing left it as it was: the index
        # keeps it, and an equal copy would be one more string a row kept
        own = [k if e == k else e for e, k in zip(emails, kept, strict=True)]
        keys = email_keys(own)
        return Checks(emails, countries, languages, keys, folded, orgs, ids, faulty, fields, own)

    def _faulty(self, fields: dict[str, list[Any]], count: int, vetted_ids: set[int]) -> set[int]:
        """The rows with a code field's value the directory would refuse, a character a
        field may not hold (characters.refused_rows), or no name; a column in ``vetted_ids``
        has neither of the first two."""
        faulty: set[int] = set()
        for name, verdicts in self.verdicts.items():
            column = fields.get(name)
            if column is None or id(column) in vetted_ids:
                continue
            if len(verdicts) > 4096:
                verdicts.clear()
            distinct = set(column)
            for value in distinct.difference(verdicts):
                verdicts[value] = plain_value_ok(name, value.strip() if value else "")
            refused = {value for value in distinct if not verdicts[value]}
            if refused:
                faulty.update(n for n, v in enumerate(column) if v in refused)
        for name, column in fields.items():  # control characters: one search of each column
            if id(column) not in vetted_ids:
                faulty.update(refused_rows(name, column))
        unnamed: set[int] | range = range(count)
        for name in NAME_FIELDS:
            column = fields.get(name)
            if column is not None:
                unnamed = {n for n in unnamed if not (column[n] and column[n].strip())}
        faulty.update(unnamed)
        return faulty
