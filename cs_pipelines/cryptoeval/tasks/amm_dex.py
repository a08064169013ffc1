"""AMM and DEX maths: constant-product swaps, price impact, impermanent loss, liquidity, v3."""

from cs_pipelines.cryptoeval.task import spec

SPECS = [
    spec(
        "cp_swap_out",
        "easy",
        '''
        def cp_swap_out(
            reserve_in: float, reserve_out: float, amount_in: float, fee: float = 0.003
        ) -> float:
            """Output amount of a constant-product (Uniswap v2) swap.

            The fee is taken from the *input*: ``a = amount_in * (1 - fee)``, and
            ``amount_out = reserve_out * a / (reserve_in + a)``.

            >>> round(cp_swap_out(1000.0, 1000.0, 10.0), 6)
            9.87158
            """
        ''',
        """
        a = amount_in * (1.0 - fee)
        return reserve_out * a / (reserve_in + a)
        """,
        """
        def check(candidate):
            assert _close(candidate(1000.0, 1000.0, 10.0), 1000.0 * 9.97 / 1009.97)
            assert _close(candidate(100.0, 200_000.0, 1.0, 0.0), 200_000.0 / 101.0)
            assert _close(candidate(5_000.0, 10.0, 500.0, 0.01), 10.0 * 495.0 / 5495.0)
        """,
        [
            """
            a = amount_in * (1.0 - fee)
            return reserve_out * a / (reserve_in + amount_in)
            """,
            """
            return reserve_out * amount_in / (reserve_in + amount_in) * (1.0 - fee)
            """,
            """
            return reserve_out * amount_in / (reserve_in + amount_in)
            """,
        ],
        fix="cp_swap_out(1000.0, 1000.0, 10.0) returns 9.8713 instead of 9.8716: the fee is "
        "applied to the input in the numerator but the full input is added to the reserve in "
        "the denominator.",
    ),
    spec(
        "cp_amount_in",
        "medium",
        '''
        def cp_amount_in(
            reserve_in: float, reserve_out: float, amount_out: float, fee: float = 0.003
        ) -> float:
            """Input needed to receive exactly ``amount_out`` from a constant-product pool whose
            fee is taken from the input (the inverse of the v2 ``getAmountOut``).

            ``amount_in = reserve_in * amount_out / ((reserve_out - amount_out) * (1 - fee))``.
            Raise ``ValueError`` if ``amount_out >= reserve_out``.

            >>> round(cp_amount_in(1000.0, 1000.0, 10.0), 6)
            10.131404
            """
        ''',
        """
        if amount_out >= reserve_out:
            raise ValueError("insufficient liquidity")
        return reserve_in * amount_out / ((reserve_out - amount_out) * (1.0 - fee))
        """,
        """
        def check(candidate):
            assert _close(candidate(1000.0, 1000.0, 10.0), 10000.0 / (990.0 * 0.997))
            a = candidate(500.0, 2000.0, 100.0, 0.003)
            got = 2000.0 * a * 0.997 / (500.0 + a * 0.997)
            assert _close(got, 100.0)
            assert _raises(candidate, ValueError, 10.0, 5.0, 5.0)
        """,
        [
            """
            if amount_out >= reserve_out:
                raise ValueError("insufficient liquidity")
            return reserve_in * amount_out / (reserve_out - amount_out) * (1.0 - fee)
            """,
            """
            if amount_out >= reserve_out:
                raise ValueError("insufficient liquidity")
            return reserve_in * amount_out / (reserve_out * (1.0 - fee))
            """,
        ],
    ),
    spec(
        "cp_price_impact",
        "easy",
        '''
        def cp_price_impact(reserve_in: float, reserve_out: float, amount_in: float) -> float:
            """Price impact (fee excluded) of selling ``amount_in`` into a constant-product pool.

            Spot price is ``reserve_out / reserve_in``; the execution price is
            ``amount_out / amount_in`` with ``amount_out = reserve_out * amount_in /
            (reserve_in + amount_in)``. Return ``1 - execution / spot`` (a positive fraction).

            >>> round(cp_price_impact(1000.0, 2000.0, 10.0), 6)
            0.009901
            """
        ''',
        """
        out = reserve_out * amount_in / (reserve_in + amount_in)
        return 1.0 - (out / amount_in) / (reserve_out / reserve_in)
        """,
        """
        def check(candidate):
            assert _close(candidate(1000.0, 2000.0, 10.0), 10.0 / 1010.0)
            assert _close(candidate(50.0, 1.0, 50.0), 0.5)
        """,
        [
            """
            return amount_in / reserve_in
            """,
            """
            out = reserve_out * amount_in / (reserve_in + amount_in)
            return (out / amount_in) / (reserve_out / reserve_in) - 1.0
            """,
        ],
    ),
    spec(
        "cp_spot_after_swap",
        "medium",
        '''
        def cp_spot_after_swap(
            reserve_in: float, reserve_out: float, amount_in: float, fee: float = 0.003
        ) -> float:
            """Pool spot price (``reserve_out / reserve_in``) after a v2 swap.

            The output is computed with the fee taken from the input
            (``a = amount_in * (1 - fee)``, ``out = reserve_out * a / (reserve_in + a)``), but the
            *whole* ``amount_in`` (fee included) stays in the pool, so the new reserves are
            ``reserve_in + amount_in`` and ``reserve_out - out``.

            >>> round(cp_spot_after_swap(1000.0, 1000.0, 100.0, 0.0), 6)
            0.826446
            """
        ''',
        """
        a = amount_in * (1.0 - fee)
        out = reserve_out * a / (reserve_in + a)
        return (reserve_out - out) / (reserve_in + amount_in)
        """,
        """
        def check(candidate):
            assert _close(candidate(1000.0, 1000.0, 100.0, 0.0), 1_000_000.0 / 1100.0**2)
            a = 99.7
            out = 1000.0 * a / 1099.7
            assert _close(candidate(1000.0, 1000.0, 100.0), (1000.0 - out) / 1100.0)
        """,
        [
            """
            a = amount_in * (1.0 - fee)
            out = reserve_out * a / (reserve_in + a)
            return (reserve_out - out) / (reserve_in + a)
            """,
            """
            a = amount_in * (1.0 - fee)
            out = reserve_out * a / (reserve_in + a)
            return (reserve_in + amount_in) / (reserve_out - out)
            """,
        ],
    ),
    spec(
        "impermanent_loss",
        "easy",
        '''
        import math


        def impermanent_loss(price_ratio: float) -> float:
            """Impermanent loss of a 50/50 constant-product LP versus holding, fees ignored.

            ``price_ratio`` is new price / price at deposit. Return
            ``2 * sqrt(r) / (1 + r) - 1`` (0 when the price is unchanged, negative otherwise).

            >>> round(impermanent_loss(4.0), 6)
            -0.2
            """
        ''',
        """
        return 2.0 * math.sqrt(price_ratio) / (1.0 + price_ratio) - 1.0
        """,
        """
        def check(candidate):
            assert _close(candidate(4.0), -0.2)
            assert _close(candidate(0.25), -0.2)
            assert _close(candidate(1.0), 0.0, abs_tol=1e-12)
            assert _close(candidate(2.0), 2 * math.sqrt(2) / 3 - 1)
        """,
        [
            """
            return 1.0 - 2.0 * math.sqrt(price_ratio) / (1.0 + price_ratio)
            """,
            """
            return 2.0 * price_ratio / (1.0 + price_ratio) - 1.0
            """,
        ],
        fix="impermanent_loss(4.0) returns 0.2 instead of -0.2 (an LP cannot beat holding when "
        "fees are ignored).",
    ),
    spec(
        "cp_reserves_at_price",
        "medium",
        '''
        import math


        def cp_reserves_at_price(x0: float, y0: float, new_price: float) -> tuple[float, float]:
            """Constant-product pool reserves after arbitrage moves its price to ``new_price``.

            The pool holds ``x`` of the base token and ``y`` of the quote token; its price is
            ``y / x`` and ``x * y = k`` stays constant (fees ignored). Return ``(x1, y1)`` with
            ``x1 = sqrt(k / p)`` and ``y1 = sqrt(k * p)``.

            >>> cp_reserves_at_price(100.0, 200_000.0, 8_000.0)
            (50.0, 400000.0)
            """
        ''',
        """
        k = x0 * y0
        return math.sqrt(k / new_price), math.sqrt(k * new_price)
        """,
        """
        def check(candidate):
            assert _close(candidate(100.0, 200_000.0, 8_000.0), (50.0, 400_000.0))
            assert _close(candidate(100.0, 200_000.0, 500.0), (200.0, 100_000.0))
            x1, y1 = candidate(3.0, 7.0, 2.0)
            assert _close(x1 * y1, 21.0) and _close(y1 / x1, 2.0)
        """,
        [
            """
            p0 = y0 / x0
            return x0 * p0 / new_price, y0
            """,
            """
            k = x0 * y0
            return math.sqrt(k * new_price), math.sqrt(k / new_price)
            """,
        ],
    ),
    spec(
        "arb_trade_to_price",
        "hard",
        '''
        import math


        def arb_trade_to_price(x: float, y: float, target_price: float) -> float:
            """Trade that moves a fee-less constant-product pool (base ``x``, quote ``y``, price
            ``y / x``) to ``target_price``.

            If the pool price is below the target, quote must be sold into the pool: return the
            positive quote amount ``sqrt(k * p) - y``. If it is above, base must be sold: return
            the *negative* of the base amount, ``-(sqrt(k / p) - x)``. Return 0.0 when equal.

            >>> round(arb_trade_to_price(100.0, 200_000.0, 8_000.0), 6)
            200000.0
            >>> round(arb_trade_to_price(100.0, 200_000.0, 500.0), 6)
            -100.0
            """
        ''',
        """
        k = x * y
        price = y / x
        if price < target_price:
            return math.sqrt(k * target_price) - y
        if price > target_price:
            return -(math.sqrt(k / target_price) - x)
        return 0.0
        """,
        """
        def check(candidate):
            assert _close(candidate(100.0, 200_000.0, 8_000.0), 200_000.0)
            assert _close(candidate(100.0, 200_000.0, 500.0), -100.0)
            assert _close(candidate(10.0, 10.0, 1.0), 0.0, abs_tol=1e-12)
            dy = candidate(4.0, 9.0, 4.0)
            x1 = 36.0 / (9.0 + dy)
            assert _close((9.0 + dy) / x1, 4.0)
        """,
        [
            """
            price = y / x
            if price < target_price:
                return y * (target_price / price - 1.0)
            if price > target_price:
                return -x * (price / target_price - 1.0)
            return 0.0
            """,
            """
            k = x * y
            price = y / x
            if price < target_price:
                return math.sqrt(k * target_price) - y
            if price > target_price:
                return math.sqrt(k / target_price) - x
            return 0.0
            """,
        ],
    ),
    spec(
        "add_liquidity",
        "hard",
        '''
        import math


        def add_liquidity(
            reserve_a: float,
            reserve_b: float,
            total_supply: float,
            amount_a: float,
            amount_b: float,
        ) -> tuple[float, float, float]:
            """Deposit into a v2-style pool; return ``(shares_minted, used_a, used_b)``.

            First deposit (``total_supply == 0``): use both amounts and mint
            ``sqrt(amount_a * amount_b)`` shares (no minimum-liquidity lock here). Otherwise keep
            the pool ratio: if ``amount_a * reserve_b / reserve_a <= amount_b`` use all of
            ``amount_a`` and that much B, else use all of ``amount_b`` and
            ``amount_b * reserve_a / reserve_b`` of A. Shares minted are
            ``min(used_a * total_supply / reserve_a, used_b * total_supply / reserve_b)``.

            >>> add_liquidity(100.0, 200.0, 50.0, 10.0, 30.0)
            (5.0, 10.0, 20.0)
            """
        ''',
        """
        if total_supply == 0:
            return math.sqrt(amount_a * amount_b), amount_a, amount_b
        b_opt = amount_a * reserve_b / reserve_a
        if b_opt <= amount_b:
            used_a, used_b = amount_a, b_opt
        else:
            used_a, used_b = amount_b * reserve_a / reserve_b, amount_b
        shares = min(used_a * total_supply / reserve_a, used_b * total_supply / reserve_b)
        return shares, used_a, used_b
        """,
        """
        def check(candidate):
            assert _close(candidate(100.0, 200.0, 50.0, 10.0, 30.0), (5.0, 10.0, 20.0))
            assert _close(candidate(100.0, 200.0, 50.0, 30.0, 20.0), (5.0, 10.0, 20.0))
            assert _close(candidate(0.0, 0.0, 0.0, 4.0, 9.0), (6.0, 4.0, 9.0))
        """,
        [
            """
            if total_supply == 0:
                return math.sqrt(amount_a * amount_b), amount_a, amount_b
            shares = max(amount_a * total_supply / reserve_a, amount_b * total_supply / reserve_b)
            return shares, amount_a, amount_b
            """,
            """
            if total_supply == 0:
                return math.sqrt(amount_a * amount_b), amount_a, amount_b
            shares = min(amount_a * total_supply / reserve_a, amount_b * total_supply / reserve_b)
            return shares, amount_a, amount_b
            """,
        ],
    ),
    spec(
        "remove_liquidity",
        "easy",
        '''
        def remove_liquidity(
            reserve_a: float, reserve_b: float, total_supply: float, shares: float
        ) -> tuple[float, float]:
            """Tokens returned for burning ``shares`` LP shares: the pro-rata slice
            ``reserve * shares / total_supply`` of each reserve. Raise ``ValueError`` if
            ``shares`` exceeds ``total_supply``.

            >>> remove_liquidity(100.0, 200.0, 50.0, 5.0)
            (10.0, 20.0)
            """
        ''',
        """
        if shares > total_supply:
            raise ValueError("cannot burn more shares than exist")
        frac = shares / total_supply
        return reserve_a * frac, reserve_b * frac
        """,
        """
        def check(candidate):
            assert _close(candidate(100.0, 200.0, 50.0, 5.0), (10.0, 20.0))
            assert _close(candidate(100.0, 200.0, 50.0, 50.0), (100.0, 200.0))
            assert _raises(candidate, ValueError, 1.0, 1.0, 1.0, 2.0)
        """,
        [
            """
            if shares > total_supply:
                raise ValueError("cannot burn more shares than exist")
            frac = shares / (total_supply - shares) if shares < total_supply else 1.0
            return reserve_a * frac, reserve_b * frac
            """,
        ],
    ),
    spec(
        "two_hop_swap_out",
        "medium",
        '''
        def two_hop_swap_out(
            amount_in: float,
            pool1: tuple[float, float],
            pool2: tuple[float, float],
            fee: float = 0.003,
        ) -> float:
            """Route A -> B -> C through two constant-product pools.

            ``pool1 = (reserve_A, reserve_B)`` and ``pool2 = (reserve_B, reserve_C)``. Each hop
            is a v2 swap charging ``fee`` on its own input:
            ``out = r_out * a / (r_in + a)`` with ``a = in * (1 - fee)``.

            >>> round(two_hop_swap_out(10.0, (1000.0, 1000.0), (1000.0, 1000.0), 0.0), 6)
            9.803922
            """
        ''',
        """
        def hop(r_in, r_out, x):
            a = x * (1.0 - fee)
            return r_out * a / (r_in + a)

        mid = hop(pool1[0], pool1[1], amount_in)
        return hop(pool2[0], pool2[1], mid)
        """,
        """
        def check(candidate):
            mid = 10_000.0 / 1010.0
            got = candidate(10.0, (1000.0, 1000.0), (1000.0, 1000.0), 0.0)
            assert _close(got, 1000.0 * mid / (1000.0 + mid))
            a1 = 9.97
            mid = 2000.0 * a1 / (1000.0 + a1)
            a2 = mid * 0.997
            want = 50.0 * a2 / (4000.0 + a2)
            assert _close(candidate(10.0, (1000.0, 2000.0), (4000.0, 50.0)), want)
        """,
        [
            """
            def hop(r_in, r_out, x):
                return r_out * x / (r_in + x)

            a = amount_in * (1.0 - fee)
            return hop(pool2[0], pool2[1], hop(pool1[0], pool1[1], a))
            """,
            """
            def hop(r_in, r_out, x):
                a = x * (1.0 - fee)
                return r_out * a / (r_in + a)

            mid = hop(pool1[0], pool1[1], amount_in)
            return hop(pool2[1], pool2[0], mid)
            """,
        ],
    ),
    spec(
        "v3_tick_to_price",
        "medium",
        '''
        def v3_tick_to_price(tick: int, decimals0: int, decimals1: int) -> float:
            """Human-readable price of token0 in units of token1 for a Uniswap v3 tick.

            The raw price is ``1.0001 ** tick`` (token1 base units per token0 base unit);
            adjust for decimals with ``* 10 ** (decimals0 - decimals1)``.

            >>> v3_tick_to_price(0, 6, 18)
            1e-12
            """
        ''',
        """
        return 1.0001**tick * 10.0 ** (decimals0 - decimals1)
        """,
        """
        def check(candidate):
            assert _close(candidate(0, 6, 18), 1e-12, rel_tol=1e-9, abs_tol=0.0)
            assert _close(candidate(200_000, 6, 18), 1.0001**200_000 * 1e-12, abs_tol=0.0)
            assert _close(candidate(-100, 18, 18), 1.0001**-100)
        """,
        [
            """
            return 1.0001**tick * 10.0 ** (decimals1 - decimals0)
            """,
            """
            return 1.0001 ** (tick / 2) * 10.0 ** (decimals0 - decimals1)
            """,
        ],
    ),
    spec(
        "v3_sqrt_price_x96_to_price",
        "medium",
        '''
        def v3_sqrt_price_x96_to_price(
            sqrt_price_x96: int, decimals0: int, decimals1: int
        ) -> float:
            """Convert a Uniswap v3 ``sqrtPriceX96`` to the human price of token0 in token1.

            ``sqrtPriceX96 = sqrt(raw_price) * 2**96``, so ``raw = (sqrtPriceX96 / 2**96) ** 2``
            and the human price is ``raw * 10 ** (decimals0 - decimals1)``.

            >>> v3_sqrt_price_x96_to_price(2**96, 18, 18)
            1.0
            """
        ''',
        """
        raw = (sqrt_price_x96 / 2**96) ** 2
        return raw * 10.0 ** (decimals0 - decimals1)
        """,
        """
        def check(candidate):
            assert _close(candidate(2**96, 18, 18), 1.0)
            assert _close(candidate(2 * 2**96, 18, 18), 4.0)
            assert _close(candidate(2**96, 6, 18), 1e-12, abs_tol=0.0)
            s = int(2**96 * 2000.0**0.5 * 10**-6)
            assert _close(candidate(s, 18, 6), 2000.0, rel_tol=1e-6)
        """,
        [
            """
            raw = sqrt_price_x96 / 2**96
            return raw * 10.0 ** (decimals0 - decimals1)
            """,
            """
            raw = (sqrt_price_x96 / 2**96) ** 2
            return raw * 10.0 ** (decimals1 - decimals0)
            """,
        ],
    ),
    spec(
        "v3_position_amounts",
        "hard",
        '''
        import math


        def v3_position_amounts(
            liquidity: float, price: float, price_lower: float, price_upper: float
        ) -> tuple[float, float]:
            """Token amounts ``(amount0, amount1)`` held by a Uniswap v3 position of
            ``liquidity`` over ``[price_lower, price_upper]`` at the current ``price``
            (token1 per token0, raw units).

            With ``s = sqrt(price)``, ``a = sqrt(price_lower)``, ``b = sqrt(price_upper)``:
            below the range (``price <= price_lower``) it is all token0,
            ``(L * (1/a - 1/b), 0)``; above (``price >= price_upper``) all token1,
            ``(0, L * (b - a))``; inside ``(L * (1/s - 1/b), L * (s - a))``.

            >>> v3_position_amounts(1000.0, 9.0, 1.0, 4.0)
            (0.0, 1000.0)
            """
        ''',
        """
        a = math.sqrt(price_lower)
        b = math.sqrt(price_upper)
        if price <= price_lower:
            return liquidity * (1 / a - 1 / b), 0.0
        if price >= price_upper:
            return 0.0, liquidity * (b - a)
        s = math.sqrt(price)
        return liquidity * (1 / s - 1 / b), liquidity * (s - a)
        """,
        """
        def check(candidate):
            assert _close(candidate(1000.0, 2.25, 1.0, 4.0), (1000.0 / 6.0, 500.0))
            assert _close(candidate(1000.0, 0.5, 1.0, 4.0), (500.0, 0.0))
            assert _close(candidate(1000.0, 9.0, 1.0, 4.0), (0.0, 1000.0))
        """,
        [
            """
            a = math.sqrt(price_lower)
            b = math.sqrt(price_upper)
            if price <= price_lower:
                return 0.0, liquidity * (b - a)
            if price >= price_upper:
                return liquidity * (1 / a - 1 / b), 0.0
            s = math.sqrt(price)
            return liquidity * (1 / s - 1 / b), liquidity * (s - a)
            """,
            """
            if price <= price_lower:
                return liquidity * (1 / price_lower - 1 / price_upper), 0.0
            if price >= price_upper:
                return 0.0, liquidity * (price_upper - price_lower)
            return (
                liquidity * (1 / price - 1 / price_upper),
                liquidity * (price - price_lower),
            )
            """,
        ],
    ),
    spec(
        "lp_fee_apr",
        "easy",
        '''
        def lp_fee_apr(volume_24h: float, fee_rate: float, tvl: float) -> float:
            """Simple annualised fee yield of a pool: ``volume_24h * fee_rate * 365 / tvl``
            (DEXes trade every day of the year).

            >>> round(lp_fee_apr(1_000_000.0, 0.003, 10_000_000.0), 6)
            0.1095
            """
        ''',
        """
        return volume_24h * fee_rate * 365.0 / tvl
        """,
        """
        def check(candidate):
            assert _close(candidate(1_000_000.0, 0.003, 10_000_000.0), 0.1095)
            assert _close(candidate(50_000.0, 0.0005, 1_000_000.0), 0.009125)
        """,
        [
            """
            return volume_24h * fee_rate * 252.0 / tvl
            """,
            """
            return (1 + volume_24h * fee_rate / tvl) ** 365.0 - 1.0
            """,
        ],
    ),
    spec(
        "cp_max_input_for_impact",
        "medium",
        '''
        def cp_max_input_for_impact(reserve_in: float, max_impact: float) -> float:
            """Largest input to a fee-less constant-product pool whose price impact
            ``1 - execution_price / spot_price`` stays within ``max_impact``.

            For ``x * y = k`` the impact of input ``a`` is ``a / (reserve_in + a)``; invert it.
            Raise ``ValueError`` unless ``0 <= max_impact < 1``.

            >>> round(cp_max_input_for_impact(1000.0, 0.01), 6)
            10.10101
            """
        ''',
        """
        if not 0 <= max_impact < 1:
            raise ValueError("max_impact must be in [0, 1)")
        return reserve_in * max_impact / (1.0 - max_impact)
        """,
        """
        def check(candidate):
            assert _close(candidate(1000.0, 0.01), 1000.0 / 99.0)
            assert _close(candidate(500.0, 0.5), 500.0)
            assert _close(candidate(500.0, 0.0), 0.0, abs_tol=1e-12)
            assert _raises(candidate, ValueError, 500.0, 1.0)
        """,
        [
            """
            if not 0 <= max_impact < 1:
                raise ValueError("max_impact must be in [0, 1)")
            return reserve_in * max_impact
            """,
            """
            if not 0 <= max_impact < 1:
                raise ValueError("max_impact must be in [0, 1)")
            return reserve_in * max_impact / (1.0 + max_impact)
            """,
        ],
    ),
    spec(
        "v2_get_amount_out",
        "medium",
        '''
        def v2_get_amount_out(amount_in: int, reserve_in: int, reserve_out: int) -> int:
            """Uniswap v2 ``getAmountOut`` in exact integer (wei) arithmetic with the 0.3% fee.

            ``amount_in_with_fee = amount_in * 997``; result
            ``amount_in_with_fee * reserve_out // (reserve_in * 1000 + amount_in_with_fee)``
            (floor division, as the contract does; never use floats for token amounts).
            Raise ``ValueError`` if ``amount_in`` or either reserve is not positive.

            >>> v2_get_amount_out(1000, 100_000, 100_000)
            987
            """
        ''',
        """
        if amount_in <= 0 or reserve_in <= 0 or reserve_out <= 0:
            raise ValueError("amounts must be positive")
        a = amount_in * 997
        return a * reserve_out // (reserve_in * 1000 + a)
        """,
        """
        def check(candidate):
            assert candidate(1000, 100_000, 100_000) == 987
            a, ri, ro = 10**18 + 12345, 5 * 10**24 + 7, 3 * 10**24 + 11
            assert candidate(a, ri, ro) == a * 997 * ro // (ri * 1000 + a * 997)
            assert candidate(1, 10**6, 10**6) == 0
            assert _raises(candidate, ValueError, 0, 10, 10)
        """,
        [
            """
            if amount_in <= 0 or reserve_in <= 0 or reserve_out <= 0:
                raise ValueError("amounts must be positive")
            return int(amount_in * 0.997 * reserve_out / (reserve_in + amount_in * 0.997))
            """,
            """
            if amount_in <= 0 or reserve_in <= 0 or reserve_out <= 0:
                raise ValueError("amounts must be positive")
            a = amount_in * 997
            return -(-a * reserve_out // (reserve_in * 1000 + a))
            """,
        ],
    ),
    spec(
        "v2_get_amount_in",
        "medium",
        '''
        def v2_get_amount_in(amount_out: int, reserve_in: int, reserve_out: int) -> int:
            """Uniswap v2 ``getAmountIn`` in exact integers (0.3% fee): the input that buys at
            least ``amount_out``.

            ``reserve_in * amount_out * 1000 // ((reserve_out - amount_out) * 997) + 1`` (the
            ``+ 1`` rounds up so the trade never comes out short). Raise ``ValueError`` unless
            ``0 < amount_out < reserve_out`` and ``reserve_in > 0``.

            >>> v2_get_amount_in(987, 100_000, 100_000)
            1000
            """
        ''',
        """
        if not 0 < amount_out < reserve_out or reserve_in <= 0:
            raise ValueError("invalid amounts")
        return reserve_in * amount_out * 1000 // ((reserve_out - amount_out) * 997) + 1
        """,
        """
        def check(candidate):
            assert candidate(987, 100_000, 100_000) == 1000
            ri, ro, out = 5 * 10**24, 3 * 10**24, 10**21
            a = candidate(out, ri, ro)
            assert a * 997 * ro // (ri * 1000 + a * 997) >= out
            assert (a - 1) * 997 * ro // (ri * 1000 + (a - 1) * 997) < out
            assert _raises(candidate, ValueError, 10, 5, 10)
        """,
        [
            """
            if not 0 < amount_out < reserve_out or reserve_in <= 0:
                raise ValueError("invalid amounts")
            return reserve_in * amount_out * 1000 // ((reserve_out - amount_out) * 997)
            """,
            """
            if not 0 < amount_out < reserve_out or reserve_in <= 0:
                raise ValueError("invalid amounts")
            return reserve_in * amount_out * 1000 // (reserve_out * 997) + 1
            """,
        ],
    ),
    spec(
        "sandwich_profit",
        "hard",
        '''
        def sandwich_profit(
            reserve_x: float, reserve_y: float, attacker_in: float, victim_in: float, fee: float
        ) -> float:
            """Profit, in token X, of a sandwich attack on a constant-product pool.

            Every swap takes ``fee`` from its input (``a = amount * (1 - fee)``,
            ``out = r_out * a / (r_in + a)``) and the *whole* input stays in the pool. In order:
            the attacker swaps ``attacker_in`` X for Y; the victim swaps ``victim_in`` X for Y;
            the attacker swaps all the Y bought back to X. Reserves update after every swap.
            Return the X received in the last swap minus ``attacker_in``.

            >>> round(sandwich_profit(1000.0, 1000.0, 100.0, 100.0, 0.0), 6)
            18.032787
            """
        ''',
        """
        def swap(r_in, r_out, amount):
            a = amount * (1 - fee)
            return r_out * a / (r_in + a)

        x, y = reserve_x, reserve_y
        got_y = swap(x, y, attacker_in)
        x, y = x + attacker_in, y - got_y
        victim_y = swap(x, y, victim_in)
        x, y = x + victim_in, y - victim_y
        back_x = swap(y, x, got_y)
        return back_x - attacker_in
        """,
        """
        def check(candidate):
            assert _close(candidate(1000.0, 1000.0, 100.0, 100.0, 0.0), 1100.0 / 61.0)
            a1 = 99.7
            y1 = 1000.0 * a1 / (1000.0 + a1)
            x, y = 1100.0, 1000.0 - y1
            y2 = y * a1 / (x + a1)
            x, y = 1200.0, y - y2
            a3 = y1 * 0.997
            want = x * a3 / (y + a3) - 100.0
            assert _close(candidate(1000.0, 1000.0, 100.0, 100.0, 0.003), want)
            assert _close(candidate(1000.0, 1000.0, 100.0, 0.0, 0.0), 0.0, abs_tol=1e-9)
        """,
        [
            """
            def swap(r_in, r_out, amount):
                a = amount * (1 - fee)
                return r_out * a / (r_in + a)

            x, y = reserve_x, reserve_y
            got_y = swap(x, y, attacker_in)
            x, y = x + attacker_in, y - got_y
            back_x = swap(y, x, got_y)
            return back_x - attacker_in
            """,
            """
            def swap(r_in, r_out, amount, f):
                a = amount * (1 - f)
                return r_out * a / (r_in + a)

            x, y = reserve_x, reserve_y
            got_y = swap(x, y, attacker_in, fee)
            x, y = x + attacker_in, y - got_y
            victim_y = swap(x, y, victim_in, fee)
            x, y = x + victim_in, y - victim_y
            return swap(y, x, got_y, 0.0) - attacker_in
            """,
        ],
    ),
    spec(
        "min_amount_out",
        "easy",
        '''
        def min_amount_out(expected_out: int, slippage_bps: int) -> int:
            """``amountOutMin`` for a DEX swap: the expected output reduced by the slippage
            tolerance, in integer token units, rounded *down*:
            ``expected_out * (10_000 - slippage_bps) // 10_000``.

            >>> min_amount_out(1_000_000, 50)
            995000
            """
        ''',
        """
        return expected_out * (10_000 - slippage_bps) // 10_000
        """,
        """
        def check(candidate):
            assert candidate(1_000_000, 50) == 995_000
            assert candidate(1001, 50) == 995
            assert candidate(10**24 + 1, 30) == (10**24 + 1) * 9970 // 10_000
        """,
        [
            """
            return round(expected_out * (10_000 - slippage_bps) / 10_000)
            """,
            """
            return expected_out * (10_000 + slippage_bps) // 10_000
            """,
        ],
    ),
]
