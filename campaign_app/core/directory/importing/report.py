"""What an import did, or would do: as data for the desktop app, as lines for the terminal.

Every source row ends as exactly one of: added (a new entry), updated (merged into an
entry the directory had, which got something new), unchanged (merged, nothing new),
repeated (the same person as an earlier row of the same file: merged into it) or skipped
(not trusted: listed with the reason). Each line about a row starts with
``file:row:`` like every other message of the program.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from campaign_app.core.common.i18n import N_, _, ngettext

ADDED, UPDATED, UNCHANGED, REPEATED, SKIPPED = "added", "updated", "unchanged", "repeated", "skipped"
# Columns that are no field of their own but go into the name fields (see .mapping).
_JOINED = {
    "_full_name": "given_name + family_name",
    "_full_name_family_first": "family_name + given_name",
    "_patronymic": N_("given_name (after the first name)"),
}


@dataclass(frozen=True)
class RowProblem:
    """One reason a row was not imported."""

    where: str  # file:row (or file:row:column)
    row: int
    message: str
    hint: str = ""
    field: str | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" + (f" — {self.hint}" if self.hint else "")


@dataclass(frozen=True)
class FieldChange:
    """A field of an existing entry the source gives differently (or fills in)."""

    where: str  # the source row
    recipient_id: str
    file: str  # the directory file holding the entry
    field: str
    old: str
    new: str
    applied: bool
    kind: str  # "fill" (the entry had nothing), "tags" (tags added), "change" (a different value)

    def __str__(self) -> str:
        who = f"{self.where}: {self.recipient_id} ({self.file}): "
        if self.kind == "fill":
            return who + _("filled in {field}: '{new}'").format(field=self.field, new=self.new)
        if self.kind == "tags":
            return who + _("tags {old} → {new}").format(old=self.old or _("(none)"), new=self.new)
        if self.applied:
            return who + _("changed {field}: '{old}' → '{new}'").format(
                field=self.field, old=self.old, new=self.new
            )
        return who + _(
            "would change {field}: '{old}' → '{new}' "
            "— kept the directory's value; import with --update to take the file's"
        ).format(field=self.field, old=self.old, new=self.new)


@dataclass
class ImportReport:
    """Every decision of an import: read as data by the desktop app, printed by ``lines``."""

    source: str  # the file as shown
    read_as: str  # kind, encoding, delimiter, sheet
    rows: int = 0
    target: str = ""  # recipients/NAME.csv
    mapping: list[tuple[str, str | None]] = field(default_factory=list)  # (column, field or None)
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys((ADDED, UPDATED, UNCHANGED, REPEATED, SKIPPED), 0)
    )
    problems: list[RowProblem] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False
    written: list[str] = field(default_factory=list)  # files written (none on a dry run)

    @property
    def skipped_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})

    @property
    def would_change(self) -> list[FieldChange]:
        return [c for c in self.changes if not c.applied]

    def summary(self) -> str:
        c = self.counts
        text = _("{added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped").format(
            added=c[ADDED], updated=c[UPDATED], unchanged=c[UNCHANGED], skipped=c[SKIPPED]
        )
        of_rows = ngettext("of {rows} row", "of {rows} rows", self.rows).format(rows=self.rows)
        if c[REPEATED]:
            of_rows += "; " + ngettext(
                "{count} repeated an earlier row and was merged into it",
                "{count} repeated an earlier row and were merged into it",
                c[REPEATED],
            ).format(count=c[REPEATED])
        return f"{text} ({of_rows})"

    def lines(self) -> list[str]:
        """The report as the terminal prints it, section by section."""
        out = [
            ngettext(
                "Reading {source}: {read_as}, {rows} row",
                "Reading {source}: {read_as}, {rows} rows",
                self.rows,
            ).format(source=self.source, read_as=self.read_as, rows=self.rows)
        ]
        used = [f"{col} → {target}" for col, target in self.mapping if target and not target.startswith("_")]
        used += [f"{col} → {_(_JOINED[target])}" for col, target in self.mapping if target in _JOINED]
        checked = [
            _("{column} (checked, not kept)").format(column=col)
            for col, target in self.mapping
            if target and target.startswith("_") and target not in _JOINED
        ]
        ignored = [col or _("(unnamed)") for col, target in self.mapping if not target]
        out.append(_("Columns: {columns}").format(columns=", ".join(used + checked)))
        if ignored:
            out.append(_("Not imported (no directory field): {columns}").format(columns=", ".join(ignored)))
        if self.problems:
            out.append(
                ngettext(
                    "Not imported, for a person to check ({count} row):",
                    "Not imported, for a person to check ({count} rows):",
                    len(self.skipped_rows),
                ).format(count=len(self.skipped_rows))
            )
            out.extend(f"  {p}" for p in self.problems)
        if self.changes:
            out.append(_("Entries the directory already has:"))
            out.extend(f"  {c}" for c in self.changes)
        if self.notes:
            out.append(_("Notes:"))
            out.extend(f"  {n}" for n in self.notes)
        out.append(_("Result: {summary}.").format(summary=self.summary()))
        if self.dry_run:
            out.append(
                _("Dry run: nothing was written (new entries would be added to {target}).").format(
                    target=self.target
                )
            )
        elif self.written:
            out.append(_("Written: {files}").format(files=", ".join(self.written)))
        else:
            out.append(_("Nothing to write: the directory already holds all of it."))
        return out
