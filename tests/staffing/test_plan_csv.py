"""The hiring plan's CSV says what the page says: one row for each class to recruit for."""

import csv
import io
from datetime import date
from types import SimpleNamespace

from staffing import plan_csv
from staffing.analysis.plan import Class


def test_it_writes_classes_that_start_on_the_same_day_as_the_one_class_the_page_shows():
    # A late class for January and one for February both start on 1 January: the page shows one class of
    # 6 "for January to February" with one draft requisition; the CSV showed two classes.
    late = {"start": date(2027, 1, 1), "open_requisition_by": date(2026, 12, 10), "late": True}
    plan = SimpleNamespace(
        classes=[
            Class(hires=5, productive_month=date(2027, 4, 1), for_month=date(2027, 1, 1), **late),
            Class(hires=1, productive_month=date(2027, 4, 1), for_month=date(2027, 2, 1), **late),
            Class(date(2027, 8, 1), 8, date(2027, 7, 10), date(2027, 11, 1), date(2027, 11, 1)),
        ]
    )

    columns, rows = plan_csv.rows("classes", plan)
    out = io.StringIO()
    csv.DictWriter(out, columns).writeheader()
    csv.DictWriter(out, columns).writerows(rows)

    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["class_start", "hires", "open_requisition_by", "productive_from", "for_month", "for_month_last", "late"],
        ["2027-01-01", "6", "2026-12-10", "2027-04", "2027-01", "2027-02", "yes"],
        ["2027-08-01", "8", "2027-07-10", "2027-11", "2027-11", "2027-11", "no"],
    ]
