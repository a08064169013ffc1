"""How big a run is: one preset vocabulary for every stage with a quick and a real size.

``smoke`` takes minutes on a 2-core CPU; the full run is what a GPU is for; ``auto`` picks the
full run where a CUDA GPU is visible and the stage's CPU preset elsewhere (``smoke`` unless it
names one). Each stage names its full run (training: ``standard``, whose hyperparameters it
picks; CryptoEval: ``full``, every task, and on a CPU ``generate``, every generate task).
"""

from __future__ import annotations

from dataclasses import dataclass

from cs_pipelines.models.device import cuda_available

AUTO = "auto"
SMOKE = "smoke"


@dataclass(frozen=True)
class Presets:
    """A stage's presets: ``auto``, ``smoke``, its full run ``full``, and ``cpu``: what ``auto``
    runs without a GPU (``smoke`` unless the stage names a preset of its own that fits a CPU)."""

    full: str
    cpu: str = SMOKE
    others: tuple[str, ...] = ()
    """Presets only ever chosen by name (RL's ``evidence``: a longer CPU run)."""

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((AUTO, SMOKE, self.cpu, *self.others, self.full)))

    def check(self, preset: str) -> None:
        """ValueError naming the choices when ``preset`` is not one of them."""
        if preset not in self.names:
            raise ValueError(f"preset must be one of {', '.join(self.names)}, got {preset!r}")

    def concrete(self, preset: str, gpu: bool | None = None) -> str:
        """The preset that runs: ``auto`` becomes the full run on a GPU (``gpu``, or whether
        CUDA is visible when None), the CPU preset otherwise."""
        if preset != AUTO:
            return preset
        return self.full if (cuda_available() if gpu is None else gpu) else self.cpu


TRAINING_PRESETS = Presets(full="standard")
# On a CPU, CryptoEval's auto preset scores the whole generate variant (163 tasks, minutes).
CRYPTOEVAL_PRESETS = Presets(full="full", cpu="generate")
# RL: smoke in the main job on a CPU, evidence for the README's A/B runs on a CPU, gpu on CUDA.
RL_PRESETS = Presets(full="gpu", others=("evidence",))
