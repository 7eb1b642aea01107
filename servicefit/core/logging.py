"""Candidate links are credentials: whoever reads a log line with one can open the attempt. And an
e-mail address in a query string (`/api/personal-data/?email=…`) names a person, as does a search
for one (`/hiring/candidates/?q=Sofie+Hansen`, `/api/candidates/?q=sofie@…`).

`CandidateLinkFilter` masks the token in /take/<token>/… and /api/take/<token>/… (and in the pulse
links, /pulse/<token>/…), and the value of a query parameter that may carry a name, an e-mail
address or a phone number (`email`, `q`, `name`, `phone`, `search`), in any log record (request
lines, "Not Found: …", referers), and any e-mail address, in the message and in the traceback of
a logged exception (a refused recipient's SMTPRecipientsRefused names the address);
settings.LOGGING puts it on the console handler and servicefit/gunicorn.conf.py on gunicorn's access
and error logs.
"""

import logging
import re

# Pulse-survey links (/pulse/<token>/, /api/pulse/<token>/) too, but not the staff pages under /workforce/pulse/.
TAKE_LINK = re.compile(r"(/take/|(?<!/workforce)/pulse/)[^/\s?#\"']+")
PERSONAL_PARAMETER = re.compile(r"([?&](?:email|q|name|phone|search)=)[^&\s#\"']+", re.IGNORECASE)
EMAIL_ADDRESS = re.compile(r"[\w.%+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
MASK = r"\1…"


def candidate_links_mask(text: str) -> str:
    return EMAIL_ADDRESS.sub("…@…", PERSONAL_PARAMETER.sub(MASK, TAKE_LINK.sub(MASK, text)))


class CandidateLinkFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = candidate_links_mask(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            # Formatters reuse exc_text when it is set: the traceback is written masked.
            record.exc_text = candidate_links_mask(logging.Formatter().formatException(record.exc_info))
        return True
