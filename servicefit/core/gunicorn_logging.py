"""gunicorn's logger with candidate links masked (named by servicefit/gunicorn.conf.py).

Its access log prints request lines and referers, and a candidate page's stylesheet request
carries the candidate's link as its referer; its error log names the URL of a failed request.
"""

from gunicorn.glogging import Logger

from servicefit.core.logging import CandidateLinkFilter


class MaskingLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            if not any(isinstance(existing, CandidateLinkFilter) for existing in log.filters):
                log.addFilter(CandidateLinkFilter())
