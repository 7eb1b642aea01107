"""Rebuild the texts of bench/adcorpus.py's real-ad corpus from the public repository files its
manifest names, and check every text against the manifest's SHA-256.

Run from the repository root:

    .venv/bin/python bench/adcorpus_rebuild.py                      # read the repositories under /work/.mirror
    .venv/bin/python bench/adcorpus_rebuild.py --mirror DIR         # git directories DIR/<owner>+<name>/repo
    .venv/bin/python bench/adcorpus_rebuild.py --files DIR          # plain files DIR/<owner>/<name>/<path>
    .venv/bin/python bench/adcorpus_rebuild.py --write /work/adcorpus   # and write the matching ads as a copy

No ad text is in this script or in the repository (their licences are unclear): it only knows how
each kind of source was turned into the text that was hashed. Only texts whose hash matches are
written; an ad whose text does not match is reported with the reason, never written.

How the texts were made (found by matching the hashes; every rule below is checked by them):

- Kompetencer CoNLL (Danish): the ad's tokens from the given line range, starting at the token the
  source names; a blank line ends a sentence; tokens joined by spaces, then a space before
  . , : ; ! ? removed; one sentence per line; a final newline.
- HTML fields (Amedia, Academic Work via dexi.io, NAV's test ads, arbeidsplassen records): opening
  p, div, h1-h6, ul, ol and br tags become a line break, li becomes a line break and "• ", every
  other tag and every closing tag goes; entities decoded, no-break spaces made spaces; runs of
  spaces collapsed and each line stripped; more than one blank line becomes one.
- FINN markdown (NAV's feed samples): "**" removed, "* " items become "• ", lines stripped.
- The parts of an ad (title, lead, body, employer description) are stripped and joined by a blank
  line, with a final newline. Which parts an ad has is tried in a fixed order of candidates, and
  the hash picks the one used (an ad whose body already names the employer has no description
  part; one whose body starts with its title has no title part).
- Platsbanken and JobTech texts: the description as given, CRLF made LF, stripped, a final newline.
"""

import argparse
import csv
import hashlib
import html
import io
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MANIFEST = REPO / "bench" / "adcorpus.jsonl"
LANGUAGES = ("da", "nb", "sv", "en")
CORPUS_FIELDS = ("id", "language", "source", "employer", "title", "label", "reason", "words")

SOURCE_RE = re.compile(r"^(?:repo:)?(?P<repo>[\w.-]+/[\w.-]+):(?P<path>[^@\s]+)@(?P<commit>[0-9a-f]{40})")
BLOCK_OPEN = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "br"}
TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
# NAV's anonymised records end with the link to the original ad and a hidden marker.
NAV_LINK_TAIL_RE = re.compile(r'<p><a href="[^"]*">Se annonse</a></p><p hidden>PAM</p>\s*$')
PUNCTUATION_SPACE_RE = re.compile(r" ([.,:;!?])")


class Unreadable(Exception):
    """A source file that is not in the mirror or the files directory."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"), help="git dirs <owner>+<name>/repo")
    parser.add_argument("--files", type=Path, help="plain files as DIR/<owner>/<name>/<path> (checked first)")
    parser.add_argument("--write", type=Path, metavar="DIR", help="write the matching ads as a corpus copy")
    args = parser.parse_args()
    reader = SourceReader(args.mirror, args.files)
    rows = [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.strip()]
    matched: dict[str, str] = {}
    failures: dict[str, str] = {}
    for row in rows:
        outcome = rebuild(row, reader)
        if isinstance(outcome, str):
            failures[row["id"]] = outcome
        else:
            matched[row["id"]] = outcome.text
    for language in LANGUAGES:
        ids = [row["id"] for row in rows if row["language"] == language]
        print(f"{language}: {sum(i in matched for i in ids)} of {len(ids)} match")
    print(f"all: {len(matched)} of {len(rows)} match")
    for ad_id, reason in failures.items():
        print(f"  {ad_id}: {reason}")
    if args.write:
        write_corpus(args.write, rows, matched)
    return 0


class Match:
    def __init__(self, text: str):
        self.text = text


class SourceReader:
    def __init__(self, mirror: Path, files: Path | None):
        self.mirror = mirror
        self.files = files

    def read(self, repo: str, commit: str, path: str) -> str:
        if self.files:
            plain = self.files.joinpath(*repo.split("/"), path)
            if plain.exists():
                return plain.read_bytes().decode("utf-8")
        git_dir = self.mirror / repo.replace("/", "+") / "repo"
        if not git_dir.is_dir():
            raise Unreadable(f"{repo} is not in {self.mirror} (fetch it) nor in --files")
        # git is looked up on PATH like any developer tool; the arguments come from the manifest, not a user.
        shown = subprocess.run(  # noqa: S603
            ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],  # noqa: S607
            capture_output=True,
            check=False,
        )
        if shown.returncode != 0:
            raise Unreadable(f"{repo}@{commit[:10]}:{path}: {shown.stderr.decode(errors='replace').strip()}")
        return shown.stdout.decode("utf-8")


def rebuild(row: dict, reader: SourceReader) -> Match | str:
    """The ad's text when a candidate matches the manifest's hash, else why not."""
    source = row["source"]
    found = SOURCE_RE.match(source)
    if not found:
        return "not a repository file (a web page or an unresolvable file): rebuild by hand"
    repo, path, commit = found["repo"], found["path"], found["commit"]
    builder = next((build for key, build in BUILDERS if key(repo, path)), None)
    if builder is None:
        return f"no rule for {repo}:{path}"
    try:
        candidates = builder(reader.read(repo, commit, path), source)
    except Unreadable as exc:
        return str(exc)
    except (KeyError, IndexError, ValueError) as exc:
        return f"the source's pointer does not fit the file: {type(exc).__name__}: {exc}"
    tried = 0
    words = set()
    for text in candidates:
        tried += 1
        if _sha(text) == row["sha256"]:
            return Match(text)
        words.add(len(text.split()))
    same_length = " (a candidate has the same word count: spacing differs)" if row["words"] in words else ""
    return f"none of {tried} candidates has the manifest's hash{same_length}"


# ---------------------------------------------------------------------------------------------
# Text rules


def html_text(markup: str) -> str:
    def tag(found: re.Match) -> str:
        closing, name = found.group(1), found.group(2).lower()
        if closing:
            return ""
        if name == "li":
            return "\n• "
        return "\n" if name in BLOCK_OPEN else ""

    text = markup.replace("\r\n", "\n").replace("\r", "\n")
    text = html.unescape(TAG_RE.sub(tag, text)).replace("\xa0", " ")
    text = "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def finn_markdown_text(markdown: str) -> str:
    text = re.sub(r"(?m)^\* ", "• ", markdown.replace("**", ""))
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def joined(*parts: str) -> str:
    return "\n\n".join(part.strip() for part in parts if part and part.strip()) + "\n"


def compositions(parts: dict[str, str], orders: tuple[str, ...]) -> list[str]:
    """The ad made of each order of named parts ("tbe" = title, body, employer) that it has."""
    texts = []
    for order in orders:
        if all(parts.get(key) for key in order):
            texts.append(joined(*(parts[key] for key in order)))
    return texts


def _index(source: str, pattern: str) -> int:
    found = re.search(pattern, source)
    if not found:
        raise ValueError(f"no {pattern!r} in the source")
    return int(found.group(1))


# ---------------------------------------------------------------------------------------------
# One builder per kind of source file: (file text, manifest source) -> candidate texts


def kompetencer(content: str, source: str) -> list[str]:
    found = re.search(r"token lines (\d+)-(\d+); ad starting at token '([^']*)'", source)
    if not found:
        raise ValueError("no token lines in the source")
    first, last, start = int(found[1]), int(found[2]), found[3].split()
    lines = content.split("\n")[first - 1 : last]
    tokens: list[str | None] = []  # None marks a sentence end
    for line in lines:
        token = line.split("\t")[0]
        tokens.append(token if token.strip() else None)
    at = next(
        (i for i in range(len(tokens)) if tokens[i : i + len(start)] == start),
        None,
    )
    if at is None:
        raise ValueError("the starting tokens are not in the line range")
    sentences, current = [], []
    for token in [*tokens[at:], None]:
        if token is None:
            if current:
                sentences.append(PUNCTUATION_SPACE_RE.sub(r"\1", " ".join(current)))
            current = []
        else:
            current.append(token)
    return ["\n".join(sentences) + "\n"]


def pam_feed(content: str, source: str) -> list[str]:
    ad = json.loads(content)["content"][_index(source, r"content\[(\d+)\]")]
    title = (ad.get("properties") or {}).get("Stillingstittel") or ad.get("stillingstittel") or ""
    parts = {
        "t": title,
        "b": finn_markdown_text(ad.get("annonsetekst") or ""),
        "e": finn_markdown_text(ad.get("arbeidsgiveromtale") or ""),
    }
    return compositions(parts, ("tbe", "tb", "be", "b"))


def amedia(content: str, source: str) -> list[str]:
    ad = json.loads(content)["hits"]["hits"][_index(source, r"hits\.hits\[(\d+)\]")]["_source"]
    attributes = ad.get("attributes") or {}
    parts = {
        "t": ad.get("title") or "",
        "b": "\n\n".join(html_text(block["value"]) for block in ad.get("text") or []),
        "e": html_text(attributes.get("employerdescription") or ""),
    }
    return compositions(parts, ("tbe", "tb", "be", "b"))


def dexi(content: str, source: str) -> list[str]:
    data = json.loads(content)
    row = dict(zip(data["headers"], data["rows"][_index(source, r"rows\[(\d+)\]")], strict=False))
    parts = {
        "t": row.get("Annonsetittel") or "",
        "i": html_text(row.get("Ingress") or ""),
        "b": html_text(row.get("Annonsetekst") or ""),
        "e": html_text(row.get("Arbeidsgiveromtale") or ""),
    }
    return compositions(parts, ("tibe", "tib", "tbe", "tb"))


def arbeidsplassen_csv(content: str, source: str) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    rows = list(csv.DictReader(io.StringIO(content, newline="")))
    row = rows[_index(source, r"data row (\d+)") - 1]
    parts = {"t": row.get("title") or "", "b": row.get("job_content") or "", "e": row.get("employer") or ""}
    return compositions(parts, ("tbe", "tb", "be", "b"))


def nav_records(content: str, source: str) -> list[str]:
    record = re.search(r"record (\d+);", source)
    if not record:
        raise ValueError("no record id in the source")
    rows = {row[0]: row for row in csv.reader(io.StringIO(content, newline=""), delimiter=";") if row}
    row = rows[record[1]]
    body = NAV_LINK_TAIL_RE.sub("", row[3])
    return compositions({"t": row[2], "b": html_text(body)}, ("tb", "b"))


def nav_mock_ads(content: str, source: str) -> list[str]:
    ad = json.loads(content)["content"][_index(source, r"content\[(\d+)\]")]
    properties = ad.get("properties") or {}
    parts = {
        "t": ad.get("title") or "",
        "b": html_text(properties.get("adtext") or ""),
        "e": html_text(properties.get("employerdescription") or ""),
    }
    return compositions(parts, ("tbe", "tb", "be", "b"))


def platsbanken_ts(content: str, source: str) -> list[str]:
    data = json.loads(content[content.index("{") :].rstrip().rstrip(";"))
    wanted = str(_index(source, r"hits\[\] id (\d+)"))
    hit = next(hit for hit in data["hits"] if str(hit["id"]) == wanted)
    return [hit["description"]["text"].replace("\r\n", "\n").strip() + "\n"]


def jobtech_scraped(content: str, source: str) -> list[str]:
    posting = json.loads(content)[_index(source, r"list index (\d+)")]["originalJobPosting"]
    return [posting["description"].replace("\r\n", "\n").strip() + "\n"]


def markdown_body(content: str, source: str) -> list[str]:
    body = content.split("---\n", 2)[2] if content.startswith("---\n") else content
    return [body.strip() + "\n"]


def front_matter_fields(content: str, source: str) -> list[str]:
    found = re.search(r"front-matter fields ([\w, ]+?) joined", source)
    if not found:
        raise ValueError("no field list in the source")
    names = [name.strip() for name in found[1].split(",")]
    fields: dict[str, str] = {}
    current = None
    for line in content.split("---", 2)[1].strip("\n").split("\n"):
        key = re.match(r"^([A-Za-z]+): ?(.*)$", line)
        if key:
            current = key[1]
            fields[current] = key[2]
        elif current:
            fields[current] += "\n" + line
    # The file's quoting is uneven (one value lacks its opening quote), so quotes are stripped per end.
    return [joined(*(fields[name].strip("'") for name in names))]


BUILDERS = (
    (lambda repo, path: repo == "jjzha/kompetencer" and path.endswith(".conll"), kompetencer),
    (lambda repo, path: "feedclient.samples" in path, pam_feed),
    (lambda repo, path: "amedia.io.samples" in path, amedia),
    (lambda repo, path: "dexi.io" in path, dexi),
    (lambda repo, path: repo == "JonOlav95/arbeidsplassen_scraper", arbeidsplassen_csv),
    (lambda repo, path: repo == "Heppyo/project1", nav_records),
    (lambda repo, path: repo == "navikt/rekrutteringsbistand-stilling", nav_mock_ads),
    (lambda repo, path: path.endswith("testObject.ts"), platsbanken_ts),
    (lambda repo, path: repo == "JobtechSwe/elastic-importers", jobtech_scraped),
    (lambda repo, path: repo == "Iteam1337/iteam-se.docpad", markdown_body),
    (lambda repo, path: repo == "Saidens/insa-project", front_matter_fields),
)


# ---------------------------------------------------------------------------------------------


def write_corpus(directory: Path, rows: list[dict], texts: dict[str, str]) -> None:
    """The layout bench/adcorpus.py reads; an ad already in DIR with the right hash is kept."""
    kept = 0
    for language in LANGUAGES:
        (directory / language).mkdir(parents=True, exist_ok=True)
        for row in rows:
            if row["language"] != language:
                continue
            path = directory / language / f"{row['id']}.txt"
            if row["id"] in texts:
                path.write_text(texts[row["id"]], encoding="utf-8")
            elif path.exists() and _sha(path.read_text(encoding="utf-8")) == row["sha256"]:
                kept += 1
        with (directory / f"{language}.jsonl").open("w", encoding="utf-8") as out:
            for row in rows:
                if row["language"] == language:
                    out.write(json.dumps({key: row[key] for key in CORPUS_FIELDS}, ensure_ascii=False) + "\n")
    count = Counter(path.parent.name for path in directory.glob("*/*.txt"))
    print(
        f"wrote {len(texts)} ads to {directory} (kept {kept} matching ads already there); texts per language: "
        + "  ".join(f"{k} {count.get(k, 0)}" for k in LANGUAGES)
    )


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


if __name__ == "__main__":
    sys.exit(main())
