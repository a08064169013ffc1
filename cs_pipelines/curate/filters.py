"""CommitPackFT's commit filters as individually testable rules, applied with Polars expressions.

Ported from OctoPack's ``dataset/commitpackft/commitpackft_filters{1,2}.py``. Each :class:`Rule`
says when a commit is REJECTED, twice: as a vectorised Polars expression (:meth:`Rule.rejects_expr`,
used by the pipeline) and as a plain-Python predicate on one row's values (:meth:`Rule.rejects`,
used by unit tests and for explaining a single commit); tests check the two agree.

Rules come in two tiers, applied in order (:data:`RULES` is both, in application order):

* :data:`STRUCTURE_RULES` read the flat columns of :func:`prepare` (one row per commit, its
  single file's fields lifted out) for every commit: errors, merges, file count and type,
  contents, token window. They need no string processing.
* :data:`TEXT_RULES` read the columns :func:`prepare_text` derives (language, file stem, the
  cleaned subject as ``instruction``, lower-cased text, word counts) and run only on commits no
  structure rule rejected. Deriving those columns is most of the cost of the stage, and the
  structure rules reject most commits of a real history (multi-file, too long), so this more
  than doubles throughput. The price: a text rule's ``rejects_alone`` count covers the commits
  that reached the text tier, not all input.

A rule cannot judge a commit whose columns it reads are null, so a null in any of
:attr:`Rule.columns` rejects; the ``missing_*`` rules come first so that such commits are
charged to them.

Deliberate deviations from CommitPackFT (each noted at its rule):

* extensions are compared with their dot (``language_for_path``), so ``setup.copy`` is not Python;
* "wip" is matched as a word (theirs rejected "wipe"), issue/bug references need a word boundary
  (theirs rejected "debug 2"), first person also matches at the start/end of the subject;
* the version regex drops a look-ahead that made ``"1.2.3 release"`` pass but ``"1.2.34 x"`` fail;
* version bumps are dropped with probability 0.9 decided by the sha, not by ``random``;
* the cherry-pick trailer is also looked for in the body (git -x writes it there);
* content rules (hashtag, WIP, URLs, ...) read the raw subject, so a ``[WIP]`` prefix that the
  cleaning strips still rejects; verb, capitalisation and bad-message rules read the instruction;
* the file-name rule uses the whole stem (``my.module`` of ``my.module.py``; theirs took
  ``module``) and ignores dot-files (theirs rejected every subject for ``.bashrc``);
* the token window is estimated (see ``CurationConfig.token_estimator``), not tokenised;
* new contents are capped like old contents, and the whole message has a length cap;
* dependency updates (dependabot-style subjects, requirements and lock files) are a rule of
  their own, all dropped by default: on trading histories they were most of what CommitPackFT's
  10% share of "Bump ..." subjects let through.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

import polars as pl

from cs_pipelines.harvest.languages import (
    LANGUAGE_BY_EXTENSION,
    LANGUAGE_BY_FILENAME,
    language_for_path,
)
from cs_pipelines.harvest.schema import RAW_COMMITS_SCHEMA

if TYPE_CHECKING:
    from cs_pipelines.curate.config import CurationConfig

Row = Mapping[str, Any]

FIRST_RULE = "_first_rule"  # name of the first rule that rejects the row; null when kept
ROW = "_row"  # a commit's position in the input
FLAG_PREFIX = "_rejects_"

# ---------------------------------------------------------------------------------------------
# Cleaning the subject into the instruction (CommitPackFT's clean_issues_and_refs + [ci skip])
# ---------------------------------------------------------------------------------------------

_CI_SKIP = r"(?i:\[(?:skip[ -]ci|ci[ -]skip)\])"
# Any whitespace run other than a lone space; replacing these by " " collapses whitespace like
# r"\s+" does, several times faster because matches are rare.
_WHITESPACE_RUN = r"[^\S ]\s*| \s+"


def clean_subject(subject: str) -> str:
    """The instruction for ``subject``: drop ``[skip ci]``, a leading ``[tag]``, then a leading
    ``scope:`` word, then a trailing ``[tag]``, and normalise whitespace.

    ``"[benchmark] Fix billing project"`` and ``"demo/cmd.py: Fix unpack"`` become
    ``"Fix billing project"`` and ``"Fix unpack"``.
    """
    words = re.sub(_CI_SKIP, "", subject).split()
    if words and words[0].startswith("[") and words[0].endswith("]"):
        words = words[1:]
    if words and words[0].endswith(":"):
        words = words[1:]
    if words and words[-1].startswith("[") and words[-1].endswith("]"):
        words = words[:-1]
    return " ".join(words)


def normalise_whitespace_expr(text: pl.Expr) -> pl.Expr:
    """``" ".join(text.split())``, vectorised."""
    return text.str.replace_all(_WHITESPACE_RUN, " ").str.strip_chars(" ")


def clean_subject_expr(normalised: pl.Expr) -> pl.Expr:
    """:func:`clean_subject`, vectorised, on whitespace-normalised text (single spaces).

    Removing ``[ci skip]`` with the space before it keeps single spaces; the leading tag and
    scope are one optional-group regex (tag first, then scope, like CommitPackFT), the trailing
    tag a second pass (it must see the text after the leading removal).
    """
    return (
        normalised.str.replace_all(r" ?" + _CI_SKIP, "")
        .str.strip_chars(" ")
        .str.replace(r"^(?:\[[^ ]*\](?: |$))?(?:[^ ]*:(?: |$))?", "")
        .str.replace(r"(?:^| )\[[^ ]*\]$", "")
    )


def _word_count_expr(normalised: pl.Expr) -> pl.Expr:
    """Words of whitespace-normalised text: spaces + 1, or 0 when empty."""
    spaces = normalised.str.count_matches(" ", literal=True)
    return pl.when(normalised == "").then(0).otherwise(spaces + 1)


def _extension_expr(path: pl.Expr) -> pl.Expr:
    """``PurePosixPath(path).suffix`` (case kept), null when empty: a dot after a character."""
    return path.str.extract(r"[^/](\.[^./]+)$")


def language_expr(path: pl.Expr) -> pl.Expr:
    """:func:`language_for_path`, vectorised: known file name, else final extension with its dot."""
    name = path.str.split("/").list.last().str.to_lowercase()
    by_name = name.replace_strict(LANGUAGE_BY_FILENAME, default=None, return_dtype=pl.Utf8)
    extension = _extension_expr(path).str.to_lowercase()
    by_ext = extension.replace_strict(LANGUAGE_BY_EXTENSION, default=None, return_dtype=pl.Utf8)
    return pl.coalesce(by_name, by_ext)


def file_stem(path: str) -> str | None:
    """The file name without its final extension; None when it has none (``Makefile``,
    ``.bashrc``, ``a.``)."""
    name = PurePosixPath(path)
    return name.stem if name.suffix else None


def file_stem_expr(path: pl.Expr) -> pl.Expr:
    """:func:`file_stem`, vectorised."""
    return path.str.split("/").list.last().str.strip_suffix(_extension_expr(path))


# ---------------------------------------------------------------------------------------------
# Preparation: one flat row per commit
# ---------------------------------------------------------------------------------------------


def prepare(commits: pl.DataFrame | pl.LazyFrame) -> pl.LazyFrame:
    """Flat columns the structure rules read, from ``RAW_COMMITS_SCHEMA`` rows (missing columns
    are null). The single file's fields are lifted from ``files[0]`` (meaningless, and rejected,
    when the commit changes several)."""
    lf = commits.lazy()
    present = set(lf.collect_schema().names())
    lf = lf.with_columns(
        pl.lit(None, dtype).alias(name)
        for name, dtype in RAW_COMMITS_SCHEMA.items()
        if name not in present
    )
    file = pl.col("files").list.first().struct
    return lf.select(
        "repo",
        "sha",
        "license",
        "committed_at",
        "error",
        "subject",
        pl.col("body").fill_null(""),
        "old_contents",
        "new_contents",
        pl.col("patch").alias("diff"),
        pl.col("is_merge").fill_null(False),
        pl.col("contents_truncated").fill_null(False),
        pl.col("files").list.len().fill_null(0).alias("file_count"),
        file.field("change_type").alias("change_type"),
        file.field("is_binary").fill_null(False).alias("is_binary"),
        file.field("is_submodule").fill_null(False).alias("is_submodule"),
        pl.coalesce(file.field("old_path"), file.field("path")).alias("old_path"),
        file.field("path").alias("new_path"),
    )


TEXT_INPUT = ("repo", "sha", "subject", "body", "new_path")


def prepare_text(rows: pl.LazyFrame) -> pl.LazyFrame:
    """:data:`TEXT_INPUT` plus the columns the text rules read: ``language``, ``instruction``
    and helpers starting with ``_`` (whitespace-normalised and lower-cased text, word counts,
    the file stem). Each string operation here costs about as much as several rules."""
    return (
        rows.with_columns(
            normalise_whitespace_expr(pl.col("subject")).alias("_subject_normalised"),
            language_expr(pl.col("new_path")).alias("language"),
            file_stem_expr(pl.col("new_path")).alias("_file_stem"),
            pl.col("subject").str.to_lowercase().alias("_subject_lower"),
        )
        .with_columns(
            clean_subject_expr(pl.col("_subject_normalised")).alias("instruction"),
            _word_count_expr(pl.col("_subject_normalised")).alias("_subject_words"),
        )
        .with_columns(
            _word_count_expr(pl.col("instruction")).alias("_instruction_words"),
            pl.col("instruction").str.to_lowercase().alias("_instruction_lower"),
        )
    )


def message_expr() -> pl.Expr:
    """The whole commit message as git shows it: subject, blank line, body (if any).

    Built only for kept commits (rules read subject and body): it copies every message.
    """
    body = pl.col("body").fill_null("")
    return (
        pl.when(body == "")
        .then(pl.col("subject"))
        .otherwise(pl.concat_str(pl.col("subject"), pl.lit("\n\n"), body))
    )


def message_length(subject: str, body: str | None) -> int:
    """Characters of :func:`message_expr`'s message."""
    return len(subject) + (2 + len(body) if body else 0)


# ---------------------------------------------------------------------------------------------
# The Rule type and small builders shared by many rules
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One filter. ``predicate`` and ``expression`` are True when the commit is REJECTED.

    ``predicate`` receives a row whose :attr:`columns` are all non-null; ``expression`` builds
    the same test over the prepared frame for a given config (it may use the ``_``-prefixed
    helper columns of :func:`prepare`). ``detail`` optionally explains a rejection (Utf8).
    """

    name: str
    description: str
    columns: tuple[str, ...]
    predicate: Callable[[Row, CurationConfig], bool]
    expression: Callable[[CurationConfig], pl.Expr]
    detail: Callable[[CurationConfig], pl.Expr] | None = None

    def rejects(self, row: Row, config: CurationConfig) -> bool:
        """Whether this rule rejects ``row`` (plain values, e.g. one dict of :func:`prepare`)."""
        if any(row.get(column) is None for column in self.columns):
            return True
        return bool(self.predicate(row, config))

    def rejects_expr(self, config: CurationConfig) -> pl.Expr:
        """Boolean expression over :func:`prepare`'s frame, never null."""
        missing = [pl.col(column).is_null() for column in self.columns]
        expr = self.expression(config).fill_null(True)
        return pl.any_horizontal(*missing, expr) if missing else expr


def _never(row: Row, config: CurationConfig) -> bool:
    return False


def _missing(name: str, description: str, columns: tuple[str, ...]) -> Rule:
    """A rule that rejects exactly the rows with a null in ``columns``."""
    return Rule(name, description, columns, _never, lambda c: pl.lit(False))


def _flag(name: str, description: str, *columns: str) -> Rule:
    """A rule that rejects rows where any of the boolean ``columns`` is True."""
    return Rule(
        name,
        description,
        columns,
        lambda r, c: any(r[column] for column in columns),
        lambda c: pl.any_horizontal(*columns),
    )


def _subject_regex(
    name: str, description: str, pattern: Callable[[CurationConfig], str], column: str
) -> Rule:
    """A rule that rejects rows whose lower-cased ``column`` matches ``pattern`` (re.search)."""
    return Rule(
        name,
        description,
        (column,),
        lambda r, c: re.search(pattern(c), r[column].lower()) is not None,
        lambda c: pl.col(f"_{column}_lower").str.contains(pattern(c)),
    )


def _word_count(text: str) -> int:
    return len(text.split())


def _length_window(name: str, description: str, column: str) -> Rule:
    """Characters and words of ``column`` strictly inside the subject bounds of the config."""

    def predicate(r: Row, c: CurationConfig) -> bool:
        chars, words = len(r[column]), _word_count(r[column])
        return not (
            c.min_subject_chars_exclusive < chars < c.max_subject_chars_exclusive
            and c.min_subject_words_exclusive < words < c.max_subject_words_exclusive
        )

    def expression(c: CurationConfig) -> pl.Expr:
        chars = pl.col(column).str.len_chars()
        words = pl.col(f"_{column}_words")
        inside = (
            chars.gt(c.min_subject_chars_exclusive)
            & chars.lt(c.max_subject_chars_exclusive)
            & words.gt(c.min_subject_words_exclusive)
            & words.lt(c.max_subject_words_exclusive)
        )
        return ~inside

    def detail(c: CurationConfig) -> pl.Expr:
        return pl.format(
            "{} chars, {} words",
            pl.col(column).str.len_chars(),
            pl.col(f"_{column}_words"),
        )

    return Rule(name, description, (column,), predicate, expression, detail)


# ---------------------------------------------------------------------------------------------
# Rules that need more than a builder
# ---------------------------------------------------------------------------------------------


def _language_rejects(r: Row, c: CurationConfig) -> bool:
    language = language_for_path(r["new_path"])
    return language is None or (c.languages is not None and language not in c.languages)


def _language_expr(c: CurationConfig) -> pl.Expr:
    language = pl.col("language")
    if c.languages is None:
        return language.is_null()
    return language.is_null() | ~language.is_in(sorted(c.languages))


# Code tokens: identifiers/numbers and single punctuation marks (also dedup's shingle tokens).
CODE_TOKEN = r"\w+|[^\w\s]"


def estimate_tokens(text: str, c: CurationConfig) -> int:
    """Cheap deterministic token count; see ``CurationConfig.token_estimator``."""
    if c.token_estimator == "regex":
        return len(re.findall(CODE_TOKEN, text))
    return math.ceil(len(text.encode()) / c.bytes_per_token)


def _estimate_tokens_expr(c: CurationConfig) -> pl.Expr:
    old, new = pl.col("old_contents"), pl.col("new_contents")
    if c.token_estimator == "regex":
        return old.str.count_matches(CODE_TOKEN) + new.str.count_matches(CODE_TOKEN)
    return ((old.str.len_bytes() + new.str.len_bytes()) / c.bytes_per_token).ceil().cast(pl.Int64)


def _token_rejects(r: Row, c: CurationConfig) -> bool:
    tokens = estimate_tokens(r["old_contents"], c) + estimate_tokens(r["new_contents"], c)
    return not c.min_tokens <= tokens <= c.max_tokens


def _token_expr(c: CurationConfig) -> pl.Expr:
    return ~_estimate_tokens_expr(c).is_between(c.min_tokens, c.max_tokens)


def _too_long_rejects(r: Row, c: CurationConfig) -> bool:
    return (
        len(r["old_contents"]) >= c.max_old_contents_chars
        or len(r["new_contents"]) >= c.max_new_contents_chars
    )


def _too_long_expr(c: CurationConfig) -> pl.Expr:
    return (pl.col("old_contents").str.len_chars() >= c.max_old_contents_chars) | (
        pl.col("new_contents").str.len_chars() >= c.max_new_contents_chars
    )


def _basename_rejects(r: Row, c: CurationConfig) -> bool:
    stem = file_stem(r["new_path"])
    return stem is not None and stem in r["subject"]


def _basename_expr(c: CurationConfig) -> pl.Expr:
    stem = pl.col("_file_stem")
    found = pl.col("subject").str.contains(stem, literal=True)
    return pl.when(stem.is_null()).then(False).otherwise(found)


_CHERRY_PICK_TRAILER = "cherry picked from commit"
_CHERRY_PICK_SUBJECT = r"\bcherry[- ]?pick"


def _cherry_pick_rejects(r: Row, c: CurationConfig) -> bool:
    return _CHERRY_PICK_TRAILER in (r.get("body") or "").lower() or bool(
        re.search(_CHERRY_PICK_SUBJECT, r["subject"].lower())
    )


def _cherry_pick_expr(c: CurationConfig) -> pl.Expr:
    trailer = pl.col("body").str.contains(f"(?i){_CHERRY_PICK_TRAILER}")
    return trailer | pl.col("_subject_lower").str.contains(_CHERRY_PICK_SUBJECT)


def _thanks_rejects(r: Row, c: CurationConfig) -> bool:
    lower = r["subject"].lower()
    return "thanks to" in lower and "for" in lower


def _thanks_expr(c: CurationConfig) -> pl.Expr:
    lower = pl.col("_subject_lower")
    return lower.str.contains("thanks to", literal=True) & lower.str.contains("for", literal=True)


def _bad_substring_rejects(r: Row, c: CurationConfig) -> bool:
    lower = r["subject"].lower()
    return any(bad in lower for bad in c.bad_substrings)


def _bad_substring_expr(c: CurationConfig) -> pl.Expr:
    return pl.col("_subject_lower").str.contains_any(list(c.bad_substrings))


def _bad_substring_detail(c: CurationConfig) -> pl.Expr:
    return pl.col("_subject_lower").str.extract_many(list(c.bad_substrings)).list.first()


def sha_fraction(sha: str) -> float | None:
    """The first 8 hex digits of ``sha`` as a number in [0, 1): a stable per-commit coin."""
    head = sha[:8]
    if not re.fullmatch(r"[0-9a-fA-F]+", head):
        return None
    return int(head, 16) / 2**32


def _sha_fraction_expr() -> pl.Expr:
    head = pl.col("sha").str.slice(0, 8)
    number = head.str.to_integer(base=16, strict=False) / 2**32
    return pl.when(head.str.contains(r"^[0-9a-fA-F]+$")).then(number)


def _coin_rejects(sha: str, keep_fraction: float) -> bool:
    """Drop all but ``keep_fraction`` of a kind of commit; the sha is the coin."""
    fraction = sha_fraction(sha)
    return fraction is None or fraction >= keep_fraction


def _bump_rejects(r: Row, c: CurationConfig) -> bool:
    """CommitPackFT drops 90% of version bumps at random; here the sha is the coin."""
    if not r["instruction"].startswith(c.version_bump_prefixes):
        return False
    return _coin_rejects(r["sha"], c.version_bump_keep_fraction)


def _bump_expr(c: CurationConfig) -> pl.Expr:
    instruction = pl.col("instruction")
    is_bump = pl.any_horizontal(instruction.str.starts_with(p) for p in c.version_bump_prefixes)
    return is_bump & (_sha_fraction_expr() >= c.version_bump_keep_fraction)


def _dependency_rejects(r: Row, c: CurationConfig) -> bool:
    is_update = re.search(c.dependency_subject, r["subject"].lower()) or re.search(
        c.dependency_file, r["new_path"].lower()
    )
    return bool(is_update) and _coin_rejects(r["sha"], c.dependency_keep_fraction)


def _dependency_expr(c: CurationConfig) -> pl.Expr:
    is_update = pl.col("_subject_lower").str.contains(c.dependency_subject) | pl.col(
        "new_path"
    ).str.to_lowercase().str.contains(c.dependency_file)
    return is_update & (_sha_fraction_expr() >= c.dependency_keep_fraction)


def _verb_rejects(r: Row, c: CurationConfig) -> bool:
    lower = r["instruction"].lower()
    return not lower.startswith(tuple(verb + " " for verb in c.imperative_verbs))


def _verb_expr(c: CurationConfig) -> pl.Expr:
    # Longest first so that "speed up" is tried before a hypothetical "speed".
    verbs = sorted(c.imperative_verbs, key=lambda v: (-len(v), v))
    pattern = "^(?:" + "|".join(pl.escape_regex(v) for v in verbs) + ") "
    return ~pl.col("_instruction_lower").str.contains(pattern)


def _capital_rejects(r: Row, c: CurationConfig) -> bool:
    return not r["instruction"][:1].isupper()


def _capital_expr(c: CurationConfig) -> pl.Expr:
    # \p{Uppercase} is the property str.isupper() tests on one character.
    return ~pl.col("instruction").str.contains(r"^\p{Uppercase}")


def _bad_message_rejects(r: Row, c: CurationConfig) -> bool:
    return r["instruction"].lower() in c.bad_messages


def _bad_message_expr(c: CurationConfig) -> pl.Expr:
    return pl.col("_instruction_lower").is_in(list(c.bad_messages))


def _message_length_rejects(r: Row, c: CurationConfig) -> bool:
    return message_length(r["subject"], r.get("body")) > c.max_message_chars


def _message_length_expr(c: CurationConfig) -> pl.Expr:
    body = pl.col("body").str.len_chars()
    length = pl.col("subject").str.len_chars() + pl.when(body > 0).then(body + 2).otherwise(0)
    return length > c.max_message_chars


def _fixed(pattern: str) -> Callable[[CurationConfig], str]:
    return lambda c: pattern


# ---------------------------------------------------------------------------------------------
# The rules, in application order: each commit is charged to the first that rejects it.
# ---------------------------------------------------------------------------------------------

_FILE = ("file_count",)
_CONTENTS = ("old_contents", "new_contents")

STRUCTURE_RULES: list[Rule] = [
    _missing("missing_key", "Repo or sha is missing.", ("repo", "sha")),
    Rule(
        "harvest_error",
        "The harvester could not read the commit (missing objects, undecodable bytes).",
        (),
        lambda r, c: r.get("error") is not None,
        lambda c: pl.col("error").is_not_null(),
        lambda c: pl.col("error"),
    ),
    _flag("merge_commit", "Merge commit.", "is_merge"),
    Rule(
        "no_files",
        "Changes no file.",
        _FILE,
        lambda r, c: r["file_count"] == 0,
        lambda c: pl.col("file_count") == 0,
    ),
    Rule(
        "multi_file",
        "Changes more than one file; CommitPackFT keeps single-file commits only.",
        _FILE,
        lambda r, c: r["file_count"] > 1,
        lambda c: pl.col("file_count") > 1,
        lambda c: pl.format("{} files", pl.col("file_count")),
    ),
    Rule(
        "change_type",
        "The file is not modified in place (added, deleted, renamed, ...).",
        ("change_type",),
        lambda r, c: r["change_type"] not in c.allowed_change_types,
        lambda c: ~pl.col("change_type").is_in(list(c.allowed_change_types)),
        lambda c: pl.col("change_type"),
    ),
    _flag("binary_or_submodule", "The file is binary or a submodule.", "is_binary", "is_submodule"),
    _missing("missing_contents", "Old or new contents were not harvested.", _CONTENTS),
    _flag("contents_truncated", "Contents were truncated by the harvester.", "contents_truncated"),
    Rule(
        "empty_new_contents",
        "The new contents are empty (the file was emptied).",
        ("new_contents",),
        lambda r, c: r["new_contents"] == "",
        lambda c: pl.col("new_contents").str.len_bytes() == 0,
    ),
    Rule(
        "unchanged_contents",
        "Old and new contents are identical (mode or rename only).",
        _CONTENTS,
        lambda r, c: r["old_contents"] == r["new_contents"],
        lambda c: pl.col("old_contents") == pl.col("new_contents"),
    ),
    Rule(
        "contents_too_long",
        "Old or new contents reach the character cap (CommitPackFT: old < 50,000).",
        _CONTENTS,
        _too_long_rejects,
        _too_long_expr,
        lambda c: pl.format(
            "old {} / new {} chars",
            pl.col("old_contents").str.len_chars(),
            pl.col("new_contents").str.len_chars(),
        ),
    ),
    Rule(
        "token_window",
        "Estimated tokens of old + new contents outside [min_tokens, max_tokens].",
        _CONTENTS,
        _token_rejects,
        _token_expr,
        lambda c: pl.format("~{} tokens", _estimate_tokens_expr(c)),
    ),
]

TEXT_RULES: list[Rule] = [
    Rule(
        "unknown_language",
        "The file's extension, compared with its dot, is no known (or no allowed) language.",
        ("new_path",),
        _language_rejects,
        _language_expr,
        lambda c: pl.col("new_path"),
    ),
    _missing("missing_subject", "No commit subject.", ("subject",)),
    _length_window(
        "subject_length", "Subject not strictly within the char/word bounds.", "subject"
    ),
    Rule(
        "message_length",
        "The whole message exceeds max_message_chars.",
        ("subject",),
        _message_length_rejects,
        _message_length_expr,
    ),
    _subject_regex(
        "hashtag", "Subject contains '#' (issue/PR refs, hashtags).", _fixed("#"), "subject"
    ),
    Rule(
        "basename_in_subject",
        "Subject names the changed file's base name.",
        ("subject", "new_path"),
        _basename_rejects,
        _basename_expr,
        lambda c: pl.col("_file_stem"),
    ),
    Rule(
        "cherry_pick",
        "Cherry-pick (subject mention or git -x trailer in the body).",
        ("subject",),
        _cherry_pick_rejects,
        _cherry_pick_expr,
    ),
    _subject_regex(
        "sha_mention",
        "Subject mentions a commit SHA.",
        lambda c: f"[0-9a-f]{{{c.min_sha_mention_hex},}}",
        "subject",
    ),
    _subject_regex(
        "issue_reference",
        "Subject references an issue, bug or feature number.",
        _fixed(r"\b(?:issue|bug|feature)\s*\d+"),
        "subject",
    ),
    _subject_regex(
        "wip",
        "Work in progress ('wip' as a word, or 'work in progress').",
        _fixed(r"\bwip\b|work in progress"),
        "subject",
    ),
    _subject_regex("url", "Subject contains a URL.", _fixed("https?://"), "subject"),
    _subject_regex(
        "first_person",
        "First-person subject (' I ', I've, I'm).",
        _fixed(r"(?:^|\s)i(?:\s|$)|\bi['’](?:ve|m)\b"),
        "subject",
    ),
    Rule(
        "thanks",
        "Acknowledgement ('thanks to ... for').",
        ("subject",),
        _thanks_rejects,
        _thanks_expr,
    ),
    Rule(
        "bad_substring",
        "Subject contains a bad substring (merge branch, auto commit, ...).",
        ("subject",),
        _bad_substring_rejects,
        _bad_substring_expr,
        _bad_substring_detail,
    ),
    Rule(
        "bad_message",
        "Instruction is a known bad message ('update readme', ...).",
        ("instruction",),
        _bad_message_rejects,
        _bad_message_expr,
    ),
    _subject_regex(
        "version_subject",
        "Instruction starts with a version (v1.2.3).",
        _fixed(r"^v?\d+\.\d+\.\d+"),
        "instruction",
    ),
    _subject_regex(
        "hash_subject",
        "Instruction is a hex hash (0239-2a41).",
        _fixed(r"^[0-9a-f]+(?:-[0-9a-f]+)*$"),
        "instruction",
    ),
    Rule(
        "dependency_update",
        "Dependency update (dependabot-style subject, or a requirements or lock file), outside "
        "the sha-chosen kept fraction (none by default).",
        ("subject", "new_path", "sha"),
        _dependency_rejects,
        _dependency_expr,
        lambda c: pl.col("new_path"),
    ),
    Rule(
        "version_bump",
        "Version bump (Bump/Set version/Update version) outside the sha-chosen kept fraction.",
        ("instruction", "sha"),
        _bump_rejects,
        _bump_expr,
    ),
    _length_window(
        "instruction_length", "Cleaned subject not strictly within the bounds.", "instruction"
    ),
    Rule(
        "not_capitalized",
        "Instruction does not start with an upper-case letter.",
        ("instruction",),
        _capital_rejects,
        _capital_expr,
    ),
    Rule(
        "no_imperative_verb",
        "Instruction does not start with an imperative verb and a space.",
        ("instruction",),
        _verb_rejects,
        _verb_expr,
    ),
]

RULES: list[Rule] = [*STRUCTURE_RULES, *TEXT_RULES]
RULES_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}


# ---------------------------------------------------------------------------------------------
# Applying the rules
# ---------------------------------------------------------------------------------------------


def flag_column(rule: Rule) -> str:
    return FLAG_PREFIX + rule.name


@dataclass
class Evaluation:
    """Verdicts of both tiers. ``structure`` holds every commit (:func:`prepare`'s columns,
    ``ROW``, a flag per structure rule, :data:`FIRST_RULE`); ``text`` the commits no structure
    rule rejected (``ROW`` into ``structure``, :func:`prepare_text`'s columns, a flag per text
    rule, :data:`FIRST_RULE`)."""

    structure: pl.DataFrame
    text: pl.DataFrame

    def first_rule(self) -> pl.Series:
        """Per input commit, the name of the rule it is charged to; null when kept."""
        return self.structure.get_column(FIRST_RULE).scatter(
            self.text.get_column(ROW), self.text.get_column(FIRST_RULE)
        )

    def kept(self) -> pl.DataFrame:
        """The commits no rule rejected: structure columns and ``instruction``, ``language``."""
        passed = self.text.filter(pl.col(FIRST_RULE).is_null())
        base = self.structure.select(
            pl.all().exclude(ROW, FIRST_RULE, "^_rejects_.*$").gather(passed.get_column(ROW))
        )
        return base.hstack(passed.select("instruction", "language").get_columns())


def _with_verdicts(
    frame: pl.LazyFrame, rules: Sequence[Rule], config: CurationConfig
) -> pl.LazyFrame:
    """``frame`` plus one flag per rule and :data:`FIRST_RULE`, the first flagged rule."""
    flags = [rule.rejects_expr(config).alias(flag_column(rule)) for rule in rules]
    # Coalescing small integers, then naming them, is ~50x cheaper than coalescing strings.
    first = pl.coalesce(
        pl.when(pl.col(flag_column(rule))).then(pl.lit(i, pl.UInt16))
        for i, rule in enumerate(rules)
    ).replace_strict(
        list(range(len(rules))), [rule.name for rule in rules], default=None, return_dtype=pl.Utf8
    )
    return frame.with_columns(flags).with_columns(first.alias(FIRST_RULE))


def evaluate(commits: pl.DataFrame | pl.LazyFrame, config: CurationConfig) -> Evaluation:
    """Both rule tiers over ``commits``; see the module docstring for why there are two."""
    structure = _with_verdicts(
        prepare(commits).with_row_index(ROW), STRUCTURE_RULES, config
    ).collect()
    text = text_verdicts(structure.filter(pl.col(FIRST_RULE).is_null()), config)
    return Evaluation(structure, text)


def text_verdicts(rows: pl.DataFrame, config: CurationConfig) -> pl.DataFrame:
    """The text tier over ``rows`` (``ROW`` and :data:`TEXT_INPUT` columns)."""
    reached = rows.lazy().select(ROW, *TEXT_INPUT)
    return _with_verdicts(prepare_text(reached), TEXT_RULES, config).collect()


def text_rejections(text: pl.DataFrame, config: CurationConfig) -> pl.DataFrame:
    """One row per commit of :func:`text_verdicts`'s frame a text rule rejected."""
    return _tier_rejections(text, TEXT_RULES, config).collect()


def apply_rules(commits: pl.DataFrame | pl.LazyFrame, config: CurationConfig) -> pl.DataFrame:
    """:func:`prepare`'s columns of every commit with :data:`FIRST_RULE` over both tiers."""
    evaluation = evaluate(commits, config)
    return evaluation.structure.with_columns(evaluation.first_rule())


def rule_rejections(evaluation: Evaluation, config: CurationConfig) -> pl.DataFrame:
    """One row per commit a rule rejected: repo, sha, stage, rule, detail.

    Details are computed only on the rows charged to each rule: evaluating every rule's detail
    on every row would cost as much as the rules themselves.
    """
    tiers = [(evaluation.structure, STRUCTURE_RULES), (evaluation.text, TEXT_RULES)]
    return pl.concat(
        [_tier_rejections(frame, rules, config) for frame, rules in tiers], how="vertical"
    ).collect()


def _tier_rejections(
    frame: pl.DataFrame, rules: Sequence[Rule], config: CurationConfig
) -> pl.LazyFrame:
    rejected = frame.lazy().filter(pl.col(FIRST_RULE).is_not_null())

    def rows(part: pl.LazyFrame, detail: pl.Expr) -> pl.LazyFrame:
        # Lazy, so that only the columns a detail reads are filtered (not all contents).
        return part.select(
            "repo",
            "sha",
            pl.lit("rules").alias("stage"),
            pl.col(FIRST_RULE).alias("rule"),
            detail.cast(pl.Utf8).alias("detail"),
        )

    explained = [rule for rule in rules if rule.detail is not None]
    parts = [
        rows(rejected.filter(pl.col(FIRST_RULE) == rule.name), rule.detail(config))
        for rule in explained
        if rule.detail is not None
    ]
    others = rejected.filter(~pl.col(FIRST_RULE).is_in([rule.name for rule in explained]))
    return pl.concat([*parts, rows(others, pl.lit(None, pl.Utf8))], how="vertical")


def rule_counts(evaluation: Evaluation) -> pl.DataFrame:
    """Per rule in order: commits charged to it (``removed``) and that it rejects on its own
    among the commits its tier sees (``rejects_alone``)."""
    tiers = [(evaluation.structure, STRUCTURE_RULES), (evaluation.text, TEXT_RULES)]
    removed: dict[str, int] = {}
    alone: dict[str, int] = {}
    for frame, rules in tiers:
        charged = frame.get_column(FIRST_RULE).drop_nulls().value_counts()
        removed |= dict(zip(charged[FIRST_RULE], charged["count"], strict=True))
        sums = frame.select(pl.col(flag_column(rule)).sum() for rule in rules).row(0)
        alone |= {rule.name: n or 0 for rule, n in zip(rules, sums, strict=True)}
    return pl.DataFrame(
        {
            "stage": ["rules"] * len(RULES),
            "rule": [rule.name for rule in RULES],
            "description": [rule.description for rule in RULES],
            "removed": [removed.get(rule.name, 0) for rule in RULES],
            "rejects_alone": [alone[rule.name] for rule in RULES],
        },
        schema={
            "stage": pl.Utf8,
            "rule": pl.Utf8,
            "description": pl.Utf8,
            "removed": pl.Int64,
            "rejects_alone": pl.Int64,
        },
    )
