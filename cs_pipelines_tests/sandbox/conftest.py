"""One pool for the sandbox tests, started with a fake secret in the environment."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cs_pipelines.sandbox import SandboxPool

FAKE_SECRET = "sk-test-DO-NOT-LEAK-1234567890"


@pytest.fixture(scope="package")
def pool() -> Iterator[SandboxPool]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SECRET_TOKEN", FAKE_SECRET)
        mp.setenv("AWS_SECRET_ACCESS_KEY", FAKE_SECRET)
        with SandboxPool(workers=2) as sandbox_pool:
            yield sandbox_pool
