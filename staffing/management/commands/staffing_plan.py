import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from servicefit.core.exceptions import ApplicationError
from staffing.plan_selectors import MAX_MONTHS, StaffingPlan, WhatIf, staffing_plan

BAD_INPUT = 2
NO_TRAFFIC = 3


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


def _as_json(plan: StaffingPlan) -> dict:
    return {
        "months": [month.__dict__ for month in plan.months],
        "classes": [c.__dict__ for c in plan.classes],
        "inputs": {
            **plan.inputs.__dict__,
            "forecast_errors": {
                channel: None if error is None else error.__dict__
                for channel, error in plan.inputs.forecast_errors.items()
            },
        },
        "what_if": plan.what_if.as_dict(),
    }


class Command(BaseCommand):
    help = (
        "Print the staffing plan: required and available FTE by month, the hiring classes and the inputs "
        "used, for the months after the current one. What-if options change this run only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=12, help=f"1–{MAX_MONTHS} (default 12).")
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument("--attrition-points", type=float, default=0.0, help="Annual attrition ± points.")
        parser.add_argument("--aht-percent", type=float, default=0.0)
        parser.add_argument("--traffic-percent", type=float, default=0.0)
        parser.add_argument("--service-level", type=float, help="Target as a share, e.g. 0.8.")
        parser.add_argument("--shrinkage", type=float, help="As a share, e.g. 0.3.")

    def handle(self, *args, **options):
        what_if = WhatIf(
            attrition_points=options["attrition_points"],
            aht_percent=options["aht_percent"],
            traffic_percent=options["traffic_percent"],
            service_level=options["service_level"],
            shrinkage=options["shrinkage"],
        )
        problems = [
            name
            for name, value, low, high in (
                ("--attrition-points", what_if.attrition_points, -50, 50),
                ("--aht-percent", what_if.aht_percent, -50, 100),
                ("--traffic-percent", what_if.traffic_percent, -50, 200),
                ("--service-level", what_if.service_level, 0.01, 0.99),
                ("--shrinkage", what_if.shrinkage, 0, 0.8),
            )
            if value is not None and not low <= value <= high
        ]
        if problems:
            raise CommandError(f"Out of range: {', '.join(problems)}.", returncode=BAD_INPUT)
        try:
            plan = staffing_plan(months=options["months"], what_if=what_if)
        except ApplicationError as error:
            raise CommandError(error.message, returncode=BAD_INPUT) from error
        if plan is None:
            raise CommandError("No traffic has been imported yet: import a traffic file first.", returncode=NO_TRAFFIC)
        if options["format"] == "json":
            self.stdout.write(json.dumps(_as_json(plan), cls=DjangoJSONEncoder, indent=2))
            return
        self._table(plan)

    def _table(self, plan: StaffingPlan) -> None:
        write = self.stdout.write
        # Two groups of columns under their titles, and a bar between them: read flat, "hires with plan
        # gap" was one phrase, and it was not clear which "gap" was which.
        write(f"{'':18}{' if nobody is hired ':-^35}   {' with the hiring plan ':-^27}")
        write(
            f"{'month':<7} {'required':>9} {'available':>10} {'shortfall':>10} {'service level':>13} | "
            f"{'hires':>5} {'available':>10} {'shortfall':>10}"
        )
        for row in plan.months:
            write(
                f"{row.month:%Y-%m} {row.required_fte:9.1f} {row.available_without_hiring:10.1f} "
                f"{row.gap_without_hiring:10.1f} {_percent(row.service_level_without_hiring):>13} | "
                f"{row.hires_starting:5d} {row.available_with_plan:10.1f} {row.gap_with_plan:10.1f}"
            )
        write("")
        if plan.classes:
            write(
                f"{'class starts':<12}  {'hires':>5}  {'open the requisition by':<23}  {'productive from':<15}  "
                "for month"
            )
            for c in plan.classes:
                late = "  LATE: the requisition should already be open" if c.late else ""
                write(
                    f"{c.start.isoformat():<12}  {c.hires:5d}  {c.open_requisition_by.isoformat():<23}  "
                    f"{format(c.productive_month, '%Y-%m'):<15}  {c.for_month:%Y-%m}{late}"
                )
        else:
            write("No hires needed.")
        i = plan.inputs
        write("")
        write(
            f"Agents today {i.agents_today}; attrition {_percent(i.annual_attrition)} a year "
            f"({_percent(i.monthly_attrition)} a month, {i.attrition_source}; new hires "
            f"{_percent(i.new_hire_monthly_attrition)} a month); time to hire "
            f"{i.time_to_hire_days:.0f} days ({i.time_to_hire_source}); {i.pipeline_hires} hires in the pipeline; "
            f"{i.steady_state_hires:.2f} hires a month hold today's head count."
        )
        write(
            f"Service level {_percent(i.service_level)} in {i.target_answer_seconds} s, occupancy cap "
            f"{_percent(i.max_occupancy)}, shrinkage {_percent(i.shrinkage)}, {i.weekly_hours:g} h a week."
        )
        for channel, error in i.forecast_errors.items():
            if error is not None:
                write(
                    f"Forecast error {channel} (last {error.weeks} weeks held out): WAPE {_percent(error.wape)}, "
                    f"daily WAPE {_percent(error.daily_wape)}, MAPE {_percent(error.mape)}."
                )
