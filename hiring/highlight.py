"""Cuts a text into segments for display, each carrying the matches that cover it. Pure Python.

The template escapes every segment; nothing from the ad is ever marked safe.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Segment:
    text: str
    marker: dict | None = None  # a "marker" match from the analysis
    model: dict | None = None  # a sentence-level "model" match
    tip_id: str = ""
    part: dict | None = None  # the sentence (analysis "parts" entry) the segment lies in


@dataclass(frozen=True)
class Block:
    """A run of segments in one sentence (`part`), or between sentences (`part` None)."""

    part: dict | None
    segments: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


def segments(text: str, matches: list[dict], parts: list[dict] | None = None) -> list[Segment]:
    """`text` cut at every match's and every part's bounds, in order, covering all of it."""
    parts = parts or []
    markers = [m for m in matches if m["source"] == "marker"]
    models = [m for m in matches if m["source"] == "model"]
    cuts = {0, len(text)}
    for match in matches:
        cuts.update((match["start"], match["end"]))
    for part in parts:
        cuts.update((part["start"], part["end"]))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    result = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        if start == end:
            continue
        marker = next((m for m in markers if m["start"] <= start and end <= m["end"]), None)
        model = next((m for m in models if m["start"] <= start and end <= m["end"]), None)
        part = next((p for p in parts if p["start"] <= start and end <= p["end"]), None)
        tip = f"tip-{marker['start']}" if marker and marker["start"] == start else ""
        result.append(Segment(text[start:end], marker, model, tip, part))
    return result


def blocks(text: str, matches: list[dict], parts: list[dict]) -> list[Block]:
    """The segments grouped by the sentence they lie in, so a template can wrap a whole sentence
    (greyed when it is not counted, with its own `lang` when it is in another language)."""
    result: list[Block] = []
    for segment in segments(text, matches, parts):
        if result and result[-1].part is segment.part:
            result[-1].segments.append(segment)
        else:
            result.append(Block(segment.part, [segment]))
    return result
