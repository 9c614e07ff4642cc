"""The files here are learners' submissions for ``convgrad grade``, not tests: never collect them
(some never return, one allocates gigabytes)."""

collect_ignore_glob = ["*.py"]
