"""Grade a learner's hand-written convolution backward pass: ``convgrad grade FILE.py``.

The engine, shared by every course; each course (its reference answers, battery, probes and bug
catalogue) is one module of :mod:`convgrad.exercises`, found by :func:`.battery.course`.

- :mod:`.battery`: what a course provides (:class:`~.battery.Api`, its cases and probes);
- :mod:`.sandbox`: the learner's code in a contained child process (:mod:`._child`), with a time
  and a memory limit, over a protocol it cannot forge; :mod:`.isolation`: how it is shut in
  (namespaces, a uid of its own, hard limits); :mod:`.cheats`: reference imports, escaped text;
- :mod:`.bugs`: matching a wrong result against the buggy variants to name the bug, and hints;
- :mod:`.static`: the lines of the learner's source that hold a known mistake;
- :mod:`.probing`: which parameter values break the code, in words;
- :mod:`.grader`: runs, compares, diagnoses, probes, and shrinks to the smallest failing input;
- :mod:`.report`: the results as data, text and JSON.
"""

from .grader import grade_file
from .report import FileReport, format_summary, format_text

__all__ = ["FileReport", "format_summary", "format_text", "grade_file"]
