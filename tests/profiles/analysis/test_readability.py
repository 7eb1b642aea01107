import pytest

from profiles.analysis.readability import lix


def test_lix_is_words_per_sentence_plus_percent_long_words():
    # 20 words in 2 sentences, 5 of them long: 20/2 + 100*5/20 = 10 + 25 = 35.0
    result = lix(words=20, sentences=2, long_words=5, language="sv")
    assert (result.lix, result.band) == (35.0, "Lättläst")


@pytest.mark.parametrize(
    ("value_words", "language", "band"),
    [
        # 10 words, 1 sentence, n long words: LIX = 10 + 10 * n
        (1, "da", "Meget let"),  # 20
        (2, "da", "Let"),  # 30: Danish 25-34
        (2, "sv", "Lättläst"),  # 30: Swedish 30-39
        (2, "nb", "Lettlest"),
        (4, "da", "Svær"),  # 50: Danish 45-54
        (4, "sv", "Svår"),  # 50: Swedish 50-59
        (5, "da", "Meget svær"),  # 60
        (5, "en", "Very hard"),
    ],
)
def test_bands_follow_each_countrys_scale(value_words, language, band):
    assert lix(words=10, sentences=1, long_words=value_words, language=language).band == band


def test_an_empty_text_has_lix_zero():
    assert lix(words=0, sentences=0, long_words=0, language="nb").lix == 0.0
