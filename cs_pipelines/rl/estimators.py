"""Advantage estimators for GRPO-style RL: pure functions of a (groups x samples) reward matrix.

Every estimator takes ``rewards`` of shape ``[G, n]`` (one row per prompt, ``n >= 2`` samples
each) and returns advantages of the same shape. :func:`compute_advantages` dispatches by name
(:data:`ESTIMATORS`) and checks the inputs; each estimator checks them too when called directly.

- ``grpo``: ``(r - group mean) / (group std + 1e-4)``, the std with Bessel's correction. This is
  TRL's ``GRPOTrainer`` with ``scale_rewards="group"`` (trl 1.16, ``trl/trainer/grpo_trainer.py``:
  ``advantages / (std_rewards + 1e-4)`` with ``std_rewards = nanstd(...)``, Bessel-corrected).
- ``dr_grpo``: ``r - group mean`` (Dr. GRPO, arXiv 2503.20783; TRL's ``scale_rewards="none"``).
- ``rloo``: ``r_i - mean of the other n - 1 rewards`` (leave-one-out; OpenRLHF's ``rloo``).
- ``rf++baseline``: REINFORCE++-baseline (arXiv 2501.03262): subtract the group mean, then
  whiten over the whole batch, ``(a - mean(a)) / sqrt(var(a) + 1e-8)`` with the unbiased
  variance: verl's ``compute_reinforce_plus_plus_baseline_outcome_advantage``
  (``verl/trainer/ppo/core_algos.py``) with ``masked_whiten`` / ``masked_var(unbiased=True)``
  (``verl/utils/torch_functional.py``). OpenRLHF's ``reinforce_baseline``
  (``openrlhf/trainer/ppo_utils/experience_maker.py``) whitens the same way but with the biased
  variance clamped at 1e-8, a factor ``sqrt((N - 1) / N)`` apart. Both frameworks whiten over
  tokens (a response weighs by its length); here every sample weighs the same, as if all
  responses had equal length. Other groups in the batch therefore change a group's advantages.
- ``mc_grpo``: MC-GRPO (arXiv 2601.22582), as the authors' code does it in training
  (github.com/lotusroot-kim/MC-GRPO, ``src/open_r1/grpo_trainer_gsm.py``, ``mc=True``): the
  baseline is the group median and the scale the median absolute deviation (MAD) plus 1e-3,
  ``(r - med) / (MAD + 1e-3)``, both medians the lower one for an even count (``torch.median``);
  then each group's non-zero advantages (``|A| > 1e-6``) are multiplied by ``n / #non-zero``; no
  std scaling. The paper samples ``G + 1`` rollouts and drops the median one (the pivot, whose
  advantage is 0) from the update: :func:`mc_grpo_pivots` gives its index per group. Note: with
  binary rewards and odd n the MAD is 0, so advantages are ``+-1000 x n / #non-zero`` (as in the
  authors' code).
- ``passk_loo`` (arXiv 2503.19595, the pass@k / best-of-k objective ``J = E_S[max_{j in S} r_j]``
  over uniform k-subsets S): ``A_i = mean over k-subsets S containing i of
  [max_S r - max_{S without i} r]``; for ``k == n`` that is ``max_j r_j - max_{j != i} r_j``. In
  closed form, sorting the group: the weight of the j-th smallest reward being the maximum of
  ``S without i`` is ``C(j - 1, k - 2) / C(n - 1, k - 1)``, so the group costs O(n log n). For
  ``k == 1`` the set ``S without i`` is empty; its baseline is then the mean of the other
  rewards, so ``passk_loo`` with ``k=1`` is ``rloo`` (our choice: any baseline independent of
  sample i keeps the estimator unbiased, and this one is the usual one).
- ``passk_analytic`` (Pass@k Training, arXiv 2508.10751, github.com/RUCAIBox/Passk_Training
  ``code/passk_adv.py``): binary rewards (``r >= threshold`` is correct, default 1.0), N samples,
  c correct, ``R = 1 - C(N - c, k) / C(N, k)``, ``s = sqrt(R (1 - R))``; correct samples get
  ``(1 - R) / (s + 1e-6)``, incorrect ones ``(1 - R - C(N - c - 1, k - 1) / C(N - 1, k - 1)) /
  (s + 1e-6)`` (the 1e-6 is the authors' code's); ``s == 0`` (all correct, all wrong) gives 0.
- ``majk_loo`` (arXiv 2503.19595, the majority-vote objective): ``f(S)`` is the correctness of
  the majority answer among the samples S: the cluster (same signature) with the most members in
  S wins, ties broken uniformly, samples without a signature (None) never win, no signature at
  all (and the empty set) scores 0; the winner is a uniform member of its cluster, so ``f`` is
  the mean over the tied clusters of their pass rates among S. This is the rule of
  ``cs_pipelines.cryptoeval.harness.maj_at_k`` applied to the votes in S.
  ``A_i = mean over k-subsets S containing i of [f(S) - f(S without i)]``, by enumeration (at
  most :data:`MAJ_ENUM_LIMIT` subsets; ``k == n`` costs n + 1 evaluations at any n). For
  ``k == 1`` the empty set's baseline is, as in ``passk_loo``, the mean of ``f`` over the other
  single samples (``f({j})`` is sample j's correctness, 0 without a signature): ``f(empty) = 0``
  would be unbiased too but gives an all-equal group non-zero advantages. The rewards only fix
  the shape; ``signatures`` and ``correct`` carry the votes.

The leave-one-out estimators are unbiased: with ``A`` as above, ``sum_i A_i grad log p(y_i)``
has expectation ``n / k`` times the gradient of the k-sample objective.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import numpy as np

GRPO_EPS = 1e-4  # TRL: advantages / (std_rewards + 1e-4)
WHITEN_EPS = 1e-8  # verl masked_whiten: (x - mean) * rsqrt(var + 1e-8)
MC_GRPO_EPS = 1e-3  # MC-GRPO's code: mad_rewards + 1e-3
MC_GRPO_ZERO_ATOL = 1e-6  # MC-GRPO's code: isclose(advantage, 0, atol=1e-6) counts as zero
PASSK_ANALYTIC_EPS = 1e-6  # Pass@k Training's code: / (sigma + 1e-6)
MAJ_ENUM_LIMIT = 200_000  # majk_loo enumerates at most this many k- plus (k-1)-subsets a group

Signature = Hashable | None
Estimator = Callable[..., np.ndarray]
K_ESTIMATORS = frozenset({"passk_loo", "passk_analytic", "majk_loo"})
VOTE_ESTIMATORS = frozenset({"majk_loo"})


def compute_advantages(
    name: str,
    rewards: Any,
    *,
    k: int | None = None,
    signatures: Sequence[Sequence[Signature]] | None = None,
    correct: Any = None,
    threshold: float = 1.0,
) -> np.ndarray:
    """Advantages of ``rewards`` (``[G, n]``) by the estimator ``name`` (see :data:`ESTIMATORS`).

    ``k`` is needed by (and only by) ``passk_loo``, ``passk_analytic`` and ``majk_loo``;
    ``signatures`` and ``correct`` by ``majk_loo``; ``threshold`` is ``passk_analytic``'s.
    Raises ValueError on an unknown name, a malformed input or a missing one.
    """
    if name not in ESTIMATORS:
        raise ValueError(f"unknown advantage estimator {name!r}; known: {sorted(ESTIMATORS)}")
    if name in K_ESTIMATORS and k is None:
        raise ValueError(f"estimator {name!r} needs k")
    if name not in K_ESTIMATORS and k is not None:
        raise ValueError(f"estimator {name!r} takes no k (only {sorted(K_ESTIMATORS)} do)")
    takes_votes = name in VOTE_ESTIMATORS
    if takes_votes and (signatures is None or correct is None):
        raise ValueError(f"estimator {name!r} needs signatures and correct")
    if not takes_votes and (signatures is not None or correct is not None):
        raise ValueError(f"estimator {name!r} takes no signatures or correct")
    if name == "majk_loo":
        assert k is not None and signatures is not None
        return majk_loo(rewards, k, signatures, correct)
    if name == "passk_analytic":
        assert k is not None
        return passk_analytic(rewards, k, threshold=threshold)
    if name == "passk_loo":
        assert k is not None
        return passk_loo(rewards, k)
    return ESTIMATORS[name](rewards)


def grpo(rewards: Any) -> np.ndarray:
    """``(r - group mean) / (Bessel-corrected group std + 1e-4)``, TRL's group scaling."""
    r = check_rewards(rewards)
    std = r.std(axis=1, ddof=1, keepdims=True)
    return (r - r.mean(axis=1, keepdims=True)) / (std + GRPO_EPS)


def dr_grpo(rewards: Any) -> np.ndarray:
    """``r - group mean`` (Dr. GRPO: no std scaling)."""
    r = check_rewards(rewards)
    return r - r.mean(axis=1, keepdims=True)


def rloo(rewards: Any) -> np.ndarray:
    """``r_i`` minus the mean of the other rewards of its group (leave-one-out baseline)."""
    r = check_rewards(rewards)
    n = r.shape[1]
    return r - (r.sum(axis=1, keepdims=True) - r) / (n - 1)


def rf_baseline(rewards: Any) -> np.ndarray:
    """REINFORCE++-baseline: group-mean centring, then whitening over the whole batch (verl)."""
    centred = dr_grpo(rewards)
    var = centred.var(ddof=1)  # every sample of every group; n >= 2 so at least 2 of them
    return (centred - centred.mean()) / np.sqrt(var + WHITEN_EPS)


def mc_grpo(rewards: Any) -> np.ndarray:
    """MC-GRPO: ``(r - median) / (MAD + 1e-3)``, non-zero ones scaled by ``n / #non-zero``."""
    r = check_rewards(rewards)
    median = _lower_median(r)
    mad = _lower_median(np.abs(r - median))
    adv = (r - median) / (mad + MC_GRPO_EPS)
    nonzero = np.abs(adv) > MC_GRPO_ZERO_ATOL
    n_nonzero = nonzero.sum(axis=1, keepdims=True)
    scale = np.where(n_nonzero > 0, r.shape[1] / np.maximum(n_nonzero, 1), 1.0)
    return np.where(nonzero, adv * scale, adv)


def mc_grpo_pivots(rewards: Any) -> np.ndarray:
    """Per group, the index of MC-GRPO's pivot: the first sample whose reward is the median.

    MC-GRPO leaves it out of the update (its advantage is 0); ``torch.median``, which the
    authors' code uses, does not say which of several tied samples it returns.
    """
    r = check_rewards(rewards)
    return np.argmax(r == _lower_median(r), axis=1)


def passk_loo(rewards: Any, k: int) -> np.ndarray:
    """Leave-one-out advantages of the best-of-k objective ``E_S[max_{j in S} r_j]``."""
    r = check_rewards(rewards)
    n = r.shape[1]
    check_k(k, n)
    if k == 1:
        return rloo(r)
    weights = _max_weights(n, k)
    cum_w = np.concatenate([[0.0], np.cumsum(weights)])
    out = np.empty_like(r)
    for g, row in enumerate(r):
        order = np.sort(row)
        cum_wv = np.concatenate([[0.0], np.cumsum(weights * order[:-1])])
        below = np.searchsorted(order, row, side="left")  # how many rewards are < r_i
        out[g] = row * cum_w[below] - cum_wv[below]
    return out


def _max_weights(n: int, k: int) -> np.ndarray:
    """``w[j-1] = C(j - 1, k - 2) / C(n - 1, k - 1)`` for j in 1..n-1, for 2 <= k <= n.

    Among the (k-1)-subsets T of the other n - 1 samples, the fraction whose maximum is the j-th
    smallest of them (ties ordered by position). Exact integers, one rounding per weight.
    """
    denom = math.comb(n - 1, k - 1)
    return np.array([math.comb(j - 1, k - 2) / denom for j in range(1, n)], dtype=float)


def passk_analytic(rewards: Any, k: int, *, threshold: float = 1.0) -> np.ndarray:
    """Pass@k Training's analytic advantages; ``r >= threshold`` counts as correct."""
    r = check_rewards(rewards)
    n = r.shape[1]
    check_k(k, n)
    ok = r >= threshold
    out = np.zeros_like(r)
    for g, row_ok in enumerate(ok):
        out[g] = _passk_analytic_group(row_ok, n, int(row_ok.sum()), k)
    return out


def _passk_analytic_group(ok: np.ndarray, n: int, c: int, k: int) -> np.ndarray:
    """One group's advantages: N = n samples, c of them correct."""
    pass_k = 1.0 - math.comb(n - c, k) / math.comb(n, k)  # math.comb is 0 when n - c < k
    sigma = math.sqrt(pass_k * (1.0 - pass_k))
    if sigma == 0.0:
        return np.zeros(n)
    adv_correct = (1.0 - pass_k) / (sigma + PASSK_ANALYTIC_EPS)
    all_wrong_rest = math.comb(n - c - 1, k - 1) / math.comb(n - 1, k - 1)  # c < n here
    adv_wrong = (1.0 - pass_k - all_wrong_rest) / (sigma + PASSK_ANALYTIC_EPS)
    return np.where(ok, adv_correct, adv_wrong)


def majk_loo(
    rewards: Any,
    k: int,
    signatures: Sequence[Sequence[Signature]],
    correct: Any,
) -> np.ndarray:
    """Leave-one-out advantages of the majority-vote-over-k objective ``E_S[f(S)]``.

    ``signatures[g][i]`` is sample i's answer signature (None: no answer) and ``correct[g][i]``
    whether (or how much, in [0, 1]) that answer is correct.
    """
    r = check_rewards(rewards)
    n_groups, n = r.shape
    check_k(k, n)
    labels = _signature_labels(signatures, n_groups, n)
    ok = _check_correct(correct, r.shape)
    if k == 1:
        return rloo(np.where(labels >= 0, ok, 0.0))
    n_subsets = math.comb(n, k) + math.comb(n, k - 1)
    if n_subsets > MAJ_ENUM_LIMIT:
        raise ValueError(
            f"majk_loo with n={n}, k={k} would enumerate {n_subsets} subsets a group, "
            f"over the limit of {MAJ_ENUM_LIMIT}"
        )
    with_i = _subsets(n, k)
    without_i = _subsets(n, k - 1)
    member = _membership(with_i, n)
    outside = ~_membership(without_i, n)
    per_i = math.comb(n - 1, k - 1)  # k-subsets holding i = (k-1)-subsets of the others
    out = np.empty_like(r)
    for g in range(n_groups):
        f_with = _majority_scores(labels[g][with_i], ok[g][with_i])
        f_without = _majority_scores(labels[g][without_i], ok[g][without_i])
        out[g] = (f_with @ member - f_without @ outside) / per_i
    return out


def _subsets(n: int, size: int) -> np.ndarray:
    """All ``size``-subsets of ``range(n)``, one a row (1 <= size <= n)."""
    rows = list(itertools.combinations(range(n), size))
    return np.array(rows, dtype=np.int64).reshape(len(rows), size)


def _membership(subsets: np.ndarray, n: int) -> np.ndarray:
    """``[rows, n]`` boolean: does the row's subset hold sample j."""
    member = np.zeros((subsets.shape[0], n), dtype=bool)
    np.put_along_axis(member, subsets, True, axis=1)
    return member


def _majority_scores(labels: np.ndarray, ok: np.ndarray) -> np.ndarray:
    """Per row of cluster labels (-1: no signature): the voted cluster's pass rate in the row.

    Mirrors ``cryptoeval.harness._majority_scores``, with pass rates among the row's samples.
    """
    rows = labels.shape[0]
    n_clusters = int(labels.max()) + 1
    if n_clusters == 0:  # no signature at all
        return np.zeros(rows)
    n_bins = n_clusters + 1  # cluster c -> bin c, no signature (-1) -> the last bin
    bins = np.where(labels < 0, n_bins - 1, labels) + np.arange(rows)[:, None] * n_bins
    counts = np.bincount(bins.ravel(), minlength=rows * n_bins).reshape(rows, n_bins)[:, :-1]
    passes = np.bincount(bins.ravel(), weights=ok.ravel(), minlength=rows * n_bins)
    passes = passes.reshape(rows, n_bins)[:, :-1]
    best = counts.max(axis=1, keepdims=True)
    winners = (counts == best) & (best > 0)
    rates = np.where(winners, passes / np.maximum(counts, 1), 0.0)
    n_winners = winners.sum(axis=1)
    return np.where(n_winners > 0, rates.sum(axis=1) / np.maximum(n_winners, 1), 0.0)


def _signature_labels(
    signatures: Sequence[Sequence[Signature]], n_groups: int, n: int
) -> np.ndarray:
    """``[G, n]`` cluster index per sample within its group, -1 for no signature."""
    if len(signatures) != n_groups:
        raise ValueError(f"signatures has {len(signatures)} groups, rewards {n_groups}")
    labels = np.full((n_groups, n), -1, dtype=np.int64)
    for g, row in enumerate(signatures):
        if len(row) != n:
            raise ValueError(f"signatures group {g} has {len(row)} samples, rewards {n}")
        index: dict[Hashable, int] = {}
        for i, sig in enumerate(row):
            if sig is not None:
                labels[g, i] = index.setdefault(sig, len(index))
    return labels


def _check_correct(correct: Any, shape: tuple[int, int]) -> np.ndarray:
    """``correct`` as a float ``[G, n]`` array in [0, 1]."""
    ok = np.asarray(correct, dtype=float)
    if ok.shape != shape:
        raise ValueError(f"correct has shape {ok.shape}, rewards {shape}")
    if not np.all((ok >= 0.0) & (ok <= 1.0)):
        raise ValueError("correct must hold booleans or values in [0, 1]")
    return ok


def check_rewards(rewards: Any) -> np.ndarray:
    """``rewards`` as a float ``[G, n]`` array with G >= 1, n >= 2 and finite values."""
    r = np.asarray(rewards, dtype=float)
    if r.ndim != 2:
        raise ValueError(f"rewards must be [groups, samples], got shape {r.shape}")
    n_groups, n = r.shape
    if n_groups < 1:
        raise ValueError("rewards has no groups")
    if n < 2:
        raise ValueError(f"need at least 2 samples a group, got {n}")
    bad = np.argwhere(~np.isfinite(r))
    if bad.size:
        g, i = (int(x) for x in bad[0])
        raise ValueError(f"reward of group {g}, sample {i} is {r[g, i]} ({len(bad)} non-finite)")
    return r


def check_k(k: int, n: int) -> None:
    """Raise ValueError unless k is an integer in 1..n."""
    if isinstance(k, bool) or not isinstance(k, int | np.integer):
        raise ValueError(f"k must be an integer, got {k!r}")
    if not 1 <= k <= n:
        raise ValueError(f"need 1 <= k <= n, got k={k}, n={n}")


def _lower_median(x: np.ndarray) -> np.ndarray:
    """Per row, the lower median (``torch.median``'s: element ``(n - 1) // 2`` once sorted)."""
    return np.sort(x, axis=1)[:, [(x.shape[1] - 1) // 2]]


ESTIMATORS: dict[str, Estimator] = {
    "grpo": grpo,
    "dr_grpo": dr_grpo,
    "rloo": rloo,
    "rf++baseline": rf_baseline,
    "mc_grpo": mc_grpo,
    "passk_loo": passk_loo,
    "passk_analytic": passk_analytic,
    "majk_loo": majk_loo,
}
