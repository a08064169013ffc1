"""Which device computes: the platform's one question about a CUDA GPU.

Training presets, CryptoEval's ``auto`` preset, the generators and vLLM all ask it here, so a
run answers it the same way everywhere. torch is imported on first use only.
"""

from __future__ import annotations

import functools


def cuda_available() -> bool:
    """Whether torch sees a CUDA GPU."""
    import torch

    return torch.cuda.is_available()


def default_device() -> str:
    """``cuda`` when a CUDA GPU is visible, else ``cpu``."""
    return "cuda" if cuda_available() else "cpu"


@functools.cache
def cpu_has_bf16() -> bool:
    """Whether this CPU computes bfloat16 natively (AVX512-BF16 or AMX), from ``/proc/cpuinfo``;
    without it bfloat16 is emulated and slower than float32. Read once per process."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            flags = next((line for line in info if line.startswith("flags")), "")
    except OSError:
        return False
    return bool({"avx512_bf16", "amx_bf16"} & set(flags.split()))


def resolve_dtype(dtype: str, device: str | None = None) -> str:
    """The dtype ``auto`` stands for on ``device`` (default: this machine's): bfloat16 on a GPU
    and on a CPU with native bfloat16, float32 elsewhere. Other names pass through."""
    if dtype != "auto":
        return dtype
    device = device or default_device()
    if device.startswith("cuda") or cpu_has_bf16():
        return "bfloat16"
    return "float32"
