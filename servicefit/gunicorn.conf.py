"""gunicorn settings for production: `gunicorn -c servicefit/gunicorn.conf.py`.

The worker count comes from WEB_CONCURRENCY (gunicorn reads it itself); the bind address from
GUNICORN_BIND. Candidate links are masked in the access and error logs.
"""

import os

wsgi_app = "servicefit.wsgi"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
accesslog = "-"
logger_class = "servicefit.core.gunicorn_logging.MaskingLogger"
