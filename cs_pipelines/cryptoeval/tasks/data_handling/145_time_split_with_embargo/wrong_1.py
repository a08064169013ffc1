import math


def time_split_with_embargo(
    n: int, test_fraction: float, embargo: int
) -> tuple[list[int], list[int]]:
    n_train = math.floor(n * (1 - test_fraction) + 1e-9)
    return list(range(n_train)), list(range(n_train, n))
