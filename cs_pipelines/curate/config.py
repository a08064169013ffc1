"""Every threshold of curation in one settings record (read by the filters, dedup and pipeline)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from cs_pipelines.curate.verbs import IMPERATIVE_VERBS

# Subjects CommitPackFT rejects outright (compared with the lower-cased instruction).
BAD_MESSAGES: tuple[str, ...] = (
    "readme",
    "update",
    "dummy",
    "updated",
    "test",
    "update readme",
    "update readme.md",
    "updated readme.md",
    "updated readme",
    "fix that bug where things didn't work but now they should",
    "put the thingie in the thingie",
    "add a beter commit message",
)

# Substrings that reject a subject anywhere (compared lower-cased).
BAD_SUBSTRINGS: tuple[str, ...] = (
    "auto commit",
    "update contributing",
    "<?xml",
    "merge branch",
    "merge pull request",
    "signed-off-by",
    "code review",
    "//codereview",
    "cdpcp",
    "| leetcode",
)

# Subjects of version bumps; CommitPackFT drops 90% of them (at random; here by the sha).
VERSION_BUMP_PREFIXES: tuple[str, ...] = ("Bump", "Set version", "Update version")


# Dependency updates (dependabot, renovate, pre-commit.ci): matched on the lower-cased subject,
# and on the lower-cased path of a single changed file.
DEPENDENCY_SUBJECT = (
    r"^(?:\S+: )?(?:bump|update|upgrade|pin) (?:the \S+ group|\S+ (?:requirement )?from \S+ to )"
    r"|^update dependency |pre-commit autoupdate"
)
DEPENDENCY_FILE = (
    r"(?:^|/)(?:requirements[^/]*\.(?:txt|in)|[^/]*\.lock|pipfile|package-lock\.json"
    r"|environment\.ya?ml|\.pre-commit-config\.yaml)$"
)


@dataclass(frozen=True)
class CurationConfig:
    """Every threshold of every curation rule; defaults follow CommitPackFT (OctoPack, StarCoder).

    Length bounds named ``min_``/``max_`` ``..._exclusive`` are strict, as in CommitPackFT
    (``10 < len(subject) < 1000``); the token window is inclusive (``50 <= tokens <= 768``).
    """

    # Structure of the change: CommitPackFT keeps single-file modifications only.
    allowed_change_types: tuple[str, ...] = ("M",)
    languages: frozenset[str] | None = None  # None: any language language_for_path knows
    # Contents (characters); CommitPackFT caps old contents only, we cap new ones the same way.
    max_old_contents_chars: int = 50_000
    max_new_contents_chars: int = 50_000
    # Token window over old + new contents (StarCoder run: 50 <= tokens <= 768). Estimated, not
    # tokenised: "bytes" is ceil(utf8 bytes / bytes_per_token) (near-free; ~4 bytes per BPE token
    # on source code), "regex" counts \w+ runs and single punctuation marks (slower, closer on
    # dense code).
    token_estimator: Literal["bytes", "regex"] = "bytes"
    bytes_per_token: float = 4.0
    min_tokens: int = 50
    max_tokens: int = 768
    # Subject and instruction (the cleaned subject): characters and whitespace-separated words.
    min_subject_chars_exclusive: int = 10
    max_subject_chars_exclusive: int = 1000
    min_subject_words_exclusive: int = 4
    max_subject_words_exclusive: int = 1000
    max_message_chars: int = 10_000  # ours: drops generated bodies (squash logs, changelogs)
    min_sha_mention_hex: int = 40  # a run of this many hex digits in the subject is a SHA
    bad_messages: tuple[str, ...] = BAD_MESSAGES
    bad_substrings: tuple[str, ...] = BAD_SUBSTRINGS
    version_bump_prefixes: tuple[str, ...] = VERSION_BUMP_PREFIXES
    version_bump_keep_fraction: float = 0.1
    # Dependency updates stay in raw_commits but leave the instruction data (a kept share, by
    # the sha, when above 0): they teach nothing about code and flood trading histories.
    dependency_subject: str = DEPENDENCY_SUBJECT
    dependency_file: str = DEPENDENCY_FILE
    dependency_keep_fraction: float = 0.0
    imperative_verbs: frozenset[str] = IMPERATIVE_VERBS
    # The unit form (curate.unit_pairs): a separable Python change that a structure rule named
    # here rejected becomes the pair of the units it changed, inside the same token window.
    unit_pairs: bool = True
    unit_rescues: tuple[str, ...] = (
        "multi_file", "change_type", "missing_contents", "contents_truncated",
        "contents_too_long", "token_window",
    )  # fmt: skip
    max_unit_files: int = 3
    # The units' window: CommitPackFT's by default, so that a pair with its instruction fits the
    # CPU training presets' 1,024 tokens; raise it with a longer training max_length.
    max_unit_tokens: int = 768
    max_unit_source_bytes: int = 1_000_000  # a longer file's blob counts as unreadable
    # Tests (lower-cased path): left out of a pair when the commit changes other Python files.
    unit_test_files: str = (
        r"(?:^|/)(?:tests?|testing)/|(?:^|/)(?:test_[^/]*|[^/]*_test|conftest)\.py$"
    )
    # Files that may change beside the Python ones (lower-cased path): documentation.
    unit_ignored_files: str = (
        r"^(?!.*requirements).*\.(?:md|rst|txt|adoc)$|(?:^|/)(?:docs?|changelog[^/]*|changes"
        r"|news)/|(?:^|/)(?:changelog|changes|news|history|authors|contributors)$"
    )
    # Near dedup: MinHash LSH over 5-grams of code tokens of instruction + new contents.
    near_dup_threshold: float = 0.8
    shingle_size: int = 5
    num_perm: int = 128
    minhash_seed: int = 1

    def __post_init__(self) -> None:
        problems = [
            message
            for failed, message in [
                (self.token_estimator not in ("bytes", "regex"), "token_estimator"),
                (self.bytes_per_token <= 0, "bytes_per_token must be positive"),
                (self.min_tokens > self.max_tokens, "min_tokens > max_tokens"),
                (not 0 <= self.version_bump_keep_fraction <= 1, "version_bump_keep_fraction"),
                (not 0 <= self.dependency_keep_fraction <= 1, "dependency_keep_fraction"),
                (not 0 < self.near_dup_threshold < 1, "near_dup_threshold in (0, 1)"),
                (self.shingle_size < 1, "shingle_size must be >= 1"),
                (self.num_perm < 2, "num_perm must be >= 2"),
                (self.max_unit_files < 1, "max_unit_files must be >= 1"),
                (self.min_tokens > self.max_unit_tokens, "min_tokens > max_unit_tokens"),
            ]
            if failed
        ]
        if problems:
            raise ValueError(f"invalid CurationConfig: {', '.join(problems)}")
