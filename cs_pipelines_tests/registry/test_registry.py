"""MLflow tracking and registry against a real local SQLite store under the test's CS_DATA_DIR."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from cs_pipelines.registry import (
    CHALLENGER,
    CHAMPION,
    PREVIOUS_CHAMPION,
    MlflowSettings,
    RegistryError,
    alias_version,
    apply_promotion,
    champion_scores,
    check_reachable,
    decide_promotion,
    git_sha,
    load_champion,
    log_scores,
    log_training_run,
)
from cs_pipelines.registry.tracking import (
    client_for,
    metric_key,
    score_key,
    version_origins,
    version_parent,
)
from cs_pipelines.training import TrainingConfig, resolve
from cs_pipelines.training.sft import TrainingResult

LINEAGE = {
    "dagster_run_id": "run-123",
    "sft_dataset_data_version": "sft-v7",
    "base_model_data_version": "base-abc",
}


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An initialised MLflow database, copied per test: creating one runs every migration."""
    database = tmp_path_factory.mktemp("mlflow_template") / "mlflow.db"
    check_reachable(MlflowSettings(tracking_uri=f"sqlite:///{database}"))
    return database


@pytest.fixture
def settings(template_store: Path, isolated_data_dir: Path) -> MlflowSettings:
    store = isolated_data_dir / "mlflow"
    store.mkdir()
    shutil.copy(template_store, store / "mlflow.db")
    return MlflowSettings()


@pytest.fixture(scope="module")
def adapter_dir(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An untrained LoRA adapter on the tiny model (what train_lora saves, minus the training)."""
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    folder = tmp_path_factory.mktemp("adapter")
    base = AutoModelForCausalLM.from_pretrained(tiny_model_dir)
    lora = LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"], task_type="CAUSAL_LM")
    get_peft_model(base, lora).save_pretrained(folder)
    AutoTokenizer.from_pretrained(tiny_model_dir).save_pretrained(folder)
    return folder


def training_result(adapter_dir: Path) -> TrainingResult:
    return TrainingResult(
        adapter_dir=adapter_dir,
        config=resolve(TrainingConfig(max_steps=2), cuda=False),
        train_loss=1.5,
        eval_loss_before=2.0,
        eval_loss_after=1.4,
        steps=2,
        tokens_seen=640,
        tokens_per_s=120.0,
        duration_s=9.0,
        peak_memory_mb=900.0,
        resumed_from=None,
        n_train_examples=24,
        n_eval_examples=8,
        n_overlong_dropped=1,
        n_overlong_truncated=0,
        history=[
            {"step": 0.0, "eval_loss": 2.0},
            {"step": 1.0, "loss": 1.9, "learning_rate": 2e-4},
            {"step": 2.0, "loss": 1.5, "learning_rate": 1e-4},
            {"step": 2.0, "eval_loss": 1.4},
        ],
    )


def test_the_default_store_lives_under_cs_data_dir(isolated_data_dir: Path) -> None:
    settings = MlflowSettings()
    database = isolated_data_dir / "mlflow" / "mlflow.db"
    assert settings.resolved_tracking_uri() == f"sqlite:///{database}"
    assert settings.resolved_artifact_location() == (database.parent / "artifacts").as_uri()
    assert settings.experiment_name == settings.registered_model_name == "cs-trader-coder"


def test_using_a_store_leaves_mlflow_as_it_found_it(
    isolated_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unset stays unset (MLflow's default would be a mlflow.db in the working directory, and
    its setter exports the URI to every later subprocess); a set URI comes back."""
    import mlflow

    from cs_pipelines.registry.tracking import using

    for name in ("MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI"):
        monkeypatch.delenv(name, raising=False)
    mlflow.set_tracking_uri(None)
    mlflow.set_registry_uri(None)
    monkeypatch.chdir(tmp_path)
    settings = MlflowSettings()
    with using(settings):
        assert mlflow.get_tracking_uri() == settings.resolved_tracking_uri()
        assert os.environ["MLFLOW_TRACKING_URI"] == settings.resolved_tracking_uri()
    assert not mlflow.is_tracking_uri_set()
    assert "MLFLOW_TRACKING_URI" not in os.environ and "MLFLOW_REGISTRY_URI" not in os.environ
    mlflow.set_tracking_uri("sqlite:///elsewhere.db")
    with using(settings):
        pass
    assert mlflow.get_tracking_uri() == "sqlite:///elsewhere.db"
    mlflow.set_tracking_uri(None)
    assert not (tmp_path / "mlflow.db").exists()


def test_training_runs_become_new_versions_with_lineage(
    settings: MlflowSettings, adapter_dir: Path, tiny_model_dir: Path, isolated_data_dir: Path
) -> None:
    result = training_result(adapter_dir)
    first = log_training_run(settings, result, LINEAGE, tiny_model_dir)
    second = log_training_run(
        settings, result, {**LINEAGE, "dagster_run_id": "run-456"}, tiny_model_dir
    )

    assert (first.version, second.version) == ("1", "2")
    client = client_for(settings)
    run = client.get_run(first.run_id)
    assert run.info.status == "FINISHED"
    assert {k: run.data.tags[k] for k in LINEAGE} == LINEAGE
    assert run.data.tags["git_sha"] == git_sha() != ""
    assert run.data.params["lora_r"] == "8" and run.data.params["preset"] == "smoke"
    assert run.data.params["target_modules"].startswith("q_proj,k_proj")
    assert [(m.step, m.value) for m in client.get_metric_history(first.run_id, "loss")] == [
        (1, 1.9),
        (2, 1.5),
    ]
    assert sorted(m.step for m in client.get_metric_history(first.run_id, "eval_loss")) == [0, 2]
    assert run.data.metrics["final/eval_loss_after"] == 1.4

    version = client.get_model_version(settings.registered_model_name, "2")
    assert version.run_id == second.run_id and version.tags["dagster_run_id"] == "run-456"
    assert version.tags["base_model_dir"] == str(tiny_model_dir.resolve())
    # The adapter is the artifact; the base model's weights are not copied into the store.
    stored = [
        p.name for p in (isolated_data_dir / "mlflow" / "artifacts").rglob("*") if p.is_file()
    ]
    assert stored.count("adapter_model.safetensors") == 2
    assert "model.safetensors" not in stored


def test_a_failed_run_registers_no_version(
    settings: MlflowSettings,
    adapter_dir: Path,
    tiny_model_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import mlflow.pyfunc

    def broken_log_model(*args: object, **kwargs: object) -> None:
        raise OSError("artifact store is full")

    monkeypatch.setattr(mlflow.pyfunc, "log_model", broken_log_model)
    with pytest.raises(RegistryError, match="no version of 'cs-trader-coder' was registered"):
        log_training_run(settings, training_result(adapter_dir), LINEAGE, tiny_model_dir)

    client = client_for(settings)
    assert client.search_model_versions("name='cs-trader-coder'") == []
    experiment = client.get_experiment_by_name(settings.experiment_name)
    (run,) = client.search_runs([experiment.experiment_id])
    assert run.info.status == "FAILED"


def test_an_unreachable_tracking_server_fails_fast(adapter_dir: Path, tiny_model_dir: Path) -> None:
    settings = MlflowSettings(tracking_uri="http://127.0.0.1:9", check_timeout_s=2)
    started = time.perf_counter()
    with pytest.raises(RegistryError, match=r"http://127\.0\.0\.1:9 is unreachable"):
        check_reachable(settings)
    with pytest.raises(RegistryError, match="unreachable"):
        log_training_run(settings, training_result(adapter_dir), LINEAGE, tiny_model_dir)
    assert time.perf_counter() - started < 10


FULL = {"pass@1": 0.50, "category/indicators/pass@1": 0.60, "category/execution/pass@1": 0.40}


@pytest.mark.parametrize(
    ("candidate", "champion", "promote", "reason"),
    [
        (FULL, None, True, "no champion yet"),
        ({**FULL, "pass@1": 0.55}, FULL, True, "no category drops"),
        (FULL, FULL, False, "does not beat"),
        ({**FULL, "pass@1": 0.45}, FULL, False, "does not beat"),
        (
            {**FULL, "pass@1": 0.60, "category/execution/pass@1": 0.30},
            FULL,
            False,
            "category execution: pass@1 drops 0.400 -> 0.300",
        ),
        (
            {**FULL, "pass@1": 0.60, "category/execution/pass@1": 0.36},
            FULL,
            True,
            "no category drops by more than 0.050",
        ),
        (
            {"pass@1": 0.60, "category/indicators/pass@1": 0.70},
            FULL,
            False,
            "category execution: not scored",
        ),
        ({**FULL, "pass@1": 0.51}, {"category/execution/pass@1": 0.4}, True, "wins by default"),
    ],
)
def test_decide_promotion(
    candidate: dict[str, float], champion: dict[str, float] | None, promote: bool, reason: str
) -> None:
    decision = decide_promotion(candidate, champion, tolerance=0.05)
    assert decision.promote is promote
    assert any(reason in r for r in decision.reasons), decision.reasons


def test_decide_promotion_needs_the_headline() -> None:
    with pytest.raises(ValueError, match="pass@1"):
        decide_promotion({"category/indicators/pass@1": 1.0}, None, tolerance=0.05)


def test_promotion_moves_aliases_and_agents_load_the_champion(
    settings: MlflowSettings, adapter_dir: Path, tiny_model_dir: Path
) -> None:
    result = training_result(adapter_dir)
    versions = [log_training_run(settings, result, LINEAGE, tiny_model_dir) for _ in range(3)]
    v1, v2, v3 = (v.version for v in versions)
    with pytest.raises(RegistryError, match="champion"):
        load_champion(settings)

    def aliases() -> tuple[str | None, ...]:
        return tuple(alias_version(settings, a) for a in (CHAMPION, PREVIOUS_CHAMPION, CHALLENGER))

    apply_promotion(settings, v1, decide_promotion(FULL, None, 0.05))
    assert aliases() == (v1, None, None)
    apply_promotion(settings, v2, decide_promotion({**FULL, "pass@1": 0.6}, FULL, 0.05))
    assert aliases() == (v2, v1, None)
    apply_promotion(settings, v3, decide_promotion(FULL, {**FULL, "pass@1": 0.6}, 0.05))
    assert aliases() == (v2, v1, v3)
    apply_promotion(settings, v3, decide_promotion({**FULL, "pass@1": 0.7}, FULL, 0.05))
    assert aliases() == (v3, v2, None)

    client = client_for(settings)
    tags = client.get_model_version(settings.registered_model_name, v3).tags
    assert tags["promotion_decision"] == CHAMPION and "beats champion" in tags["promotion_reasons"]

    champion = load_champion()  # the one-line form: default settings, CS_DATA_DIR's store
    assert champion.version == v3 and champion.alias == CHAMPION
    assert champion.base_model_dir == tiny_model_dir.resolve()
    text = champion.generate([{"role": "user", "content": "Write an RSI."}], max_new_tokens=4)
    assert isinstance(text, str)
    assert isinstance(champion.generate("def rsi(", max_new_tokens=2), str)


def test_scores_are_logged_to_the_run_and_read_back(
    settings: MlflowSettings, adapter_dir: Path, tiny_model_dir: Path, tmp_path: Path
) -> None:
    import polars as pl

    registered = log_training_run(settings, training_result(adapter_dir), LINEAGE, tiny_model_dir)
    chart = tmp_path / "pass_at_k.png"
    chart.write_bytes(b"\x89PNG\r\n\x1a\n")
    frame = pl.DataFrame({"scope": ["all"], "group": ["all"], "metric": ["pass@1"], "value": [0.5]})
    log_scores(settings, registered.run_id, FULL, "| metric | value |\n|---|---|\n", chart)
    log_scores(settings, registered.run_id, FULL, frame, None, intervals={"pass@1": (0.4, 0.6)})

    client = client_for(settings)
    metrics = client.get_run(registered.run_id).data.metrics
    assert metrics["cryptoeval/pass_at_1"] == 0.5
    assert metrics["cryptoeval/category/indicators/pass_at_1"] == 0.6
    assert metrics["cryptoeval/pass_at_1_ci_low"] == 0.4
    assert metrics["cryptoeval/pass_at_1_ci_high"] == 0.6
    stored = {a.path for a in client.list_artifacts(registered.run_id, "cryptoeval")}
    expected = {"cryptoeval/scores.md", "cryptoeval/scores.json", "cryptoeval/pass_at_k.png"}
    assert stored == expected
    version = client.get_model_version(settings.registered_model_name, registered.version)
    assert version.tags["cryptoeval_pass_at_1"] == "0.5000"

    assert champion_scores(settings) is None
    apply_promotion(settings, registered.version, decide_promotion(FULL, None, 0.05))
    assert champion_scores(settings) == {**FULL, "pass@1_ci_low": 0.4, "pass@1_ci_high": 0.6}


def test_score_keys_round_trip_through_metric_names() -> None:
    keys = ("pass@1", "maj@5", "category/amm_dex/pass@10", "variant/fix/pass@1", "verified@1/fn")
    for key in keys:
        assert "@" not in metric_key(key)
        assert score_key(metric_key(key)) == key
    assert metric_key("category/order_book/pass@1") == "cryptoeval/category/order_book/pass_at_1"


def test_flatten_scores_reads_the_long_scores_frame() -> None:
    import polars as pl

    from cs_pipelines.registry import flatten_scores

    frame = pl.DataFrame(
        {
            "scope": ["all", "all", "category", "difficulty"],
            "group": ["all", "all", "indicators", "hard"],
            "metric": ["pass@1", "maj@5", "pass@1", "pass@1"],
            "value": [0.5, 0.6, 0.7, 0.2],
        }
    )
    assert flatten_scores(frame) == {
        "pass@1": 0.5,
        "maj@5": 0.6,
        "category/indicators/pass@1": 0.7,
        "difficulty/hard/pass@1": 0.2,
    }


def test_an_rl_run_is_registered_with_its_parent_and_estimator(
    settings: MlflowSettings, adapter_dir: Path, tiny_model_dir: Path
) -> None:
    from cs_pipelines.rl.config import RLConfig, resolve_rl
    from cs_pipelines.rl.trainer import RLResult

    result = RLResult(
        adapter_dir=adapter_dir,
        config=resolve_rl(RLConfig(preset="smoke", estimator="passk_loo"), cuda=False),
        parent="cs-trader-coder/1",
        n_tasks=12,
        steps=2,
        duration_s=30.0,
        trainable_parameters=4096,
        lora_change=0.01,
        rollout_tokens=800,
        generation_s=20.0,
        scoring_s=2.0,
        train_s=28.0,
        peak_memory_mb=1200.0,
        history=[
            {"step": 1.0, "reward": 0.1, "rl/filtered_share": 0.5, "timing/step_s": 14.0},
            {"step": 2.0, "reward": 0.3, "rl/filtered_share": 0.0, "timing/step_s": 14.0},
        ],
    )
    lineage = {**LINEAGE, "parent_version": "cs-trader-coder/1", "rl_estimator": "passk_loo"}
    registered = log_training_run(settings, result, lineage, tiny_model_dir)
    client = client_for(settings)
    run = client.get_run(registered.run_id)
    assert run.info.run_name.startswith("rl-smoke-")
    assert run.data.params["estimator"] == "passk_loo" and run.data.params["k"] == "4"
    assert run.data.params["parent_version"] == "cs-trader-coder/1"
    assert run.data.tags["parent_version"] == "cs-trader-coder/1"
    assert [m.value for m in client.get_metric_history(registered.run_id, "reward")] == [0.1, 0.3]
    assert client.get_metric_history(registered.run_id, "rl/filtered_share")[0].value == 0.5
    assert run.data.metrics["final/reward_last"] == 0.3
    assert run.data.metrics["final/generation_share"] == 20.0 / 28.0
    version = client.get_model_version(settings.registered_model_name, registered.version)
    assert version.tags["rl_estimator"] == "passk_loo"
    assert version_origins(settings)[-1] == (
        str(registered.version),
        "RL (passk_loo) from cs-trader-coder/1",
    )
    assert version_parent(settings, registered.version) == "cs-trader-coder/1"
