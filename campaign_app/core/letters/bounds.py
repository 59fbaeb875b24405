"""The bounds a template runs within (core/common/limits.py), as checks the sandbox calls.

Each check looks at what an operation *would* make before it is made (a text repeated,
a number raised to a power, a ``%`` or ``{}`` format with its widths, a string method
such as ``center`` or ``join``), or measures a value the template holds; the letter's
budget counts loop rounds, written text and time. A bound that is hit raises
:class:`TemplateLimitError`, a UserError that ``run_template`` reports at the template's
line. Used by core/letters/sandbox.py (the environment) and core/letters/filters.py.
"""

from __future__ import annotations

import math
import re
import time
import types
from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from string import Formatter
from typing import Any

from jinja2.utils import Namespace

from campaign_app.core.common import limits
from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import N_, _
from campaign_app.core.common.limits import (
    INT_BITS,
    INT_DIGITS,
    LETTER_CHARS,
    LOOP_STEPS,
    RANGE_ITEMS,
    VALUE_CHARS,
    VALUE_ITEMS,
    VALUE_NESTING,
)

LIMIT_HINT = N_(
    "a real letter stays far below this bound; check the loop, repetition or calculation on that line"
)


class TemplateLimitError(UserError):
    """A template went beyond one of the bounds in core/common/limits.py."""

    def __init__(self, message: str):
        super().__init__(_("template limit: {message}").format(message=message), hint=_(LIMIT_HINT))


# ---- the budget of one letter ----------------------------------------------------------


@dataclass
class _Budget:
    deadline: float
    steps: int = 0
    written: int = 0
    depth: int = 0


_BUDGET: ContextVar[_Budget | None] = ContextVar("letter_budget", default=None)


@contextmanager
def letter_budget() -> Iterator[None]:
    """Write one letter (its body and subject) within LETTER_SECONDS, LOOP_STEPS and LETTER_CHARS.

    Each thread has its own context, so a preview in the desktop app and a batch worker
    never share a budget."""
    token = _BUDGET.set(_Budget(time.monotonic() + limits.LETTER_SECONDS))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _check_time(budget: _Budget | None) -> None:
    if budget is not None and time.monotonic() > budget.deadline:
        raise TemplateLimitError(
            _("writing one letter takes longer than {letter_seconds:g} seconds").format(
                letter_seconds=limits.LETTER_SECONDS
            )
        )


def check_time() -> None:
    """Raise TemplateLimitError once the letter being written is past its deadline."""
    _check_time(_BUDGET.get())


def current_budget() -> _Budget | None:
    """The budget of the letter being written in this thread (None outside run_template)."""
    return _BUDGET.get()


def _step() -> None:
    """One loop round."""
    budget = _BUDGET.get()
    if budget is None:
        return
    budget.steps += 1
    if budget.steps > LOOP_STEPS:
        raise TemplateLimitError(
            _("the loops of one letter run more than {loop_steps:,} rounds").format(loop_steps=LOOP_STEPS)
        )
    if not budget.steps & 0xFF:
        _check_time(budget)


def count_written(count: int) -> None:
    """Count ``count`` characters of template text written out against the letter's length."""
    budget = _BUDGET.get()
    if budget is None:
        return
    budget.written += count
    if budget.written > LETTER_CHARS:
        raise TemplateLimitError(
            _("the letter would be longer than {letter_chars:,} characters").format(letter_chars=LETTER_CHARS)
        )
    _check_time(budget)


# ---- measuring values ----------------------------------------------------------------------


@dataclass(frozen=True)
class Size:
    """How big a value is, measured before it is used (see :func:`measure`)."""

    chars: int  # about as many characters as it prints as
    items: int  # items of all lists and mappings in it
    depth: int  # lists in lists


def _too_many_chars() -> TemplateLimitError:
    return TemplateLimitError(
        _("this makes a text or list of more than {value_chars:,} characters").format(value_chars=VALUE_CHARS)
    )


_VIEWS = (KeysView, ValuesView, ItemsView, range, set, frozenset)


def _children(value: Any) -> list[Any] | tuple[Any, ...] | None:
    """The items of a container a template can make or reach, None for anything else."""
    if isinstance(value, list | tuple):
        return value
    if isinstance(value, Mapping):
        return [*value.keys(), *value.values()]
    if isinstance(value, _VIEWS):
        return list(value)
    if isinstance(value, Namespace):
        attrs = object.__getattribute__(value, "_Namespace__attrs")
        return [*attrs.keys(), *attrs.values()]
    return None


def measure(value: Any) -> Size:
    """The size of ``value``, raising TemplateLimitError as soon as it is over a bound.

    Iterative and stopping early, so measuring costs at most VALUE_ITEMS steps even for
    a list holding the same big list a thousand times."""
    chars = items = deepest = 0
    stack = [(value, 1)]
    while stack:
        v, depth = stack.pop()
        if isinstance(v, str | bytes | bytearray):
            chars += len(v)
        elif isinstance(v, bool) or v is None:
            chars += 5
        elif isinstance(v, int):
            if v.bit_length() > INT_BITS:
                raise TemplateLimitError(
                    _("this makes a number of more than {int_digits:,} digits").format(int_digits=INT_DIGITS)
                )
            chars += v.bit_length() * 3 // 10 + 1
        elif isinstance(v, float):
            chars += 24
        else:
            children = _children(v)
            if children is None:
                chars += 16  # a date, a view of the letter's data, a macro…
                continue
            if depth > VALUE_NESTING:
                raise TemplateLimitError(
                    _("this nests lists more than {value_nesting} deep").format(value_nesting=VALUE_NESTING)
                )
            deepest = max(deepest, depth)
            items += len(children)
            chars += 2 * len(children) + 2
            if items > VALUE_ITEMS:
                raise TemplateLimitError(
                    _("this makes lists of more than {value_items:,} items").format(value_items=VALUE_ITEMS)
                )
            if chars > VALUE_CHARS:
                raise _too_many_chars()
            stack.extend((child, depth + 1) for child in children)
        if chars > VALUE_CHARS:
            raise _too_many_chars()
    return Size(chars, items, deepest)


def bounded(value: Any) -> Any:
    """``value`` if it is within the bounds (else TemplateLimitError)."""
    measure(value)
    return value


def need_chars(count: float) -> None:
    """Refuse (before computing it) a value that would print as more than VALUE_CHARS."""
    if count > VALUE_CHARS:
        raise _too_many_chars()


def need_items(count: float) -> None:
    """Refuse (before computing it) a value with more than VALUE_ITEMS list items."""
    if count > VALUE_ITEMS:
        raise TemplateLimitError(
            _("this makes lists of more than {value_items:,} items").format(value_items=VALUE_ITEMS)
        )


def whole_or_none(value: Any) -> int | None:
    """``value`` if it is an int (a bool is not a count here), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


# ---- operators -----------------------------------------------------------------------------


def check_repeat(left: Any, right: Any) -> None:
    """``text * n``, ``list * n`` or ``n * m``, before Python computes it."""
    if isinstance(left, int) and isinstance(right, int):
        if abs(left).bit_length() + abs(right).bit_length() > INT_BITS + 1:
            raise TemplateLimitError(
                _("this makes a number of more than {int_digits:,} digits").format(int_digits=INT_DIGITS)
            )
        return
    if isinstance(left, int):
        times, sequence = left, right
    elif isinstance(right, int):
        times, sequence = right, left
    else:
        return
    if times <= 1 or not isinstance(sequence, str | list | tuple | bytes):
        return
    size = measure(sequence)
    need_chars(size.chars * times)
    if not isinstance(sequence, str | bytes):
        need_items(size.items * times)


def check_power(base: Any, exponent: Any) -> None:
    """``n ** m`` for whole numbers: its size follows from log2(n) · m."""
    if not (isinstance(base, int) and isinstance(exponent, int)):
        return  # a float overflows at once (an error at the template's line)
    if exponent > 1 and abs(base) > 1 and math.log2(abs(base)) * exponent > INT_BITS:
        raise TemplateLimitError(
            _("this makes a number of more than {int_digits:,} digits").format(int_digits=INT_DIGITS)
        )


_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?(.)", re.DOTALL)
_DIGITS = re.compile(r"\d+")
_NUMBER_WIDTH = 330  # the most characters a float or int prints as without a width (1e308)


def _width(text: str) -> int:
    return int(text) if len(text) <= 9 else VALUE_CHARS + 1


def _largest(values: Iterable[Any]) -> tuple[int, int]:
    """(characters of the largest value, the sum of the whole numbers: widths given by ``*``)."""
    largest = stars = 0
    for value in values:
        largest = max(largest, measure(value).chars, _NUMBER_WIDTH)
        whole = whole_or_none(value)
        if whole is not None:
            stars += min(abs(whole), VALUE_CHARS + 1)
    return largest, stars


def _format_values(args: Any) -> list[Any]:
    if isinstance(args, Mapping):
        return list(args.values())
    return list(args) if isinstance(args, tuple) else [args]


def check_printf(template: str, args: Any) -> None:
    """``'%s' % x`` (and the ``format`` filter): the text, plus per ``%`` field its width,
    its precision and the largest value it could print."""
    largest, stars = _largest(_format_values(args))
    total = len(template)
    for m in _PRINTF.finditer(template):
        for part in m.group(1, 2):
            total += stars if part == "*" else _width(part) if part else 0
        total += largest
        need_chars(total)


def check_format(template: str, args: tuple, kwargs: Mapping[str, Any]) -> None:
    """``'{}'.format(x)``: the text, plus per ``{}`` field the widths in its format
    spec and the largest value it could print."""
    largest, stars = _largest([*args, *kwargs.values()])
    total = len(template)
    try:
        fields = list(Formatter().parse(template))
    except ValueError:
        return  # Python's own error follows, at the template's line
    for _literal, field, spec, _conversion in fields:
        if field is None:
            continue
        total += largest + sum(_width(d) for d in _DIGITS.findall(spec or ""))
        if spec and "{" in spec:
            total += stars
        need_chars(total)


def check_replace(text: Any, old: Any, new: Any, count: Any = -1) -> None:
    """``text.replace(old, new)``, before Python computes it: only a longer ``new`` can grow it."""
    if not (isinstance(text, str) and isinstance(old, str) and isinstance(new, str)):
        return
    if len(new) <= len(old):
        return
    found = len(text) + 1 if old == "" else text.count(old)
    limit = whole_or_none(count)
    if limit is not None and limit >= 0:
        found = min(found, limit)
    need_chars(len(text) + found * (len(new) - len(old)))


# ---- calls: string methods and the like ----------------------------------------------------


def _arg(args: tuple, kwargs: Mapping[str, Any], index: int, name: str, default: Any = None) -> Any:
    return args[index] if len(args) > index else kwargs.get(name, default)


def _check_str_method(text: str, name: str, args: tuple, kwargs: Mapping[str, Any]) -> tuple:
    """Bounds for the methods of a text whose result can outgrow it; returns the args
    (``join`` takes a generator apart once, to measure it)."""
    if name in ("center", "ljust", "rjust", "zfill"):
        width = whole_or_none(_arg(args, kwargs, 0, "width"))
        if width is not None:
            need_chars(width)
    elif name == "expandtabs":
        size = whole_or_none(_arg(args, kwargs, 0, "tabsize", 8))
        if size is not None:
            need_chars(len(text) + text.count("\t") * size)
    elif name == "replace":
        check_replace(
            text,
            _arg(args, kwargs, 0, "old"),
            _arg(args, kwargs, 1, "new"),
            _arg(args, kwargs, 2, "count", -1),
        )
    elif name == "translate":
        table = _arg(args, kwargs, 0, "table")
        if isinstance(table, Mapping):
            longest = max((len(v) for v in table.values() if isinstance(v, str)), default=1)
            need_chars(len(text) * max(longest, 1))
    elif name == "join" and args:
        parts = list(counted(args[0]))
        need_chars(sum(measure(p).chars for p in parts) + len(text) * len(parts))
        return (parts, *args[1:])
    return args


def check_call(obj: Any, args: tuple, kwargs: Mapping[str, Any]) -> tuple:
    """Bounds for a method of a plain value: of a text (Python's own, or Markup's, which
    are Python functions), of a whole number, of a date."""
    if not isinstance(obj, types.BuiltinMethodType | types.MethodType):
        return args
    owner = getattr(obj, "__self__", None)
    name = obj.__name__
    if isinstance(owner, str):
        return _check_str_method(owner, name, args, kwargs)
    if isinstance(owner, int) and name == "to_bytes":
        length = whole_or_none(_arg(args, kwargs, 0, "length", 1))
        if length is not None:
            need_chars(length)
    elif hasattr(owner, "strftime") and name == "strftime":
        text = _arg(args, kwargs, 0, "format", "")
        if isinstance(text, str):
            need_chars(len(text) * 256)  # Python's strftime writes at most 256 × the format
    return args


# ---- loops -------------------------------------------------------------------------------


def counted(iterable: Iterable[Any]) -> Iterator[Any]:
    """The items of ``iterable``, each one a round of the letter's loop budget."""
    for item in iterable:
        _step()
        yield item


def letter_range(*args: int) -> range:
    """``range()`` of at most RANGE_ITEMS numbers."""
    numbers = range(*args)
    if len(numbers) > RANGE_ITEMS:
        raise TemplateLimitError(
            _("range() makes more than {range_items:,} numbers").format(range_items=RANGE_ITEMS)
        )
    return numbers
