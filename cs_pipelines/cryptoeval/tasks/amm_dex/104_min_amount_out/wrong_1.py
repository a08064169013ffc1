def min_amount_out(expected_out: int, slippage_bps: int) -> int:
    """``amountOutMin`` for a DEX swap: the expected output reduced by the slippage
    tolerance, in integer token units, rounded *down*:
    ``expected_out * (10_000 - slippage_bps) // 10_000``.

    >>> min_amount_out(1_000_000, 50)
    995000
    """
    return round(expected_out * (10_000 - slippage_bps) / 10_000)
