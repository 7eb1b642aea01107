"""Django REST framework's field messages that its own Danish, Norwegian and Swedish catalogues leave
in English (DRF 3.18), so that a Danish caller read "Not a valid string." for a list sent as a name.

Listed only so that `make messages` puts them in our catalogues, which Django reads before an app's
(LOCALE_PATHS); nothing imports this module. DRF fills in the {placeholders} after translating, so a
translation keeps them as they are.
"""

from django.utils.translation import gettext_noop

DRF_FIELD_MESSAGES = (
    gettext_noop("Invalid input."),
    gettext_noop("Must be a valid boolean."),
    gettext_noop("Not a valid string."),
    gettext_noop("Must be a valid UUID."),
    gettext_noop('Enter a valid "slug" consisting of Unicode letters, numbers, underscores, or hyphens.'),
    gettext_noop('Invalid datetime for the timezone "{timezone}".'),
    gettext_noop("Datetime value out of range."),
    gettext_noop("Ensure this field has at least {min_length} elements."),
    gettext_noop("Ensure this field has no more than {max_length} elements."),
    gettext_noop("This dictionary may not be empty."),
    gettext_noop("Surrogate characters are not allowed: U+{code_point:X}."),
)
