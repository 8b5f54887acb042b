"""The ops side of the desk: quarterly statistics as charts, the NLU review queue, and the
bot's health. Ops never see a case; contacts who are not ops never see these pages.

The figures are those of `zorgveilig stats` (`storage.statistics.quarter_stats` with the
counted fields and legal clock of `bot.stats`), small counts suppressed the same way.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, select
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot import stats as figures
from bot.web.app import Viewer, desk_of, form_of, redirect, render, require_viewer
from bot.web.charts import bar_chart
from dialogs import texts
from dialogs.catalogue import ACTIONS
from dialogs.i18n import N_, Translator, translator
from nlu.interpreter import INTENTS
from nlu.review import review_yaml
from storage.models import Timer
from storage.nlu_review import ReviewItem, review_items
from storage.repository import Unit
from storage.statistics import PeriodError, QuarterStats, quarter_of, quarter_stats
from storage.webdesk import review_labels, set_review_label

SECTION_TITLE = {
    "by_kind": N_("Reports per kind"),
    "anonymous": N_("Anonymous or named"),
    "actions": N_("Actions taken (Incident? Actie! number)"),
}


async def _ops(request: Request) -> Viewer:
    """The logged-in ops person; anyone else is refused, and that is audited."""
    viewer = await require_viewer(request)
    if not viewer.is_ops:
        await desk_of(request).work(lambda u: u.audit(viewer.contact.id, "web_ops_refused"))
        raise HTTPException(403)
    return viewer


def _labels(section: str, tr: Translator) -> dict[str, str]:
    if section == "by_kind":
        return {k: tr(v) for k, v in texts.KIND_LABEL.items()}
    if section == "actions":
        return {k: f"{k}. {tr(v)}" for k, v in ACTIONS.items()}
    return {}


def _charts(current: QuarterStats, tr: Translator) -> list[dict[str, Any]]:
    data = current.as_dict()
    charts = []
    for key, title in figures.SECTIONS:
        shown = {k: v for k, v in data[key].items() if v is not None}
        hidden = sum(1 for v in data[key].values() if v is None)
        labels = _labels(key, tr)
        bars = [(labels.get(k, k), v) for k, v in shown.items()]
        charts.append(
            {
                "title": tr(SECTION_TITLE.get(key, title)),
                "svg": bar_chart(bars, tr(SECTION_TITLE.get(key, title))) if bars else None,
                "hidden": hidden,
            }
        )
    return charts


async def stats_page(request: Request) -> Response:
    """This quarter's figures (or `?period=2026Q3`) as charts and a table."""
    viewer = await _ops(request)
    desk = desk_of(request)
    period = request.query_params.get("period") or quarter_of(desk.store.clock())

    def run(unit: Unit) -> QuarterStats | None:
        try:
            current = quarter_stats(unit, period, figures.COUNTED, legal=figures.LEGAL)
        except PeriodError:
            return None
        unit.audit(viewer.contact.id, "stats_read", period=current.period, via="web")
        return current

    current = await desk.work(run)
    if current is None:
        raise HTTPException(400)
    tr = translator(viewer.contact.language)
    return render(
        request,
        "stats.html",
        viewer,
        stats=current,
        charts=_charts(current, tr),
        rows=figures.rows(current),
        suppressed=figures.SUPPRESSED,
    )


async def review_page(request: Request) -> Response:
    """Messages the bot was not sure about (redacted), to label."""
    viewer = await _ops(request)
    desk = desk_of(request)

    def run(unit: Unit) -> tuple[list[ReviewItem], dict[int, str]]:
        items = review_items(unit)
        unit.audit(viewer.contact.id, "nlu_review_read", count=len(items), via="web")
        return items, review_labels(unit)

    items, labels = await desk.work(run)
    return render(request, "review.html", viewer, items=items, labels=labels, intents=INTENTS)


async def review_label(request: Request) -> Response:
    """Give a review item the intent it should have had."""
    viewer = await _ops(request)
    form = await form_of(request)
    intent = str(form.get("intent", ""))
    review_id = int(request.path_params["item"])
    if intent not in INTENTS:
        raise HTTPException(400)

    def run(unit: Unit) -> None:
        set_review_label(unit, review_id, intent, viewer.contact.id)
        unit.audit(viewer.contact.id, "nlu_review_labelled")

    await desk_of(request).work(run)
    return redirect("/ops/review")


async def review_download(request: Request) -> Response:
    """The labelled messages as Rasa YAML, to add to nlu/data/ (a download)."""
    viewer = await _ops(request)

    def run(unit: Unit) -> str:
        labels = review_labels(unit)
        items = [
            dataclasses.replace(i, intent=labels[i.id])
            for i in review_items(unit)
            if i.id in labels
        ]
        unit.audit(viewer.contact.id, "nlu_review_exported", count=len(items))
        return review_yaml(items)

    text = await desk_of(request).work(run)
    headers = {"content-disposition": 'attachment; filename="nlu-review.yml"'}
    return Response(text, media_type="application/x-yaml; charset=utf-8", headers=headers)


def _health(unit: Unit) -> dict[str, int]:
    now = unit.clock()
    counts = unit.outbox_counts()
    due = unit.session.exec(
        select(sa.func.count())
        .select_from(Timer)
        .where(
            col(Timer.due_at) <= now,
            col(Timer.fired_at).is_(None),
            col(Timer.cancelled_at).is_(None),
        )
    ).one()
    return {**counts, "timers_due": int(due)}


async def health_page(request: Request) -> Response:
    """Outbox backlog, failed deliveries, timers due."""
    viewer = await _ops(request)
    health = await desk_of(request).work(_health)
    return render(request, "health.html", viewer, health=health)


ROUTES = [
    Route("/ops", stats_page, methods=["GET"]),
    Route("/ops/review", review_page, methods=["GET"]),
    Route("/ops/review.yml", review_download, methods=["GET"]),
    Route("/ops/review/{item:int}", review_label, methods=["POST"]),
    Route("/ops/health", health_page, methods=["GET"]),
]
