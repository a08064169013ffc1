"""The MLflow model each training run logs: a LoRA adapter that names its base model.

Why ``mlflow.pyfunc`` and not ``mlflow.transformers``: the transformers flavor saves (or, with
``save_pretrained=False``, points at a hub repository of) the full base model, which is a local
500 MB folder here and would be copied into every version. The pyfunc model's only artifact is
the adapter folder (a few MB: LoRA weights, adapter config, tokenizer); the base model is
referenced by path (``model_config["base_model_dir"]`` and the version tag ``base_model_dir``)
and identified by its data version in the lineage tags.

The model is logged "from code" (MLflow 3's recommended form: this file is stored with the model
and run at load time; nothing is pickled). Loading needs ``cs_pipelines`` installed and the base
model folder present.
"""

from __future__ import annotations

from typing import Any

import mlflow.models
import mlflow.pyfunc


class AdapterModel(mlflow.pyfunc.PythonModel):
    """``predict`` takes user messages and returns one completion each (the chat template is
    applied, greedy by default); ``params`` may set ``max_new_tokens`` and ``temperature``."""

    def load_context(self, context: Any) -> None:
        from pathlib import Path

        from cs_pipelines.models.generation import TransformersGenerator
        from cs_pipelines.training.sft import load_adapter_model

        base = Path(context.model_config["base_model_dir"])
        adapter = Path(context.artifacts["adapter"])
        model, tokenizer = load_adapter_model(base, adapter, dtype="auto", merge=True)
        self.engine = TransformersGenerator.from_model(model, tokenizer)

    def predict(
        self, context: Any, model_input: list[str], params: dict[str, Any] | None = None
    ) -> list[str]:
        """One completion per user message, all generated in one batched call."""
        kwargs = {k: v for k, v in (params or {}).items() if k in ("max_new_tokens", "temperature")}
        kwargs.setdefault("temperature", 0.0)
        if not model_input:
            return []
        chats = [[{"role": "user", "content": text}] for text in model_input]
        return [per_prompt[0].text for per_prompt in self.engine.generate(chats, **kwargs)]


mlflow.models.set_model(AdapterModel())
