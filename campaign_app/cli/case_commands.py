"""``campaign-app case``: the case over time (``case calendar FILE.ics``) and its translation
(``case translate export LANG FILE.po`` / ``case translate import FILE.po``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from campaign_app.cli.common import EXIT_OK, workspace_arg
from campaign_app.core.common.i18n import _, ngettext


def add_parser(sub) -> None:
    p = sub.add_parser("case", help=_("the case over time: its calendar; its translation"))
    csub = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(p))
    r = csub.add_parser(
        "calendar",
        help=_("write the case's coming events and follow-up dates to an iCalendar (.ics) file"),
        description=_(
            "Import the file into your calendar; a later export updates the same entries "
            "instead of adding new ones."
        ),
    )
    r.add_argument("file", type=Path, metavar="FILE.ics")
    workspace_arg(r)
    _add_translate(csub, type(p))


def _add_translate(csub, parser_class) -> None:
    t = csub.add_parser(
        "translate",
        help=_("the case's texts to a translator as a PO file, and the translation back"),
        description=_(
            "For letters in a language the case has no texts in: export the texts, "
            "translate them in a PO editor (Poedit, Lokalize, Weblate), import the result."
        ),
    )
    tsub = t.add_subparsers(dest="step", metavar="STEP", required=True, parser_class=parser_class)
    e = tsub.add_parser(
        "export",
        help=_("write every case text to translate into LANG to a PO file"),
        description=_(
            "One entry per case text: its path in the case as msgctxt, the text in the "
            "source language as msgid, the LANG text the case already has as msgstr."
        ),
    )
    e.add_argument("language", metavar="LANG", help=_("the language to translate into, e.g. pl or de"))
    e.add_argument("file", type=Path, metavar="FILE.po")
    e.add_argument(
        "--from",
        dest="source",
        metavar="SOURCE_LANG",
        help=_(
            "the case language to translate from (default: the case's main language, the first "
            "of its 'languages:', en in the example case)"
        ),
    )
    workspace_arg(e)
    i = tsub.add_parser(
        "import",
        help=_("bring a translated PO file's texts into the case file"),
        description=_(
            "Empty and fuzzy entries are skipped; an entry whose text left the case or "
            "changed since the export is reported at its line and not imported."
        ),
    )
    i.add_argument("file", type=Path, metavar="FILE.po")
    workspace_arg(i)


def run(ws, args: argparse.Namespace) -> int:
    if args.action == "calendar":
        from campaign_app.core.campaign.calendar_export import write_case_calendar

        summary = write_case_calendar(ws, args.file)
        events = ngettext("{count} coming event(s)", "{count} coming event(s)", summary.events)
        follow_ups = ngettext("{count} follow-up date(s)", "{count} follow-up date(s)", summary.follow_ups)
        counts = _("{events} and {follow_ups}").format(
            events=events.format(count=summary.events), follow_ups=follow_ups.format(count=summary.follow_ups)
        )
        print(_("Wrote {counts} to {file}").format(counts=counts, file=args.file))
        return EXIT_OK
    if args.action == "translate":
        return _translate(ws, args)
    raise AssertionError(args.action)


def _translate(ws, args: argparse.Namespace) -> int:
    from campaign_app.core.case.translation import export_translation, import_translation

    if args.step == "export":
        from campaign_app.core.campaign.workspace_files import refuse_campaign_file

        refuse_campaign_file(ws.root, args.file, f"{args.language}.po")
        done = export_translation(ws.case_path, args.file, args.language, args.source, ws.root)
        wrote = ngettext(
            "Wrote {count} case text(s) to translate from {source} into {language} to {file} "
            "({translated} already translated)",
            "Wrote {count} case text(s) to translate from {source} into {language} to {file} "
            "({translated} already translated)",
            done.entries,
        )
        print(
            wrote.format(
                count=done.entries,
                source=done.source_language,
                language=done.language,
                file=args.file,
                translated=done.translated,
            )
        )
        return EXIT_OK
    summary = import_translation(ws.case_path, args.file)
    for line in summary.stale:
        print(_("warning: {line}").format(line=line))
    imported = ngettext(
        "Imported {count} {language} text(s) into the case; {unchanged} unchanged, {fuzzy} skipped "
        "as fuzzy, {empty} skipped as empty, {stale} stale (not imported)",
        "Imported {count} {language} text(s) into the case; {unchanged} unchanged, {fuzzy} skipped "
        "as fuzzy, {empty} skipped as empty, {stale} stale (not imported)",
        summary.imported,
    )
    print(
        imported.format(
            count=summary.imported,
            language=summary.language,
            unchanged=summary.unchanged,
            fuzzy=summary.fuzzy,
            empty=summary.empty,
            stale=len(summary.stale),
        )
    )
    return EXIT_OK
