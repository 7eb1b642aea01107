import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "servicefit.settings")

app = Celery("servicefit")
# All Celery settings live in Django settings with the CELERY_ prefix (broker, eager mode, beat).
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
