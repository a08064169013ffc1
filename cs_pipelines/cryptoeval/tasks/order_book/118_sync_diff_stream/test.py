def check(candidate):
    events = [(90, 95), (96, 100), (99, 103), (104, 110), (111, 111)]
    assert candidate(100, events) == [2, 3, 4]
    assert candidate(100, [(90, 95)]) == []
    assert candidate(100, [(101, 101)]) == [0]
    assert _raises(candidate, ValueError, 100, [(99, 103), (105, 110)])
    assert _raises(candidate, ValueError, 100, [(102, 105)])
