import math


def time_split_with_embargo(
    n: int, test_fraction: float, embargo: int
) -> tuple[list[int], list[int]]:
    """Chronological train/test split of ``n`` bars with an embargo gap.

    ``n_train = math.floor(n * (1 - test_fraction) + 1e-9)``; train indices are
    ``0 .. n_train - 1``; the next ``embargo`` bars are dropped (so features built from
    overlapping windows cannot leak into the test set) and the test set is
    ``n_train + embargo .. n - 1``. Never shuffle time series.

    >>> time_split_with_embargo(10, 0.3, 1)
    ([0, 1, 2, 3, 4, 5, 6], [8, 9])
    """
    n_train = math.floor(n * (1 - test_fraction) + 1e-9)
    return list(range(n_train - embargo)), list(range(n_train, n))
