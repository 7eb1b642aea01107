import pytest

from profiles.analysis.language import MESSAGES, UnsupportedLanguage, detect, detect_from, detect_sentences, signals

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


PARAGRAPHS = [
    (
        "da",
        "Vi søger en engageret kundeservicemedarbejder til vores team i Aarhus. Du bliver den første, kunderne "
        "taler med, når de ringer eller skriver til os, og du hjælper dem med alt fra spørgsmål om levering til "
        "reklamationer. Du har gerne erfaring fra en lignende stilling, men det vigtigste er, at du kan lide at "
        "løse problemer og tager ansvar for, at kunden får en god oplevelse.",
    ),
    (
        "da",
        "Hos os får du en fast stilling med 37 timer om ugen, en god løn og en pensionsordning. Vi tilbyder "
        "en grundig oplæring, faglig sparring med erfarne kolleger og gode muligheder for at udvikle dig. "
        "Arbejdspladsen ligger tæt på offentlig transport, og der er frokostordning og fredagsbar.",
    ),
    (
        "nb",
        "Vi søker en engasjert kundeservicemedarbeider til teamet vårt i Bergen. Du blir den første kundene "
        "snakker med når de ringer eller skriver til oss, og du hjelper dem med alt fra spørsmål om levering "
        "til reklamasjoner. Du har gjerne erfaring fra en lignende stilling, men det viktigste er at du liker "
        "å løse problemer og tar ansvar for at kunden får en god opplevelse.",
    ),
    (
        "nb",
        "Som selger hos oss har du ansvar for å følge opp og utvikle våre eksisterende kunder i Vestland. Du "
        "planlegger arbeidsdagen din selv, og du må være flink til å bygge relasjoner. Vi forventer at du er "
        "strukturert, selvgående og har førerkort. Send søknaden din innen 15. mars.",
    ),
    (
        "sv",
        "Vi söker en engagerad kundtjänstmedarbetare till vårt team i Malmö. Du blir den första som kunderna "
        "pratar med när de ringer eller skriver till oss, och du hjälper dem med allt från frågor om leveranser "
        "till reklamationer. Du har gärna erfarenhet från en liknande tjänst, men det viktigaste är att du "
        "tycker om att lösa problem och tar ansvar för att kunden får en bra upplevelse.",
    ),
    (
        "sv",
        "Hos oss får du en tillsvidareanställning på heltid, en bra lön och tjänstepension. Vi erbjuder en "
        "grundlig introduktion, stöd från erfarna kollegor och goda möjligheter att utvecklas. Kontoret ligger "
        "nära kollektivtrafik och vi har friskvårdsbidrag och gemensam fika varje fredag.",
    ),
    (
        "en",
        "We are looking for a committed customer service advisor to join our team in Manchester. You will be "
        "the first person our customers talk to when they call or write to us, and you will help them with "
        "everything from delivery questions to complaints. Experience from a similar role is a plus, but most "
        "of all you enjoy solving problems and take ownership of a good customer experience.",
    ),
    (
        "en",
        "You will get a permanent full-time position, a competitive salary and a pension scheme. We offer "
        "thorough training, support from experienced colleagues and good opportunities to grow. The office is "
        "close to public transport, and we have a canteen and a friendly working environment.",
    ),
]


@pytest.mark.parametrize(("language", "text"), PARAGRAPHS)
def test_it_detects_ordinary_ad_paragraphs_without_doubt(language, text):
    assert 40 <= len(text.split()) <= 80
    detection = detect(text)
    assert detection.language == language
    assert detection.confidence >= 0.95


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Du bliver en del af en virksomhed med gode kolleger."),
        ("da", "Send din ansøgning hurtigst muligt, da vi holder samtaler løbende."),
        ("da", "Du har erfaring med salg og kan lide at hjælpe andre."),
        ("da", "Vi forventer, at du er udadvendt og har lyst til at lære nyt."),
        ("nb", "Du blir en del av en virksomhet med gode kolleger."),
        ("nb", "Send søknaden din så snart som mulig, vi har intervjuer fortløpende."),
        ("nb", "Du har erfaring med salg og liker å hjelpe andre."),
        ("nb", "Vi forventer at du er utadvendt og har lyst til å lære noe nytt."),
    ],
)
def test_it_tells_short_danish_and_norwegian_sentences_apart_by_their_spellings(language, text):
    assert 8 <= len(text.split()) <= 15
    assert detect(text).language == language


@pytest.mark.parametrize(
    "text",
    [
        "Wir suchen einen freundlichen Mitarbeiter für unseren Kundenservice in Berlin.",
        "Sie sind hilfsbereit und teamfähig.",
        "Wir bieten ein gutes Gehalt und ein nettes Team.",
    ],
)
def test_it_refuses_german_even_when_short_and_names_it(text):
    with pytest.raises(UnsupportedLanguage, match="It looks like German") as refused:
        detect(text)
    assert refused.value.code == "unsupported"
    assert refused.value.detected == "de"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wij zoeken een enthousiaste collega voor onze klantenservice in Utrecht.", "nl"),
        ("Nous recherchons un conseiller pour notre service client à Lyon.", "fr"),
        ("Buscamos una persona con experiencia para nuestro equipo de ventas.", "es"),
        ("Etsimme asiakaspalveluun työntekijää, joka on iloinen ja haluaa auttaa.", "fi"),
    ],
)
def test_it_refuses_other_unsupported_languages_by_name(text, language):
    with pytest.raises(UnsupportedLanguage) as refused:
        detect(text)
    assert refused.value.code == "unsupported"
    assert refused.value.detected == language


@pytest.mark.parametrize(
    "text",
    [
        "Vi søkjer ein medarbeidar som vil vere med på å utvikle kundeservicen vår. Du er ein person som likar "
        "å hjelpe andre, og du har gjerne erfaring frå sal eller service. Det er ikkje eit krav.",
        "Me er eit lite team som arbeider tett saman. Du får moglegheit til å ta ansvar frå første dag.",
    ],
)
def test_it_refuses_nynorsk_and_says_to_write_bokmal_or_choose(text):
    with pytest.raises(UnsupportedLanguage, match="Nynorsk, which is not supported yet") as refused:
        detect(text)
    assert refused.value.code == "nynorsk"
    assert "Bokmål" in str(refused.value) and "choose the language" in str(refused.value)


def test_it_is_unsure_of_a_short_sentence_danish_and_norwegian_spell_alike():
    with pytest.raises(UnsupportedLanguage) as refused:
        detect("Vi har en god stemning på kontoret")
    assert refused.value.code == "unsure"
    assert set(refused.value.candidates) == {"da", "nb"}
    assert "Danish" in str(refused.value) and "Norwegian Bokmål" in str(refused.value)
    assert "Choose the language" in str(refused.value)


def test_the_engine_signals_still_add_up_to_the_same_detection():
    sentences = ["Vi søger en glad medarbejder.", "Du hjælper vores kunder hver dag."]
    assert detect_from([signals(s) for s in sentences]).language == detect(" ".join(sentences)).language == "da"
    # Signals of the older three-part shape still work.
    assert detect_from([signals(s)[:3] for s in sentences]).language == "da"


EN_AD_WITH_SWEDISH = [
    "We are looking for a customer service advisor for our Nordic team in London.",
    "You will answer calls and e-mails from our customers and help them with their orders.",
    "You are friendly, patient and you take ownership of every case.",
    "Du talar och skriver svenska flytande och trivs med att hjälpa kunder.",
    "Vi ser gärna att du har erfarenhet av kundtjänst sedan tidigare.",
    "Det är meriterande om du även kan läsa danska eller norska.",
    "We offer a permanent position, a good salary and a friendly team.",
    "Apply at https://example.com/jobs before the first of May.",
]


def test_it_reads_a_swedish_paragraph_in_an_english_ad_as_swedish():
    assert detect(" ".join(EN_AD_WITH_SWEDISH)).language == "en"
    assert detect_sentences(EN_AD_WITH_SWEDISH, "en") == ["en", "en", "en", "sv", "sv", "sv", "en", "en"]


def test_it_keeps_a_danish_ad_with_english_loanwords_danish():
    sentences = [
        "Vi søger en service-minded medarbejder med drive og ownership.",
        "Du har drive og tager ownership for dine kunder hver dag.",
        "Du er service-minded, positiv og god til at samarbejde med andre.",
        "Vi tilbyder en god løn, frokostordning og et stærkt fællesskab.",
        "Kontakt Anna Jensen på anna.jensen@firma.dk eller se www.firma.dk/job.",
        "Apply now!",
    ]
    assert detect_sentences(sentences, "da") == ["da"] * len(sentences)


def test_it_keeps_every_sentence_of_a_norwegian_ad_norwegian():
    sentences = [
        "Vi søker en serviceinnstilt medarbeider til kundesenteret vårt i Oslo.",
        "Du blir en del av et hyggelig team med gode kolleger.",
        "Du har erfaring med salg og liker å hjelpe andre.",
        "Vi har en god stemning på kontoret og mye humor i hverdagen.",
        "Du må være positiv, strukturert og flink til å samarbeide.",
        "Vi tilbyr god lønn, pensjonsordning og fleksibel arbeidstid.",
        "Send søknaden din så snart som mulig.",
        "Vi gleder oss til å høre fra deg.",
    ]
    assert detect(" ".join(sentences)).language == "nb"
    assert detect_sentences(sentences, "nb") == ["nb"] * len(sentences)


def test_it_keeps_short_sentences_and_names_in_the_main_language():
    sentences = ["Om dig", "Kontakt Sarah Johnson", "Welcome to the team!", "www.example.com/careers"]
    assert detect_sentences(sentences, "da") == ["da"] * 4


def test_a_refusal_carries_what_a_caller_needs_to_translate_it():
    with pytest.raises(UnsupportedLanguage) as refused:
        detect("Vi har en god stemning på kontoret")
    error = refused.value
    assert str(error) == MESSAGES[error.message_key] % error.params
