"""Letter templates: YAML front matter, then a Markdown body with Jinja2.

Templates are shared between campaigns and may come from strangers, so they run in
Jinja's immutable sandbox (no access to Python internals, files or the shell) with strict
undefined names: a typo such as ``{{ recipent.name }}`` is an error naming the file and
line, never a silently blank gap in a letter to a minister.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType, TracebackType
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import Namespace

from campaign_app.core.case.view import LocalView
from campaign_app.core.common.dates import PartialDate
from campaign_app.core.common.errors import Location, ProblemCollector, UserError, display_path
from campaign_app.core.common.i18n import N_, _, ngettext
from campaign_app.core.common.limits import TEMPLATE_CHARS
from campaign_app.core.common.localized import is_known_language, language_hint
from campaign_app.core.common.textfiles import read_text
from campaign_app.core.common.yamlio import YamlPlace, read_yaml_text, unknown_keys
from campaign_app.core.common.yamltypes import TEXT_HINT, is_scalar, kind
from campaign_app.core.directory.recipients import RecipientView
from campaign_app.core.letters.bounds import LIMIT_HINT, letter_budget
from campaign_app.core.letters.line_ends import LineEnds
from campaign_app.core.letters.markdown import escape_markdown
from campaign_app.core.letters.sandbox import BoundedSandbox
from campaign_app.core.letters.sender import SenderView
from campaign_app.core.letters.template_errors import undefined_error
from campaign_app.core.letters.template_syntax import jinja_words, unclosed_tag, unknown_tag

REQUIRED_KEYS = ("id", "title", "language", "audience", "subject")
# What else the front matter may say (render.py reads layout and fallback_language): a
# misspelt one ('layot: compact') would otherwise be dropped without a word.
FRONT_MATTER_KEYS = (*REQUIRED_KEYS, "layout", "fallback_language", "attachments")


_SAFE_TYPES = (
    Namespace,  # {% set ns = namespace(n=0) %}: Jinja's own counter, read back in the template
    str,
    int,
    float,
    bool,
    dt.date,
    PartialDate,
    list,
    tuple,
    dict,
    RecipientView,
    LocalView,
    SenderView,
)


class Markdown(str):
    """Text that is already Markdown (cite markers, fact()) and must not be escaped."""


class TemplateDataError(UserError):
    """A template asked for something the case or directory does not have."""


def _finalize(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Markdown):
        return str(value)
    return escape_markdown(str(value))


class LetterSandbox(BoundedSandbox):
    """Jinja's immutable sandbox, narrowed further to an allow-list, within the bounds of
    core/common/limits.py on time, size and depth (see core/letters/sandbox.py).

    The stock sandbox blocks private attributes and mutation, but any public method of any
    object it reaches stays callable, so a stray ``pathlib.Path`` would let a template read
    or write files. Here attributes may only be read on the letter's own view objects and
    on plain values, and a value that is a path, module or class is never handed out.
    """

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if isinstance(value, os.PathLike | ModuleType | type):
            return False
        return isinstance(obj, _SAFE_TYPES)


def _make_env(finalize: Callable[[Any], str] | None) -> ImmutableSandboxedEnvironment:
    env = LetterSandbox(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,
        extensions=[LineEnds],  # a tag ending a line of text keeps its line end
    )
    return env


_BODY_ENV = _make_env(_finalize)
_PLAIN_ENV = _make_env(None)


@dataclass(frozen=True)
class Template:
    """A parsed template file; ``body_source`` is padded so Jinja's line numbers match the file."""

    id: str
    title: str
    language: str
    audience: str
    subject_source: str
    body_source: str
    path: Path
    meta: Mapping[str, Any]
    # ``attachments:``: each file as written, with its line (read by letters/attachments.py)
    attachments: tuple[tuple[str, int | None], ...] = ()
    # Where the audience query starts on its line (1-based), so a mistake in it is shown at its column.
    audience_column: int = 1

    def where(self, line: int | None = None) -> Location:
        return Location(display_path(self.path), line)

    def compiled(self) -> tuple[Any, Any]:
        """The compiled (subject, body) Jinja templates; syntax errors carry the file line."""
        return _compile(self)


# Compiled templates by source. Bounded: the editor compiles a new version per pause in
# typing, and an unbounded cache would grow by every draft ever previewed.
_compiled_cache: OrderedDict[tuple[Path, str, str], tuple[Any, Any]] = OrderedDict()
_CACHE_SIZE = 64


def _compile(template: Template) -> tuple[Any, Any]:
    key = (template.path, template.subject_source, template.body_source)
    cached = _compiled_cache.get(key)
    if cached is not None:
        _compiled_cache.move_to_end(key)
        return cached
    filename = str(template.path)
    try:
        body = _from_source(_BODY_ENV, template.body_source, filename)
    except (RecursionError, MemoryError):
        raise UserError(
            _("the template nests brackets, tags or expressions too deeply to be read"),
            template.where(),
            _("a letter needs a few levels at most: look for a long run of ( [ { or {% if %}"),
        ) from None
    except TemplateSyntaxError as exc:
        unclosed = unclosed_tag(_BODY_ENV, template.body_source, exc) or unknown_tag(exc)
        if unclosed is not None:
            raise UserError(unclosed.message, template.where(unclosed.line), unclosed.hint) from None
        raise UserError(
            _("template syntax error: {message}").format(message=jinja_words(exc.message or "")),
            template.where(exc.lineno),
            _("check the {{ }} and {% %} tags on that line"),
        ) from None
    try:
        subject = _PLAIN_ENV.from_string(template.subject_source)
    except (TemplateSyntaxError, RecursionError, MemoryError) as exc:
        raise UserError(
            _("template syntax error in subject: {value}").format(
                value=jinja_words(exc.message or "")
                if isinstance(exc, TemplateSyntaxError)
                else _("it nests brackets or expressions too deeply")
            ),
            template.where(_meta_line(template, "subject")),
            _("check the {{ }} tags in the subject"),
        ) from None
    _compiled_cache[key] = (subject, body)
    while len(_compiled_cache) > _CACHE_SIZE:
        _compiled_cache.popitem(last=False)
    return subject, body


def _from_source(env: ImmutableSandboxedEnvironment, source: str, filename: str) -> Any:
    # from_string() has no filename; compiling with one makes tracebacks (and so the
    # line lookup in run_template) point into the template file.
    code = env.compile(source, filename=filename)
    return env.template_class.from_code(env, code, env.make_globals(None), None)


def _meta_line(template: Template, key: str) -> int | None:
    lines = template.meta.get("__lines__", {})
    return lines.get(key) if isinstance(lines, Mapping) else None


def split_front_matter(text: str, path: Path) -> tuple[str, int, str]:
    """Split ``---``-delimited front matter from the body; returns (yaml, body line, body)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise UserError(
            _("template has no front matter"),
            Location(display_path(path), 1),
            _("start the file with '---', the keys id, title, language, audience, subject, and '---'"),
        )
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return "".join(lines[1:i]), i + 2, "".join(lines[i + 1 :])
    raise UserError(
        _("front matter is not closed"), Location(display_path(path), 1), _("add a line '---' after the keys")
    )


def load_template(path: Path) -> Template:
    """Read and check a template file (front matter keys and Jinja syntax)."""
    return template_from_text(read_text(path), path)


def template_from_text(text: str, path: Path) -> Template:
    """Parse and check template ``text`` as the content of ``path``: the editor previews
    unsaved text and must report a mistake at the line ``check`` would name once saved."""
    if len(text) > TEMPLATE_CHARS:
        raise UserError(
            _("the template is longer than {template_chars:,} characters").format(
                template_chars=TEMPLATE_CHARS
            ),
            Location(display_path(path)),
            _("a letter template is a few pages; is this the right file?"),
        )
    front, body_line, body = split_front_matter(text, path)
    meta = read_yaml_text(front, path, line_offset=1)
    shown = display_path(path)
    if not isinstance(meta, Mapping):
        raise UserError(_("front matter must be 'key: value' lines"), Location(shown, 2))
    place = YamlPlace(path, meta, 2, offset=1)
    missing = [k for k in REQUIRED_KEYS if not meta.get(k)]
    if missing:
        raise UserError(
            _("front matter lacks {missing}").format(missing=", ".join(missing)),
            Location(shown, 1),
            ngettext("add it between the '---' lines", "add them between the '---' lines", len(missing)),
        )
    unknown = ProblemCollector()
    unknown_keys(place, FRONT_MATTER_KEYS, _("a template's front matter"), unknown)
    unknown.raise_if_any()
    for key in REQUIRED_KEYS:
        if not is_scalar(meta[key]):
            raise UserError(
                _("'{key}' must be text, not {kind}").format(key=key, kind=kind(meta[key])),
                place.at(key),
                _(TEXT_HINT),
            )
    language = str(meta["language"])
    if not is_known_language(language):
        raise UserError(
            _("language '{language}' is not a known language tag").format(language=language),
            place.at("language"),
            language_hint(language),
        )
    line_map = {str(k): place.at(k).line for k in meta}
    template = Template(
        id=str(meta["id"]),
        title=str(meta["title"]),
        language=language,
        audience=str(meta["audience"]),
        subject_source=str(meta["subject"]),
        body_source="\n" * (body_line - 1) + body,
        path=path,
        meta={**{str(k): v for k, v in meta.items()}, "__lines__": line_map},
        attachments=_attachment_entries(place, meta.get("attachments")),
        audience_column=_value_column(front, meta, "audience"),
    )
    template.compiled()
    return template


def _value_column(front: str, meta: Any, key: str) -> int:
    """The 1-based column where the text of ``key``'s value starts on its line (after an
    opening quote); 1 when the YAML does not say."""
    try:
        line, column = meta.lc.value(key)
    except (AttributeError, KeyError, TypeError):
        return 1
    lines = front.splitlines()
    raw = lines[line] if 0 <= line < len(lines) else ""
    if raw[column : column + 1] in ("'", '"'):
        column += 1
    return column + 1


def _attachment_entries(place: YamlPlace, value: Any) -> tuple[tuple[str, int | None], ...]:
    """``attachments:`` as (file, line) pairs: one file, or a list of them."""
    if value is None or value == "":
        return ()
    if is_scalar(value):
        return ((str(value), place.at("attachments").line),)
    if not isinstance(value, list) or not all(is_scalar(v) for v in value):
        raise UserError(
            _("'attachments' must be a list of file names, not {kind}").format(kind=kind(value)),
            place.at("attachments"),
            _("write each file of the attachments/ folder on a line of its own: '  - case-brief.pdf'"),
        )
    items = place.child("attachments")
    return tuple((str(v), items.at(i).line) for i, v in enumerate(value) if str(v).strip())


def _template_line(tb: TracebackType | None, filename: str) -> int | None:
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def run_template(template: Template, context: Mapping[str, Any]) -> tuple[str, str]:
    """Render (subject, body Markdown); any failure is a UserError at the template's line,
    a template going beyond a bound of core/common/limits.py (time, size, depth) included."""
    subject_t, body_t = template.compiled()
    with letter_budget():
        body = _render_body(template, body_t, context)
        subject = _render_subject(template, subject_t, context)
    return " ".join(subject.split()), body


def _render_body(template: Template, body_t: Any, context: Mapping[str, Any]) -> str:
    filename = str(template.path)
    try:
        return body_t.render(context)
    except UserError as exc:
        line = _template_line(sys.exc_info()[2], filename)
        raise UserError(exc.message, template.where(line), exc.hint) from None
    except UndefinedError as exc:
        line = _template_line(sys.exc_info()[2], filename)
        raise undefined_error(
            exc.message or "", template.where(line), _("unknown name: {friendly}")
        ) from None
    except SecurityError as exc:
        line = _template_line(sys.exc_info()[2], filename)
        raise UserError(
            _("not allowed in a template: {exc}").format(exc=exc),
            template.where(line),
            _("templates may only use the letter's data"),
        ) from None
    except (RecursionError, MemoryError) as exc:
        line = _template_line(sys.exc_info()[2], filename)
        raise UserError(_(_EXHAUSTED[type(exc)]), template.where(line), _(LIMIT_HINT)) from None
    except (TypeError, ValueError, LookupError, AttributeError, ArithmeticError) as exc:
        line = _template_line(sys.exc_info()[2], filename)
        raise UserError(_("template error: {exc}").format(exc=exc), template.where(line)) from None


_EXHAUSTED = {
    RecursionError: N_("template limit: macros or loops call themselves too deep"),
    MemoryError: N_("template limit: writing this letter needs more memory than there is"),
}


def _render_subject(template: Template, subject_t: Any, context: Mapping[str, Any]) -> str:
    try:
        return subject_t.render(context)
    except UndefinedError as exc:
        raise undefined_error(
            exc.message or "",
            template.where(_meta_line(template, "subject")),
            _("unknown name in subject: {friendly}"),
        ) from None
    except UserError as exc:
        raise UserError(
            _("{message} (in the subject)").format(message=exc.message),
            template.where(_meta_line(template, "subject")),
            exc.hint,
        ) from None
    except (RecursionError, MemoryError) as exc:
        raise UserError(
            _("{exhausted} (in the subject)").format(exhausted=_(_EXHAUSTED[type(exc)])),
            template.where(_meta_line(template, "subject")),
            _(LIMIT_HINT),
        ) from None
    except (SecurityError, TypeError, ValueError, LookupError, AttributeError, ArithmeticError) as exc:
        raise UserError(
            _("template error in subject: {exc}").format(exc=exc),
            template.where(_meta_line(template, "subject")),
        ) from None
