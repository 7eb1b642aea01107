"""Lexicon files the profiles tests upload and import."""

# Row 2 rewrites a noun with an adjective, row 3 names no part of speech there is; row 1 is right.
WRONG_PART_OF_SPEECH = {
    "markers": [
        {
            "language": "da",
            "type": "empathizer",
            "phrase": "servicemindet",
            "pos": "adj",
            "suggestions": [{"type": "controller", "text": "løsningsorienteret", "pos": "adj"}],
        },
        {
            "language": "da",
            "type": "empathizer",
            "phrase": "smil",
            "pos": "noun",
            "suggestions": [
                {"type": "controller", "text": "Du finder den rette løsning til kunden.", "pos": "clause"},
                {"type": "controller", "text": "løsningsorienteret", "pos": "adj"},
            ],
        },
        {"language": "sv", "type": "rock", "phrase": "stresstålig", "pos": "adverb"},
    ]
}
