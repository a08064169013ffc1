"""Which device computes: the platform's one question about a CUDA GPU.

Training presets, CryptoEval's ``auto`` preset, the generators and vLLM all ask it here, so a
run answers it the same way everywhere. torch is imported on first use only.
"""

from __future__ import annotations


def cuda_available() -> bool:
    """Whether torch sees a CUDA GPU."""
    import torch

    return torch.cuda.is_available()


def default_device() -> str:
    """``cuda`` when a CUDA GPU is visible, else ``cpu``."""
    return "cuda" if cuda_available() else "cpu"
