"""Reinforcement learning with verifiable rewards: advantage estimators, rewards, the GRPO
trainer around TRL and the task pool. Plain Python, no Dagster."""
