"""Jinja's immutable sandbox with bounds on time, size, loops and depth (see core/common/limits.py).

Jinja's sandbox stops a template from reaching Python's internals, files or the shell,
but not from exhausting the computer: ``{{ 'x' * 10**10 }}``, ``{{ 9**9999999 }}``, two
nested loops over a million items, or a macro that calls itself fill the memory or run
for ever. :class:`BoundedSandbox` closes each way a template can make work:

- the operators that make big values (``*``, ``**``, ``%``, ``+``) and ``~`` check the
  size of the result *before* computing it;
- every call (macros, ``range``, string methods such as ``center`` or ``join``), every
  filter and ``str.format`` is measured the same way; calls nest at most CALL_DEPTH deep;
- every loop round and every piece of text written counts against the letter's budget
  (template_bounds.letter_budget: LOOP_STEPS, LETTER_CHARS), and its deadline is checked
  at each call, attribute, operator, piece of text and every 256 loop rounds — in the
  template's own code, so it works in a worker process and in a GUI thread alike (no
  signals, no tracing);
- list, tuple and mapping literals are measured too, so no value a template holds is
  ever too big to print, hash or compare.

A bound that is hit raises :class:`TemplateLimitError` from inside the template, so the
caller (``run_template``) reports it at the template's file and line like any mistake.
The checks themselves are in core/letters/bounds.py, the filters' in core/letters/filters.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import update_wrapper
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment

from campaign_app.core.common.i18n import _
from campaign_app.core.common.limits import CALL_DEPTH
from campaign_app.core.letters.bounds import (
    TemplateLimitError,
    bounded,
    check_call,
    check_format,
    check_power,
    check_printf,
    check_repeat,
    check_time,
    count_written,
    counted,
    current_budget,
    letter_range,
    measure,
    need_chars,
)

# ---- loops -------------------------------------------------------------------------------


class _Steps:
    """The iterable of a loop, its rounds counted; keeps len() for ``loop.length``."""

    __slots__ = ("_iterable",)

    def __init__(self, iterable: Any):
        self._iterable = iterable

    def __iter__(self) -> Iterator[Any]:
        return counted(self._iterable)

    def __len__(self) -> int:
        return len(self._iterable)


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
        # Jinja escapes while it joins inside {% autoescape true %}: the same choice here.
        volatile, autoescape = frame.eval_ctx.volatile, bool(frame.eval_ctx.autoescape)
        self.write(f"), {'context.eval_ctx.autoescape' if volatile else autoescape})")

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
    """Jinja's immutable sandbox within the bounds of core/common/limits.py (see the module docstring).

    Rendering counts against a budget only inside :func:`letter_budget`; the size checks
    hold everywhere, including Jinja's constant folding while it compiles."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset(["+", "*", "**", "%"])

    def __init__(self, *args: Any, finalize: Callable[[Any], Any] | None = None, **kwargs: Any):
        text = finalize or str

        def written(value: Any) -> str:
            measure(value)
            out = text(value)
            count_written(len(out))
            return out

        super().__init__(*args, finalize=written, **kwargs)
        from campaign_app.core.letters.filters import bounded_filters, letter_lipsum

        self.filters = bounded_filters(self.filters)
        self.globals["range"] = letter_range
        self.globals["lipsum"] = letter_lipsum

    # -- hooks of the generated code (see _BoundedCodeGenerator)

    def letter_loop(self, iterable: Any) -> _Steps:
        """Every ``{% for %}``: its rounds count against the letter's loop budget."""
        return _Steps(iterable)

    def letter_value(self, value: Any) -> Any:
        """Every list, dict or tuple literal of the template: refused if it is too big."""
        return bounded(value)

    def letter_text(self, text: str) -> str:
        """The template's own text as it is written out: counted against the letter's length."""
        count_written(len(text))
        return text

    def letter_concat(self, parts: tuple, autoescape: bool = False) -> str:
        """The ``~`` operator, measured before the pieces are joined."""
        need_chars(sum(measure(p).chars for p in parts))
        return bounded(markup_join(parts) if autoescape else str_join(parts))

    # -- the sandbox's own hooks

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        check_time()
        if operator == "*":
            check_repeat(left, right)
        elif operator == "**":
            check_power(left, right)
        elif operator == "%" and isinstance(left, str):
            check_printf(left, right)
        return bounded(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        budget = current_budget()
        check_time()
        args = check_call(__obj, args, kwargs)
        if budget is None:
            return bounded(super().call(__context, __obj, *args, **kwargs))
        if budget.depth >= CALL_DEPTH:
            raise TemplateLimitError(
                _("macros call each other more than {call_depth} deep").format(call_depth=CALL_DEPTH)
            )
        budget.depth += 1
        try:
            return bounded(super().call(__context, __obj, *args, **kwargs))
        finally:
            budget.depth -= 1

    def getattr(self, obj: Any, attribute: str) -> Any:
        check_time()
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
