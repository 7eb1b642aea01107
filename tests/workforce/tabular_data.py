"""Small synthetic HR tables with a known signal (or none), for the snapshot classifier's tests."""

import csv
import io

import numpy as np

COLUMNS = ["EmployeeId", "Tenure", "Satisfaction", "OverTime", "Department", "Country", "Noise"]


def hr_rows(n: int = 300, *, signal: bool = True, seed: int = 1) -> list[dict]:
    rng = np.random.default_rng(seed)
    satisfaction = rng.integers(1, 5, n)
    overtime = rng.random(n) < 0.3
    tenure = rng.exponential(4.0, n).round(1)
    department = rng.choice(["Sales", "Support", "Billing"], n)
    noise = rng.normal(size=n).round(3)
    if signal:
        logit = -1.0 + 1.6 * overtime - 0.9 * (satisfaction - 2.5) - 0.25 * tenure + 0.6 * (department == "Sales")
    else:
        logit = np.full(n, -0.8)
    left = rng.random(n) < 1 / (1 + np.exp(-logit))
    return [
        {
            "EmployeeId": str(1000 + i),
            "Tenure": str(tenure[i]),
            "Satisfaction": str(satisfaction[i]),
            "OverTime": "Yes" if overtime[i] else "No",
            "Department": str(department[i]),
            "Country": "DK",
            "Noise": str(noise[i]),
            "Left": "Yes" if left[i] else "No",
        }
        for i in range(n)
    ]


def hr_csv(rows: list[dict], *, delimiter: str = ",", decimal_comma: bool = False) -> str:
    if decimal_comma:
        rows = [{key: value.replace(".", ",") for key, value in row.items()} for row in rows]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
