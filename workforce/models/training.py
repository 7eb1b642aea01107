"""Training a snapshot attrition model from an uploaded HR table, as a background job."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from servicefit.core.jobs import Job
from servicefit.core.models import TimeStampedModel
from workforce.models.risk import AttritionModel


class SnapshotTraining(TimeStampedModel, Job):
    """One upload: the table's text, what to predict, and (when done) the model it produced."""

    file_name = models.CharField(_("file"), max_length=200)
    # The decoded CSV; emptied when the job has run, since the model keeps only what it learnt.
    data = models.TextField(_("data"), blank=True)
    target = models.CharField(_("target column"), max_length=200)
    positive = models.CharField(_("positive value"), max_length=200)
    drop = models.JSONField(_("columns left out"), default=list, blank=True)
    attrition_model = models.ForeignKey(
        AttritionModel, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("model")
    )
    # The command's summary: n, positives, folds, auc_cv, auc_cv_std, model, seconds, drivers.
    result = models.JSONField(_("result"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("model training")
        verbose_name_plural = _("model trainings")

    def __str__(self):
        return self.file_name
