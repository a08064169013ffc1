def check(candidate):
    assert _close(candidate(1000.0, 1000.0, 10.0), 1000.0 * 9.97 / 1009.97)
    assert _close(candidate(100.0, 200_000.0, 1.0, 0.0), 200_000.0 / 101.0)
    assert _close(candidate(5_000.0, 10.0, 500.0, 0.01), 10.0 * 495.0 / 5495.0)
