"""Settings of the strategy-candidate stage: which sources run, how the model is sampled, and
the verification ladder's thresholds, in one flat record (the launchpad exposes its fields)."""

from __future__ import annotations

from dataclasses import dataclass

from cs_pipelines.models.sampling import EngineSettings
from cs_pipelines.sft.ladder import LadderConfig
from cs_pipelines.sft.model_candidates import ModelCandidateConfig

SOURCES = ("teacher", "model", "commit")


@dataclass(frozen=True)
class CandidatesConfig(ModelCandidateConfig, LadderConfig, EngineSettings):
    """Which candidate sources run, how the model is sampled, and the ladder's thresholds."""

    sources: str = "teacher,model,commit"
    model_tasks: int = 4  # tasks the model is sampled on (0 = all): sampling is the slow part

    @property
    def source_set(self) -> set[str]:
        """The sources named in ``sources`` (comma-separated)."""
        return {s.strip() for s in self.sources.split(",") if s.strip()}
