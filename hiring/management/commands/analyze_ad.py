import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hiring.html_text import html_to_text
from profiles import selectors as profile_selectors
from profiles import services as profile_services
from servicefit.core.commands import text_option
from servicefit.core.exceptions import ApplicationError
from servicefit.core.languages import LANGUAGE_CODES

BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "Score job ads against the service-type profiles. PATH is a file, or a folder: then one JSON "
        "line per file. Exit code 0 on success, 2 on bad input (reason on stderr)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--language", choices=LANGUAGE_CODES, help="Default: detect it.")
        parser.add_argument(
            "--role-profile", type=text_option, help="Slug of a role profile to measure alignment against."
        )
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args, path, language=None, role_profile=None, format="json", **options):
        target = None
        if role_profile:
            target = profile_selectors.role_profile_for_analysis(role_profile)
            if target is None:
                raise CommandError(f"Unknown role profile: {role_profile}", returncode=BAD_INPUT)
        root = Path(path)
        if root.is_dir():
            files = sorted(p for p in root.iterdir() if p.is_file() and not p.name.startswith("."))
            if not files:
                raise CommandError(f"No files in {root}", returncode=BAD_INPUT)
        elif root.is_file():
            files = [root]
        else:
            raise CommandError(f"No such file or folder: {root}", returncode=BAD_INPUT)

        failures = []
        for file in files:
            try:
                result = self._analyze(file, language, target)
            except ApplicationError as exc:
                failures.append(f"{file.name}: {exc.message}")
                if len(files) > 1:
                    self.stdout.write(json.dumps({"file": file.name, "error": exc.message}, ensure_ascii=False))
                continue
            self.stdout.write(self._render(file, result, format, many=len(files) > 1))
        if failures:
            raise CommandError("; ".join(failures), returncode=BAD_INPUT)

    def _analyze(self, file: Path, language, target) -> dict:
        try:
            text = file.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ApplicationError(f"not UTF-8 text (byte {exc.start})") from exc
        if file.suffix.lower() in (".html", ".htm"):
            text = html_to_text(text)
        return profile_services.text_analyze(text=text, language=language, role_profile=target).to_dict()

    @staticmethod
    def _render(file: Path, result: dict, fmt: str, *, many: bool) -> str:
        if fmt == "json":
            return json.dumps({"file": file.name, **result} if many else result, ensure_ascii=False)
        index = result["controller_index"]
        index_text = "—" if index is None else f"{index:+.1f}"
        verdict = (result.get("verdict") or {}).get("code", "")
        index_text += f" ({verdict})" if verdict else ""
        scores = ", ".join(f"{t} {v:.2f}" for t, v in sorted(result["scores"].items(), key=lambda kv: -kv[1]) if v)
        lines = [
            f"{file.name}: {result['language']} ({result['language_confidence']:.0%}), {result['word_count']} words",
            f"  controller index {index_text}; scores per 100 words: {scores or 'none'}",
            f"  LIX {result['readability']['lix']} ({result['readability']['band']}); "
            f"gender coding {result['gender_coding']['verdict']}",
        ]
        if "alignment" in result:
            lines.append(f"  alignment to {result['alignment']['role_profile']}: {result['alignment']['score']}")
        lines += [f"  suggestion: {s['text']}" for s in result["suggestions"]]
        return "\n".join(lines)
