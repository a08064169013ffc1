"""The advantage estimators against hand-computed values, their sources' formulas (TRL, verl,
MC-GRPO's and Pass@k Training's code, ported literally), brute-force enumeration of the k-sample
objectives, and an exact unbiasedness check on a small softmax policy."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from cs_pipelines.cryptoeval.harness import maj_at_k
from cs_pipelines.rl.estimators import (
    ESTIMATORS,
    compute_advantages,
    majk_loo,
    mc_grpo,
    mc_grpo_pivots,
    passk_analytic,
    passk_loo,
    rf_baseline,
    rloo,
)

GROUP_ESTIMATORS = ["grpo", "dr_grpo", "rloo", "mc_grpo", "passk_loo", "passk_analytic", "majk_loo"]
SIGNATURES = ["a", "b", "c", None]


def _kwargs(name: str, rewards: np.ndarray, k: int = 2) -> dict:
    """What ``compute_advantages`` needs besides the rewards, for any estimator."""
    kwargs: dict = {}
    if name in ("passk_loo", "passk_analytic", "majk_loo"):
        kwargs["k"] = k
    if name == "majk_loo":
        kwargs["signatures"] = [["a"] * rewards.shape[1] for _ in range(rewards.shape[0])]
        kwargs["correct"] = np.ones_like(rewards)
    return kwargs


# --- Reference formulas on hand-written inputs -------------------------------------------------


def test_grpo_by_hand() -> None:
    # mean 0.5; Bessel std sqrt((4 * 0.25) / 3) = sqrt(1/3); TRL's eps 1e-4
    expected = 0.5 / (math.sqrt(1 / 3) + 1e-4)
    got = compute_advantages("grpo", [[1.0, 0.0, 0.0, 1.0]])
    np.testing.assert_allclose(got, [[expected, -expected, -expected, expected]], rtol=1e-12)
    # [1, 2, 6]: mean 3, deviations -2, -1, 3, Bessel variance (4 + 1 + 9) / 2 = 7
    got = compute_advantages("grpo", [[1.0, 2.0, 6.0]])
    np.testing.assert_allclose(got, [[-2.0, -1.0, 3.0]] / (np.sqrt(7.0) + 1e-4), rtol=1e-12)


def test_grpo_matches_trl() -> None:
    torch = pytest.importorskip("torch")
    trl_utils = pytest.importorskip("trl.trainer.utils")
    rng = np.random.default_rng(0)
    rewards = np.round(rng.random((5, 6)) * 3, 1)
    rewards[2] = 0.7  # a zero-std group
    flat = torch.tensor(rewards.ravel(), dtype=torch.float64)
    n = rewards.shape[1]
    # trl/trainer/grpo_trainer.py, scale_rewards="group", sum_then_normalize
    mean = torch.nanmean(flat.view(-1, n), dim=1).repeat_interleave(n, dim=0)
    std = trl_utils.nanstd(flat.view(-1, n), dim=1).repeat_interleave(n, dim=0)
    trl_adv = ((flat - mean) / (std + 1e-4)).view(-1, n).numpy()
    # rtol 1e-7: TRL's Bessel factor count / (count - 1) is a float32 tensor
    got = compute_advantages("grpo", rewards)
    np.testing.assert_allclose(got, trl_adv, rtol=1e-7, atol=1e-12)
    # and it is not the biased std
    biased = (rewards - rewards.mean(1, keepdims=True)) / (rewards.std(1, keepdims=True) + 1e-4)
    assert not np.allclose(got, biased, rtol=1e-3)


def test_dr_grpo_and_rloo_by_hand() -> None:
    rewards = [[1.0, 2.0, 6.0], [0.0, 0.0, 3.0]]
    np.testing.assert_allclose(
        compute_advantages("dr_grpo", rewards), [[-2.0, -1.0, 3.0], [-1.0, -1.0, 2.0]]
    )
    # rloo: 1 - (2 + 6)/2, 2 - (1 + 6)/2, 6 - (1 + 2)/2; 0 - 1.5, 0 - 1.5, 3 - 0
    np.testing.assert_allclose(
        compute_advantages("rloo", rewards), [[-3.0, -1.5, 4.5], [-1.5, -1.5, 3.0]]
    )


def test_rf_baseline_by_hand() -> None:
    # centred [[0.5, -0.5], [0, 0]]; batch mean 0; unbiased variance (4 * 0.25 / 2) / 3 = 1/6
    a = 0.5 / math.sqrt(1 / 6 + 1e-8)
    got = compute_advantages("rf++baseline", [[1.0, 0.0], [3.0, 3.0]])
    np.testing.assert_allclose(got, [[a, -a], [0.0, 0.0]], rtol=1e-12, atol=1e-15)
    # the same group alone: variance (2 * 0.25) / 1 = 0.5, so other groups change its advantages
    b = 0.5 / math.sqrt(0.5 + 1e-8)
    np.testing.assert_allclose(
        compute_advantages("rf++baseline", [[1.0, 0.0]]), [[b, -b]], rtol=1e-12
    )
    assert abs(a) != pytest.approx(abs(b))


def test_rf_baseline_all_equal_group_depends_on_the_batch() -> None:
    # An all-equal group gets 0 (its centred rewards are 0 and the batch mean of centred
    # rewards is 0), while the other groups' scale depends on every group in the batch.
    lone = rf_baseline([[4.0, 1.0, 2.0]])
    with_flat = rf_baseline([[4.0, 1.0, 2.0], [5.0, 5.0, 5.0]])
    np.testing.assert_allclose(with_flat[1], 0.0, atol=1e-12)
    # 3 non-zero of 3 samples vs 3 non-zero of 6: sum of squares fixed, so var ratio is 5/2
    np.testing.assert_allclose(with_flat[0], lone[0] * math.sqrt(5 / 2), rtol=1e-6)
    assert not np.allclose(with_flat[0], lone[0])


def test_rf_baseline_matches_verl() -> None:
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(1)
    rewards = rng.integers(0, 3, size=(4, 5)).astype(float)
    scores = torch.tensor(rewards.ravel(), dtype=torch.float64)
    n_resp, length = scores.shape[0], 3
    # verl compute_reinforce_plus_plus_baseline_outcome_advantage, equal response lengths
    index = np.repeat(np.arange(rewards.shape[0]), rewards.shape[1])
    means = {g: scores[index == g].mean() for g in set(index.tolist())}
    for i in range(n_resp):
        scores[i] = scores[i] - means[int(index[i])]
    mask = torch.ones(n_resp, length, dtype=torch.float64)
    tiled = scores.unsqueeze(-1).tile([1, length]) * mask
    mean = (tiled * mask).sum() / (mask.sum() + 1e-8)  # masked_mean
    var = ((tiled - mean) ** 2 * mask).sum() / (mask.sum() + 1e-8)  # masked_var, unbiased
    var = var * mask.sum() / (mask.sum() - 1)
    verl = ((tiled - mean) * torch.rsqrt(var + 1e-8) * mask)[:, 0].view(rewards.shape)
    # verl whitens the tiled tokens: its variance has a Bessel factor over n * length tokens
    samples, tokens = rewards.size, rewards.size * length
    to_samples = math.sqrt((tokens / (tokens - 1)) / (samples / (samples - 1)))
    np.testing.assert_allclose(
        rf_baseline(rewards), verl.numpy() * to_samples, rtol=1e-6, atol=1e-12
    )


def test_mc_grpo_by_hand() -> None:
    # [0, 0.2, 0.9]: median 0.2, |dev| [0.2, 0, 0.7] -> MAD 0.2; two non-zero of 3 -> x 3/2
    s = 1.5 / (0.2 + 1e-3)
    # [0.1, 0.4, 0.5, 1.0]: lower median 0.4, |dev| sorted [0, 0.1, 0.3, 0.6] -> MAD 0.1
    t = (4 / 3) / (0.1 + 1e-3)
    got = mc_grpo([[0.1, 0.4, 0.5, 1.0]])
    np.testing.assert_allclose(got, [[-0.3 * t, 0.0, 0.1 * t, 0.6 * t]], rtol=1e-12)
    got = mc_grpo([[0.0, 0.2, 0.9]])
    np.testing.assert_allclose(got, [[-0.2 * s, 0.0, 0.7 * s]], rtol=1e-12)
    # binary rewards, odd n: MAD 0, so 1 / 1e-3 x 3 / 1 (the authors' code does the same)
    np.testing.assert_allclose(mc_grpo([[1.0, 0.0, 0.0]]), [[3000.0, 0.0, 0.0]], rtol=1e-12)
    np.testing.assert_array_equal(mc_grpo_pivots([[0.0, 0.2, 0.9], [1.0, 0.0, 0.0]]), [1, 1])


def _mc_grpo_authors(rewards: np.ndarray) -> np.ndarray:
    """MC-GRPO's grpo_trainer_gsm.py (mc=True, train), ported line for line."""
    import torch

    n = rewards.shape[1]
    flat = torch.tensor(rewards.ravel(), dtype=torch.float64)
    grouped = flat.view(-1, n)
    median = grouped.median(dim=1).values
    abs_dev = (grouped - median.unsqueeze(1).expand_as(grouped)).abs()
    mad = (abs_dev.median(dim=1).values + 1e-3).repeat_interleave(n, dim=0)
    adv = (flat - median.repeat_interleave(n, dim=0)) / mad
    adv_grouped = adv.view(-1, n)
    for row in adv_grouped:
        non_zero = ~torch.isclose(row, torch.zeros_like(row), atol=1e-6)
        if non_zero.sum().item() > 0:
            row[non_zero] = row[non_zero] * (n / non_zero.sum().item())
    return adv_grouped.numpy()


def test_mc_grpo_matches_the_authors_code() -> None:
    pytest.importorskip("torch")
    rng = np.random.default_rng(2)
    for n in (2, 3, 4, 5, 9):
        rewards = np.round(rng.random((6, n)), 2)
        rewards[0] = 0.5
        rewards[1, : n // 2 + 1] = 1.0
        np.testing.assert_allclose(mc_grpo(rewards), _mc_grpo_authors(rewards), rtol=1e-12)


def test_passk_analytic_by_hand() -> None:
    # N=4, k=2, c=1: R = 1 - C(3,2)/C(4,2) = 1/2, sigma 1/2;
    # correct (1/2)/(1/2) = 1, wrong (1/2 - C(2,1)/C(3,1))/(1/2) = -1/3
    got = passk_analytic([[1.0, 0.0, 0.0, 0.0]], 2)
    np.testing.assert_allclose(got, [[1.0, -1 / 3, -1 / 3, -1 / 3]], rtol=1e-5)
    # c=2: R = 5/6, sigma sqrt(5)/6; correct (1/6)/sigma = 1/sqrt(5), wrong (1/6 - 1/3)/sigma
    got = passk_analytic([[0.5, 1.0, 0.99, 1.2]], 2)  # graded: >= 1.0 is correct
    r5 = 1 / math.sqrt(5)
    np.testing.assert_allclose(got, [[-r5, r5, -r5, r5]], rtol=1e-5)
    np.testing.assert_allclose(passk_analytic([[0.5, 1.0, 0.99, 1.2]], 2, threshold=0.5), 0.0)
    both = compute_advantages("passk_analytic", [[1.0, 1.0, 1.0], [0.0, 0.0, 0.0]], k=2)
    np.testing.assert_array_equal(both, np.zeros((2, 3)))


def _passk_adv_authors(val: np.ndarray, k: int) -> np.ndarray:
    """Pass@k Training's code/passk_adv.py calc_adv, ported line for line."""
    from scipy.special import comb

    c = len(np.where(val == 1)[0])
    n = len(val)
    rho = 1 - comb(n - c, k) / comb(n, k)
    sigma = np.sqrt(rho * (1 - rho))
    adv_p = (1 - rho) / (sigma + 1e-6)
    adv_n = (1 - rho - comb(n - c - 1, k - 1) / comb(n - 1, k - 1)) / (sigma + 1e-6)
    new_val = np.where(val == 1, adv_p, val)
    return np.where(new_val == 0, adv_n, new_val)


def test_passk_analytic_matches_the_authors_code() -> None:
    rng = np.random.default_rng(3)
    for n in range(2, 9):
        rewards = rng.integers(0, 2, size=(8, n)).astype(float)
        for k in range(1, n + 1):
            expected = np.array([_passk_adv_authors(row, k) for row in rewards])
            np.testing.assert_allclose(passk_analytic(rewards, k), expected, rtol=1e-12)


# --- Brute force over k-subsets ----------------------------------------------------------------


def _brute_loo(values: list, k: int, f) -> np.ndarray:
    """``mean over k-subsets S holding i of f(S) - f(S without i)``, f of a list of values.

    For k = 1 the baseline of the empty set is the mean of f over the other single samples.
    """
    n = len(values)
    out = np.zeros(n)
    for i in range(n):
        others = [j for j in range(n) if j != i]
        if k == 1:
            out[i] = f([values[i]]) - np.mean([f([values[j]]) for j in others])
            continue
        diffs = [
            f([values[j] for j in (i, *rest)]) - f([values[j] for j in rest])
            for rest in itertools.combinations(others, k - 1)
        ]
        out[i] = np.mean(diffs)
    return out


def _best(values: list) -> float:
    return max(values)


def _reward_groups(rng: np.random.Generator, n: int) -> np.ndarray:
    """Graded rewards with ties, binary rewards, and an all-equal group."""
    graded = rng.integers(0, 4, size=(4, n)) / 3
    binary = rng.integers(0, 2, size=(4, n)).astype(float)
    continuous = rng.normal(size=(2, n))
    return np.vstack([graded, binary, continuous, np.full((1, n), 0.25)])


@pytest.mark.parametrize("n", [2, 3, 4, 5, 7])
def test_passk_loo_matches_brute_force(n: int) -> None:
    rng = np.random.default_rng(n)
    rewards = _reward_groups(rng, n)
    for k in range(1, n + 1):
        expected = np.array([_brute_loo(list(row), k, _best) for row in rewards])
        np.testing.assert_allclose(passk_loo(rewards, k), expected, rtol=1e-12, atol=1e-12)
    # k = n: max of all minus max of the others
    top = np.array([[row.max() - np.delete(row, i).max() for i in range(n)] for row in rewards])
    np.testing.assert_allclose(passk_loo(rewards, n), top, atol=1e-12)
    # k = 1: the baseline of the empty set is the others' mean, i.e. rloo
    np.testing.assert_allclose(passk_loo(rewards, 1), rloo(rewards), atol=1e-12)
    assert not np.allclose(passk_loo(rewards, 2), rloo(rewards))


def test_passk_loo_is_exact_for_large_groups() -> None:
    rng = np.random.default_rng(11)
    rewards = rng.integers(0, 5, size=(2, 64)) / 4
    # k = 64: only the strict maximum gets anything, max - second max
    got = passk_loo(rewards, 64)
    for row, adv in zip(rewards, got, strict=True):
        top2 = np.sort(row)[-2:]
        assert np.count_nonzero(adv) == (1 if top2[1] > top2[0] else 0)
        assert adv.max() == pytest.approx(top2[1] - top2[0])
    # binary rewards: a correct sample scores when all k-1 others in S are wrong
    binary = rng.integers(0, 2, size=(1, 40)).astype(float)
    c = int(binary.sum())
    expected = math.comb(40 - c, 9) / math.comb(39, 9)
    got = passk_loo(binary, 10)
    np.testing.assert_allclose(got[binary == 1], expected, rtol=1e-12)
    np.testing.assert_array_equal(got[binary == 0], 0.0)


def _random_votes(rng: np.random.Generator, n: int) -> tuple[list, list]:
    """Signatures (None included) and correctness, mixed within a signature at times."""
    sigs = [SIGNATURES[j] for j in rng.integers(0, len(SIGNATURES), size=n)]
    ok = [bool(x) for x in rng.integers(0, 2, size=n)]
    return sigs, ok


def _maj(votes: list) -> float:
    return maj_at_k(votes, len(votes)) if votes else 0.0


@pytest.mark.parametrize("n", [2, 3, 4, 6])
def test_majk_loo_matches_brute_force_with_maj_at_k(n: int) -> None:
    rng = np.random.default_rng(100 + n)
    groups = [_random_votes(rng, n) for _ in range(12)]
    groups.append(([None] * n, [False] * n))  # no signature at all
    groups.append((["a"] * n, [True] * n))  # unanimous
    signatures = [sigs for sigs, _ in groups]
    correct = [ok for _, ok in groups]
    rewards = np.zeros((len(groups), n))
    for k in range(1, n + 1):
        got = majk_loo(rewards, k, signatures, correct)
        for g, (sigs, ok) in enumerate(groups):
            expected = _brute_loo(list(zip(sigs, ok, strict=True)), k, _maj)
            np.testing.assert_allclose(got[g], expected, atol=1e-12, err_msg=f"k={k} g={g}")
        np.testing.assert_array_equal(got[-2:], 0.0)


def test_majk_loo_by_hand() -> None:
    # k=2, signatures a, b, None, a, correct 1, 0, 0, 1. Sample 0's subsets {0,1}: a-b tie ->
    # (1 + 0)/2 - f({1}) = 0.5; {0,2}: 1 - 0; {0,3}: 1 - 1 = 0 -> mean 0.5. Sample 1: {1,0}:
    # 0.5 - 1; {1,2}: 0 - 0; {1,3}: 0.5 - 1 -> -1/3. Sample 2: {2,0}: 1 - 1; {2,1}: 0 - 0;
    # {2,3}: 1 - 1 -> 0.
    got = majk_loo(np.zeros((1, 4)), 2, [["a", "b", None, "a"]], [[1, 0, 0, 1]])
    np.testing.assert_allclose(got, [[0.5, -1 / 3, 0.0, 0.5]], atol=1e-12)


# --- Unbiasedness: exact expectation under a small softmax policy ------------------------------


def _softmax_check(n: int, k: int, outcomes: list, f, estimate) -> None:
    """``E[sum_i A_i grad log p(y_i)] == (n / k) grad E[f(k samples)]``, both exact.

    The policy is a softmax over ``outcomes``; ``grad log p(y) = onehot(y) - p``. ``estimate``
    maps an array of outcome indices ``[T, n]`` to advantages ``[T, n]``.
    """
    m = len(outcomes)
    p = np.exp(np.array([0.3, -0.2, 0.5, 0.1, -0.4][:m]))
    p /= p.sum()
    eye = np.eye(m)
    # gradient of J = E[f(y_1..y_k)] = E[f(Y) sum_j (onehot(y_j) - p)], over all k-tuples
    tuples = np.array(list(itertools.product(range(m), repeat=k)))
    values = np.array([f([outcomes[j] for j in row]) for row in tuples])
    grad_j = (np.prod(p[tuples], axis=1) * values) @ (eye[tuples] - p).sum(axis=1)
    # expectation of the estimator, over all n-tuples
    tuples = np.array(list(itertools.product(range(m), repeat=n)))
    probs = np.prod(p[tuples], axis=1)
    grad_est = np.einsum("t,ti,tim->m", probs, estimate(tuples), eye[tuples] - p)
    np.testing.assert_allclose(grad_est, (n / k) * grad_j, atol=1e-12)
    assert np.abs(grad_j).max() > 1e-3  # the check is not vacuous


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_passk_loo_is_unbiased(k: int) -> None:
    outcomes = [0.0, 0.5, 1.0]
    _softmax_check(4, k, outcomes, _best, lambda t: passk_loo(np.array(outcomes)[t], k))


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_majk_loo_is_unbiased(k: int) -> None:
    outcomes = [("a", True), ("b", False), ("b", True), (None, False)]

    def estimate(tuples: np.ndarray) -> np.ndarray:
        sigs = [[outcomes[j][0] for j in row] for row in tuples]
        ok = [[outcomes[j][1] for j in row] for row in tuples]
        return majk_loo(np.zeros(tuples.shape), k, sigs, ok)

    _softmax_check(4, k, outcomes, _maj, estimate)


def test_rloo_is_unbiased() -> None:
    outcomes = [0.0, 0.25, 1.0]
    _softmax_check(3, 1, outcomes, _best, lambda t: rloo(np.array(outcomes)[t]))


@pytest.mark.parametrize("name", GROUP_ESTIMATORS)
def test_all_equal_groups_get_zero(name: str) -> None:
    rewards = np.array([[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0], [0.3, 0.3, 0.3, 0.3]])
    for k in (1, 2, 4) if name in ("passk_loo", "passk_analytic", "majk_loo") else (2,):
        got = compute_advantages(name, rewards, **_kwargs(name, rewards, k))
        np.testing.assert_array_equal(got, 0.0)


# --- Bad input ---------------------------------------------------------------------------------


def test_unknown_name() -> None:
    with pytest.raises(ValueError, match="unknown advantage estimator 'ppo'"):
        compute_advantages("ppo", [[1.0, 0.0]])


@pytest.mark.parametrize("name", sorted(ESTIMATORS))
@pytest.mark.parametrize(
    ("rewards", "message"),
    [
        ([1.0, 0.0, 1.0], r"rewards must be \[groups, samples\]"),
        ([[[1.0, 0.0]]], r"rewards must be \[groups, samples\]"),
        ([[1.0], [0.0]], "need at least 2 samples a group, got 1"),
        (np.zeros((0, 3)), "rewards has no groups"),
        ([[1.0, 0.0, 1.0], [0.0, 1.0, np.nan]], "group 1, sample 2 is nan"),
        ([[1.0, np.inf, 1.0]], "group 0, sample 1 is inf"),
    ],
)
def test_bad_rewards(name: str, rewards: object, message: str) -> None:
    shape = np.shape(rewards)
    good = np.zeros(shape[:2] if len(shape) >= 2 else (1, 3))
    kwargs = _kwargs(name, good, k=1)
    with pytest.raises(ValueError, match=message):
        compute_advantages(name, rewards, **kwargs)


@pytest.mark.parametrize("name", ["passk_loo", "passk_analytic", "majk_loo"])
@pytest.mark.parametrize("k", [0, 4, -1, 2.0, True])
def test_bad_k(name: str, k: object) -> None:
    rewards = np.zeros((2, 3))
    kwargs = _kwargs(name, rewards)
    kwargs["k"] = k
    with pytest.raises(ValueError, match=r"1 <= k <= n|k must be an integer"):
        compute_advantages(name, rewards, **kwargs)


def test_missing_or_unused_inputs() -> None:
    rewards = np.zeros((1, 3))
    with pytest.raises(ValueError, match="'passk_loo' needs k"):
        compute_advantages("passk_loo", rewards)
    with pytest.raises(ValueError, match="'majk_loo' needs signatures and correct"):
        compute_advantages("majk_loo", rewards, k=2, signatures=[["a", "b", "c"]])
    with pytest.raises(ValueError, match="'grpo' takes no k"):
        compute_advantages("grpo", rewards, k=2)
    with pytest.raises(ValueError, match="'rloo' takes no signatures"):
        compute_advantages("rloo", rewards, signatures=[["a", "b", "c"]], correct=[[1, 0, 0]])


def test_bad_votes() -> None:
    rewards = np.zeros((2, 3))
    ok = np.ones((2, 3))
    with pytest.raises(ValueError, match="signatures has 1 groups, rewards 2"):
        majk_loo(rewards, 2, [["a", "b", "c"]], ok)
    with pytest.raises(ValueError, match="signatures group 1 has 2 samples, rewards 3"):
        majk_loo(rewards, 2, [["a", "b", "c"], ["a", "b"]], ok)
    with pytest.raises(ValueError, match=r"correct has shape \(3,\), rewards \(2, 3\)"):
        majk_loo(rewards, 2, [["a"] * 3] * 2, [1, 0, 1])
    with pytest.raises(ValueError, match=r"values in \[0, 1\]"):
        majk_loo(rewards, 2, [["a"] * 3] * 2, ok * 2)
    with pytest.raises(ValueError, match="over the limit"):
        majk_loo(np.zeros((1, 24)), 12, [["a"] * 24], np.ones((1, 24)))
