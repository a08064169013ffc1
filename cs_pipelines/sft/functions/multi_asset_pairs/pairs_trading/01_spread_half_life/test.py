def check(candidate):
    assert _close(candidate([8.0, 4.0, 2.0, 1.0, 0.5]), 1.0)
    assert _close(candidate([16.0, 12.0, 9.0, 6.75]), math.log(0.5) / math.log(0.75))
    assert _close(candidate([10.0, 6.0, 4.0, 3.0]), 1.0)
    assert candidate([1.0, 2.0, 3.0, 4.0, 5.0]) == math.inf
    assert _raises(candidate, ValueError, [1.0, 2.0])
    assert _raises(candidate, ValueError, [5.0, 5.0, 7.0])
