"""The API's body parsers: DRF's, plus the refusals that keep hostile input a clear 4xx.

- A body larger than DATA_UPLOAD_MAX_MEMORY_SIZE is 413 (DRF's JSON and form parsers read the
  stream themselves and would skip Django's limit).
- A JSON body nested deeper than MAX_DEPTH is 400 (10,000 nested lists raise RecursionError inside
  `json`, and a deep body would do so again in every piece of code that walks it).
- A NUL or a lone surrogate in any string, key or value, is 400: PostgreSQL refuses NUL in text and
  a lone surrogate cannot be encoded as UTF-8, so either would be a 500 further down.

Each refusal is in the request's language and has a stable code (core/exceptions.py: parse_error,
unsafe_text), like every other error of the API.
"""

import json
from io import BytesIO

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

# A module, not its names: rest_framework.views imports this module while core.exceptions loads.
from servicefit.core import exceptions as core_exceptions
from servicefit.core.unsafe_text import has_unsafe_text

MAX_DEPTH = 32


def _read_limited(stream) -> bytes:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    body = stream.read() if limit is None else stream.read(limit + 1)
    if limit is not None and len(body) > limit:
        raise core_exceptions.request_too_large()
    return body


def refuse_unsafe_json(data) -> None:
    """Walk parsed JSON without recursion; refuse deep nesting and unsafe strings with their path."""
    stack = [(data, "body", 0)]
    while stack:
        value, where, depth = stack.pop()
        if isinstance(value, str):
            if has_unsafe_text(value):
                raise _unsafe(where)
            continue
        if not isinstance(value, dict | list):
            continue
        if depth >= MAX_DEPTH:
            raise _too_deep()
        if isinstance(value, dict):
            for key, item in value.items():
                if has_unsafe_text(key):
                    raise _unsafe(_("a key in %(where)s") % {"where": where})
                stack.append((item, f"{where}.{key[:40]}", depth + 1))
        else:
            stack.extend((item, f"{where}[{index}]", depth + 1) for index, item in enumerate(value))


def _refuse_unsafe_form(data) -> None:
    for key, values in data.lists():
        if has_unsafe_text(key) or any(isinstance(v, str) and has_unsafe_text(v) for v in values):
            raise _unsafe(_("field %(name)s") % {"name": repr(key)})


def _unsafe(where: str) -> ParseError:
    message = _("Text may not contain NUL characters or unpaired surrogates (%(where)s).") % {"where": where}
    return ParseError(message, code=core_exceptions.UNSAFE_TEXT)


def _too_deep() -> ParseError:
    return ParseError(_("The JSON body is nested more than %(depth)s levels deep.") % {"depth": MAX_DEPTH})


class StrictJSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        body = _read_limited(stream)
        encoding = parsers.get_encoding(parser_context or {})
        try:
            data = json.loads(body.decode(encoding), parse_constant=_refuse_constant)
        except RecursionError:
            raise _too_deep() from None
        except ValueError as exc:  # also malformed UTF-8, NaN and integers beyond Python's digit limit
            raise _not_json(exc, encoding) from None
        refuse_unsafe_json(data)
        return data


def _not_json(exc: ValueError, encoding: str) -> ParseError:
    if isinstance(exc, json.JSONDecodeError):
        where = {"line": exc.lineno, "column": exc.colno}
        return ParseError(_("The body is not valid JSON (line %(line)s, column %(column)s).") % where)
    if isinstance(exc, UnicodeDecodeError):
        return ParseError(_("The body is not valid JSON: it is not in %(encoding)s.") % {"encoding": encoding})
    return ParseError(_("The body is not valid JSON: it has a number JSON does not allow."))


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


class StrictFormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(BytesIO(_read_limited(stream)), media_type, parser_context)
        _refuse_unsafe_form(data)
        return data


class StrictMultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            result = super().parse(stream, media_type, parser_context)
        except ParseError as exc:  # DRF's message quotes Django's, in English ("Invalid boundary ...")
            raise ParseError(_("The body is not a valid multipart form.")) from exc
        _refuse_unsafe_form(result.data)
        return result
