"""Grade a learner's hand-written convolution backward pass: ``convgrad grade FILE.py``.

- :mod:`.battery`: the test cases (the exercise's own five tests, then the classic-bug cases) and
  the expected answers, from :mod:`convgrad.exercises` and :mod:`convgrad.cs231n`;
- :mod:`.sandbox`: the learner's code in a contained child process (:mod:`._child`), with a time
  and a memory limit, over a protocol it cannot forge; :mod:`.isolation`: how it is shut in
  (namespaces, a uid of its own, hard limits); :mod:`.cheats`: reference imports, escaped text;
- :mod:`.bugs`: known buggy variants, matched against a wrong result to name the bug;
- :mod:`.grader`: runs, compares, diagnoses, and shrinks to the smallest failing input;
- :mod:`.report`: the results as data, text and JSON.
"""

from .grader import grade_file
from .report import FileReport, format_summary, format_text

__all__ = ["FileReport", "format_summary", "format_text", "grade_file"]
