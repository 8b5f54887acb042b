"""Server-side SVG bar charts for the statistics page: no script, no external files."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

BAR_HEIGHT = 26
LABEL_WIDTH = 300
PLOT_WIDTH = 360
GAP = 8


def bar_chart(bars: Sequence[tuple[str, int]], title: str) -> Markup:
    """Horizontal bars with their labels and values; the chart's text is its title and
    every bar's label and value, so a screen reader reads the same figures."""
    top = max((v for _, v in bars), default=0) or 1
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + PLOT_WIDTH + 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for n, (label, value) in enumerate(bars):
        y = GAP + n * (BAR_HEIGHT + GAP)
        length = max(2, round(PLOT_WIDTH * value / top))
        middle = y + BAR_HEIGHT / 2 + 5
        parts += [
            f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" '
            f'font-size="14" fill="#1a1a1a">{escape(label[:48])}</text>',
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" '
            f'fill="#1d5f8a"><title>{escape(label)}: {value}</title></rect>',
            f'<text x="{LABEL_WIDTH + length + 6}" y="{middle}" font-size="14" '
            f'fill="#1a1a1a">{value}</text>',
        ]
    parts.append("</svg>")
    # Every piece of text in it went through escape() above.
    return Markup("".join(parts))  # noqa: S704
