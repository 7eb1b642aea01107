"""Pasted HTML reduced to plain text, keeping paragraphs, list items and table cells apart.

Pure Python. Only text containing real HTML tags is treated as HTML, and an unknown "tag" keeps its
text, so "Send din ansøgning til <job@firma.dk>" survives.
"""

import re
from html.parser import HTMLParser

BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "dl",
        "dt",
        "dd",
        "hr",
        "pre",
    ]
)
CELLS = frozenset(("td", "th"))
SKIPPED = frozenset(("script", "style", "head", "title", "noscript", "template"))
INLINE = frozenset(
    [
        "a",
        "b",
        "i",
        "u",
        "em",
        "strong",
        "span",
        "font",
        "small",
        "big",
        "sub",
        "sup",
        "code",
        "img",
        "label",
        "o:p",
        "html",
        "body",
        "meta",
        "link",
    ]
)
KNOWN = BLOCKS | CELLS | SKIPPED | INLINE | {"tbody", "thead", "tfoot", "caption", "main", "nav", "aside", "figure"}
TAG_RE = re.compile(r"<\s*/?\s*(" + "|".join(sorted(map(re.escape, KNOWN), key=len, reverse=True)) + r")\b[^>]*>", re.I)
BULLET = "• "


def looks_like_html(text: str) -> bool:
    return bool(TAG_RE.search(text))


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self.parts.append("\n" + BULLET if tag == "li" else "\n")
        elif tag not in KNOWN and not self.skipping:
            self.parts.append(self.get_starttag_text() or "")  # not HTML: keep it as written

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS:
            self.parts.append("\n")
        elif tag in CELLS:
            self.parts.append("\t")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(text: str) -> str:
    """Text with tags removed, scripts and styles dropped, entities decoded and blank runs folded."""
    if not looks_like_html(text):
        return text
    extractor = _TextExtractor()
    extractor.feed(text)
    extractor.close()
    lines = [" ".join(line.split()) for line in "".join(extractor.parts).splitlines()]
    kept = []
    for index, line in enumerate(lines):
        # A list reads as one block: no blank line between two bullets.
        between_bullets = (
            not line
            and kept
            and kept[-1].startswith(BULLET)
            and next((nxt for nxt in lines[index + 1 :] if nxt), "").startswith(BULLET)
        )
        if not between_bullets:
            kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
