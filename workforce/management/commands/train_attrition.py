import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from servicefit.core.exceptions import ApplicationError
from workforce.snapshot_models import snapshot_train

BAD_INPUT = 2
TOP_DRIVERS = 10


class Command(BaseCommand):
    help = (
        "Train a snapshot attrition classifier on any HR table (CSV, comma or semicolon separated) and save it "
        "as the next snapshot model version. Prints stratified 5-fold cross-validated ROC AUC and the drivers."
    )

    def add_arguments(self, parser):
        parser.add_argument("--csv", required=True, help="Path of the CSV file (UTF-8, with a header row).")
        parser.add_argument("--target", required=True, help="The column to predict, e.g. Attrition.")
        parser.add_argument("--positive", required=True, help="The target's value meaning 'left', e.g. Yes.")
        parser.add_argument("--drop", nargs="*", default=[], metavar="COL", help="Columns to leave out.")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, csv, target, positive, drop, format, **options):
        path = Path(csv)
        if not path.is_file():
            raise CommandError(f"No such file: {path}", returncode=BAD_INPUT)
        try:
            _, summary = snapshot_train(
                data=path.read_bytes(), target=target, positive=positive, drop=drop, source=f"{path.name}: {target}"
            )
        except ApplicationError as exc:
            raise CommandError(exc.message, returncode=BAD_INPUT) from exc
        if format == "json":
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
            return
        lines = [
            f"{summary['model']}: {summary['n']} rows, {summary['positives']} positives",
            f"ROC AUC (stratified {summary['folds']}-fold CV): {summary['auc_cv']:.3f} ± {summary['auc_cv_std']:.3f}",
            f"trained in {summary['seconds']:.1f} s",
            "",
            f"{'driver':<32} importance",
        ]
        lines += [f"{d['feature']:<32} {d['importance']:.3f}" for d in summary["drivers"][:TOP_DRIVERS]]
        self.stdout.write("\n".join(lines))
