"""The subcommands of ``convgrad``, one module each.

Each module has ``add_parser(commands)``, which adds its subparser and sets ``run`` to a function
``(args) -> exit status``. A module imports its optional dependencies (matplotlib, scikit-learn,
tqdm, PyTorch) inside ``run``, so that ``convgrad --help`` and ``convgrad check`` need NumPy alone.
"""

COMMANDS = ("train", "check", "bench", "grade", "explain", "exercises")
