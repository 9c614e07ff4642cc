"""The package itself: submodules reached as attributes, loaded only when first touched."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

import convgrad

LAZY = ["bench", "cli", "commands", "cs231n", "data", "exercises", "explain", "grading", "plots"]
LAZY += ["reference", "training"]


@pytest.mark.parametrize("name", LAZY)
def test_a_submodule_is_an_attribute_loaded_on_first_access(name):
    # in a fresh interpreter: import convgrad must not load it; the attribute must
    code = textwrap.dedent(
        f"""
        import sys, types, convgrad
        assert "convgrad.{name}" not in sys.modules, "loaded by import convgrad"
        assert "{name}" in dir(convgrad)
        module = convgrad.{name}
        assert isinstance(module, types.ModuleType) and module is sys.modules["convgrad.{name}"]
        assert convgrad.{name} is module
        print("ok")
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout == "ok\n", done.stderr


def test_import_convgrad_loads_none_of_the_lazy_submodules():
    code = "import sys, convgrad; print(sorted(m for m in sys.modules if m.startswith('convgrad')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = eval(done.stdout)  # a printed list of str
    assert not [m for m in loaded if m.split(".")[1:2] and m.split(".")[1] in LAZY], loaded


def test_an_unknown_attribute_is_still_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'trainin'"):
        convgrad.trainin  # noqa: B018
    assert not hasattr(convgrad, "gradcheck_module")


def test_dir_lists_the_functions_and_every_submodule():
    names = dir(convgrad)
    assert set(convgrad.__all__) <= set(names) and set(LAZY) <= set(names)
    assert names == sorted(names)
    assert callable(convgrad.gradcheck)  # the function, not its module
