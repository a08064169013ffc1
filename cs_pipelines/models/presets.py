"""How big a run is: one preset vocabulary for every stage with a quick and a real size.

``smoke`` takes minutes on a 2-core CPU; the full run is what a GPU is for; ``auto`` picks the
full run where a CUDA GPU is visible and smoke elsewhere. Each stage names its full run
(training: ``standard``, whose hyperparameters it picks; CryptoEval: ``full``, every task).
"""

from __future__ import annotations

from dataclasses import dataclass

from cs_pipelines.models.device import cuda_available

AUTO = "auto"
SMOKE = "smoke"


@dataclass(frozen=True)
class Presets:
    """A stage's presets: ``auto``, ``smoke`` and its full run, ``full``."""

    full: str

    @property
    def names(self) -> tuple[str, ...]:
        return (AUTO, SMOKE, self.full)

    def check(self, preset: str) -> None:
        """ValueError naming the choices when ``preset`` is not one of them."""
        if preset not in self.names:
            raise ValueError(f"preset must be one of {', '.join(self.names)}, got {preset!r}")

    def concrete(self, preset: str, gpu: bool | None = None) -> str:
        """The preset that runs: ``auto`` becomes the full run on a GPU (``gpu``, or whether
        CUDA is visible when None), smoke otherwise."""
        if preset != AUTO:
            return preset
        return self.full if (cuda_available() if gpu is None else gpu) else SMOKE


TRAINING_PRESETS = Presets(full="standard")
CRYPTOEVAL_PRESETS = Presets(full="full")
