"""Model-version names: parsing, the newest version, what a candidate is compared with."""

from cs_pipelines.registry.versions import (
    BASE_MODEL_VERSION,
    baseline_key,
    newest_version,
    registered_version,
    registered_version_key,
)


def test_names_round_trip_and_base_is_no_registered_version() -> None:
    assert registered_version(registered_version_key("7")) == "7"
    assert registered_version(BASE_MODEL_VERSION) is None


def test_newest_is_the_highest_number_not_the_last_string() -> None:
    keys = ["base", "cs-trader-coder/9", "cs-trader-coder/10", "cs-trader-coder/2"]
    assert newest_version(map(registered_version, keys)) == "10"
    assert newest_version(["3", 12, None]) == "12"
    assert newest_version([]) is None and newest_version([None]) is None


def test_a_candidate_is_compared_with_the_champion_or_else_the_base_model() -> None:
    assert baseline_key("4") == "cs-trader-coder/4"
    assert baseline_key(None) == BASE_MODEL_VERSION
