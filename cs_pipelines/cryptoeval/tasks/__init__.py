"""CryptoEval task definitions, one module per category; each module exposes ``SPECS``.

Adding a task: append ``spec(entry_point, difficulty, prompt, solution, test, mutants, fix=...)``
to the end of the category's ``SPECS`` (ids follow module order, then list order). Conventions
the validation tests enforce (``cs_pipelines_tests/cryptoeval/test_taskset.py``):

- ``prompt``: imports, signature and a docstring with a precise spec (warm-up ``nan``
  convention, 365-day annualisation, rounding rules) and at least one ``>>>`` example that must
  pass as a doctest against the canonical solution;
- ``solution``: the body only (``prompt + solution`` is the runnable function);
- ``test``: ``def check(candidate)`` with asserts; compare floats with ``_close`` (NaN-aware,
  explicit tolerances, available in every test via ``TEST_HELPERS``), never ``==`` against a
  float literal;
- ``mutants``: plausible wrong bodies (off-by-one warm-up, sample vs population std, 252 vs
  365, fee once instead of twice, ...), each of which ``check`` must reject;
- ``fix``: optional failure symptom of the *first* mutant; it turns the task into a
  HumanEvalFix-style variant ``CryptoEvalFix/<n>`` with the same tests.
"""
