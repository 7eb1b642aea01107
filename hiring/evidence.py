"""The studio's words for an analysis's verdict and evidence: why the gauge says what it says,
what it rests on, what was left out and why, and what to add when there is too little to go on."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

VERDICT_WORDS = {
    "controller": gettext_lazy("Leans Controller"),
    "empathizer": gettext_lazy("Leans Empathizer"),
    "balanced": gettext_lazy("Balanced"),
    "insufficient": gettext_lazy("Not enough evidence"),
}
# The kinds of sentence the engine leaves out of the mix (profiles.analysis.sections.PART_KINDS).
PART_NAMES = {
    "company": gettext_lazy("Company description"),
    "benefits": gettext_lazy("Benefits"),
    "application": gettext_lazy("Application"),
    "contact": gettext_lazy("Contact details"),
    "candidate": gettext_lazy("About the person"),
    "task": gettext_lazy("About the job"),
    "other": gettext_lazy("Other"),
}
PART_NAMES_IN_A_LIST = {
    "company": gettext_lazy("company"),
    "benefits": gettext_lazy("benefits"),
    "application": gettext_lazy("application"),
    "contact": gettext_lazy("contact"),
}
# One sentence about the person sought, in the ad's language, for an ad with too little to go on
# when the engine has no "add" suggestion of its own. Not translated: it is text for the ad.
EXAMPLE_SENTENCES = {
    "da": "Du er en ivrig problemløser, der hurtigt danner dig et overblik og tager styringen i samtalen med kunden.",
    "nb": "Du er en ivrig problemløser som raskt skaffer deg oversikt og tar styringen i samtalen med kunden.",
    "sv": "Du är en nyfiken problemlösare som snabbt skaffar dig en överblick och tar ledningen i samtalet med kunden.",
    "en": "You are a keen problem solver who quickly gets the full picture and takes charge of the conversation "
    "with the customer.",
}
MAX_CUES_SHOWN = 5


def verdict_word(code: str | None) -> str:
    """ "Leans Controller" … for a verdict code; "—" for an analysis from before verdicts."""
    return str(VERDICT_WORDS[code]) if code in VERDICT_WORDS else "—"


def _cue_list(cues: list[str]) -> str:
    shown = ", ".join(cues[:MAX_CUES_SHOWN])
    return shown + (", …" if len(cues) > MAX_CUES_SHOWN else "")


def verdict_reason(verdict: dict) -> str:
    """ "5 Controller cues — problemløser, tage ansvar, … — against 1 Empathizer cue — servicemindet"."""
    controller, empathizer = verdict.get("controller", []), verdict.get("empathizer", [])
    if controller:
        controller_words = ngettext(
            "%(n)s Controller cue — %(cues)s", "%(n)s Controller cues — %(cues)s", len(controller)
        ) % {"n": len(controller), "cues": _cue_list(controller)}
    else:
        controller_words = _("no Controller cues")
    if empathizer:
        empathizer_words = ngettext(
            "%(n)s Empathizer cue — %(cues)s", "%(n)s Empathizer cues — %(cues)s", len(empathizer)
        ) % {"n": len(empathizer), "cues": _cue_list(empathizer)}
    else:
        empathizer_words = _("no Empathizer cues")
    return _("%(controller)s — against %(empathizer)s") % {
        "controller": controller_words,
        "empathizer": empathizer_words,
    }


def evidence_line(evidence: dict, parts: list[dict]) -> str:
    """ "Based on 7 cues in 12 sentences about the person and the job; 9 sentences left out: company, …"."""
    cues = ngettext("%(n)s cue", "%(n)s cues", evidence["cues"]) % {"n": evidence["cues"]}
    sentences = ngettext("%(n)s sentence", "%(n)s sentences", evidence["sentences"]) % {"n": evidence["sentences"]}
    line = _("Based on %(cues)s in %(sentences)s about the person and the job") % {
        "cues": cues,
        "sentences": sentences,
    }
    if evidence["excluded"]:
        kinds = [k for k in PART_NAMES_IN_A_LIST if any(p["kind"] == k and not p["counted"] for p in parts)]
        left_out = ngettext(
            "%(n)s sentence left out: %(kinds)s", "%(n)s sentences left out: %(kinds)s", evidence["excluded"]
        ) % {"n": evidence["excluded"], "kinds": ", ".join(str(PART_NAMES_IN_A_LIST[k]) for k in kinds)}
        return f"{line}; {left_out}."
    return f"{line}."


def part_reason(part: dict) -> str:
    """Why a sentence is greyed: "Company description — not counted (under 'Om os')"."""
    name = PART_NAMES.get(part["kind"], part["kind"])
    if part["reason"] == "section" and part["cue"]:
        return _("%(kind)s — not counted (under “%(cue)s”)") % {"kind": name, "cue": part["cue"]}
    if part["reason"] == "heading" and part["cue"]:
        return _("%(kind)s — not counted (the heading “%(cue)s”)") % {"kind": name, "cue": part["cue"]}
    if part["reason"] == "cue" and part["cue"]:
        return _("%(kind)s — not counted (cue “%(cue)s”)") % {"kind": name, "cue": part["cue"]}
    return _("%(kind)s — not counted") % {"kind": name}


def missing_evidence(evidence: dict) -> str:
    """What an ad with too little to go on lacks, against the thresholds the engine uses."""
    needed = evidence.get("needed", {})
    return _(
        "Controller or Empathizer cues: %(cues)s of the %(need_cues)s needed; sentences about the person "
        "and the job: %(sentences)s of the %(need_sentences)s needed."
    ) % {
        "cues": evidence["index_cues"],
        "need_cues": needed.get("cues", "?"),
        "sentences": evidence["sentences"],
        "need_sentences": needed.get("sentences", "?"),
    }


def example_sentence(analysis: dict) -> str:
    """An example sentence to add, in the ad's language: the engine's own "add" suggestion if any."""
    for suggestion in analysis.get("suggestions", []):
        if suggestion["kind"] == "add" and suggestion.get("replacement"):
            return suggestion["replacement"].strip()
    return EXAMPLE_SENTENCES.get(analysis.get("language", ""), EXAMPLE_SENTENCES["en"])


def verdict_context(analysis: dict) -> dict:
    """Everything the verdict panel shows; an analysis saved before verdicts existed gets none."""
    verdict, evidence = analysis.get("verdict"), analysis.get("evidence")
    if not verdict or not evidence:
        return {}
    parts = analysis.get("parts", [])
    code = verdict["code"]
    return {
        "code": code,
        "word": verdict_word(code),
        "reason": verdict_reason(verdict) if verdict.get("controller") or verdict.get("empathizer") else "",
        "evidence": evidence_line(evidence, parts),
        "insufficient": code == "insufficient",
        "missing": missing_evidence(evidence) if code == "insufficient" else "",
        "example": example_sentence(analysis) if code == "insufficient" else "",
        "competitor": _cue_list(verdict.get("competitor", [])),
    }
