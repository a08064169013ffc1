"""``light_preload``: a batch that needs no third-party preload gets light servers only."""

from __future__ import annotations

from cs_pipelines.sandbox import SandboxPool
from cs_pipelines.sandbox.pool import DEFAULT_PRELOAD, light_preload

STDLIB = ["import math\nprint(math.pi)\n", "# numpy is not needed\nx = sorted([2, 1])\n"]


def test_standard_library_batches_drop_the_third_party_preloads() -> None:
    light = light_preload(STDLIB)
    assert light == [
        name for name in DEFAULT_PRELOAD if name not in ("numpy", "pandas", "backtrader")
    ]
    assert light_preload(iter(STDLIB), iter(DEFAULT_PRELOAD)) == light  # iterables, once each


def test_one_program_naming_a_third_party_module_keeps_the_full_preload() -> None:
    for extra in ("import numpy as np\n", "from pandas import Series\n", "import scipy\n"):
        assert light_preload([*STDLIB, extra]) == list(DEFAULT_PRELOAD)
    assert light_preload(["import numpy\n"], ["json", "math"]) == ["json", "math"]


def test_a_light_pool_still_runs_a_program_that_imports_numpy_itself() -> None:
    with SandboxPool(workers=1, preload=light_preload(STDLIB)) as pool:
        assert len(pool.servers) == 1  # no full server was started
        result = pool.run("import numpy\nemit(int(numpy.arange(4).sum()))\n", timeout_s=20)
    assert result.ok and result.result == 6
