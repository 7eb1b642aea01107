from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from profiles import classifier_file


class Command(BaseCommand):
    help = (
        "Rebuild the shipped classifier v1 (profiles/data/classifier_v1.zlib and .json) from the sentence "
        "corpus; with --real DIR, classifier v2 (classifier_v2.zlib and .json) from the corpus plus the "
        "real-ad sentences DIR/sentences_<lang>.jsonl, which are never committed. With --check, build "
        "nothing and exit non-zero when a shipped file is out of step."
    )

    def add_arguments(self, parser):
        parser.add_argument("--corpus", type=Path, default=classifier_file.CORPUS_PATH, help="A .jsonl corpus.")
        parser.add_argument("--output-dir", type=Path, default=classifier_file.DATA_DIR)
        parser.add_argument(
            "--real", type=Path, help="A directory with real-ad sentences_<lang>.jsonl: build v2 (or check it)."
        )
        parser.add_argument("--check", action="store_true", help="Only compare the shipped files with the corpora.")
        parser.add_argument("--no-measure", action="store_true", help="v2: skip the cross-validated figures.")

    def handle(self, *args, corpus, output_dir, real=None, check=False, no_measure=False, **options):
        if check:
            problems = classifier_file.check(output_dir, corpus) + classifier_file.check_v2(output_dir, corpus, real)
            if problems:
                for problem in problems:
                    self.stderr.write(problem)
                raise CommandError("The shipped classifier does not match the corpus.")
            self.stdout.write(f"{classifier_file.MODEL_NAME} matches {corpus.name}.")
            if (output_dir / classifier_file.V2_META_NAME).exists():
                self.stdout.write(
                    f"{classifier_file.V2_MODEL_NAME} matches {corpus.name}"
                    + (f" and the real sentences in {real}." if real else ".")
                )
            return
        if not output_dir.is_dir():
            raise CommandError(f"No such directory: {output_dir}")
        try:
            if real is not None:
                result = classifier_file.build_v2(real, corpus, measure=not no_measure)
            else:
                result = classifier_file.build(corpus)
        except classifier_file.ClassifierFileError as exc:
            raise CommandError(str(exc)) from exc
        classifier_file.write(result, output_dir)
        if real is not None:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Wrote {classifier_file.V2_MODEL_NAME}: {result.meta['sentences']} sentences "
                    f"({sum(sum(c.values()) for c in result.meta['real_sentences'].values())} real), "
                    f"real-sentence set sha256 {result.meta['real_sha256'][:12]}…"
                )
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {classifier_file.MODEL_NAME}: {result.meta['sentences']} sentences, "
                f"corpus sha256 {result.meta['corpus_sha256'][:12]}…"
            )
        )
