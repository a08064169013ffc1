"""Verifiable, graded rewards for RL: answers run in the sandbox, verdicts are made on the host.

An optimiser finds every hole in a reward, so no reward here trusts what the answer's process
says about itself:

* **Function tasks** (``fn/...``): the reward is the fraction of the task's test calls answered
  as the reference solution answers them. The calls are the task's probe (every call its
  ``check`` makes, see :mod:`cs_pipelines.cryptoeval.probes`). The answer runs in the sandbox
  on those calls and returns one hash per call of its canonical output; the host compares each
  hash with the reference solution's, computed the same way once per task. Whatever the answer
  does in its own process (exit early, patch the hashing, forge what it returns), it can only
  earn a match by producing the reference's output for that call. An answer must first pass
  the ladder's static rungs (it parses, defines the function, imports only allowed modules, no
  ``exec``/``open``/dunder access); one that does not earns 0.
* **Strategy tasks**: by default the trading gym's reward on its training windows
  (:mod:`cs_pipelines.gym`: the gate's rungs as partial credit, a penalty for tampering, then
  the out-of-sample score against buy-and-hold); or the strategy ladder's rungs climbed, as a
  fraction of all rungs (:mod:`cs_pipelines.sft.ladder`). Either way every backtest is
  verified: the strategy sees no future bar and cannot alter what is measured.

An answer that could not be scored (the sandbox itself failed) gets ``None``, not 0: TRL then
leaves it out of its group's baseline and gives it no advantage.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cs_pipelines.cryptoeval.probes import CANONICAL_SOURCE
from cs_pipelines.cryptoeval.sampling import CODE_PREFILL, to_completion
from cs_pipelines.gym import TradingGym
from cs_pipelines.models.extract import extract_code
from cs_pipelines.sft.candidates import MODEL, Candidate, candidate_id
from cs_pipelines.sft.function_tasks import FunctionTask, static_problem
from cs_pipelines.sft.ladder import RUNGS, LadderConfig, verify_candidates
from cs_pipelines.sft.tasks import StrategyTask

logger = logging.getLogger(__name__)

GRADE_ENTRY = "__cs_rl_grade"
# Appended after the answer, the canonical-output helpers and the probe: one hash per call.
_GRADER = f"""

def {GRADE_ENTRY}():
    return [_output_signature(output) for output in probe({{entry_point}})]
"""
SANDBOX_FAILURE = "SandboxError"
REWARD_NAME = "verifiable_reward"


@dataclass(frozen=True)
class RewardSettings:
    """How answers are scored: per-answer limits in the sandbox."""

    timeout_s: float = 5.0
    memory_mb: int = 512

    def __post_init__(self) -> None:
        if self.timeout_s <= 0 or self.memory_mb < 64:
            raise ValueError("reward timeout_s must be > 0 and memory_mb >= 64")


@dataclass(frozen=True)
class Outcome:
    """One answer's reward (None: unscorable), its answer signature for majority voting (the
    hash of its outputs; None: no answer) and whether it is fully correct."""

    reward: float | None
    signature: str | None
    correct: bool
    detail: str


class RewardError(RuntimeError):
    """A reward cannot be computed at all (a task without a probe, a broken reference)."""


class FunctionGrader:
    """Grades answers to function tasks against their reference solutions' outputs."""

    def __init__(
        self,
        tasks: Mapping[str, FunctionTask],
        pool: Any,
        settings: RewardSettings | None = None,
        ladder: LadderConfig | None = None,
    ) -> None:
        self.tasks, self.pool = tasks, pool
        self.settings = settings or RewardSettings()
        self.ladder = ladder or LadderConfig()
        self._references: dict[str, list[str]] = {}

    def program(self, task_id: str, code: str) -> str:
        """The sandbox program for an answer's module ``code``: it, then the grader."""
        task = self.tasks[task_id].task
        if not task.probe:
            raise RewardError(f"function task {task_id} has no probe calls to grade answers on")
        return "\n".join(
            [code, CANONICAL_SOURCE, task.probe, _GRADER.format(entry_point=task.entry_point)]
        )

    def references(self, task_ids: Sequence[str]) -> None:
        """Run the reference solutions of the tasks not seen yet (once per task)."""
        missing = sorted(set(task_ids) - set(self._references))
        jobs = [self._job(t, _reference_code(self.tasks[t])) for t in missing]
        for task_id, result in zip(missing, self._run(jobs), strict=True):
            hashes = result.result if result.ok else None
            if not _hash_list(hashes):
                raise RewardError(
                    f"the reference solution of {task_id} did not run to its probe outputs "
                    f"({result.status}: {result.exc_type} {result.exc_message})"
                )
            self._references[task_id] = hashes

    def grade(self, answers: Sequence[tuple[str, str]]) -> list[Outcome]:
        """``(task_id, completion text)`` pairs, graded in one sandbox batch."""
        unknown = sorted({t for t, _ in answers} - set(self.tasks))
        if unknown:
            raise RewardError(f"answers name unknown function tasks: {', '.join(unknown[:5])}")
        self.references([t for t, _ in answers])
        outcomes: list[Outcome | None] = [None] * len(answers)
        runnable: list[tuple[int, dict[str, Any]]] = []
        for index, (task_id, text) in enumerate(answers):
            task = self.tasks[task_id].task
            code = task.prompt + to_completion(task, extract_code(text))
            _, problem = static_problem(code, task.entry_point, self.ladder)
            if problem:
                outcomes[index] = Outcome(0.0, None, False, problem)
            else:
                runnable.append((index, self._job(task_id, code)))
        results = self._run([job for _, job in runnable])
        for (index, _), result in zip(runnable, results, strict=True):
            outcomes[index] = self._judge(answers[index][0], result)
        return [o for o in outcomes if o is not None]

    def _judge(self, task_id: str, result: Any) -> Outcome:
        if result.exc_type == SANDBOX_FAILURE:
            return Outcome(None, None, False, f"unscorable: {result.exc_message}")
        reference = self._references[task_id]
        hashes = result.result if result.ok else None
        if not _hash_list(hashes) or len(hashes) != len(reference):
            return Outcome(0.0, None, False, f"no outputs: {result.status} {result.exc_type}")
        matched = sum(a == b for a, b in zip(hashes, reference, strict=True))
        signature = "|".join(hashes)
        return Outcome(matched / len(reference), signature, matched == len(reference), "")

    def _job(self, task_id: str, code: str) -> dict[str, Any]:
        return {
            "code": self.program(task_id, code),
            "entry": GRADE_ENTRY,
            "timeout_s": self.settings.timeout_s,
            "memory_mb": self.settings.memory_mb,
        }

    def _run(self, jobs: list[dict[str, Any]]) -> list[Any]:
        return self.pool.run_many(jobs) if jobs else []


def _reference_code(task: FunctionTask) -> str:
    return task.task.prompt + task.task.canonical_solution


def _hash_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(h, str) for h in value)


class StrategyGrader:
    """Grades strategy answers by the ladder's rungs climbed (partial credit)."""

    def __init__(
        self,
        tasks: Mapping[str, StrategyTask],
        bars: Mapping[str, Any],
        pool: Any,
        ladder: LadderConfig | None = None,
    ) -> None:
        self.tasks, self.bars, self.pool = tasks, bars, pool
        self.ladder = ladder or LadderConfig()

    def grade(self, answers: Sequence[tuple[str, str]]) -> list[Outcome]:
        candidates = []
        for task_id, text in answers:
            code = extract_code(text)
            candidates.append(
                Candidate(
                    task_id=task_id,
                    candidate_id=candidate_id(task_id, MODEL, code),
                    source=MODEL,
                    code=code,
                    instruction=self.tasks[task_id].instruction,
                )
            )
        rows = verify_candidates(candidates, self.tasks, self.bars, self.pool, self.ladder)
        return [
            Outcome((row.rung + 1) / len(RUNGS), None, row.verified, row.stop_reason)
            for row in rows
        ]


class GymGrader:
    """Grades strategy answers with the trading gym on its training windows."""

    def __init__(self, tasks: Mapping[str, StrategyTask], gym: TradingGym) -> None:
        self.tasks, self.gym = tasks, gym

    def grade(self, answers: Sequence[tuple[str, str]]) -> list[Outcome]:
        codes = [extract_code(text) for _, text in answers]
        tasks = [self.tasks[task_id] for task_id, _ in answers]
        return [
            Outcome(result.reward, None, result.status == "scored", result.reason or "")
            for result in self.gym.score(codes, "train", tasks)
        ]


class TaskRewards:
    """The reward function RL calls on a batch: each answer graded by its task's kind.

    ``last`` keeps the batch's outcomes (signatures for the majority-vote estimator).
    """

    __name__ = REWARD_NAME  # TRL names a reward function's metrics after it

    def __init__(
        self,
        functions: FunctionGrader | None = None,
        strategies: StrategyGrader | GymGrader | None = None,
    ) -> None:
        self.functions, self.strategies = functions, strategies
        self.last: list[Outcome] = []

    def score(self, task_ids: Sequence[str], texts: Sequence[str]) -> list[Outcome]:
        outcomes: list[Outcome | None] = [None] * len(task_ids)
        for grader in (self.functions, self.strategies):
            if grader is None:
                continue
            mine = [i for i, t in enumerate(task_ids) if t in grader.tasks]
            graded = grader.grade([(task_ids[i], texts[i]) for i in mine])
            for index, outcome in zip(mine, graded, strict=True):
                outcomes[index] = outcome
        unknown = sorted({task_ids[i] for i, o in enumerate(outcomes) if o is None})
        if unknown:
            raise RewardError(f"no grader for tasks {', '.join(unknown[:5])}")
        self.last = [o for o in outcomes if o is not None]
        return self.last

    def __call__(
        self, prompts: Sequence[Any], completions: Sequence[Any], task_id: Sequence[str], **_: Any
    ) -> list[float | None]:
        """TRL's reward-function interface: one reward (or None) per completion."""
        texts = [_as_written(p, c) for p, c in zip(prompts, completions, strict=True)]
        return [o.reward for o in self.score(list(task_id), texts)]


def _as_written(prompt: Any, completion: Any) -> str:
    """The answer as the model wrote it. RL prompts open the code block (``CODE_PREFILL``),
    so a completion is the block's body and its closing fence: without the opening fence
    given back, code extraction would see a lone closing fence and find no code at all."""
    text = completion if isinstance(completion, str) else completion[-1]["content"]
    if isinstance(prompt, str) and prompt.endswith(CODE_PREFILL):
        return CODE_PREFILL + text
    return text


def rewards_for(
    pool: Sequence[Any],
    tasks_by_id: Mapping[str, Any],
    bars: Mapping[str, Any],
    sandbox: Any,
    timeout_s: float = RewardSettings.timeout_s,
    gym: TradingGym | None = None,
) -> TaskRewards:
    """The reward function for an RL task pool (``RLTask`` objects): a grader per kind in it;
    strategies by the ``gym`` when one is given, else by the ladder on the probe ``bars``."""
    functions = {t.task_id: tasks_by_id[t.task_id] for t in pool if t.kind == "function"}
    strategies = {t.task_id: tasks_by_id[t.task_id] for t in pool if t.kind == "strategy"}
    settings = RewardSettings(timeout_s=timeout_s)
    strategy_grader: StrategyGrader | GymGrader | None = None
    if strategies:
        strategy_grader = (
            GymGrader(strategies, gym) if gym else StrategyGrader(strategies, bars, sandbox)
        )
    return TaskRewards(
        FunctionGrader(functions, sandbox, settings) if functions else None, strategy_grader
    )
