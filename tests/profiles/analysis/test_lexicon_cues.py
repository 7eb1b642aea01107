"""The shipped lexicon on short sentences of the kind real contact-centre ads write."""

import pytest

from profiles.analysis.text import tokenize


def types_in(lexicon, text, language):
    return {m.marker.type for m in lexicon.find(text, tokenize(text, language), language) if not m.negated}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("You will resolve queries at the first point of contact.", "en"),
        ("You handle each case through to completion.", "en"),
        ("You provide advice on complex billing questions.", "en"),
        ("A strategic thinker who makes recommendations for improvement.", "en"),
        ("Du kan lide at løse problemer for vores kunder.", "da"),
        ("Du er ansvarlig for dine egne kunder.", "da"),
        ("Du har vilje til å løse utfordringer.", "nb"),
        ("Du gir råd om forsikring til bedriftskunder.", "nb"),
        ("Du ansvarar för hela säljprocessen.", "sv"),
        ("Du hittar lösningar tillsammans med kunden.", "sv"),
    ],
)
def test_it_reads_owning_and_solving_the_customers_case_as_controller(shipped_lexicon, text, language):
    assert "controller" in types_in(shipped_lexicon, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Most importantly, you listen to every caller.", "en"),
        ("You reassure customers who are worried about their account.", "en"),
        ("You are non-judgemental and put customers at ease.", "en"),
        ("Du er god til at skabe tryghed for kunden.", "da"),
        ("Du kan lide at møde nye mennesker.", "da"),
        ("Du liker å prate med mennesker.", "nb"),
        ("Du viser omsorg for hver innringer.", "nb"),
        ("Vi söker dig som är utåtriktad, social och glad.", "sv"),
        ("Du älskar att träffa nya människor.", "sv"),
        ("Du ger en kundupplevelse utöver det vanliga.", "sv"),
    ],
)
def test_it_reads_listening_and_caring_for_the_customer_as_empathizer(shipped_lexicon, text, language):
    assert "empathizer" in types_in(shipped_lexicon, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Tier 3 Support in Customer Experience.", "en"),
        ("Customer Service Adviser, Leeds.", "en"),
        ("We take a solution-focused approach.", "en"),
        ("Du jobbar med sociala medier.", "sv"),
    ],
)
def test_it_does_not_read_a_job_title_or_a_channel_as_empathizer(shipped_lexicon, text, language):
    assert "empathizer" not in types_in(shipped_lexicon, text, language)


def test_it_gives_every_new_empathizer_cue_a_whole_sentence_rewrite(shipped_lexicon):
    from pathlib import Path

    from profiles import lexicon_file

    data = Path(__file__).resolve().parents[3] / "profiles" / "data" / "lexicon_v2.json"
    parsed = lexicon_file.load(data.read_text(encoding="utf-8"), "json")
    missing = [
        (m.language, m.phrase)
        for m in parsed.markers
        if m.type in ("empathizer", "accommodator", "hard_worker")
        and m.suggestions
        and not any(s.get("pos") == "clause" for s in m.suggestions)
    ]
    assert missing == []
