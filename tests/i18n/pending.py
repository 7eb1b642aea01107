"""A branch's da/nb/sv translations wait in locale/pending/<branch>.json until they are merged into the
.po files and compiled. `pending_translations` puts them in front of the compiled catalogues for a test,
so a test can read the Nordic text a user will get; once merged (the file is gone) it adds nothing."""

import json
from contextlib import contextmanager

from django.utils.translation import trans_real

from .po import LOCALE, NORDIC


@contextmanager
def pending_translations(name: str):
    path = LOCALE / "pending" / f"{name}.json"
    pending = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    added = {}
    for language in NORDIC:
        catalog = {}
        for msgid, translations in pending.items():
            if "|" in msgid:
                for index, text in enumerate(translations[language]):
                    catalog[(msgid.split("|")[0], index)] = text
            else:
                catalog[msgid] = translations[language]
        added[language] = catalog
        catalogs = trans_real.translation(language)._catalog
        catalogs._catalogs.insert(0, catalog)
        catalogs._plurals.insert(0, _one_and_other)  # Danish, Norwegian and Swedish alike
    try:
        yield
    finally:
        for language, catalog in added.items():
            catalogs = trans_real.translation(language)._catalog
            index = next(i for i, c in enumerate(catalogs._catalogs) if c is catalog)
            del catalogs._catalogs[index], catalogs._plurals[index]


def _one_and_other(n: int) -> int:
    return int(n != 1)
