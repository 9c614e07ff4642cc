"""The files here are hostile learners' submissions for ``convgrad grade``, not tests: never
collect them (some fork, flood or signal whatever they can see). tests/test_sandbox.py grades
each and checks the verdict it must get."""

collect_ignore_glob = ["*.py"]
