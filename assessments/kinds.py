"""The item kinds, defined once. Plain strings: the pure scoring code compares against these and
the model's `Item.Kind` choices are built from them."""

LIKERT = "likert"
FORCED_CHOICE = "forced_choice"
SJT = "sjt"
MCQ = "mcq"
TEXT = "text"

ALL = (LIKERT, FORCED_CHOICE, SJT, MCQ, TEXT)
# Kinds whose answer is the id of one of the item's options.
WITH_OPTIONS = (FORCED_CHOICE, SJT, MCQ)
