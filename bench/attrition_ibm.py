"""train_attrition on the IBM HR sample: honest cross-validated ROC AUC, time, and a plain baseline.

Run from the repository root:  DEBUG=1 .venv/bin/python bench/attrition_ibm.py [--csv PATH] [--repeats 5]
It reads the file and trains exactly as `manage.py train_attrition --target Attrition --positive Yes`
does (the same reader and the same pipeline), without saving a model. The baseline is a plain
one-hot + scaled L2 logistic regression (C=1) on the same stratified folds. With --repeats, the
training is run again on other random fold splits, to show how much the figure moves with the split.
Figures are printed, never asserted.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicefit.settings")

import django  # noqa: E402

django.setup()

from workforce.analysis.tabular import baseline_auc, tabular_train  # noqa: E402
from workforce.snapshot_models import table_read  # noqa: E402

# ../shared beside the main checkout; the fixed path for a worktree elsewhere.
CANDIDATES = [
    ROOT.parent / "shared" / "datasets" / "ibm_hr_attrition.csv",
    Path("/work/shared/datasets/ibm_hr_attrition.csv"),
]
DEFAULT_CSV = next((path for path in CANDIDATES if path.exists()), CANDIDATES[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", default=str(DEFAULT_CSV))
    parser.add_argument("--target", default="Attrition")
    parser.add_argument("--positive", default="Yes")
    parser.add_argument("--repeats", type=int, default=5, help="fold splits to try (seed 0 is the command's)")
    args = parser.parse_args()

    started = time.perf_counter()
    table = table_read(Path(args.csv).read_bytes())
    result = tabular_train(table.rows, columns=table.columns, target=args.target, positive=args.positive)
    seconds = time.perf_counter() - started
    print(f"file          {args.csv}")
    print(f"n             {result.n}")
    print(f"positives     {result.positives}")
    print(f"auc_cv        {result.auc_cv:.4f} ± {result.auc_cv_std:.4f}  (stratified 5-fold, seed 0 = the command)")
    print(f"fold aucs     {', '.join(f'{auc:.4f}' for auc in result.fold_aucs)}")
    print(f"C (nested CV) {result.model['C']}")
    print(
        f"features      {len(result.model['features'])} from {len(result.schema)} columns; dropped: "
        + ", ".join(f"{d['name']} ({d['reason']})" for d in result.dropped)
    )
    print(f"seconds       {seconds:.2f}  (read + 5-fold nested CV + final fit)")
    print("top drivers   " + ", ".join(f"{d['feature']} {d['importance']:.2f}" for d in result.drivers[:8]))

    started = time.perf_counter()
    baseline = baseline_auc(table.rows, columns=table.columns, target=args.target, positive=args.positive)
    print(
        f"baseline      {baseline:.4f}  (one-hot + scaled logistic regression, same folds, "
        f"{time.perf_counter() - started:.2f} s)"
    )

    if args.repeats > 1:
        aucs = [result.auc_cv]
        for seed in range(1, args.repeats):
            aucs.append(
                tabular_train(
                    table.rows, columns=table.columns, target=args.target, positive=args.positive, seed=seed
                ).auc_cv
            )
        mean = sum(aucs) / len(aucs)
        print(f"over splits   {', '.join(f'{a:.4f}' for a in aucs)}  mean {mean:.4f} (seeds 0..{args.repeats - 1})")


if __name__ == "__main__":
    main()
