"""File extension to programming language, for per-file language in the harvest and curation.

Extensions are compared with their leading dot (``.py``), on the lower-cased final suffix, and
a few well-known extension-less file names are recognised. CommitPackFT compared extensions
without the dot, so ``"setup.copy"`` matched ``py``; :func:`language_for_path` does not.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import PurePosixPath

EXTENSIONS_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    "Python": (".py", ".pyi", ".pyw", ".pyx", ".pxd"),
    "Jupyter Notebook": (".ipynb",),
    "JavaScript": (".js", ".mjs", ".cjs", ".jsx"),
    "TypeScript": (".ts", ".tsx", ".mts", ".cts"),
    "Java": (".java",),
    "Kotlin": (".kt", ".kts"),
    "Scala": (".scala", ".sc"),
    "Groovy": (".groovy", ".gradle"),
    "C": (".c", ".h"),
    "C++": (".cc", ".cpp", ".cxx", ".c++", ".hh", ".hpp", ".hxx", ".h++", ".ipp", ".tpp"),
    "C#": (".cs", ".csx"),
    "F#": (".fs", ".fsi", ".fsx"),
    "Go": (".go",),
    "Rust": (".rs",),
    "Swift": (".swift",),
    "Objective-C": (".m", ".mm"),
    "Ruby": (".rb", ".rake", ".gemspec"),
    "PHP": (".php", ".phtml"),
    "Perl": (".pl", ".pm", ".t"),
    "Lua": (".lua",),
    "R": (".r",),
    "Julia": (".jl",),
    "MATLAB": (".matlab",),
    "Haskell": (".hs", ".lhs"),
    "OCaml": (".ml", ".mli"),
    "Elixir": (".ex", ".exs"),
    "Erlang": (".erl", ".hrl"),
    "Clojure": (".clj", ".cljs", ".cljc", ".edn"),
    "Dart": (".dart",),
    "Solidity": (".sol",),
    "Vyper": (".vy",),
    "Zig": (".zig",),
    "Nim": (".nim",),
    "D": (".d",),
    "Fortran": (".f", ".f90", ".f95", ".f03", ".for"),
    "Pascal": (".pas", ".pp"),
    "Shell": (".sh", ".bash", ".zsh", ".ksh"),
    "PowerShell": (".ps1", ".psm1"),
    "Batchfile": (".bat", ".cmd"),
    "SQL": (".sql",),
    "HTML": (".html", ".htm", ".xhtml"),
    "CSS": (".css",),
    "SCSS": (".scss",),
    "Less": (".less",),
    "Vue": (".vue",),
    "Svelte": (".svelte",),
    "Markdown": (".md", ".markdown"),
    "reStructuredText": (".rst",),
    "TeX": (".tex",),
    "JSON": (".json",),
    "YAML": (".yml", ".yaml"),
    "TOML": (".toml",),
    "INI": (".ini", ".cfg"),
    "XML": (".xml", ".xsd", ".xsl"),
    "Protocol Buffer": (".proto",),
    "Makefile": (".mk", ".mak"),
    "CMake": (".cmake",),
    "Dockerfile": (".dockerfile",),
    "Pine Script": (".pine",),
    "MQL": (".mq4", ".mq5", ".mqh"),
    "Text": (".txt",),
}

LANGUAGE_BY_FILENAME: dict[str, str] = {
    "makefile": "Makefile",
    "gnumakefile": "Makefile",
    "dockerfile": "Dockerfile",
    "cmakelists.txt": "CMake",
    "rakefile": "Ruby",
    "gemfile": "Ruby",
}

LANGUAGE_BY_EXTENSION: dict[str, str] = {
    ext: language for language, exts in EXTENSIONS_BY_LANGUAGE.items() for ext in exts
}


@lru_cache(maxsize=65536)
def language_for_path(path: str | None) -> str | None:
    """The language of ``path`` from its file name or final extension, or None if unknown."""
    if not path:
        return None
    name = PurePosixPath(path).name.lower()
    if name in LANGUAGE_BY_FILENAME:
        return LANGUAGE_BY_FILENAME[name]
    suffix = PurePosixPath(name).suffix
    return LANGUAGE_BY_EXTENSION.get(suffix) if suffix else None
