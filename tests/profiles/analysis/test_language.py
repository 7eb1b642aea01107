import pytest

from profiles.analysis.language import UnsupportedLanguage, detect

ADS = {
    "da": "Vi søger en servicemindet medarbejder til vores kundeservice. Du bliver en del af et team, "
    "hvor vi hjælper hinanden, og du får ansvar for dine egne sager efter en grundig oplæring.",
    "nb": "Vi søker en serviceinnstilt medarbeider til vårt kundesenter. Du blir en del av et team "
    "der vi hjelper hverandre, og du får ansvar for egne saker etter en grundig opplæring.",
    "sv": "Vi söker en serviceinriktad medarbetare till vår kundtjänst. Du blir en del av ett team "
    "där vi hjälper varandra, och du får ansvar för dina egna ärenden efter en grundlig introduktion.",
    "en": "We are looking for a service-minded advisor for our customer service team. You will own your "
    "cases and get thorough training from experienced colleagues.",
}


@pytest.mark.parametrize("language", ADS)
def test_it_detects_each_supported_language(language):
    detection = detect(ADS[language])
    assert detection.language == language
    assert detection.confidence >= 0.8


def test_danish_and_norwegian_are_told_apart_by_their_spellings():
    assert detect("Vi tilbyder en god løn og gode muligheder for udvikling af dine kompetencer").language == "da"
    assert detect("Vi tilbyr god lønn og gode muligheter for utvikling av din kompetanse").language == "nb"


@pytest.mark.parametrize(
    "text",
    [
        "Wir suchen einen engagierten Mitarbeiter für unseren Kundenservice in Berlin und bieten ein gutes Gehalt.",
        "Etsimme asiakaspalveluun palveluhenkistä työntekijää, joka nauttii ihmisten auttamisesta joka päivä.",
    ],
)
def test_other_languages_are_refused_with_the_supported_list(text):
    with pytest.raises(
        UnsupportedLanguage, match=r"Danish \(da\), Norwegian Bokmål \(nb\), Swedish \(sv\), English \(en\)"
    ):
        detect(text)


def test_text_without_words_is_refused():
    with pytest.raises(UnsupportedLanguage):
        detect("1234 !!! ---")
