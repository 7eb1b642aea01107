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
