"""Quarterly statistics: counts per category, small counts suppressed, time to claim,
charts; and the CSV export for incident registration systems."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.runtime import Runtime
from bot.stats import COUNTED
from storage.statistics import PeriodError, quarter_bounds, quarter_stats
from tests.conftest import run_cli
from tests.stepchat import Driver
from tests.test_case_handling import Clock, report

AGGRESSION = [
    "aggression",
    "Een bezoeker duwde mij.",
    "ja",  # understood: physical aggression, by a visitor
    "today",
    "ward",
    "done",
    "3",
    "named",
    "Sam",
    "kliniek-noord",
    "none",
    "allow",
    "confirm",
]


@pytest.fixture
def clock() -> Clock:
    return Clock()  # 2026-11-23: quarter 2026Q4


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_quarter_figures_with_suppression_and_time_to_claim(
    make_runtime: Callable[..., Runtime], clock: Clock, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    runtime = make_runtime(clock=clock)
    driver = Driver(runtime)
    codes = [report(driver, user=f"melder-{n}") for n in range(6)]
    driver.session(AGGRESSION, user="melder-agg")
    for hours, code in zip((2, 4, 6, 8, 30), codes, strict=False):
        clock.advance(hours=hours)
        driver.session(["cases", code, "claim"], user="af-anna")
        clock.now = clock.now.replace(hour=10)
    driver.session(["cases", codes[0], "action", "warn", "17"], user="af-anna")

    with runtime.store.unit() as unit:
        stats = quarter_stats(unit, "2026q4", COUNTED)
    assert stats.total == 7
    assert stats.by_kind == {"aggression": None, "online_threat": 6}, "1 aggression: suppressed"
    assert stats.breakdowns["by_platform"] == {"instagram": 6}
    assert stats.anonymous == {"anonymous": 6, "named": None}
    assert stats.actions == {"17": None}
    assert stats.hours_to_claim_median is not None
    assert stats.hours_to_claim_p90 is not None
    assert stats.hours_to_claim_p90 >= stats.hours_to_claim_median
    with runtime.store.unit() as unit:
        assert quarter_stats(unit, "2026Q3", COUNTED).total == 0

    env = {**cli_env, "ZV_DATA_DIR": str(runtime.settings.data_dir)}
    charts = tmp_path / "charts"
    table = run_cli(["stats", "--period", "2026Q4", "--chart", str(charts)], env)
    assert table.returncode == 0, table.stderr
    assert "online_threat" in table.stdout
    assert "<5" in table.stdout
    assert "Sam" not in table.stdout, "no names in statistics"
    assert "duwde" not in table.stdout, "no content in statistics"
    pngs = sorted(p.name for p in charts.glob("*.png"))
    assert "trend_per_kind.png" in pngs
    assert "2026Q4_by_kind.png" in pngs
    assert all((charts / p).read_bytes().startswith(b"\x89PNG") for p in pngs)
    as_json = json.loads(run_cli(["stats", "--period", "2026Q4", "--format", "json"], env).stdout)
    assert as_json["by_kind"]["aggression"] is None
    as_csv = list(
        csv.reader(
            io.StringIO(run_cli(["stats", "--period", "2026Q4", "--format", "csv"], env).stdout)
        )
    )
    assert as_csv[0] == ["period", "section", "category", "value"]
    assert ["2026Q4", "by_kind", "aggression", "<5"] in as_csv
    bad = run_cli(["stats", "--period", "2026-4"], env)
    assert bad.returncode == 2
    assert "2026Q3" in bad.stderr

    export = run_cli(["cases", "export", "--format", "csv"], env)
    assert export.returncode == 0, export.stderr
    table_rows = list(csv.DictReader(io.StringIO(export.stdout)))
    assert len(table_rows) == 7
    named = next(r for r in table_rows if r["kind"] == "aggression")
    assert named["reporter_name"] == "Sam"
    assert named["aro_category"] == "fysiek"
    assert "af-anna:aandachtsfunctionaris" in named["routed_to"]


def test_quarter_bounds() -> None:
    start, end = quarter_bounds("2026Q4")
    assert (start.year, start.month, end.year, end.month) == (2026, 10, 2027, 1)
    with pytest.raises(PeriodError):
        quarter_bounds("2026Q5")
