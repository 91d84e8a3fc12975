"""Topic model quality, stability and scale on CLICK-ID (real Indonesian news).

Quality mode (default) fits ``TopicModel`` on all CLICK-ID articles and prints, as Markdown:

- the automatic choice of the number of topics (topic quality over the grid);
- the topics (id, label, size, representative headlines);
- NPMI of the top 10 terms (reference: the corpus itself, and a held-out half), diversity of the
  top 25;
- NMI against the publishers' sections harmonised into six coarse classes, next to plain k-means
  on unstemmed TF-IDF with the same number of clusters, over the same seeds;
- adjusted Rand index between fits with different seeds;
- agreement of ``predict`` with the fitted assignment, from the token strings and from raw text;
- a refit on the later half of the dates after a fit on the earlier half, with the topic
  matching table.

Scale mode (``--scale``) fits on 10k, 100k and 1M articles resampled (with replacement, fixed
seed) from CLICK-ID, each in a fresh process, and reports wall and CPU time and peak memory.

Streaming mode (``--streaming``) measures what training the topics in a stream would cost (the
route ``media_analytics.scale`` describes but does not take): the same stemmed uni- and bigram
tokens hashed (``HashingVectorizer``, no vocabulary), sublinear TF with IDF from one counting
pass or without IDF, clustered by ``MiniBatchKMeans.partial_fit`` over shuffled partitions, next
to ``TopicModel`` (NMF, in memory) and to k-means on the in-memory TF-IDF, for the same number of
topics and seeds. Top terms of a hashed clustering need a second pass that counts terms per
cluster; NPMI and diversity are computed on those.

    python bench/topics.py
    python bench/topics.py --scale
    python bench/topics.py --streaming                                 # hashing + partial_fit
    python bench/topics.py --tokens-cache /tmp/clickid_tokens.json   # reuse preprocessing
    python bench/topics.py --limit 2000                              # a quick check
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from media_analytics.topics import (
    TopicModel,
    category_nmi,
    npmi_coherence,
    pairwise_ari,
    topic_diversity,
    topics_over_time,
)

ROOT = Path(__file__).resolve().parents[1]
CLICKID = ROOT.parent / "shared" / "corpora" / "clickid-news-articles" / "clickid_articles_80.csv"

# Publisher sections -> coarse classes. Sections too vague to place are left out of NMI.
COARSE = {
    "news": [
        "news", "nasional", "daerah", "metro", "regional", "metropolitan", "international",
        "internasional", "dunia", "berita sumut", "berita utama", "berita viral", "kriminal",
        "medan bung", "medan update", "dpr ri", "dpd ri", "kilas kementerian", "tribunners",
        "kolom", "fokus", "difabel", "haji", "pendidikan",
    ],
    "economy": [
        "economy", "ekbis", "bisnis", "money", "properti", "ekonomi", "bea cukai", "pertamina",
    ],
    "sport": ["bola", "sports", "sport", "super skor"],
    "entertainment": [
        "selebriti", "celebrity", "entertainment", "seleb", "film", "musik", "tv",
        "film indonesia", "film internasional", "hollywood", "korea", "sinetron", "televisi",
        "hiburan", "news & entertainment",
    ],
    "lifestyle": [
        "lifestyle", "gaya", "cantik", "beauty", "parenting", "travel", "kuliner", "health",
        "kesehatan", "muslim",
    ],
    "tech_auto": ["otomotif", "techno", "tekno", "autotekno", "sains", "teknologi"],
}  # fmt: skip
SECTION_TO_CLASS = {s: c for c, sections in COARSE.items() for s in sections}
SEEDS = (0, 1, 2, 3, 4)


def load_articles(limit: int | None = None) -> pd.DataFrame:
    if not CLICKID.exists():
        sys.exit(f"needs {CLICKID.relative_to(ROOT.parent)} (the shared corpora)")
    csv.field_size_limit(1 << 30)
    frame = pd.read_csv(CLICKID, dtype=str, keep_default_na=False, nrows=limit)
    frame["text"] = frame["title"] + "\n" + frame["content"]
    frame["coarse"] = frame["category"].str.strip().str.lower().map(SECTION_TO_CLASS)
    return frame


def coarse_labels(frame: pd.DataFrame) -> list[str | None]:
    """Each article's coarse class, None where its section is left out of NMI."""
    return frame["coarse"].where(frame["coarse"].notna(), None).tolist()


def preprocess(frame: pd.DataFrame, cache: Path | None) -> tuple[list[str], Any, Any]:
    """Token strings, surface forms and the fitted preprocessor (None if cached).

    The cache keeps every written form of a stem (most frequent first): topic labels read the
    texts through them to show two-word terms as written (``TopicModel.fit(texts=...)``)."""
    from media_analytics.preprocessing import SurfaceForms, TextPreprocessor

    if cache is not None and cache.exists():
        data = json.loads(cache.read_text("utf-8"))
        if data["ids"] == frame["article_id"].tolist() and "forms" in data:
            return data["tokens"], SurfaceForms.from_dict(data["forms"]), None
    prep = TextPreprocessor(n_jobs=1)
    tokens = [str(t) for t in prep.fit_transform(frame["text"].tolist())]
    if cache is not None:
        forms = prep.surface_forms_.to_dict(top=1000)
        payload = {"ids": frame["article_id"].tolist(), "tokens": tokens, "forms": forms}
        cache.write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
    return tokens, prep.surface_forms_, prep


def md_table(frame: pd.DataFrame, floats: str = "{:.3f}") -> str:
    def cell(v: Any) -> str:
        text = floats.format(v) if isinstance(v, float) else str(v)
        return text.replace("|", "/").replace("\n", " ")

    lines = ["| " + " | ".join(map(str, frame.columns)) + " |"]
    lines.append("|" + "|".join("---" for _ in frame.columns) + "|")
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(False)]
    return "\n".join(lines)


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - wall, time.process_time() - cpu


def kmeans_baseline(texts: list[str], k: int, seeds: tuple[int, ...]) -> list[np.ndarray]:
    """Plain k-means on unstemmed TF-IDF of the raw text, scikit-learn defaults otherwise."""
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    X = TfidfVectorizer(min_df=3, max_df=0.5).fit_transform(texts)
    return [KMeans(n_clusters=k, random_state=s).fit_predict(X) for s in seeds]


def quality(args: argparse.Namespace) -> None:
    frame = load_articles(args.limit)
    cache = Path(args.tokens_cache) if args.tokens_cache else None
    (tokens, surface, prep), wall, _ = timed(preprocess, frame, cache)
    print(f"CLICK-ID: {len(frame)} articles; preprocessing {wall:.0f} s\n")
    titles = frame["title"].tolist()

    model, wall, cpu = timed(
        TopicModel(random_state=SEEDS[0]).fit,
        tokens,
        titles=titles,
        surface_forms=surface,
        texts=frame["text"].tolist(),
    )
    k = model.n_topics_
    print(f"## Number of topics (automatic; fit {wall:.0f} s wall, {cpu:.0f} s CPU)\n")
    print(md_table(pd.DataFrame(model.selection_scores_)) + "\n")
    print(f"Chosen: {k} topics.\n\n## Topics\n")
    info = model.get_topic_info()
    info["share"] = (100 * info["share"]).map("{:.1f}%".format)
    print(md_table(info[["id", "label", "size", "share", "representative_titles"]]) + "\n")

    npmi_self = npmi_coherence(model.topic_stems_, tokens)
    half = TopicModel(n_topics=k, random_state=SEEDS[0]).fit(tokens[0::2])
    npmi_held = npmi_coherence(half.topic_stems_, tokens[1::2])
    diversity = topic_diversity(model.topic_stems_, top_n=25)

    seed_labels = [model.labels_]
    seed_k = [k]
    for s in SEEDS[1:]:
        other = TopicModel(random_state=s).fit(tokens)
        seed_labels.append(other.labels_)
        seed_k.append(other.n_topics_)
    ari = pairwise_ari(seed_labels)

    known = frame["coarse"].notna().to_numpy()
    coarse = coarse_labels(frame)
    ours = [category_nmi(lab, coarse) for lab in seed_labels]
    base_labels = kmeans_baseline(frame["text"].tolist(), k, SEEDS)
    base = [category_nmi(lab, coarse) for lab in base_labels]
    base_ari = pairwise_ari(base_labels).round(4)

    same = model.predict(tokens)
    agree_tokens = float(np.mean(same == model.labels_))
    agree_raw = float("nan")
    if prep is not None:
        raw = model.predict(prep.transform(frame["text"].tolist()))
        agree_raw = float(np.mean(raw == model.labels_))

    print("## Quality\n")
    rows = [
        ("topics (automatic)", f"{k}; with seeds {list(SEEDS)}: {seed_k}"),
        ("NPMI, top 10 (reference: whole corpus)", f"{np.nanmean(npmi_self):.3f}"),
        ("NPMI, top 10 (fit on even rows, reference: odd rows)", f"{np.nanmean(npmi_held):.3f}"),
        ("topic diversity, top 25", f"{diversity:.3f}"),
        ("articles without a clear topic (-1)", f"{np.mean(model.labels_ < 0):.2%}"),
        (
            f"NMI vs coarse sections ({int(known.sum())} articles, 6 classes), ours",
            f"mean {np.mean(ours):.3f} (min {min(ours):.3f}, max {max(ours):.3f})",
        ),
        (
            f"NMI, plain k-means (k={k}) on unstemmed TF-IDF, same seeds",
            f"mean {np.mean(base):.3f} (min {min(base):.3f}, max {max(base):.3f})",
        ),
        (f"ARI between seeds {list(SEEDS)}, ours", f"min {ari.min():.4f}, mean {ari.mean():.4f}"),
        ("ARI between seeds, plain k-means", f"min {min(base_ari)}, mean {np.mean(base_ari):.4f}"),
        ("predict == fitted assignment (same token strings)", f"{agree_tokens:.2%}"),
        ("predict == fitted assignment (raw text through TextPreprocessor)", f"{agree_raw:.2%}"),
    ]  # fmt: skip
    print(md_table(pd.DataFrame(rows, columns=["measure", "value"])) + "\n")
    counts = frame["coarse"].fillna("(left out)").value_counts()
    print("Coarse classes: " + ", ".join(f"{c} {n}" for c, n in counts.items()) + "\n")

    refit(frame, tokens, titles, surface)


def refit(frame: pd.DataFrame, tokens: list[str], titles: list[str], surface: Any) -> None:
    dates = pd.to_datetime(frame["date"], errors="coerce")
    order = np.argsort(dates.to_numpy(), kind="stable")
    # split at the median date, so no day is in both windows
    median = dates.iloc[order[len(order) // 2]]
    cut = int(np.searchsorted(dates.iloc[order].to_numpy(), median.to_datetime64()))
    first, second = order[:cut], order[cut:]

    def pick(idx: np.ndarray, values: list[Any]) -> list[Any]:
        return [values[i] for i in idx]

    texts = frame["text"].tolist()
    old = TopicModel().fit(
        pick(first, tokens),
        titles=pick(first, titles),
        surface_forms=surface,
        texts=pick(first, texts),
    )
    new = TopicModel().fit(
        pick(second, tokens),
        titles=pick(second, titles),
        surface_forms=surface,
        previous=old,
        texts=pick(second, texts),
    )
    span = f"{dates.iloc[first].min():%Y-%m-%d}..{dates.iloc[first].max():%Y-%m-%d}"
    span2 = f"{dates.iloc[second].min():%Y-%m-%d}..{dates.iloc[second].max():%Y-%m-%d}"
    print(
        f"## Refit on a new window\n\nFirst half ({len(first)} articles, {span}): "
        f"{old.n_topics_} topics. Second half ({len(second)} articles, {span2}), fitted "
        f"with `previous=` the first: {new.n_topics_} topics.\n"
    )
    matches = pd.DataFrame(new.topic_matches_)
    kept = matches[matches["previous_id"] >= 0]
    print(f"Kept ids ({len(kept)} topics, similarity >= {new.match_threshold}):\n")
    print(md_table(kept[["id", "previous_label", "label", "similarity"]]) + "\n")
    fresh = matches[matches["previous_id"] < 0]
    print(f"New ids ({len(fresh)}):\n")
    print(md_table(fresh[["id", "label", "similarity"]]) + "\n")
    print(f"Retired ({len(new.retired_topics_)}):\n")
    print(md_table(pd.DataFrame(new.retired_topics_, columns=["id", "label", "generation"])))
    weekly = topics_over_time(
        new.labels_, dates.iloc[second].to_numpy(), "W", labels=new.topic_label_map()
    )
    top = weekly[weekly["topic"] >= 0].sort_values("count", ascending=False).head(5)
    print("\nLargest topic-weeks in the second half:\n")
    print(md_table(top.assign(period=top["period"].astype(str))) + "\n")


def scale_one(tokens_file: str, size: int) -> None:
    """Child process: fit on ``size`` resampled articles, print time and memory as JSON."""
    base = json.loads(Path(tokens_file).read_text("utf-8"))["tokens"]
    rng = np.random.default_rng(20240917)
    docs = [base[i] for i in rng.integers(0, len(base), size)]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    model, wall, cpu = timed(TopicModel(random_state=0).fit, docs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "articles": size,
                "topics": model.n_topics_,
                "wall_s": wall,
                "cpu_s": cpu,
                "rss_before_mb": before,
                "peak_rss_mb": peak,
            }
        )
    )


def scale(args: argparse.Namespace) -> None:
    frame = load_articles()
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(args.tokens_cache) if args.tokens_cache else Path(tmp) / "tokens.json"
        preprocess(frame, cache)
        rows = []
        for size in args.sizes:
            cmd = [sys.executable, __file__, "--scale-one", str(size), "--tokens-cache", str(cache)]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            rows.append(json.loads([x for x in out.splitlines() if x.startswith("{")][-1]))
            print(f"  {rows[-1]}", file=sys.stderr)
    table = pd.DataFrame(rows)
    table["us_per_article"] = 1e6 * table["wall_s"] / table["articles"]
    table["fit_mb"] = table["peak_rss_mb"] - table["rss_before_mb"]
    print("## Scale (articles resampled from CLICK-ID with replacement, seed 20240917)\n")
    print(md_table(table, floats="{:.1f}") + "\n")
    first = table.iloc[0]
    for _, r in table.iloc[1:].iterrows():
        n = r["articles"] / first["articles"]
        print(
            f"x{n:.0f} articles: x{r['wall_s'] / first['wall_s']:.2f} wall time, "
            f"x{r['peak_rss_mb'] / first['peak_rss_mb']:.2f} peak memory"
        )


def _cluster_terms(
    tokens: list[str], labels: np.ndarray, k: int, top_n: int = 25
) -> list[list[str]]:
    """Each cluster's most distinctive terms, from a second pass that counts terms per cluster.

    A term's weight in a cluster is ``p(t | c) * log(p(t | c) / p(t))`` over document
    frequencies (terms that are both common in the cluster and typical of it).
    """
    from sklearn.feature_extraction.text import CountVectorizer

    vec = CountVectorizer(token_pattern=r"\S+", ngram_range=(1, 2), min_df=3, max_df=0.5)
    present = (vec.fit_transform(tokens) > 0).astype(np.float64).tocsr()
    names = vec.get_feature_names_out()
    p_t = np.asarray(present.mean(axis=0)).ravel()
    out = []
    for c in range(k):
        rows = present[labels == c]
        if rows.shape[0] == 0:
            out.append([])
            continue
        p_tc = np.asarray(rows.mean(axis=0)).ravel()
        with np.errstate(divide="ignore", invalid="ignore"):
            w = np.where(p_tc > 0, p_tc * np.log(p_tc / p_t), 0.0)
        out.append([str(names[i]) for i in np.argsort(-w)[:top_n]])
    return out


def _streamed_kmeans(
    tokens: list[str], k: int, seed: int, *, idf: bool, parts: int, epochs: int
) -> np.ndarray:
    """Hashed sublinear TF(-IDF) and ``MiniBatchKMeans.partial_fit``, one partition at a time."""
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.preprocessing import normalize

    hasher = HashingVectorizer(
        token_pattern=r"\S+", ngram_range=(1, 2), n_features=2**20, alternate_sign=False,
        norm=None,
    )  # fmt: skip
    chunks = np.array_split(np.arange(len(tokens)), parts)

    def features(idx: np.ndarray, weights: np.ndarray | None) -> Any:
        X = hasher.transform([tokens[i] for i in idx]).tocsr()
        X.data = 1.0 + np.log(X.data)  # sublinear TF, as the in-memory model
        if weights is not None:
            X = X.multiply(weights).tocsr()
        return normalize(X)

    weights = None
    if idf:  # one counting pass: document frequency of every hashed column
        df = np.zeros(2**20)
        for idx in chunks:
            X = hasher.transform([tokens[i] for i in idx]).tocsr()
            df += np.bincount(X.indices, minlength=2**20)
        weights = np.log((1 + len(tokens)) / (1 + df)) + 1.0
    km = MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=3, batch_size=1024)
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        for j in rng.permutation(parts):
            km.partial_fit(features(chunks[j], weights))
    return np.concatenate([km.predict(features(idx, weights)) for idx in chunks])


def streaming(args: argparse.Namespace) -> None:
    """The accuracy cost of training the topics in a stream (hashing + ``partial_fit``)."""
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import normalized_mutual_info_score

    frame = load_articles(args.limit)
    cache = Path(args.tokens_cache) if args.tokens_cache else None
    tokens, surface, _ = preprocess(frame, cache)
    coarse = coarse_labels(frame)
    model = TopicModel(random_state=SEEDS[0]).fit(
        tokens, surface_forms=surface, texts=frame["text"].tolist()
    )
    k = model.n_topics_
    ours = model.labels_
    parts, epochs = args.parts, args.epochs
    print(
        f"## Training the topics in a stream ({len(tokens)} CLICK-ID articles, {k} topics as "
        f"chosen by TopicModel, seeds {list(SEEDS)}; streamed: {parts} partitions x {epochs} "
        "epochs)\n"
    )
    tfidf = TfidfVectorizer(
        token_pattern=r"\S+", ngram_range=(1, 2), min_df=3, max_df=0.5, sublinear_tf=True
    ).fit_transform(tokens)
    variants: dict[str, Any] = {
        "TopicModel (NMF, in memory)": lambda s: (
            TopicModel(n_topics=k, random_state=s).fit(tokens).labels_
        ),
        "k-means, in-memory TF-IDF": lambda s: KMeans(n_clusters=k, random_state=s).fit_predict(
            tfidf
        ),
        "MiniBatchKMeans.partial_fit, hashed TF-IDF (IDF pass)": lambda s: _streamed_kmeans(
            tokens, k, s, idf=True, parts=parts, epochs=epochs
        ),
        "MiniBatchKMeans.partial_fit, hashed TF (one pass)": lambda s: _streamed_kmeans(
            tokens, k, s, idf=False, parts=parts, epochs=epochs
        ),
    }
    rows = []
    for name, fit in variants.items():
        t0 = time.perf_counter()
        labelings = [np.asarray(fit(s)) for s in SEEDS]
        seconds = (time.perf_counter() - t0) / len(SEEDS)
        nmi = [category_nmi(lab, coarse) for lab in labelings]
        agree = [normalized_mutual_info_score(ours, lab) for lab in labelings]
        terms = _cluster_terms(tokens, labelings[0], k)
        npmi = float(np.nanmean(npmi_coherence(terms, tokens)))
        sizes = np.bincount(labelings[0][labelings[0] >= 0], minlength=k)
        rows.append(
            {
                "method": name,
                "NMI vs sections (mean, min)": f"{np.mean(nmi):.3f} ({min(nmi):.3f})",
                "NMI vs TopicModel seed 0": f"{np.mean(agree):.3f}",
                "ARI between seeds (min)": f"{pairwise_ari(labelings).min():.3f}",
                "NPMI top 10": f"{npmi:.3f}",
                "diversity top 25": f"{topic_diversity(terms, top_n=25):.3f}",
                "largest cluster": f"{sizes.max() / sizes.sum():.1%}",
                "seconds per fit": f"{seconds:.1f}",
            }
        )
        print(f"  {rows[-1]}", file=sys.stderr)
    print(md_table(pd.DataFrame(rows)) + "\n")
    print(
        "Top terms of every method come from the same second counting pass (terms typical of "
        "each cluster), so NPMI and diversity compare the clusterings, not the labelling.\n"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--scale", action="store_true", help="time and memory at several sizes")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--tokens-cache", help="JSON file to keep preprocessed tokens between runs")
    ap.add_argument("--limit", type=int, help="first N articles only (a quick check)")
    ap.add_argument("--streaming", action="store_true", help="hashing + partial_fit cost")
    ap.add_argument("--parts", type=int, default=10, help="streamed partitions (--streaming)")
    ap.add_argument("--epochs", type=int, default=3, help="passes over them (--streaming)")
    ap.add_argument("--scale-one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.scale_one:
        scale_one(args.tokens_cache, args.scale_one)
        return
    if args.scale:
        scale(args)
    elif args.streaming:
        streaming(args)
    else:
        quality(args)
    shown = [a for a in sys.argv[1:] if a != "--tokens-cache" and a != args.tokens_cache]
    print(f"\n(`python bench/{Path(__file__).name} {' '.join(shown)}`)".replace(" `)", "`)"))


if __name__ == "__main__":
    main()
