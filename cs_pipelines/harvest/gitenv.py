"""The environment of every git process of the harvest: memory caps, no network, no prompts."""

# Git's own caches grow with the pack (a 96 MiB delta-base cache, pack windows of up to 1 GiB
# mapped): caps that keep git log and cat-file flat in memory whatever the history's length,
# at no measurable cost in speed (benchmarks/README.md).
GIT_MEMORY_CAPS = {
    "core.deltaBaseCacheLimit": "8m",
    "core.packedGitWindowSize": "4m",
    "core.packedGitLimit": "16m",
}

# Git reads only the local object store: no lazy fetch from a promisor remote, no prompts,
# messages in English so that they can be reported as they are.
GIT_ENV = {
    "GIT_NO_LAZY_FETCH": "1",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_ALLOW_PROTOCOL": "cs-harvest-no-network",
    "LC_ALL": "C",
    # Configuration through the environment reaches every git process, cat-file included.
    "GIT_CONFIG_COUNT": str(len(GIT_MEMORY_CAPS)),
    **{f"GIT_CONFIG_KEY_{i}": key for i, key in enumerate(GIT_MEMORY_CAPS)},
    **{f"GIT_CONFIG_VALUE_{i}": value for i, value in enumerate(GIT_MEMORY_CAPS.values())},
}
