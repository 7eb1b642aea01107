from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from profiles import classifier_file


class Command(BaseCommand):
    help = (
        "Rebuild the shipped classifier v1 (profiles/data/classifier_v1.zlib and .json) from the sentence "
        "corpus. With --check, build nothing and exit non-zero when the shipped file is out of step."
    )

    def add_arguments(self, parser):
        parser.add_argument("--corpus", type=Path, default=classifier_file.CORPUS_PATH, help="A .jsonl corpus.")
        parser.add_argument("--output-dir", type=Path, default=classifier_file.DATA_DIR)
        parser.add_argument("--check", action="store_true", help="Only compare the shipped file with the corpus.")

    def handle(self, *args, corpus, output_dir, check=False, **options):
        if check:
            problems = classifier_file.check(output_dir, corpus)
            if problems:
                for problem in problems:
                    self.stderr.write(problem)
                raise CommandError("The shipped classifier does not match the corpus.")
            self.stdout.write(f"{classifier_file.MODEL_NAME} matches {corpus.name}.")
            return
        if not output_dir.is_dir():
            raise CommandError(f"No such directory: {output_dir}")
        try:
            result = classifier_file.build(corpus)
        except classifier_file.ClassifierFileError as exc:
            raise CommandError(str(exc)) from exc
        classifier_file.write(result, output_dir)
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {classifier_file.MODEL_NAME}: {result.meta['sentences']} sentences, "
                f"corpus sha256 {result.meta['corpus_sha256'][:12]}…"
            )
        )
