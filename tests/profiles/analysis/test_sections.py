"""Which sentences of an ad are about the person sought, and which are boilerplate (greyed)."""

import pytest

from profiles.analysis.sections import (
    COUNTED_KINDS,
    PART_KINDS,
    Part,
    classify,
    heading_kind,
    insertion_sentence,
)

GREYED = {"company", "benefits", "application", "contact"}

# Each ad: (line, the kind it should get). A section heading of a counted kind is "other".
DANISH_AD = [
    ("Kundeservicemedarbejder til vores team i Aarhus", "other"),
    ("Om os", "company"),
    ("Vi er en af Danmarks førende webshops inden for boligindretning.", "company"),
    ("Virksomheden blev grundlagt i 2009 og har i dag 120 medarbejdere.", "company"),
    ("Vi sidder i lyse lokaler tæt på banegården.", "company"),
    ("Dine opgaver", "other"),
    ("Besvare henvendelser fra kunder på telefon, mail og chat", "task"),
    ("Hjælpe nye brugere med opsætning af deres konto", "task"),
    ("Følge op på reklamationer og sikre en god løsning for kunden", "task"),
    ("Om dig", "other"),
    ("Du er serviceminded og bevarer overblikket, også når der er travlt.", "candidate"),
    ("Du har erfaring fra en lignende stilling", "candidate"),
    ("Du taler og skriver dansk og engelsk flydende", "candidate"),
    ("Vi tilbyder", "benefits"),
    ("En god løn, pension og sundhedsforsikring", "benefits"),
    ("Frokostordning og fredagsbar", "benefits"),
    ("Gode muligheder for faglig udvikling", "benefits"),
    ("Ansøgning", "application"),
    ("Send din ansøgning og dit CV senest den 1. marts.", "application"),
    ("Vi holder løbende samtaler, så send gerne din ansøgning hurtigst muligt.", "application"),
    ("Kontakt", "contact"),
    ("Har du spørgsmål, er du velkommen til at ringe til Mette Hansen på tlf. 12 34 56 78.", "contact"),
]
DANISH_AD_WITHOUT_HEADINGS = [
    ("Vi søger en kundeservicemedarbejder til vores kontor i Odense.", "candidate"),
    ("Du skal besvare henvendelser fra vores kunder og hjælpe dem med deres ordrer.", "task"),
    ("Du er udadvendt, struktureret og god til at bevare roen.", "candidate"),
    ("Du har gerne erfaring med kundeservice.", "candidate"),
    ("Vi tilbyder en god løn og pension.", "benefits"),
    ("Send din ansøgning senest fredag.", "application"),
    ("Spørgsmål kan rettes til Jonas på jonas@firma.dk.", "contact"),
]

ENGLISH_AD = [
    ("Customer Support Specialist", "other"),
    ("About us", "company"),
    ("We are a leading provider of booking software for clinics across Europe.", "company"),
    ("Founded in 2012, we are headquartered in Copenhagen.", "company"),
    ("What you'll do", "other"),
    ("Help new users set up their accounts", "task"),
    ("Answer customer questions by phone, e-mail and chat", "task"),
    ("Follow up on open cases and make sure nothing falls between the cracks", "task"),
    ("Who you are", "other"),
    ("You are patient, friendly and structured.", "candidate"),
    ("You have at least two years of experience in customer service", "candidate"),
    ("You speak and write English fluently", "candidate"),
    ("What we offer", "benefits"),
    ("A competitive salary and a pension plan", "benefits"),
    ("Free lunch, a gym in the building and flexible working hours", "benefits"),
    ("A relocation package if you are moving to Denmark", "benefits"),
    ("How to apply", "application"),
    ("Send your CV and a short cover letter via the link below.", "application"),
    ("Interviews are held on an ongoing basis.", "application"),
    ("Contact", "contact"),
    ("Questions? Write to Sarah Jones at sarah.jones@example.com.", "contact"),
]
ENGLISH_AD_WITHOUT_HEADINGS = [
    ("We are looking for a customer support specialist to join our team in London.", "candidate"),
    ("You will help customers with their orders and handle returns.", "task"),
    ("You are calm, friendly and good at explaining things.", "candidate"),
    ("We offer a competitive salary and 25 days of paid holiday.", "benefits"),
    ("Apply now via our website.", "application"),
    ("Call us on +44 20 7946 0958 if you have questions.", "contact"),
]

NORWEGIAN_AD = [
    ("Kundebehandler til vårt kontor i Bergen", "other"),
    ("Om oss", "company"),
    ("Vi er en av Norges ledende leverandører av strøm til private kunder.", "company"),
    ("Selskapet ble etablert i 1998 og har over 300 ansatte.", "company"),
    ("Arbeidsoppgaver", "other"),
    ("Besvare henvendelser fra kunder på telefon og chat", "task"),
    ("Hjelpe kunder med å bytte strømavtale", "task"),
    ("Registrere saker og følge dem opp", "task"),
    ("Kvalifikasjoner", "other"),
    ("Fullført videregående skole", "candidate"),
    ("Gode norskkunnskaper, muntlig og skriftlig", "candidate"),
    ("Personlige egenskaper", "other"),
    ("Du er serviceinnstilt og tålmodig.", "candidate"),
    ("Du trives med et høyt tempo", "candidate"),
    ("Vi tilbyr", "benefits"),
    ("Konkurransedyktig lønn og gode forsikringer", "benefits"),
    ("Tjenestepensjon og fleksibel arbeidstid", "benefits"),
    ("Søknad", "application"),
    ("Søknadsfristen er 15. april.", "application"),
    ("Vi behandler søknader fortløpende.", "application"),
    ("Kontaktinformasjon", "contact"),
    ("Avdelingsleder Kari Nordmann, tlf. 987 65 432", "contact"),
]
NORWEGIAN_AD_WITHOUT_HEADINGS = [
    ("Vi søker en blid og serviceinnstilt medarbeider til butikken vår på Grünerløkka.", "candidate"),
    ("Du skal hjelpe kunder med å finne riktige produkter og holde butikken ryddig.", "task"),
    ("Du er positiv og liker å jobbe i team.", "candidate"),
    ("Vi tilbyr god lønn og personalrabatt.", "benefits"),
    ("Søknadsfrist er 1. juni.", "application"),
    ("Spørsmål om stillingen kan rettes til butikksjef Ola på ola@butikken.no.", "contact"),
]

SWEDISH_AD = [
    ("Kundtjänstmedarbetare till vårt kontor i Malmö", "other"),
    ("Om företaget", "company"),
    ("Vi är ett av Sveriges största e-handelsföretag inom sport och fritid.", "company"),
    ("Företaget grundades 2005 och har i dag 200 anställda.", "company"),
    ("Om tjänsten", "other"),
    ("Som kundtjänstmedarbetare hjälper du våra kunder via telefon, mejl och chatt.", "task"),
    ("Hantera returer och reklamationer", "task"),
    ("Följa upp ärenden och säkerställa att kunden blir nöjd", "task"),
    ("Vem är du?", "other"),
    ("Du är serviceinriktad, noggrann och har lätt för att samarbeta.", "candidate"),
    ("Du har erfarenhet av kundservice", "candidate"),
    ("Meriterande", "other"),
    ("Erfarenhet av Zendesk eller liknande system", "candidate"),
    ("Vi erbjuder", "benefits"),
    ("Kollektivavtal och tjänstepension", "benefits"),
    ("Friskvårdsbidrag och flexibla arbetstider", "benefits"),
    ("Ansökan", "application"),
    ("Sista ansökningsdag är den 30 april.", "application"),
    ("Urval sker löpande, så skicka gärna din ansökan redan i dag.", "application"),
    ("Kontakt", "contact"),
    ("Frågor om tjänsten besvaras av rekryterande chef Anna Svensson, anna.svensson@exempel.se.", "contact"),
]
SWEDISH_AD_WITHOUT_HEADINGS = [
    ("Vi söker en engagerad säljare till vår butik i Göteborg.", "candidate"),
    ("Du kommer att ge råd till kunder och hantera kassan.", "task"),
    ("Du är social och har lätt för att skapa kontakt med människor.", "candidate"),
    ("Vi erbjuder kollektivavtal och friskvårdsbidrag.", "benefits"),
    ("Sista ansökningsdag är 31 maj.", "application"),
    ("Läs mer om oss på www.exempel.se.", "contact"),
]

ADS = {
    "da": (DANISH_AD, DANISH_AD_WITHOUT_HEADINGS),
    "en": (ENGLISH_AD, ENGLISH_AD_WITHOUT_HEADINGS),
    "nb": (NORWEGIAN_AD, NORWEGIAN_AD_WITHOUT_HEADINGS),
    "sv": (SWEDISH_AD, SWEDISH_AD_WITHOUT_HEADINGS),
}


def kinds_of(ad, language):
    return [part.kind for part in classify([line for line, _ in ad], [language] * len(ad))]


@pytest.mark.parametrize("language", ["da", "en", "nb", "sv"])
def test_it_gives_every_line_of_a_real_ad_with_headings_its_kind(language):
    ad = ADS[language][0]
    assert 15 <= len(ad) <= 25
    assert list(zip([line for line, _ in ad], kinds_of(ad, language), strict=True)) == ad


@pytest.mark.parametrize("language", ["da", "en", "nb", "sv"])
def test_it_greys_exactly_the_company_benefits_application_and_contact_lines(language):
    ad = ADS[language][0]
    greyed = {line for (line, _), kind in zip(ad, kinds_of(ad, language), strict=True) if kind not in COUNTED_KINDS}
    assert greyed == {line for line, kind in ad if kind in GREYED}


@pytest.mark.parametrize("language", ["da", "en", "nb", "sv"])
def test_it_reads_an_ad_without_headings_from_the_sentences_alone(language):
    ad = ADS[language][1]
    assert list(zip([line for line, _ in ad], kinds_of(ad, language), strict=True)) == ad


def test_it_says_why_a_line_got_its_kind():
    parts = classify(
        ["Om os", "Vi sælger møbler.", "Din profil", "Du er struktureret.", "Skriv til job@firma.dk", "Du er glad."],
        ["da"] * 6,
    )
    assert parts == [
        Part("company", "heading", "Om os"),
        Part("company", "section", "Om os"),
        Part("other", "heading", "Din profil"),
        Part("candidate", "section", "Din profil"),
        Part("contact", "cue", "job@firma.dk"),
        Part("candidate", "section", "Din profil"),
    ]
    assert all(part.kind in PART_KINDS for part in parts)


def test_it_marks_a_line_without_a_heading_as_default_with_the_phrase_that_decided():
    [part] = classify(["Du har erfaring med salg"], ["da"])
    assert part == Part("candidate", "default", "Du har")


@pytest.mark.parametrize(
    ("heading", "language", "kind"),
    [
        ("Hvad tilbyder vi?", "da", "benefits"),
        ("VI TILBYDER:", "da", "benefits"),
        ("Det tilbyr vi", "nb", "benefits"),
        ("Vad vi erbjuder", "sv", "benefits"),
        ("Løn- og ansættelsesvilkår", "da", "benefits"),
        ("Hvem er vi?", "da", "company"),
        ("Om Novo Nordisk", "da", "company"),
        ("About Acme", "en", "company"),
        ("Om stillingen som kundeservicemedarbejder", "da", "task"),
        ("About the role at Acme", "en", "task"),
        ("• Arbeidsoppgaver:", "nb", "task"),
        ("Vi søger dig, der:", "da", "candidate"),
        ("Vi söker dig som", "sv", "candidate"),
        ("Hvem er du?", "nb", "candidate"),
        ("What we're looking for", "en", "candidate"),
        ("Ansøgning og kontakt", "da", "application"),
        ("Yderligere oplysninger", "da", "contact"),
        ("Kontaktinformasjon", "nb", "contact"),
        ("Sista ansökningsdag", "sv", "application"),
        ("Salary & benefits", "en", "benefits"),
        ("Løn/vilkår", "da", "benefits"),
        ("Dine vigtigste opgaver", "da", "task"),
        ("Key responsibilities", "en", "task"),
        ("Faglige kvalifikationer", "da", "candidate"),
        ("Vi ser etter deg som", "nb", "candidate"),
        ("We're looking for someone who", "en", "candidate"),
        ("The Opportunity", "en", "task"),
        ("Key Accountabilities Include:", "en", "task"),
        ("Principal duties:", "en", "task"),
        ("Role Purpose", "en", "task"),
        ("Vad innebär rollen?", "sv", "task"),
        ("Hva innebærer stillingen?", "nb", "task"),
        ("Hvad indebærer jobbet?", "da", "task"),
        ("Vi ser gärna att du:", "sv", "candidate"),
        ("Vi ser gjerne at du:", "nb", "candidate"),
    ],
)
def test_it_recognises_the_headings_ads_write_however_they_are_written(heading, language, kind):
    assert heading_kind(heading, language) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Vi tilbyder vores kunder hurtig hjælp.",
        "Kontakt med kunder i hele Norden",
        "Du er udadvendt",
        "Vi tilbyder en god løn",
        "Om os siger kunderne, at vi altid svarer hurtigt og venligt på alle spørgsmål.",
    ],
)
def test_it_does_not_take_a_heading_like_sentence_for_a_heading(line):
    assert heading_kind(line, "da") is None


def test_it_keeps_a_heading_like_sentence_inside_prose_in_its_section():
    lines = [
        "Dine opgaver",
        "Kontakt med kunder i hele Norden",
        "Vi tilbyder vores kunder hurtig hjælp, og det er dig, der giver den.",
        "Registrere sager i vores system",
    ]
    assert [p.kind for p in classify(lines, ["da"] * 4)] == ["other", "task", "task", "task"]


def test_it_greys_a_benefit_sentence_under_om_dig_and_keeps_the_rest_of_the_profile():
    lines = ["Om dig", "Du er struktureret og grundig", "Du får en god løn og pension", "Du har kørekort"]
    assert [p.kind for p in classify(lines, ["da"] * 4)] == ["other", "candidate", "benefits", "candidate"]


def test_it_greys_a_contact_line_inside_the_profile_section():
    lines = [
        "Din profil",
        "Du er serviceminded",
        "Har du spørgsmål, så ring til Mette på 12 34 56 78",
        "Du taler flydende dansk",
    ]
    parts = classify(lines, ["da"] * 4)
    assert [p.kind for p in parts] == ["other", "candidate", "contact", "candidate"]
    assert parts[2].reason == "cue"
    assert parts[2].cue == "12 34 56 78"


def test_it_counts_an_ad_that_is_only_a_profile_list():
    lines = ["Din profil", "Uddannet inden for kundeservice", "Struktureret og grundig", "Gode IT-kundskaber"]
    parts = classify(lines, ["da"] * 4)
    assert [p.kind for p in parts] == ["other", "candidate", "candidate", "candidate"]
    assert all(p.kind in COUNTED_KINDS for p in parts)
    assert insertion_sentence(parts) == 3


def test_it_counts_a_candidate_sentence_with_a_quality_under_a_company_heading():
    lines = [
        "Om os",
        "Vi er et lille team på 12 kolleger.",
        "Du bliver en del af en afdeling i vækst.",
        "Du er struktureret og trives med mange bolde i luften.",
    ]
    parts = classify(lines, ["da"] * 4)
    assert [p.kind for p in parts] == ["company", "company", "company", "candidate"]
    assert parts[3] == Part("candidate", "cue", "Du er")


def test_it_keeps_an_offer_that_addresses_the_candidate_among_the_benefits():
    lines = ["Vi tilbyder", "Du har mulighed for at tage på kurser", "Du er velkommen til at arbejde hjemme"]
    assert [p.kind for p in classify(lines, ["da"] * 3)] == ["benefits", "benefits", "benefits"]


def test_it_counts_pay_for_results_and_greys_a_bonus_scheme():
    lines = [
        "Om dig",
        "Du er motiveret af provision og kan lide at lukke et salg",
        "Vi tilbyder fast grundløn plus provision",
        "Vi tilbyder en god bonusordning",
    ]
    parts = classify(lines, ["da"] * 4)
    # Commission is what the job asks of the person (it attracts the Competitor): counted.
    assert [p.kind for p in parts] == ["other", "candidate", "other", "benefits"]
    assert parts[2] == Part("other", "cue", "provision")


@pytest.mark.parametrize(
    ("line", "language", "word"),
    [
        ("Grundlön och provision utan tak.", "sv", "provision"),
        ("Fastlønn og provisjon uten tak.", "nb", "provisjon"),
        ("Base salary and commission without a cap.", "en", "commission"),
    ],
)
def test_it_counts_a_pay_line_with_commission_in_every_language(line, language, word):
    assert classify([line], [language]) == [Part("other", "cue", word)]


def test_it_does_not_take_a_salary_range_for_a_phone_number():
    [part] = classify(["Løn 35 000-40 000 kr. om måneden"], ["sv"])
    assert part.kind == "benefits"
    assert part.cue == "Løn"


def test_it_keeps_a_requirement_about_working_hours_out_of_the_benefits():
    lines = ["Om dig", "Du skal kunne arbejde fleksible arbejdstider, også i weekenden"]
    assert [p.kind for p in classify(lines, ["da"] * 2)] == ["other", "candidate"]


def test_it_finds_help_as_a_task_in_every_language():
    lines = [
        "Help new users set up their accounts",
        "Hjælpe nye brugere med opsætning",
        "Hjelpe nye brukere med oppsett",
        "Hjälpa nya användare att komma igång",
    ]
    parts = classify(lines, ["en", "da", "nb", "sv"])
    assert [p.kind for p in parts] == ["task", "task", "task", "task"]


def test_it_reads_an_english_heading_in_a_danish_ad():
    lines = ["What we offer", "Frokostordning og gode kolleger", "Om dig", "Du er nysgerrig"]
    assert [p.kind for p in classify(lines, ["da"] * 4)] == ["benefits", "benefits", "other", "candidate"]


def test_it_puts_an_addition_at_the_end_of_the_profile_before_the_benefits():
    ad = DANISH_AD
    parts = classify([line for line, _ in ad], ["da"] * len(ad))
    assert ad[insertion_sentence(parts)][0] == "Du taler og skriver dansk og engelsk flydende"
    assert insertion_sentence([]) == -1


def test_it_puts_an_addition_to_running_text_after_the_last_sentence_about_the_candidate():
    ad = DANISH_AD_WITHOUT_HEADINGS
    parts = classify([line for line, _ in ad], ["da"] * len(ad))
    assert ad[insertion_sentence(parts)][0] == "Du har gerne erfaring med kundeservice."
    assert insertion_sentence(classify(["Vi sælger møbler.", "Butikken ligger i Vejle."], ["da"] * 2)) == 1


def test_it_classifies_ten_thousand_lines_in_one_pass():
    long_lines = ["a" * 5000, "1 " * 2000, "x-" * 2000, "navn." * 1000, "er 1 " * 1000, "a@" * 2000]
    lines = (long_lines + [line for line, _ in DANISH_AD] * 455)[:10_000]
    parts = classify(lines, ["da"] * len(lines))
    assert len(parts) == 10_000


@pytest.mark.parametrize(
    ("line", "language", "kind"),
    [
        ("Stillingen er fast 100 %.", "nb", "benefits"),
        ("Tjänsten är en tillsvidareanställning på heltid.", "sv", "benefits"),
        ("Oppstart etter avtale.", "nb", "application"),
        ("Ren straffeattest er et krav.", "da", "application"),
        ("We are an equal opportunity employer.", "en", "company"),
        ("Du bliver en del af et stærkt team på 8 sælgere.", "da", "company"),
        ("Vi har over 1 200 medarbejdere i 14 lande.", "da", "company"),
    ],
)
def test_it_greys_terms_of_employment_and_employer_statements_without_a_heading(line, language, kind):
    [part] = classify([line], [language])
    assert (part.kind, part.reason) == (kind, "cue")


def test_it_does_not_take_a_team_to_lead_for_the_company_size():
    [part] = classify(["Du skal lede 5 medarbejdere i vores lager"], ["da"])
    assert part.kind == "task"


@pytest.mark.parametrize(
    ("line", "language", "kind"),
    [
        ("Har du spørgsmål, er du velkommen til at ringe til Mette Holm på 87 12 34 56.", "da", "contact"),
        ("Har du spørsmål om stillingen, kan du kontakte Kari Nilsen.", "nb", "contact"),
        ("Søk via nettsiden vår innen 1. september.", "nb", "application"),
        ("Vi går igenom ansökningar löpande, så vänta inte med att söka.", "sv", "application"),
        ("We review applications as they arrive and interview every Tuesday.", "en", "application"),
    ],
)
def test_it_greys_the_application_and_contact_lines_that_follow_the_offer_without_a_heading(line, language, kind):
    parts = classify(["Vi tilbyder", "Frokostordning", line], [language] * 3)
    assert parts[2].kind == kind


def test_it_counts_an_insurance_company_introducing_itself():
    [part] = classify(["Hos Nordlys Forsikring hjælper vi kunder med at vælge de rette forsikringer."], ["da"])
    assert part.kind in COUNTED_KINDS


def test_it_reads_an_inverted_we_are_looking_for_as_about_the_candidate():
    [part] = classify(["Hos Bølge Mobil søger vi en engageret kunderådgiver med mod på salg."], ["da"])
    assert part.kind == "candidate"


def test_it_keeps_pension_and_insurance_as_the_work_of_an_adviser():
    lines = ["Rådgive kunder om pension og sundhedsforsikring", "Dine opgaver", "Besvare spørgsmål om pension"]
    assert [p.kind for p in classify(lines, ["da"] * 3)] == ["task", "other", "task"]
    assert classify(["Pension og sundhedsforsikring"], ["da"])[0].kind == "benefits"


def test_it_ends_the_offer_at_a_profile_heading_that_says_what_we_would_like():
    lines = ["Vi erbjuder:", "Trygg anställning med fast lön", "Vi ser gärna att du:", "Är glad och målmedveten"]
    assert [p.kind for p in classify(lines, ["sv"] * 4)] == ["benefits", "benefits", "other", "candidate"]


def test_it_greys_the_closing_date_of_an_english_advert():
    lines = ["This advert will close on Friday, 13th March at 5pm.", "Closing date: 31 May"]
    assert [p.kind for p in classify(lines, ["en"] * 2)] == ["application", "application"]


def test_it_counts_the_duties_under_the_opportunity_after_the_company_story():
    lines = [
        "About Acme",
        "We are building a leading digital bank.",
        "The Opportunity",
        "You will use your judgment to explore individual circumstances.",
    ]
    assert [p.kind for p in classify(lines, ["en"] * 4)] == ["company", "company", "other", "task"]


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Midsonas vision är att vara ett av de ledande företagen i Europa.", "sv"),
        ("Vores vision er at gøre kundeservice nemt for alle.", "da"),
        ("Visjonen er å gjøre strøm enkelt for alle.", "nb"),
        ("Our mission is to make money work for everyone.", "en"),
        ("Vi är ett av Nordens ledande företag inom hälsa.", "sv"),
        ("Arrow er en av Europas ledende IT-distributører.", "nb"),
        ("Antalet anställda är ca 160, i Sverige, Norge och Finland.", "sv"),
    ],
)
def test_it_greys_the_employers_vision_and_size_without_a_heading(line, language):
    [part] = classify([line], [language])
    assert (part.kind, part.reason) == ("company", "cue")


def test_it_keeps_a_requirement_that_mentions_turnover_about_the_candidate():
    [part] = classify(["Du har ansvar for omsætningen i butikken."], ["da"])
    assert part.kind == "candidate"
