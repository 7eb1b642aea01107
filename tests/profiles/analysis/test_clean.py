import time

import pytest

from profiles.analysis.clean import clean
from profiles.analysis.text import split_sentences, tokenize

SAMPLES = [
    "",
    "Vi søger en glad sælger.",
    "<p>Vi s&oslash;ger en <b>glad</b> s&aelig;lger</p><ul><li>Kundeservice</li><li>Salg</li></ul>",
    "<div class='job'><h2>Om dig</h2><p>Du er positiv &amp; struktureret.</p></div>",
    "Du er: • glad • positiv • serviceminded",
    "a < b > c",
    "<<",
    "<p",
    "Unclosed <p and <b and <script> with no end",
    "<!-- a comment that never ends",
    "x\x00y\x00z",
    "lone \ud800 surrogate \udfff here",
    "&#xD800; &#0; &#1114111; &#99999999; &unknown; &amp",
    "Tab\there\r\nand\u2028a line separator\u00a0and\u200bzero\ufeffwidth",
    "<SCRIPT type='text/javascript'>var a = '<p>';</SCRIPT>Hej<style>p { color: red }</style>",
    "You&rsquo;ll get &ldquo;great&rdquo; colleagues &ndash; and &mdash; coffee &hellip;",
    "Söker: &auml;ventyrlig &ouml;ppen medarbetare, m&aring;ste vara glad",
    "Lønn · pensjon · forsikring ▪ kantine ✓ trening ● fri parkering ► bonus",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_it_keeps_every_offset_of_the_original(text):
    assert len(clean(text)) == len(text)


def test_it_keeps_offsets_in_large_generated_inputs():
    pieces = ["<p>", "</li>", "&amp;", "&#8226;", "•", " · ", "<", ">", "&", "\x00", "\u00a0", "æ", "ord ", "\n"]
    for seed in range(50):
        text = "".join(pieces[(seed * 7 + i * i) % len(pieces)] for i in range(seed * 13))
        assert len(clean(text)) == len(text)


def test_it_turns_tags_into_spaces_and_block_tags_into_line_breaks():
    cleaned = clean("<p>Vi søger en <b>glad</b> sælger</p><ul><li>Kundeservice</li><li>Salg</li></ul>")
    assert [s.text.split() for s in split_sentences(cleaned)] == [
        ["Vi", "søger", "en", "glad", "sælger"],
        ["Kundeservice"],
        ["Salg"],
    ]


def test_it_leaves_angle_brackets_in_prose_alone():
    for text in ["a < b > c", "<<", "Pris <p", "Løn: 30.000 < 35.000 kr."]:
        assert clean(text) == text


def test_it_blanks_script_and_style_content():
    text = "<script>alert('Hej med dig')</script>Vi søger<style>p { color: red }</style> en sælger"
    cleaned = clean(text)
    assert "alert" not in cleaned and "color" not in cleaned
    assert cleaned.split() == ["Vi", "søger", "en", "sælger"]


def test_it_decodes_entities_without_splitting_words():
    text = "Vi s&oslash;ger en s&aelig;lger, som m&aring; v&aelig;re glad"
    cleaned = clean(text)
    assert [t.norm for t in tokenize(cleaned, "da")] == ["vi", "søger", "en", "sælger", "som", "må", "være", "glad"]
    for token in tokenize(cleaned, "da"):
        assert text[token.start : token.end].startswith(token.text[0])


def test_it_keeps_apostrophes_from_entities_inside_words():
    cleaned = clean("You&rsquo;ll love it")
    assert [t.norm for t in tokenize(cleaned, "en")] == ["you'll", "love", "it"]


def test_it_pads_punctuation_entities_with_spaces():
    assert clean("Salg &amp; service") == "Salg &     service"
    assert clean("a&nbsp;b") == "a      b"


def test_it_turns_inline_bullets_into_lines():
    cleaned = clean("Du er: • glad • positiv • serviceminded")
    assert [s.text for s in split_sentences(cleaned)] == ["Du er:", "glad", "positiv", "serviceminded"]
    cleaned = clean("Vi erbjuder: friskvård · pension ▪ kollektivavtal ✓ fika ● parkering ► bonus")
    assert [s.text for s in split_sentences(cleaned)] == [
        "Vi erbjuder:",
        "friskvård",
        "pension",
        "kollektivavtal",
        "fika",
        "parkering",
        "bonus",
    ]


def test_it_turns_bullet_entities_into_lines():
    cleaned = clean("We offer:&#8226; pension &#x2022; gym &bull; lunch")
    assert [s.text for s in split_sentences(cleaned)] == ["We offer:", "pension", "gym", "lunch"]


def test_it_keeps_a_middle_dot_inside_a_word():
    assert clean("Mon·Fri") == "Mon·Fri"


def test_it_blanks_control_and_zero_width_characters():
    assert clean("kunde\u200bservice\x00og\u00a0salg") == "kunde service og salg"


@pytest.mark.parametrize(
    "hostile",
    ["<p" * 100_000, "<script>" * 50_000, "<!--" * 100_000, "&#" * 100_000, "<<>>" * 100_000, "ord " * 250_000],
)
def test_it_stays_fast_on_huge_and_hostile_inputs(hostile):
    started = time.perf_counter()
    assert len(clean(hostile)) == len(hostile)
    assert time.perf_counter() - started < 2.0
