"""``campaign-app recipients list|export|import``: the directory from the command line."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from campaign_app.cli.columns import print_table_columns, shown
from campaign_app.cli.common import EXIT_OK, Parser, left_to_the_exit, workspace_arg
from campaign_app.core.common.i18n import N_, _, listed, ngettext


def add_parser(sub) -> None:
    p = sub.add_parser("recipients", help=_("list, export or import recipients"))
    rsub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=Parser)
    r = rsub.add_parser("list", help=_("show recipients (optionally matching --query)"))
    workspace_arg(r)
    r.add_argument("--query", "-q", default="", metavar="Q", help=_("the recipients to show"))
    r = rsub.add_parser(
        "export",
        help=_("write recipients to a CSV or Excel .xlsx file"),
        description=_(
            "Write the directory (or the recipients matching --query) to FILE: CSV (UTF-8) "
            "or Excel, by the file's suffix (.csv or .xlsx). Cells that a spreadsheet would run as a "
            "formula (starting with =, +, -, @; a negative number excepted) are neutralised: in a CSV "
            "with a leading apostrophe, which 'recipients import' takes away again."
        ),
    )
    r.add_argument("file", type=Path, metavar="FILE", help=_("the file to write: NAME.csv or NAME.xlsx"))
    workspace_arg(r)
    r.add_argument("--query", "-q", default="", metavar="Q", help=_("the recipients to write"))
    _import_parser(rsub)


IMPORT_EPILOG = N_("""\
What is read: CSV in UTF-8 (with or without BOM), UTF-16, Windows-1252/1250 or ISO-8859-2/-15,
Windows-1251 or KOI8-U (the encoding and the delimiter , ; or tab are detected and shown;
when the encoding cannot be told for sure, the file is refused: name it with --encoding);
Excel .xlsx (first sheet, or --sheet); the European Parliament's "full list" XML; the
directory's own YAML. Column names in other spellings are mapped (E-mail, First name,
Surname, Organization, mep_email…, Прізвище, Ім'я, По батькові, Посада, Фамилия, Имя,
Отчество…); --map COLUMN=FIELD maps the rest.
The Parliament's full-list XML has no e-mails: its members get the Parliament's postal
address, for letters on paper (campaign-app print).

Rows that are not trusted are not imported, and each is listed with its row and reason:
letters replaced by '?' in the source, an e-mail cell with no valid address, a country
that is no country or contradicts the row's e-mail or homepage domain (.es for Estonia),
a name or an office that is a spreadsheet formula (=HYPERLINK(…): a list made to attack),
a value the directory cannot hold, and no contact channel at all (unless --keep-no-contact).

Duplicates: a row for a person the directory already has (same e-mail, or same name
without accents and same organisation, or same id and name) is merged into that entry,
wherever it is kept. Empty fields are filled in and new tags added; a field that holds a
different value is NOT overwritten: the report lists it as 'would change: old → new'.
--update takes the file's value instead.

New entries go to recipients/NAME.csv (default: the file's name), with ids unique across
the directory. Nothing is written before the whole file is checked; --dry-run writes
nothing at all. A source column mep_death_date / term_end / end that is filled in marks
the entry with the tag 'former-member'.
""")


def _import_parser(rsub) -> None:
    from campaign_app.core.directory.categories import CATEGORIES

    r = rsub.add_parser(
        "import",
        help=_("import recipients from a CSV, .xlsx, EP XML or YAML file, merging duplicates"),
        description=_(
            "Import recipients from FILE into the workspace's directory and report every\n"
            "decision: encoding and delimiter found, rows added, updated, unchanged and skipped\n"
            "(with the reason), and fields that would change."
        ),
        epilog=_(IMPORT_EPILOG),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    r.add_argument("file", type=Path, metavar="FILE")
    workspace_arg(r)
    r.add_argument(
        "--into",
        metavar="NAME.csv",
        default=None,
        help=_("the file in recipients/ that receives new entries (default: named after FILE)"),
    )
    r.add_argument(
        "--category",
        choices=CATEGORIES,
        default=None,
        metavar="C",
        help=_(
            "category of rows whose file gives none (default for the EP's lists: mep); one of {categories}"
        ).format(categories=", ".join(CATEGORIES)),
    )
    r.add_argument(
        "--sheet", metavar="NAME", default=None, help=_("the sheet of an .xlsx file (default: the first)")
    )
    r.add_argument("--dry-run", action="store_true", help=_("report what would happen; write nothing"))
    r.add_argument(
        "--update",
        action="store_true",
        help=_(
            "where an entry already holds a different value, take the file's (default: keep it and report it)"
        ),
    )
    r.add_argument(
        "--keep-no-contact",
        action="store_true",
        help=_("also add new entries that have no e-mail, postal address or web form"),
    )
    r.add_argument(
        "--map",
        action="append",
        type=_map_choice,
        default=[],
        metavar="COLUMN=FIELD",
        help=_(
            "read COLUMN of the file into FIELD (repeatable; FIELD 'ignore' leaves the column out), "
            "as the Import dialog's column mapping: e.g. --map 'Телефон=notes' --map 'E-pochta=email'"
        ),
    )
    r.add_argument(
        "--encoding",
        metavar="NAME",
        default=None,
        help=_(
            "the encoding of a CSV file, when detection cannot tell (utf-8, utf-16, cp1251, koi8-u, cp1252…)"
        ),
    )
    r.add_argument(
        "--rejects",
        type=Path,
        metavar="FILE.csv",
        default=None,
        help=_("write the rows not imported, with their row number and reason, to FILE.csv to correct them"),
    )


def _map_choice(text: str) -> tuple[str, str | None]:
    """One --map COLUMN=FIELD, the field checked against the directory's (a usage error)."""
    from campaign_app.core.directory.importing.mapping import parse_map_option

    try:
        return parse_map_option(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.common.bulk import collector_paused

    if args.action == "import":
        # the plan's 100,000 entries, written and reported, are freed with it before the
        # collector runs again: it would sweep them all once more, a tenth of a second
        with collector_paused():
            return _import(ws, args)
    from campaign_app.core.campaign.audience import parse_campaign_query  # not an import's: lark, jinja2

    query = parse_campaign_query(args.query, ws.recipient_statuses)
    if args.action == "export":
        from campaign_app.core.campaign.workspace_files import refuse_campaign_file
        from campaign_app.core.directory.export import export_recipients, in_several_languages

        refuse_campaign_file(ws.root, args.file, "recipients.csv")
        chosen = query.filter(ws.directory)
        count = export_recipients(chosen, args.file)
        print(
            ngettext(
                "Wrote {count} recipients to {file}", "Wrote {count} recipients to {file}", count
            ).format(count=count, file=args.file)
        )
        several = in_several_languages(chosen)
        if several:
            print(
                _("note: {note}").format(
                    note=ngettext(
                        "{count} entry has texts in several languages; the file holds each in its own "
                        "language only: {ids} — keep the directory's own file as the one to edit",
                        "{count} entries have texts in several languages; the file holds each in its own "
                        "language only: {ids} — keep the directory's own files as the ones to edit",
                        len(several),
                    ).format(count=len(several), ids=listed(several))
                ),
                file=sys.stderr,
            )
        return EXIT_OK
    with collector_paused():  # the directory and the listing: read once, all kept, no cycles
        directory = ws.directory
        _print_table(directory.table, query.rows(directory))
    return EXIT_OK


def _channels(table, rows: list[int]) -> list[str]:
    """How each of ``rows`` is reached: the e-mail, else the web form, else post."""
    emails, web_forms, postal = (table.column(n) for n in ("email", "web_form", "postal_address"))
    web_form, by_post, no_channel = _("web form: {address}"), _("post"), _("(no contact channel)")
    return [
        emails[i]
        or (web_form.format(address=web_forms[i]) if web_forms[i] else by_post if postal[i] else no_channel)
        for i in rows
    ]


def _print_table(table, rows: list[int]) -> None:
    """The listed rows of the directory's table, read column by column (no Recipient is made)."""
    header = (_("ID"), _("CATEGORY"), _("NAME"), _("COUNTRY"), _("LANG"), _("CONTACT"))
    ids, categories, countries, languages = (
        list(map(column.__getitem__, rows))
        for column in map(table.column, ("id", "category", "country", "language"))
    )
    columns = [ids, categories, table.display_names(rows), countries, languages, _channels(table, rows)]
    width = shutil.get_terminal_size((160, 20)).columns
    id_width = max(len(header[0]), max(map(len, ids), default=0))  # whole, always: log mark takes it
    print_table_columns(header, columns, [None, 20, 44, 7, 5, max(20, width - 86 - id_width)])
    print(ngettext("{count} recipient(s)", "{count} recipient(s)", len(rows)).format(count=len(rows)))


def _import(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.directory.importing import (
        ImportOptions,
        mapping_with_choices,
        plan_import,
        read_source,
    )

    source = read_source(args.file, args.sheet, args.encoding, once=True)  # planned once
    options = ImportOptions(
        into=args.into,
        category=args.category,
        sheet=args.sheet,
        update=args.update,
        keep_no_contact=args.keep_no_contact,
        dry_run=args.dry_run,
        mapping=mapping_with_choices(source, args.map) if args.map else None,
    )
    plan = plan_import(ws.root, source, options)
    if not args.dry_run:
        plan.apply()
    for line in plan.report.lines():  # values quoted from the file: control characters shown, not obeyed
        print(shown(line, lines=True))
    if args.rejects is not None:
        if args.dry_run:
            print(_("Dry run: {file} was not written either.").format(file=args.rejects))
        elif plan.rejected:
            count = plan.write_rejects(args.rejects)
            print(
                _("Rows not imported: {count}, written with their reasons to {file}").format(
                    count=count, file=args.rejects
                )
            )
        else:
            print(_("Every row was imported: no {file} written.").format(file=args.rejects))
    left_to_the_exit(plan)  # 100,000 entries and the source's rows: ~25 ms to free one by one
    return EXIT_OK
