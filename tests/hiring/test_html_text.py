import pytest

from hiring.html_text import html_to_text, looks_like_html


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_paragraphs_and_headings_become_lines():
    text = html_to_text("<h2>Kundeservice</h2><p>Vi søger en <b>problemløser</b>.</p><div>Søg i dag</div>")
    assert lines(text) == ["Kundeservice", "Vi søger en problemløser.", "Søg i dag"]


def test_list_items_become_bullets_on_their_own_lines():
    text = html_to_text("<p>Du er:</p><ul><li>servicemindet</li><li>en problemløser</li></ul>")
    assert lines(text) == ["Du er:", "• servicemindet", "• en problemløser"]


def test_a_line_break_starts_a_new_line():
    assert html_to_text("Vi søger<br>en problemløser") == "Vi søger\nen problemløser"


def test_entities_are_decoded():
    assert html_to_text("<p>R&amp;D &ndash; l&oslash;n &lt;30.000&gt; &nbsp;kr.</p>") == "R&D – løn <30.000> kr."


def test_scripts_styles_and_the_head_are_dropped():
    text = html_to_text(
        "<html><head><title>Job 42</title><style>p { color: red }</style></head>"
        "<body><p>Vi søger</p><script>alert('x')</script><noscript>Slå JavaScript til</noscript></body></html>"
    )
    assert text == "Vi søger"


def test_the_pasted_ad_from_the_issue_loses_its_tags_and_script():
    text = html_to_text("<p>Vi søger</p><ul><li>en problemløser</li></ul><script>alert(1)</script>")
    assert lines(text) == ["Vi søger", "• en problemløser"]
    assert "<" not in text and "alert" not in text


def test_runs_of_blank_lines_are_folded_and_the_ends_trimmed():
    text = html_to_text("<p> </p><p>Vi søger</p><p></p><p></p><p></p><p>en   problemløser</p><p>\n</p>")
    assert text == "Vi søger\n\nen problemløser"


def test_table_cells_are_kept_apart():
    text = html_to_text("<table><tr><th>Løn</th><td>Efter aftale</td></tr></table>")
    assert "LønEfter" not in text
    assert text.split() == ["Løn", "Efter", "aftale"]


@pytest.mark.parametrize(
    "text",
    [
        "Vi søger en problemløser.\n\n\n  Du er   servicemindet.  ",
        "Løn: 30-35.000 kr. & pension; 5 < 6 > 4",
        "R&amp;D is written as it is.",
        "",
    ],
)
def test_plain_text_is_left_exactly_as_it_is(text):
    assert not looks_like_html(text)
    assert html_to_text(text) == text


def test_an_address_in_angle_brackets_is_kept():
    text = "Send din ansøgning til <job@firma.dk> senest fredag."
    assert "job@firma.dk" in html_to_text(text)
