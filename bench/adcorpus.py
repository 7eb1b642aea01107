"""The job-ad engine on real ads: language, verdicts and the controller index against human labels.

Run from the repository root:

    .venv/bin/python bench/adcorpus.py                       # the corpus in $SERVICEFIT_ADCORPUS or /work/adcorpus
    .venv/bin/python bench/adcorpus.py --corpus DIR          # another copy of the corpus
    .venv/bin/python bench/adcorpus.py --repo ../old-checkout --lexicon profiles/data/lexicon_v1.json
                                                             # an older engine, for before/after figures

The corpus is real contact-centre and customer-facing job ads from public sources, labelled by a
person (empathizer / controller / mixed, with a one-line reason) before the engine was run on them.
Their texts are not in this repository: their licences are unclear. `bench/adcorpus.jsonl` holds
each ad's source, label, reason, word count and the SHA-256 of its text, so a copy can be checked;
`bench/README.md` says how to rebuild one. The layout of a copy:

    DIR/<lang>.jsonl            {"id", "language", "source", "employer", "title", "label", "reason", "words"}
    DIR/<lang>/<id>.txt         the ad as published
    DIR/sentences_<lang>.jsonl  {"ad", "text", "label", "part"}: sentences labelled with a type or
                                "neutral" and with what they are (candidate, task, company, ...)

Nothing here needs the database: the analyzer is built from the shipped data files, as migrations
install them. Figures are printed, never asserted.

The shipped classifier v2 learnt from these ads' sentences, so its own row is no test of it. The fair
row is "classifier cross-fitted": the ads are dealt into 5 folds by ad id, and each fold's ads are
analysed by a classifier trained on the shipped sentences plus the real sentences of the other folds'
ads only. The sentence-level macro-F1 likewise uses folds grouped by ad (StratifiedGroupKFold).
"""

import argparse
import hashlib
import json
import math
import os
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MANIFEST = REPO / "bench" / "adcorpus.jsonl"
DEFAULT_CORPUS = Path(os.environ.get("SERVICEFIT_ADCORPUS", "/work/adcorpus"))
LANGUAGES = ("da", "nb", "sv", "en")
LABEL_SIGN = {"empathizer": -1, "mixed": 0, "controller": 1}
LONG_AD_WORDS = 150
FOLDS = 5
WORST = 8

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="a copy of the corpus (see above)")
    parser.add_argument("--repo", type=Path, default=REPO, help="the checkout whose engine is measured")
    parser.add_argument("--lexicon", help="lexicon file, relative to --repo (default: the newest shipped)")
    parser.add_argument("--write-manifest", action="store_true", help="(re)write bench/adcorpus.jsonl from --corpus")
    parser.add_argument(
        "--split",
        action="store_true",
        help="tables for the tuning half (odd ids), the held-out half (even ids) and all; misses of the tuning half",
    )
    parser.add_argument("--ad", metavar="ID", help="print one ad's sentences: part kind, language, cues, negation")
    parser.add_argument("--quick", action="store_true", help="only the engine with the classifier; no sentence figures")
    args = parser.parse_args()
    ads = read_corpus(args.corpus)
    if not ads:
        print(f"No corpus at {args.corpus}: see bench/README.md (section adcorpus) for how to rebuild it.")
        return 1
    if args.write_manifest:
        write_manifest(ads)
    check_manifest(ads)
    sys.path.insert(0, str(args.repo.resolve()))
    analyzers = build_analyzers(args.repo.resolve(), args.lexicon)
    shipped = analyzers["shipped_name"]
    if args.ad:
        return print_ad(analyzers["engines"][shipped], ads, args.ad)
    if args.quick:
        analyzers["engines"] = {shipped: analyzers["engines"][shipped]}
    print(f"engine: {args.repo.resolve()}  lexicon: {analyzers['lexicon']}  classifier: {analyzers['classifier']}")
    print(f"corpus: {args.corpus}  ads: {len(ads)}  " + "  ".join(f"{k} {v}" for k, v in _count(ads, "language")))
    print("labels: " + "  ".join(f"{k} {v}" for k, v in _count(ads, "label")))
    results = {name: [run(analyzer, ad) for ad in ads] for name, analyzer in analyzers["engines"].items()}
    real = read_real_sentences(args.corpus)
    if real and not args.quick:
        fitted, probabilities = cross_fitted(ads, real, analyzers)
        results["classifier cross-fitted"] = fitted
    for name, rows in results.items():
        if args.split:
            for half, keep in SPLITS:
                pairs = [(ad, row) for ad, row in zip(ads, rows, strict=True) if keep(ad)]
                print_table(f"{name}: {half}", [ad for ad, _ in pairs], [row for _, row in pairs])
        else:
            print_table(name, ads, rows)
    rows = results.get("classifier cross-fitted") or results[shipped]
    if args.split:
        pairs = [(ad, row) for ad, row in zip(ads, rows, strict=True) if is_tuning(ad)]
        print("\n(the worst disagreements of the tuning half only)")
        print_worst([ad for ad, _ in pairs], [row for _, row in pairs])
    else:
        print_worst(ads, rows)
    if real and not args.quick:
        print_probabilities(probabilities)
        print_sentences(real, args.repo.resolve())
    return 0


def is_tuning(ad: dict) -> bool:
    """The tuning half: ads whose number is odd (da-001, da-003, …); the even ones are held out."""
    return int(ad["id"].rsplit("-", 1)[1]) % 2 == 1


SPLITS = (
    ("tuning (odd ids)", is_tuning),
    ("held-out (even ids)", lambda ad: not is_tuning(ad)),
    ("all", lambda ad: True),
)


def print_ad(analyzer, ads: list[dict], ad_id: str) -> int:
    """One ad, sentence by sentence: what part it is, its language, the cues matched and negation."""
    ad = next((ad for ad in ads if ad["id"] == ad_id), None)
    if ad is None:
        print(f"No ad {ad_id} in the corpus.")
        return 1
    print(f"{ad['id']}  label {ad['label']}  words {_words(ad)}  title: {ad.get('title', '')}")
    print(f"label's reason: {ad.get('reason', '')}")
    try:
        data = analyzer.analyze(ad["text"]).to_dict()
    except Exception as exc:  # a refusal is an outcome too
        print(f"refused: {type(exc).__name__}: {exc}")
        return 0
    verdict = data.get("verdict", {})
    print(f"index {_fmt(data['controller_index'])}  verdict {verdict.get('code')}  evidence {data.get('evidence')}")
    for side in ("controller", "empathizer", "competitor"):
        print(f"  {side}: {', '.join(verdict.get(side, [])) or '—'}")
    matches: dict[int, list[dict]] = {}
    for match in data["matches"]:
        matches.setdefault(match.get("sentence", -1), []).append(match)
    for part in data.get("parts", []):
        text = " ".join(data_text(ad["text"], part).split())
        mark = " " if part["counted"] else "x"
        cue = f" [{part['cue']}]" if part.get("cue") else ""
        print(f"\n{part['sentence']:>3} {mark} {part['kind']:<11} {part['reason']:<8} {part['language']}{cue}")
        print(f"      {text[:300]}")
        for match in matches.get(part["sentence"], []):
            negated = " NEGATED" if match["negated"] else ""
            phrase = match.get("phrase") or match["text"][:50]
            print(f"      -> {match['type']:<12} {match['source']:<6} {match['weight']:>4} {phrase!r}{negated}")
    return 0


def data_text(text: str, part: dict) -> str:
    return text[part["start"] : part["end"]]


# ---------------------------------------------------------------------------------------------
# The corpus


def read_corpus(corpus: Path) -> list[dict]:
    ads = []
    for language in LANGUAGES:
        manifest = corpus / f"{language}.jsonl"
        if not manifest.exists():
            continue
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            ad = json.loads(line)
            path = corpus / language / f"{ad['id']}.txt"
            if not path.exists():
                continue
            ad["language"] = language
            ad["text"] = path.read_text(encoding="utf-8")
            ads.append(ad)
    return ads


def write_manifest(ads: list[dict]) -> None:
    keys = ("id", "language", "source", "employer", "title", "label", "reason", "words")
    with MANIFEST.open("w", encoding="utf-8") as out:
        for ad in ads:
            row = {key: ad.get(key) for key in keys}
            row["sha256"] = _sha(ad["text"])
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {MANIFEST.relative_to(REPO)} ({len(ads)} ads)")


def check_manifest(ads: list[dict]) -> None:
    if not MANIFEST.exists():
        return
    known = {row["id"]: row for row in map(json.loads, MANIFEST.read_text(encoding="utf-8").splitlines())}
    changed = [ad["id"] for ad in ads if ad["id"] in known and known[ad["id"]]["sha256"] != _sha(ad["text"])]
    relabelled = [ad["id"] for ad in ads if ad["id"] in known and known[ad["id"]]["label"] != ad["label"]]
    missing = sorted(set(known) - {ad["id"] for ad in ads})
    for what, ids in (("texts differ from the manifest", changed), ("labels differ", relabelled), ("missing", missing)):
        if ids:
            print(f"warning: {len(ids)} ads {what}: {', '.join(ids[:10])}{' …' if len(ids) > 10 else ''}")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _count(rows, key):
    return sorted(Counter(row[key] for row in rows).items())


# ---------------------------------------------------------------------------------------------
# The engine, built from the shipped data files of the checkout being measured


def build_analyzers(repo: Path, lexicon_path: str | None) -> dict:
    from profiles import lexicon_file
    from profiles.analysis.classifier import SentenceClassifier, read_corpus
    from profiles.analysis.engine import Analyzer
    from profiles.analysis.gender import GenderCoder
    from profiles.analysis.lexicon import CompiledLexicon, Marker

    data = repo / "profiles" / "data"
    if lexicon_path:
        lexicon_file_path = repo / lexicon_path
    else:
        lexicon_file_path = max(data.glob("lexicon_v*.json"), key=lambda p: int(p.stem.rsplit("v", 1)[1]))
    parsed = lexicon_file.load(lexicon_file_path.read_text(encoding="utf-8"), "json")
    fields = Marker.__dataclass_fields__ if hasattr(Marker, "__dataclass_fields__") else {}
    markers = [
        Marker(**{k: v for k, v in vars_of(m).items() if k in fields}) if fields else Marker(*vars_of(m).values())
        for m in parsed.markers
    ]
    lexicon = CompiledLexicon(markers, version=lexicon_file_path.stem)
    model_files = sorted(data.glob("classifier_v*.zlib"), key=lambda p: int(p.stem.rsplit("v", 1)[1]))
    classifier = SentenceClassifier.loads(model_files[-1].read_bytes()) if model_files else None
    gender = GenderCoder.from_file()
    examples: dict = {}
    for row in read_corpus((data / "sentences.jsonl").read_text(encoding="utf-8").splitlines()):
        examples.setdefault((row.language, row.label), []).append(row.text)
    shipped_name = (
        f"with the classifier (shipped {model_files[-1].stem if model_files else 'none'}{_fairness(model_files)})"
    )
    engines = {
        shipped_name: Analyzer(lexicon=lexicon, gender=gender, classifier=classifier, examples=examples),
        "lexicon only": Analyzer(lexicon=lexicon, gender=gender, classifier=None, examples=examples),
    }
    return {
        "engines": engines,
        "shipped_name": shipped_name,
        "parts": {"lexicon": lexicon, "gender": gender, "examples": examples, "shipped": data / "sentences.jsonl"},
        "lexicon": lexicon_file_path.name,
        "classifier": model_files[-1].name if model_files else "none",
    }


def _fairness(model_files: list[Path]) -> str:
    """A shipped model that learnt from this corpus's sentences is no test of itself on it."""
    if not model_files:
        return ""
    meta = model_files[-1].with_suffix(".json")
    if meta.exists() and "real_sha256" in json.loads(meta.read_text(encoding="utf-8")):
        return "; trained on these ads' sentences, not a fair test: see cross-fitted"
    return ""


def vars_of(marker) -> dict:
    return {name: getattr(marker, name) for name in marker.__dataclass_fields__}


def run(analyzer, ad: dict) -> dict:
    """One ad's outcome in a shape that works for this engine and for older ones."""
    try:
        analysis = analyzer.analyze(ad["text"])
    except Exception as exc:  # a refusal (unsupported or unsure language) is an outcome too
        return {"language": None, "refused": f"{type(exc).__name__}: {exc}"[:120], "index": None, "verdict": None}
    data = analysis.to_dict()
    index = data["controller_index"]
    verdict = data.get("verdict", {}).get("code")
    matches = [m for m in data["matches"] if not m["negated"]]
    if verdict is None:  # an engine before verdicts: a number always, so no cue means no verdict
        has_cue = any(m["type"] in ("controller", "empathizer") for m in matches)
        verdict = "insufficient" if not has_cue else _code(index)
        index = index if has_cue else None
    cues = {
        side: sorted({m.get("phrase") or m["text"][:40] for m in matches if m["type"] == side})
        for side in ("controller", "empathizer")
    }
    return {"language": data["language"], "index": index, "verdict": verdict, "cues": cues, "refused": None}


def _code(index: float) -> str:
    return "controller" if index >= 20 else "empathizer" if index <= -20 else "balanced"


# ---------------------------------------------------------------------------------------------
# Figures


def print_table(name: str, ads: list[dict], rows: list[dict]) -> None:
    print(f"\n## {name}")
    header = (
        f"{'lang':<5}{'ads':>4}{'lang ok':>9}{'verdict':>9}{'>150 w':>9}{'E/C ads':>9}"
        f"{'sign ok':>9}{'verdict ok':>11}{'Spearman':>10}"
    )
    print(header)
    for language in (*LANGUAGES, "all"):
        pairs = [(ad, row) for ad, row in zip(ads, rows, strict=True) if language in ("all", ad["language"])]
        if not pairs:
            continue
        print(_row(language, pairs))
    print("lang ok: the main language read right (a refusal is wrong); verdict: share of ads given one (not")
    print("'insufficient' and not refused); >150 w: the same among ads of more than 150 words; sign ok: index")
    print("on the label's side among empathizer/controller ads (no verdict is wrong); verdict ok: the verdict")
    print("equals the label among those ads; Spearman: label (-1, 0, +1) against the index (no verdict = 0).")


def _row(language: str, pairs) -> str:
    n = len(pairs)
    language_ok = sum(row["language"] == ad["language"] for ad, row in pairs)
    with_verdict = [(ad, row) for ad, row in pairs if row["verdict"] not in (None, "insufficient")]
    long_ads = [(ad, row) for ad, row in pairs if _words(ad) > LONG_AD_WORDS]
    long_with = [p for p in long_ads if p[1]["verdict"] not in (None, "insufficient")]
    sided = [(ad, row) for ad, row in pairs if ad["label"] in ("empathizer", "controller")]
    sign_ok = sum(_sign(row["index"]) == LABEL_SIGN[ad["label"]] for ad, row in sided)
    verdict_ok = sum(row["verdict"] == ad["label"] for ad, row in sided)
    rho = spearman([LABEL_SIGN[ad["label"]] for ad, _ in pairs], [row["index"] or 0.0 for _, row in pairs])
    return (
        f"{language:<5}{n:>4}{_pct(language_ok, n):>9}{_pct(len(with_verdict), n):>9}"
        f"{_pct(len(long_with), len(long_ads)):>9}{len(sided):>9}{_pct(sign_ok, len(sided)):>9}"
        f"{_pct(verdict_ok, len(sided)):>11}{_fmt(rho):>10}"
    )


# ---------------------------------------------------------------------------------------------
# The classifier measured without cheating: never tested on an ad whose sentences it learnt from


def read_real_sentences(corpus: Path) -> list:
    """The labelled real-ad sentences of the corpus ({"ad", "text", "label", "part"} per line)."""
    from profiles.analysis.classifier import RealSentence

    rows = []
    for language in LANGUAGES:
        path = corpus / f"sentences_{language}.jsonl"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    item = json.loads(line)
                    rows.append(RealSentence(item["ad"], language, item["label"], item["text"], item.get("part", "")))
    return rows


def ad_folds(ads: list[dict], folds: int = FOLDS, seed: int = 0) -> dict[str, int]:
    """Each ad's fold: within each language the ads, shuffled by a fixed seed, are dealt round the folds."""
    import random

    fold_of = {}
    for language in LANGUAGES:
        ids = sorted(ad["id"] for ad in ads if ad["language"] == language)
        random.Random(f"{seed}-{language}").shuffle(ids)  # noqa: S311 - a reproducible split
        fold_of.update({ad_id: i % folds for i, ad_id in enumerate(ids)})
    return fold_of


def training_parts():
    """Which parts of real ads the build trains on (the checkout's choice; all in older ones)."""
    try:
        from profiles.classifier_file import REAL_TRAINING_PARTS
    except ImportError:
        return None
    return REAL_TRAINING_PARTS


def cross_fitted(ads: list[dict], real: list, analyzers: dict, folds: int = FOLDS) -> tuple[list[dict], list]:
    """Each fold's ads analysed by a classifier trained on the shipped sentences plus the real
    sentences of the other folds' ads; and the fold models' probabilities on the fold's real
    sentences of the counted parts, as (part, label, {label: probability})."""
    from profiles.analysis.classifier import SentenceClassifier, read_corpus, sentence_words
    from profiles.analysis.engine import Analyzer

    parts = analyzers["parts"]
    shipped = read_corpus(parts["shipped"].read_text(encoding="utf-8").splitlines())
    fold_of = ad_folds(ads, folds)
    allowed = training_parts()
    rows: list[dict | None] = [None] * len(ads)
    probabilities = []
    for fold in range(folds):
        train = [r.labelled() for r in real if fold_of.get(r.ad, -1) != fold and (allowed is None or r.part in allowed)]
        classifier = SentenceClassifier.train(shipped + train, version=f"cross-fitted {fold}")
        analyzer = Analyzer(
            lexicon=parts["lexicon"], gender=parts["gender"], classifier=classifier, examples=parts["examples"]
        )
        for i, ad in enumerate(ads):
            if fold_of[ad["id"]] == fold:
                rows[i] = run(analyzer, ad)
        for r in real:
            if fold_of.get(r.ad) == fold and r.part in ("candidate", "task"):
                [p] = classifier.predict([sentence_words(r.text, r.language)], r.language)
                probabilities.append((r.part, r.label, p))
    return rows, probabilities


def print_probabilities(probabilities: list) -> None:
    """How sure the cross-fitted models are on real sentences about the candidate and the job."""
    from profiles.analysis.engine import MODEL_THRESHOLD

    print("\n## Cross-fitted classifier on real candidate/task sentences: its largest probability")
    print(f"{'sentences':<28}{'n':>5}{'p10':>7}{'p50':>7}{'p90':>7}{'max':>7}{f'>={MODEL_THRESHOLD}':>8}{'right':>8}")
    groups = {
        "candidate, all": [p for p in probabilities if p[0] == "candidate"],
        "task, all": [p for p in probabilities if p[0] == "task"],
        "candidate+task, typed": [p for p in probabilities if p[1] != "neutral"],
        "candidate+task, neutral": [p for p in probabilities if p[1] == "neutral"],
    }
    for name, group in groups.items():
        if not group:
            continue
        tops = sorted(max(p.values()) for _part, _label, p in group)
        sure = [(label, p) for _part, label, p in group if max(p.values()) >= MODEL_THRESHOLD]
        right = sum(max(p, key=p.get) == label for label, p in sure)
        print(
            f"{name:<28}{len(group):>5}{_q(tops, 0.1):>7.2f}{_q(tops, 0.5):>7.2f}{_q(tops, 0.9):>7.2f}{tops[-1]:>7.2f}"
            f"{_pct(len(sure), len(group)):>8}{_pct(right, len(sure)):>8}"
        )
    predicted = Counter(max(p, key=p.get) for _part, _label, p in probabilities)
    print("argmax labels: " + "  ".join(f"{k} {v}" for k, v in sorted(predicted.items())))
    print(f">={MODEL_THRESHOLD}: share whose largest probability reaches MODEL_THRESHOLD; right: among those, the")
    print("argmax equals the person's label.")


def _q(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))]


def print_worst(ads: list[dict], rows: list[dict]) -> None:
    print(
        f"\n## The worst disagreements (empathizer/controller ads, classifier cross-fitted), up to {WORST} per language"
    )
    for language in LANGUAGES:
        wrong = [
            (ad, row)
            for ad, row in zip(ads, rows, strict=True)
            if ad["language"] == language
            and ad["label"] in ("empathizer", "controller")
            and _sign(row["index"]) != LABEL_SIGN[ad["label"]]
        ]
        wrong.sort(key=lambda p: -abs(p[1]["index"] or 0.0))
        for ad, row in wrong[:WORST]:
            what = row["refused"] or f"index {_fmt(row['index'])} ({row['verdict']})"
            print(f"{ad['id']:<8} label {ad['label']:<11} {what}")
            print(f"         label's reason: {ad.get('reason', '')[:110]}")
            if not row["refused"]:
                for side in ("controller", "empathizer"):
                    print(f"         {side} cues: {', '.join(row['cues'][side])[:110] or '—'}")


def print_sentences(real: list, repo: Path) -> None:
    """Macro-F1 of the sentence classifier on real-ad sentences: the shipped sentences alone scored on
    all the real ones; and 5-fold cross-validation grouped by ad (trained on the shipped sentences plus
    the real sentences of the other folds' ads), with the real sentences of every part or of the parts
    the build trains on."""
    from profiles.analysis.classifier import features, grouped_macro_f1, make_pipeline, read_corpus, sentence_words

    if not real:
        print("\n(no labelled real-ad sentences in the corpus: classifier figures skipped)")
        return
    from sklearn.metrics import f1_score

    shipped = read_corpus((repo / "profiles" / "data" / "sentences.jsonl").read_text(encoding="utf-8").splitlines())
    allowed = training_parts()
    every_part = grouped_macro_f1(shipped, real, FOLDS)
    chosen = grouped_macro_f1(shipped, real, FOLDS, train_parts=allowed) if allowed else every_part
    print("\n## Sentence classifier on real-ad sentences (macro-F1 over the labels present)")
    print(f"{'lang':<5}{'real':>6}{'ads':>5}{'shipped only':>14}{'+ real, by ad':>15}{'+ real, parts':>15}   labels")
    for language in LANGUAGES:
        items = [r for r in real if r.language == language]
        if len(items) < 10:
            continue
        base = [r for r in shipped if r.language == language]
        model = make_pipeline().fit(
            [features(*sentence_words(r.text, language)) for r in base], [r.label for r in base]
        )
        y = [r.label for r in items]
        predicted = model.predict([features(*sentence_words(r.text, language)) for r in items])
        shipped_f1 = f1_score(y, predicted, labels=sorted(set(y)), average="macro", zero_division=0)
        print(
            f"{language:<5}{len(items):>6}{len({r.ad for r in items}):>5}{shipped_f1:>14.2f}"
            f"{every_part.get(language, math.nan):>15.2f}{chosen.get(language, math.nan):>15.2f}   "
            + " ".join(f"{k}:{v}" for k, v in sorted(Counter(y).items()))
        )
    print(f"+ real, by ad: {FOLDS} folds grouped by ad, trained on real sentences of every part; + real, parts:")
    print(f"the same trained only on the parts the build uses ({', '.join(allowed) if allowed else 'all'}).")


# ---------------------------------------------------------------------------------------------


def spearman(xs: list[float], ys: list[float]) -> float:
    if len(xs) < 3 or len(set(xs)) < 2 or len(set(ys)) < 2:
        return math.nan
    from scipy.stats import spearmanr

    return float(spearmanr(xs, ys).statistic)


def _sign(value) -> int | None:
    if value is None or value == 0:
        return None
    return 1 if value > 0 else -1


def _words(ad: dict) -> int:
    return ad.get("words") or len(ad["text"].split())


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "—"


def _fmt(value) -> str:
    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:+.2f}"


if __name__ == "__main__":
    sys.exit(main())
