"""Templates from text that is not (yet) on disk: the desktop app's editor and its list.

The Compose tab previews the letter from what is in the editor *now*, before it is saved,
and must report a mistake at the same file and line that ``campaign-app check`` would
name once the text is saved: :func:`campaign_app.core.letters.templates.template_from_text` (which
``load_template`` also uses) parses it; it is re-exported here for the editor.

:func:`scan_templates` lists every template file of a workspace with its own problem, so
one broken file does not hide the others (``Workspace.templates`` reports all problems
together and returns nothing, which is right for a batch run but not for an editor).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from campaign_app.core.common.errors import Location, UserError, UserErrors, display_path, flatten
from campaign_app.core.common.i18n import _
from campaign_app.core.common.textfiles import read_text
from campaign_app.core.letters.templates import Template, template_from_text


@dataclass(frozen=True)
class TemplateFile:
    """One file in letter_templates/: its text, and the template or why there is none.

    ``text`` is None when the file cannot be read as UTF-8 text (it must then not be
    edited, or saving would destroy it).
    """

    path: Path
    text: str | None
    template: Template | None
    errors: tuple[UserError, ...] = ()

    @property
    def ok(self) -> bool:
        return self.template is not None and not self.errors

    @property
    def problem(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def scan_templates(paths: Iterable[Path]) -> list[TemplateFile]:
    """Read and parse each template file on its own; a duplicate id is the later file's problem."""
    out: list[TemplateFile] = []
    seen: dict[str, Path] = {}
    for path in paths:
        try:
            text = read_text(path)
        except UserError as exc:
            out.append(TemplateFile(path, None, None, (exc,)))
            continue
        except OSError as exc:
            out.append(
                TemplateFile(
                    path, None, None, (UserError(_("cannot read the file ({exc})").format(exc=exc)),)
                )
            )
            continue
        try:
            template = template_from_text(text, path)
        except (UserError, UserErrors) as exc:
            out.append(TemplateFile(path, text, None, tuple(flatten(exc))))
            continue
        if template.id in seen:
            clash = UserError(
                _("template id '{id}' is also used by {seen}").format(
                    id=template.id, seen=display_path(seen[template.id])
                ),
                Location(display_path(path), 2),
                _("give each template its own id"),
            )
            out.append(TemplateFile(path, text, None, (clash,)))
            continue
        seen[template.id] = path
        out.append(TemplateFile(path, text, template))
    return out


class TemplateChangedOnDisk(UserError):
    """The template file changed on disk since the editor read it: writing would lose that."""


def save_template_text(path: Path, data: bytes, read_as: str | None) -> None:
    """Write an edited template, unless another program changed the file since the editor
    read it as ``read_as`` (None: write whatever is there, the user chose to overwrite)."""
    from campaign_app.core.common.atomic import atomic_write_bytes

    if read_as is not None:
        try:
            now = read_text(path)
        except UserError:
            now = None  # gone or unreadable: writing it back loses nothing
        if now is not None and now.replace("\r\n", "\n") != read_as.replace("\r\n", "\n"):
            raise TemplateChangedOnDisk(
                _("the template file was changed by another program since it was opened"),
                Location(display_path(path)),
                _("copy your changes aside and reload it (switch tabs), or save again to overwrite it"),
            )
    atomic_write_bytes(path, data)
