"""``convgrad exercises``: the courses and functions convgrad knows, their signatures and shapes.

convgrad exercises          # every course
convgrad exercises dlai     # one course: seeds, cs231n or dlai

A learner checks here that their function has the name, the arguments and the shapes the course
expects before pointing ``convgrad grade`` at it.
"""

from __future__ import annotations

import argparse
import inspect
import sys
import textwrap


def add_parser(commands: argparse._SubParsersAction) -> None:
    exercises = commands.add_parser(
        "exercises",
        help="list the courses and the functions convgrad grades, with their shapes",
        description="List the courses whose exercises convgrad knows and, for each function, "
        "its signature, the shapes it takes and what it returns, so you can check your API "
        "before grading.",
    )
    exercises.add_argument(
        "course", nargs="?", help="one course to show: seeds, cs231n or dlai (default: all)"
    )
    exercises.set_defaults(run=_exercises)


def describe(name: str) -> str:
    """The text for one course: its title, then each function's signature and shapes."""
    from convgrad.exercises import COURSES

    title, module = COURSES[name]
    lines = [f"{name}: {title}"]
    for exercise in module.EXERCISES:
        signature = inspect.signature(getattr(module, exercise.name))
        bare = signature.replace(  # the course's names and defaults, without convgrad's types
            parameters=[p.replace(annotation=p.empty) for p in signature.parameters.values()],
            return_annotation=signature.empty,
        )
        lines.append(f"  {exercise.name}{bare}")
        for label, text in (("takes:  ", exercise.takes), ("returns:", exercise.returns)):
            for part in text.split("; "):  # one line per clause, wrapped only when too long
                lines.extend(
                    textwrap.wrap(
                        part,
                        width=100,
                        initial_indent=f"      {label} ",
                        subsequent_indent=" " * 15,
                        break_on_hyphens=False,
                    )
                )
                label = " " * len(label)
    return "\n".join(lines)


def _exercises(args: argparse.Namespace) -> int:
    from convgrad.exercises import COURSES

    if args.course is not None and args.course not in COURSES:
        print(
            f"convgrad exercises: error: course: unknown course {args.course!r}; "
            f"choose one of {', '.join(COURSES)}",
            file=sys.stderr,
        )
        return 2
    names = [args.course] if args.course is not None else list(COURSES)
    print("\n\n".join(describe(name) for name in names))
    return 0
