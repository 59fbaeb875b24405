"""Jinja's filters and globals for letters, each within the bounds of core/common/limits.py.

A filter is plain Python the template calls directly, outside the sandbox's ``call``:
``'x'|center(10**9)`` or ``[1]|batch(10**9, 0)`` would build a gigabyte before anything
could look at the result. Each of Jinja's filters is therefore wrapped: what it is given
is measured, those whose result can outgrow what they are given (``center``, ``indent``,
``wordwrap``, ``format``, ``replace``, ``join``, ``batch``, ``slice``, ``sum``,
``tojson``, ``urlize``) check first what they would make, the result is measured, and a
generator they return (``map``, ``select``…) counts its items as loop rounds.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Mapping
from functools import update_wrapper
from typing import Any

from jinja2.filters import make_attrgetter
from jinja2.utils import _PassArg, generate_lorem_ipsum

from campaign_app.core.common.i18n import _
from campaign_app.core.common.limits import VALUE_ITEMS
from campaign_app.core.letters.bounds import (
    TemplateLimitError,
    bounded,
    check_printf,
    check_replace,
    check_time,
    counted,
    measure,
    need_chars,
    need_items,
    whole_or_none,
)

Arguments = dict[str, Any]

# Characters textwrap copies while it cuts words longer than the width (quadratic in
# the word's length): 100 million take a few hundredths of a second.
_WRAP_WORK = 100_000_000
_URL_MARKUP = 60  # characters urlize adds around a link, besides target= and rel=


def _width(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    return max(whole_or_none(value) or 0, 0)


def _center(a: Arguments) -> None:
    need_chars(_width(a["width"]))


def _indent(a: Arguments) -> None:
    text = str(a["s"])
    need_chars(len(text) + (text.count("\n") + 2) * _width(a["width"]))


def _wordwrap(a: Arguments) -> None:
    text, width = str(a["s"]), whole_or_none(a["width"])
    if width is None or width < 1:
        return  # textwrap's own error
    wrap = a["wrapstring"] if isinstance(a["wrapstring"], str) else "\n"
    # A line holds at least half the width, except at a newline of the text.
    lines = 2 * len(text) // width + text.count("\n") + 1
    need_chars(len(text) + lines * len(wrap))
    if a["break_long_words"]:
        work = sum(len(word) ** 2 for word in text.split() if len(word) > width) // (2 * width)
        if work > _WRAP_WORK:
            raise TemplateLimitError(
                _("wordwrap({width}) would cut words this long for too long").format(width=width)
            )


def _format(a: Arguments) -> None:
    check_printf(str(a["value"]), a["kwargs"] or a["args"])


def _replace(a: Arguments) -> None:
    count = a["count"]
    check_replace(str(a["s"]), str(a["old"]), str(a["new"]), -1 if count is None else count)


def _join(a: Arguments) -> None:
    """Takes the items apart once to measure them (and hands Jinja that list)."""
    parts = list(counted(a["value"]))
    if a["attribute"] is not None:
        parts = list(map(make_attrgetter(a["eval_ctx"].environment, a["attribute"]), parts))
        a["attribute"] = None
    need_chars(sum(measure(p).chars for p in parts) + len(str(a["d"])) * len(parts))
    a["value"] = parts


def _batch(a: Arguments) -> None:
    if a["fill_with"] is not None:
        count = max(whole_or_none(a["linecount"]) or 0, 0)
        need_items(count)
        need_chars(measure(a["fill_with"]).chars * count)


def _slice(a: Arguments) -> None:
    need_items(max(whole_or_none(a["slices"]) or 0, 0))


def _sum(a: Arguments) -> None:
    """Adding up lists copies the total so far at each step: bound that work."""
    if not isinstance(a["start"], list | tuple):
        return
    values = list(counted(a["iterable"]))
    if a["attribute"] is not None:
        values = list(map(make_attrgetter(a["environment"], a["attribute"]), values))
        a["attribute"] = None
    total = len(a["start"]) + sum(len(v) for v in values if isinstance(v, list | tuple))
    need_items(total)
    if total * len(values) > 100 * VALUE_ITEMS:
        raise TemplateLimitError(_("sum() of this many lists takes too long: write them out with a loop"))
    a["iterable"] = values


def _tojson(a: Arguments) -> None:
    indent = _width(a["indent"]) if a["indent"] else 0
    if indent:
        size = measure(a["value"])
        need_chars(2 * size.chars + (size.items + 1) * (size.depth + 1) * indent)


def _urlize(a: Arguments) -> None:
    text = str(a["value"])
    words = text.count(" ") + text.count("\n") + 1
    extra = _URL_MARKUP + sum(len(str(a[k])) for k in ("target", "rel") if a[k])
    need_chars(2 * len(text) + words * extra)


_CHECKS: dict[str, Callable[[Arguments], None]] = {
    "center": _center,
    "indent": _indent,
    "wordwrap": _wordwrap,
    "format": _format,
    "replace": _replace,
    "join": _join,
    "batch": _batch,
    "slice": _slice,
    "sum": _sum,
    "tojson": _tojson,
    "urlize": _urlize,
}


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    check = _CHECKS.get(name)
    signature = inspect.signature(func) if check is not None else None
    skip = 0 if _PassArg.from_obj(func) is None else 1  # context, eval context or environment

    def run(*args: Any, **kwargs: Any) -> Any:
        check_time()
        for value in (*args[skip:], *kwargs.values()):
            measure(value)
        if check is not None and signature is not None:
            try:
                call = signature.bind(*args, **kwargs)
            except TypeError:
                pass  # the filter's own error, at the template's line
            else:
                call.apply_defaults()
                check(call.arguments)
                args, kwargs = call.args, call.kwargs
        result = func(*args, **kwargs)
        if isinstance(result, Iterator):
            return counted(result)
        return bounded(result)

    return update_wrapper(run, func)  # keeps Jinja's pass_environment/pass_context mark


def bounded_filters(filters: Mapping[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """Every filter of ``filters``, bounded."""
    return {name: _bounded_filter(name, func) for name, func in filters.items()}


def letter_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """Jinja's placeholder text, of a bounded length."""
    need_chars(_count(n) * _count(max) * 12)
    return bounded(generate_lorem_ipsum(n, html, min, max))


def _count(value: Any) -> int:
    whole = whole_or_none(value)
    return whole if whole is not None and whole > 0 else 0
