def min_amount_out(expected_out: int, slippage_bps: int) -> int:
    return expected_out * (10_000 + slippage_bps) // 10_000
