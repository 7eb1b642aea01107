from profiles.analysis.text import phrase_stems, split_sentences, stem_candidates, tokenize


def test_sentences_split_at_stops_and_lines_but_not_abbreviations():
    text = "Vi søger bl.a. en rådgiver. Du tager styringen!\n• Løn efter aftale\n\nSøg nu"
    assert [s.text for s in split_sentences(text)] == [
        "Vi søger bl.a. en rådgiver.",
        "Du tager styringen!",
        "Løn efter aftale",
        "Søg nu",
    ]


def test_sentence_offsets_point_into_the_text_as_given():
    text = "  Første sætning.   Anden sætning  "
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_tokens_keep_offsets_and_split_hyphens():
    text = "En self-starter, der tager ansvar."
    tokens = tokenize(text, "en")
    assert [t.text for t in tokens] == ["En", "self", "starter", "der", "tager", "ansvar"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_short_verbs_and_reflexives_are_normalised():
    assert phrase_stems("tar styringen", "nb") == phrase_stems("ta styringen", "nb")
    assert phrase_stems("danne dig et overblik", "da") == phrase_stems("danne sig et overblik", "da")


def test_an_inflected_stem_leads_back_to_its_base():
    assert "problemløs" in stem_candidates("problemløsning", "da")
    assert "problemløs" in stem_candidates("problemløser", "nb")
    assert stem_candidates("gå", "da") == ["gå"]  # too short to strip
