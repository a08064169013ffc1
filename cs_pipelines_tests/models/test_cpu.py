"""Other processes' CPU use, this process's own left out, from scripted /proc readings."""

from __future__ import annotations

import os

import pytest

from cs_pipelines.models import cpu


@pytest.fixture
def readings(monkeypatch: pytest.MonkeyPatch):
    """Feed ``others_busy_cores`` two readings: (machine busy, machine total, own) jiffies."""

    def script(first: tuple[int, int, int], second: tuple[int, int, int]) -> None:
        machine = iter([first[:2], second[:2]])
        own = iter([first[2], second[2]])
        monkeypatch.setattr(cpu, "_machine_busy_and_total", lambda: next(machine))
        monkeypatch.setattr(cpu, "_own_jiffies", lambda: next(own))
        monkeypatch.setattr(cpu.time, "sleep", lambda s: None)

    return script


def test_this_process_own_work_is_not_counted(readings) -> None:
    cores = os.cpu_count() or 1
    total = 100 * cores  # one second on every core
    readings((0, 0, 0), (100, total, 100))  # a full core busy, all of it this process
    assert cpu.others_busy_cores() == 0.0


def test_other_processes_work_is_counted_in_cores(readings) -> None:
    cores = os.cpu_count() or 1
    total = 100 * cores
    readings((500, 1000, 40), (500 + 150, 1000 + total, 40 + 50))  # 1.5 cores, 0.5 ours
    assert cpu.others_busy_cores() == pytest.approx(1.0)


def test_busy_neighbours_leave_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    cores = os.cpu_count() or 1
    monkeypatch.setattr(cpu, "others_busy_cores", lambda: 0.25 * cores)
    assert cpu.free_threads(4) == 1
    monkeypatch.setattr(cpu, "others_busy_cores", lambda: 0.2 * cores)
    assert cpu.free_threads(4) == 4


def test_the_real_readings_are_in_range() -> None:
    assert 0.0 <= cpu.others_busy_cores(0.05) <= (os.cpu_count() or 1) + 0.5
