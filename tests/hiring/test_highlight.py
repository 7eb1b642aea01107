from hiring.highlight import blocks, segments

TEXT = "Vi søger en servicemindet medarbejder. Du kan lide at tage styringen."


def marker(text, phrase_text, type_, negated=False):
    start = text.index(phrase_text)
    return {
        "start": start,
        "end": start + len(phrase_text),
        "text": phrase_text,
        "type": type_,
        "source": "marker",
        "negated": negated,
    }


def model(text, sentence, type_):
    start = text.index(sentence)
    return {"start": start, "end": start + len(sentence), "text": sentence, "type": type_, "source": "model"}


def test_segments_cover_the_whole_text_in_order():
    matches = [
        marker(TEXT, "servicemindet", "empathizer"),
        marker(TEXT, "tage styringen", "controller"),
        model(TEXT, "Du kan lide at tage styringen.", "controller"),
    ]
    result = segments(TEXT, matches)
    assert "".join(s.text for s in result) == TEXT
    assert all(s.text for s in result)


def test_marker_segments_carry_their_match_and_plain_text_none():
    service = marker(TEXT, "servicemindet", "empathizer", negated=True)
    result = segments(TEXT, [service])
    assert [(s.text, s.marker) for s in result] == [
        ("Vi søger en ", None),
        ("servicemindet", service),
        (" medarbejder. Du kan lide at tage styringen.", None),
    ]
    assert result[1].tip_id == f"tip-{service['start']}"
    assert result[0].tip_id == result[2].tip_id == ""


def test_a_marker_inside_a_model_sentence_carries_both():
    sentence = model(TEXT, "Du kan lide at tage styringen.", "controller")
    take = marker(TEXT, "tage styringen", "controller")
    result = segments(TEXT, [take, sentence])
    by_text = {s.text: s for s in result}
    assert by_text["tage styringen"].marker == take
    assert by_text["tage styringen"].model == sentence
    assert by_text["Du kan lide at "].model == sentence and by_text["Du kan lide at "].marker is None
    assert by_text["Vi søger en servicemindet medarbejder. "].model is None


def test_a_marker_at_the_very_start_and_end():
    text = "Servicemindet og hjælpsom"
    first, last = marker(text, "Servicemindet", "empathizer"), marker(text, "hjælpsom", "empathizer")
    result = segments(text, [first, last])
    assert [(s.text, s.marker) for s in result] == [("Servicemindet", first), (" og ", None), ("hjælpsom", last)]


def test_a_text_without_matches_is_one_segment():
    assert [(s.text, s.marker, s.model) for s in segments(TEXT, [])] == [(TEXT, None, None)]
    assert segments("", []) == []


def part(text, sentence, index, counted=True, language="da"):
    start = text.index(sentence)
    return {"sentence": index, "start": start, "end": start + len(sentence), "counted": counted, "language": language}


def test_it_cuts_at_sentence_bounds_and_groups_the_segments_by_sentence():
    text = "Om os\nVi er grundlagt i 1987.\nDu er servicemindet."
    parts = [
        part(text, "Om os", 0, counted=False),
        part(text, "Vi er grundlagt i 1987.", 1, counted=False),
        part(text, "Du er servicemindet.", 2),
    ]
    service = marker(text, "servicemindet", "empathizer")
    result = blocks(text, [service], parts)
    assert "".join(b.text for b in result) == text
    assert [(b.part and b.part["sentence"], b.text) for b in result] == [
        (0, "Om os"),
        (None, "\n"),
        (1, "Vi er grundlagt i 1987."),
        (None, "\n"),
        (2, "Du er servicemindet."),
    ]
    assert [s.text for s in result[-1].segments] == ["Du er ", "servicemindet", "."]
    assert result[-1].segments[1].marker == service and result[-1].segments[1].part == parts[2]


def test_without_parts_the_segments_are_as_before():
    result = segments(TEXT, [marker(TEXT, "servicemindet", "empathizer")], [])
    assert [s.part for s in result] == [None, None, None]
