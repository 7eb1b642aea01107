"""Job-ad text as pasted from a web page, made plain. Pure Python.

`clean(text)` returns a string of exactly the same length as `text`, so every offset found in the
cleaned text is an offset into the original: the studio highlights and rewrites the recruiter's
text as written. What is not prose becomes whitespace:

- HTML tags become spaces; a block tag (p, br, li, div, h1–h6, tr, td …) begins with "\\n" so the
  sentence splitter sees one line per paragraph or list item. A "<" that does not open a known tag
  ("a < b > c", "<<", an unclosed "<p") stays prose.
- <script>, <style> and HTML comments become spaces, content and all.
- An entity (&amp; &nbsp; &#8226; &oslash; …) becomes its character followed by padding: soft
  hyphens (U+00AD) when the character is a letter or a digit, so "s&oslash;ger" stays one word
  (text.WORD_RE reads through soft hyphens), spaces otherwise.
- Non-breaking and zero-width spaces and control characters become spaces; line and paragraph
  separators become "\\n".
- A bullet character between list items ("Du er: • glad • positiv", " · ", " ▪ ", " ✓ ") becomes
  "\\n", so every item is a sentence of its own.

Linear time: two compiled-regex passes whose patterns cannot backtrack across the text; the
closing tag of <script>/<style> and the end of a comment are looked for once per kind.
"""

import html
import re

SOFT_HYPHEN = "\u00ad"

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
INLINE_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "big",
        "button",
        "cite",
        "code",
        "col",
        "colgroup",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "link",
        "mark",
        "meta",
        "o:p",
        "picture",
        "q",
        "s",
        "samp",
        "small",
        "source",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "svg",
        "path",
        "g",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
        "center",
        "iframe",
        "noscript",
        "option",
        "select",
        "textarea",
        "video",
        "audio",
    ]
)
HIDDEN_TAGS = ("script", "style")

_NAMES = "|".join(sorted((re.escape(n) for n in BLOCK_TAGS | INLINE_TAGS | set(HIDDEN_TAGS)), key=len, reverse=True))
# Non-breaking and zero-width spaces, and control characters other than tab, line feed and return.
_BLANKS = r"\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_LINES = r"\u2028\u2029\x85"
# One alternation, tried at each "<", "&" or special character. Every branch stops at the next "<"
# or ">" (or a bounded length), so a failed attempt never scans far.
MARKUP_RE = re.compile(
    r"(?P<hidden><(?P<hidden_name>script|style)(?=[\s/>])[^<>]*>)"
    r"|(?P<comment><!--)"
    r"|(?P<tag></?(?P<name>" + _NAMES + r")(?=[\s/>])[^<>]*>)"
    r"|(?P<decl><[!?][A-Za-z\[][^<>]*>)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    rf"|(?P<space>[{_BLANKS}]+)"
    rf"|(?P<line>[{_LINES}]+)",
    re.IGNORECASE,
)
# Where a branch of MARKUP_RE can begin: prose between these is copied without a look. (Written to
# begin with one character class, which the regex engine scans for quickly.)
TRIGGER_RE = re.compile(rf"[<&{_BLANKS}{_LINES}](?:(?<=<)(?=[A-Za-z/!?])|(?<=&)(?=[#A-Za-z])|(?<=[{_BLANKS}{_LINES}]))")
_CLOSERS = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in HIDDEN_TAGS}
_COMMENT_END = re.compile(r"-->")

# Characters that only ever mark list items; "·" and "-"-like marks count only between spaces.
STRONG_BULLETS = "•▪▫●○◦►▶▸‣∙■□✓✔✗➤➢❖★☆◆◇"
BULLET_RE = re.compile(rf"[{STRONG_BULLETS}]|(?:(?<=\s)|^)·(?=\s)", re.MULTILINE)
# Every BULLET_RE match holds one of these: text without any has no bullet to replace.
_ANY_BULLET_RE = re.compile(f"[{STRONG_BULLETS}·]")


def clean(text: str) -> str:
    """The text with markup, entities and bullets made plain; always exactly as long as `text`."""
    if not text:
        return text
    plain = _strip_markup(text)
    if _ANY_BULLET_RE.search(plain):
        plain = BULLET_RE.sub("\n", plain)
    assert len(plain) == len(text)
    return plain


def _strip_markup(text: str) -> str:
    pieces: list[str] = []
    append = pieces.append
    position = 0  # text[:position] is in pieces
    scan = 0
    unclosed: set[str] = set()  # kinds whose end was looked for and is not in the rest of the text
    trigger, markup = TRIGGER_RE.search, MARKUP_RE.match
    while (found := trigger(text, scan)) is not None:
        start = found.start()
        match = markup(text, start)
        if match is None:
            scan = start + 1
            continue
        end = match.end()
        append(text[position:start])
        kind = match.lastgroup
        if kind in ("hidden", "comment"):
            closer_kind = match.group("hidden_name").lower() if kind == "hidden" else "--"
            closer = _COMMENT_END if closer_kind == "--" else _CLOSERS[closer_kind]
            closing = None if closer_kind in unclosed else closer.search(text, end)
            if closing is None:
                unclosed.add(closer_kind)
                # An opening tag without its end is still a tag; a lone "<!--" stays as written.
                append(" " * (end - start) if kind == "hidden" else match.group())
            else:
                end = closing.end()
                append(_blank(text[start:end]))
        elif kind == "tag":
            append(_tag(match.group("name").lower(), end - start))
        elif kind == "entity":
            append(_entity(match.group(), text[start - 1 : start], text[end : end + 1]))
        elif kind == "line":
            append("\n" * (end - start))
        else:  # decl, space
            append(" " * (end - start))
        position = scan = end
    append(text[position:])
    return "".join(pieces)


def _tag(name: str, length: int) -> str:
    if name in BLOCK_TAGS:
        return "\n" + " " * (length - 1)
    return " " * length


def _blank(chunk: str) -> str:
    """Spaces for hidden content, keeping its line breaks (they cost nothing and keep lines apart)."""
    return re.sub(r"[^\n]", " ", chunk)


def _entity(entity: str, before: str, after: str) -> str:
    character = html.unescape(entity)
    if character == entity or len(character) >= len(entity):
        return entity  # not an entity html knows: prose such as "R&D;"
    padding = len(entity) - len(character)
    if character.isspace():
        return "\n" + " " * (len(entity) - 1) if "\n" in character else " " * len(entity)
    if not character.isprintable():
        return " " * len(entity)
    # Inside a word ("s&oslash;ger", "don&rsquo;t") the padding must not split it.
    if character.isalnum() or (character in "'’" and before.isalnum() and after.isalnum()):
        return character + SOFT_HYPHEN * padding
    return character + " " * padding
