"""A suggestion of the text-analysis engine in the reader's words (the engine itself writes English)."""

from django.utils.translation import gettext as _


def suggestion_words(suggestion: dict, names: dict[str, str]) -> tuple[str, str]:
    """The suggestion's text and reason in the recruiter's language (the engine writes English)."""
    reason = suggestion["reason"]
    if reason == "towards_type" and suggestion.get("scope") == "sentence":
        return (
            _("Rewrite the sentence “%(old)s” as “%(new)s”.")
            % {"old": suggestion["original"].strip(), "new": suggestion["replacement"]},
            _("The sentence attracts the %(from)s type; the role needs more %(to)s language.")
            % {"from": names[suggestion["from_type"]], "to": names[suggestion["type"]]},
        )
    if reason == "towards_type":
        return (
            _("Replace “%(old)s” with “%(new)s”.") % {"old": suggestion["original"], "new": suggestion["replacement"]},
            _("“%(old)s” attracts the %(from)s type; the role needs more %(to)s language.")
            % {"old": suggestion["original"], "from": names[suggestion["from_type"]], "to": names[suggestion["type"]]},
        )
    if reason == "missing_type":
        return suggestion["text"], _("The ad has little %(type)s language for this role.") % {
            "type": names[suggestion["type"]]
        }
    if reason == "masculine_coded":
        return (
            _("Consider a neutral word for “%(word)s”.") % {"word": suggestion["original"]},
            _("Masculine-coded wording can put women off applying (Gaucher, Friesen & Kay 2011)."),
        )
    return suggestion["text"], suggestion["why"]


def applied_note(suggestion: dict, names: dict[str, str]) -> str:
    """The note of a revision that applied `suggestion`, in the active language."""
    text, _why = suggestion_words(suggestion, names)
    return _("Applied: %(text)s") % {"text": text}


# A list that continues its lead-in ("Vi forventer, at du" / "- bevarer roen …"): a whole-sentence
# rewrite ("Du tager styringen …") goes in without its subject, so the item still continues the lead-in.
LEAD_IN_ENDS = frozenset(("du", "som", "you", "who"))
SUBJECTS = ("Du ", "You ")
BULLETS = ("-", "•", "*", "–")


def suggestion_fitted(suggestion: dict, text: str) -> dict:
    """`suggestion` as it will go into `text`: a sentence rewrite of a list item made to fit the list."""
    if suggestion.get("scope") != "sentence" or suggestion["kind"] != "rewrite":
        return suggestion
    original, replacement, start = suggestion["original"], suggestion["replacement"], suggestion["start"]
    subject = next((s for s in SUBJECTS if replacement.startswith(s)), None)
    if subject is None or not original[:1].islower():
        return suggestion
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() not in BULLETS:
        return suggestion  # not a list item of its own
    above = reversed(text[:line_start].splitlines())
    lead_in = next((line for line in above if not line.lstrip().startswith(BULLETS)), "")
    words = lead_in.split()
    if not words or words[-1].lower().strip(",:") not in LEAD_IN_ENDS:
        return suggestion
    fitted = replacement[len(subject) :]
    if original.rstrip()[-1:] not in ".!?":
        fitted = fitted.rstrip().rstrip(".")
    return {**suggestion, "replacement": fitted}


def suggestions_fitted(suggestions: list[dict], text: str) -> list[dict]:
    return [suggestion_fitted(suggestion, text) for suggestion in suggestions]
