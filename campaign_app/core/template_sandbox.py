"""Jinja's immutable sandbox with bounds on time, size, loops and depth (see limits.py).

Jinja's sandbox stops a template from reaching Python's internals, files or the shell,
but not from exhausting the computer: ``{{ 'x' * 10**10 }}``, ``{{ 9**9999999 }}``, two
nested loops over a million items, or a macro that calls itself fill the memory or run
for ever. :class:`BoundedSandbox` closes each way a template can make work:

- the operators that make big values (``*``, ``**``, ``%``, ``+``) and ``~`` check the
  size of the result *before* computing it;
- every call (macros, ``range``, string methods such as ``center`` or ``join``), every
  filter and ``str.format`` is measured the same way, and counts towards a depth limit;
- every loop round, every call and every piece of text written counts against the
  letter's budget (:class:`_Budget`): a step limit, a text limit and a deadline, checked
  in the template's own code, so it works in a worker process and in a GUI thread alike
  (no signals, no tracing);
- list, tuple and mapping literals are measured too, so no value a template holds is
  ever too big to print, hash or compare.

A bound that is hit raises :class:`TemplateLimitError` from inside the template, so the
caller (``run_template``) reports it at the template's file and line like any mistake.
"""

from __future__ import annotations

import math
import re
import time
import types
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import update_wrapper
from string import Formatter
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

from . import limits
from .errors import UserError
from .limits import (
    CALL_DEPTH,
    INT_BITS,
    INT_DIGITS,
    LETTER_CHARS,
    LOOP_STEPS,
    RANGE_ITEMS,
    VALUE_CHARS,
    VALUE_ITEMS,
    VALUE_NESTING,
)

LIMIT_HINT = (
    "a real letter stays far below this bound; check the loop, repetition or calculation on that line"
)


class TemplateLimitError(UserError):
    """A template went beyond one of the bounds in limits.py."""

    def __init__(self, message: str):
        super().__init__(f"template limit: {message}", hint=LIMIT_HINT)


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
    """Render one letter (body or subject) within LETTER_SECONDS, LOOP_STEPS and LETTER_CHARS.

    Each thread has its own context, so a preview in the desktop app and a batch worker
    never share a budget."""
    token = _BUDGET.set(_Budget(time.monotonic() + limits.LETTER_SECONDS))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _check_time(budget: _Budget | None) -> None:
    if budget is not None and time.monotonic() > budget.deadline:
        raise TemplateLimitError(f"writing one letter takes longer than {limits.LETTER_SECONDS:g} seconds")


def check_time() -> None:
    """Raise TemplateLimitError once the letter being written is past its deadline."""
    _check_time(_BUDGET.get())


def _step() -> None:
    """One loop round."""
    budget = _BUDGET.get()
    if budget is None:
        return
    budget.steps += 1
    if budget.steps > LOOP_STEPS:
        raise TemplateLimitError(f"the loops of one letter run more than {LOOP_STEPS:,} rounds")
    if not budget.steps & 0xFF:
        _check_time(budget)


def _written(count: int) -> None:
    budget = _BUDGET.get()
    if budget is None:
        return
    budget.written += count
    if budget.written > LETTER_CHARS:
        raise TemplateLimitError(f"the letter would be longer than {LETTER_CHARS:,} characters")
    _check_time(budget)


# ---- measuring values ----------------------------------------------------------------------


@dataclass(frozen=True)
class Size:
    chars: int  # about as many characters as it prints as
    items: int  # items of all lists and mappings in it
    depth: int  # lists in lists


def _too_many_chars() -> TemplateLimitError:
    return TemplateLimitError(f"this makes a text or list of more than {VALUE_CHARS:,} characters")


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
                raise TemplateLimitError(f"this makes a number of more than {INT_DIGITS:,} digits")
            chars += v.bit_length() * 3 // 10 + 1
        elif isinstance(v, float):
            chars += 24
        else:
            children = _children(v)
            if children is None:
                chars += 16  # a date, a view of the letter's data, a macro…
                continue
            if depth > VALUE_NESTING:
                raise TemplateLimitError(f"this nests lists more than {VALUE_NESTING} deep")
            deepest = max(deepest, depth)
            items += len(children)
            chars += 2 * len(children) + 2
            if items > VALUE_ITEMS:
                raise TemplateLimitError(f"this makes lists of more than {VALUE_ITEMS:,} items")
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
    if count > VALUE_CHARS:
        raise _too_many_chars()


def need_items(count: float) -> None:
    if count > VALUE_ITEMS:
        raise TemplateLimitError(f"this makes lists of more than {VALUE_ITEMS:,} items")


def whole_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


# ---- operators -----------------------------------------------------------------------------


def _check_repeat(left: Any, right: Any) -> None:
    """``text * n``, ``list * n`` or ``n * m``, before Python computes it."""
    if isinstance(left, int) and isinstance(right, int):
        if abs(left).bit_length() + abs(right).bit_length() > INT_BITS + 1:
            raise TemplateLimitError(f"this makes a number of more than {INT_DIGITS:,} digits")
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


def _check_power(base: Any, exponent: Any) -> None:
    """``n ** m`` for whole numbers: its size follows from log2(n) · m."""
    if not (isinstance(base, int) and isinstance(exponent, int)):
        return  # a float overflows at once (an error at the template's line)
    if exponent > 1 and abs(base) > 1 and math.log2(abs(base)) * exponent > INT_BITS:
        raise TemplateLimitError(f"this makes a number of more than {INT_DIGITS:,} digits")


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


def _check_call(obj: Any, args: tuple, kwargs: Mapping[str, Any]) -> tuple:
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


class _Steps:
    """The iterable of a loop, its rounds counted; keeps len() for ``loop.length``."""

    __slots__ = ("_iterable",)

    def __init__(self, iterable: Any):
        self._iterable = iterable

    def __iter__(self) -> Iterator[Any]:
        return counted(self._iterable)

    def __len__(self) -> int:
        return len(self._iterable)


def letter_range(*args: int) -> range:
    """``range()`` of at most RANGE_ITEMS numbers."""
    numbers = range(*args)
    if len(numbers) > RANGE_ITEMS:
        raise TemplateLimitError(f"range() makes more than {RANGE_ITEMS:,} numbers")
    return numbers


# ---- the code Jinja generates --------------------------------------------------------------


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, routing loops, ``~``, literals and written text through
    the environment's letter_* methods (plain Python code would bypass the sandbox)."""

    _loop_iterables: frozenset[int] = frozenset()

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        # Jinja allows no new node types, so the iterable of each loop is recognised here
        # by identity and wrapped where it is written out (see visit).
        self._loop_iterables = frozenset(id(loop.iter) for loop in node.find_all(nodes.For))
        super().visit_Template(node, frame)

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        if id(node) not in self._loop_iterables:
            return super().visit(node, *args, **kwargs)
        self.write("environment.letter_loop(")
        super().visit(node, *args, **kwargs)
        self.write(")")
        return None

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.letter_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def _bounded_literal(self, visit: Callable[[Any, Frame], None], node: nodes.Expr, frame: Frame) -> None:
        self.write("environment.letter_value(")
        visit(node, frame)
        self.write(")")

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self._bounded_literal(super().visit_List, node, frame)

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self._bounded_literal(super().visit_Dict, node, frame)

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        if node.ctx == "load":
            self._bounded_literal(super().visit_Tuple, node, frame)
        else:  # an assignment target: {% for a, b in … %}
            super().visit_Tuple(node, frame)

    def _output_const_repr(self, group: Iterable[Any]) -> str:
        return f"environment.letter_text({super()._output_const_repr(group)})"


# ---- the environment ------------------------------------------------------------------------


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox within the bounds of limits.py (see the module docstring).

    Rendering counts against a budget only inside :func:`letter_budget`; the size checks
    hold everywhere, including Jinja's constant folding while it compiles."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset(["+", "*", "**", "%"])

    def __init__(self, *args: Any, finalize: Callable[[Any], Any] | None = None, **kwargs: Any):
        text = finalize or str

        def written(value: Any) -> str:
            measure(value)
            out = text(value)
            _written(len(out))
            return out

        super().__init__(*args, finalize=written, **kwargs)
        from .template_filters import bounded_filters, letter_lipsum

        self.filters = bounded_filters(self.filters)
        self.globals["range"] = letter_range
        self.globals["lipsum"] = letter_lipsum

    # -- hooks of the generated code (see _BoundedCodeGenerator)

    def letter_loop(self, iterable: Any) -> _Steps:
        return _Steps(iterable)

    def letter_value(self, value: Any) -> Any:
        return bounded(value)

    def letter_text(self, text: str) -> str:
        _written(len(text))
        return text

    def letter_concat(self, parts: tuple) -> str:
        need_chars(sum(measure(p).chars for p in parts))
        return bounded("".join(map(str, parts)))

    # -- the sandbox's own hooks

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_time(_BUDGET.get())
        if operator == "*":
            _check_repeat(left, right)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "%" and isinstance(left, str):
            check_printf(left, right)
        return bounded(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        budget = _BUDGET.get()
        _check_time(budget)
        args = _check_call(__obj, args, kwargs)
        if budget is None:
            return bounded(super().call(__context, __obj, *args, **kwargs))
        if budget.depth >= CALL_DEPTH:
            raise TemplateLimitError(f"macros call each other more than {CALL_DEPTH} deep")
        budget.depth += 1
        try:
            return bounded(super().call(__context, __obj, *args, **kwargs))
        finally:
            budget.depth -= 1

    def getattr(self, obj: Any, attribute: str) -> Any:
        _check_time(_BUDGET.get())
        return super().getattr(obj, attribute)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        formatted = super().wrap_str_format(value)
        if formatted is None:
            return None
        template: str = value.__self__
        is_map = value.__name__ == "format_map"

        def checked(*args: Any, **kwargs: Any) -> str:
            if is_map and len(args) == 1 and isinstance(args[0], Mapping):
                check_format(template, (), args[0])
            else:
                check_format(template, args, kwargs)
            return bounded(formatted(*args, **kwargs))

        return update_wrapper(checked, value)
