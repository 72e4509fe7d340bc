"""The /statistikk chart: questions per day as bars, the answer rate as a line, as a PNG.

Drawn with Pillow at a fixed size (800×400 by default), so it looks the same in every chat:
a left axis for the number of questions, a right axis for the answer rate (0–100 %), a date
under every few bars, a title and a legend. Days without questions have no bar and break the
answer-rate line (a rate of nothing is not 0 %).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from bot.core.stats import Day

FONT_FILE = Path(__file__).with_name("fonts") / "DejaVuSans-Latin1.ttf"
WIDTH = 800
HEIGHT = 400

_BACKGROUND = (255, 255, 255)
_TEXT = (40, 40, 40)
_GRID = (225, 225, 225)
_AXIS = (120, 120, 120)
_BAR = (91, 141, 214)  # questions
_LINE = (222, 110, 40)  # answer rate

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def render_chart(
    days: Sequence[Day], *, title: str | None = None, width: int = WIDTH, height: int = HEIGHT
) -> bytes:
    """The chart as PNG bytes."""
    if width < 200 or height < 150:
        raise ValueError("the chart needs at least 200×150 pixels")
    image = Image.new("RGB", (width, height), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    font, small = _font(14), _font(12)
    title = title or _default_title(days)
    left, right, top, bottom = 56, width - 56, 48, height - 58
    draw.text((width / 2, 14), title, fill=_TEXT, font=font, anchor="mt")

    top_count = _nice_ceiling(max((day.questions for day in days), default=0))
    # Grid and both axes' labels: five steps, counts on the left, per cent on the right.
    for step in range(5):
        y = bottom - (bottom - top) * step / 4
        draw.line((left, y, right, y), fill=_GRID, width=1)
        draw.text((left - 6, y), _count_label(top_count * step / 4), _TEXT, small, anchor="rm")
        draw.text((right + 6, y), f"{25 * step} %", _TEXT, small, anchor="lm")
    draw.line((left, top, left, bottom), fill=_AXIS, width=1)
    draw.line((right, top, right, bottom), fill=_AXIS, width=1)
    draw.line((left, bottom, right, bottom), fill=_AXIS, width=1)

    slot = (right - left) / max(len(days), 1)
    bar = max(1.0, slot * 0.7)
    label_every = max(1, math.ceil(len(days) / 10))
    points: list[tuple[float, float] | None] = []
    for number, day in enumerate(days):
        middle = left + slot * (number + 0.5)
        if day.questions:
            height_px = (bottom - top) * day.questions / top_count
            draw.rectangle(
                (middle - bar / 2, bottom - height_px, middle + bar / 2, bottom - 1), fill=_BAR
            )
        rate = day.answer_rate
        points.append(None if rate is None else (middle, bottom - (bottom - top) * rate))
        if number % label_every == 0 or number == len(days) - 1:
            draw.line((middle, bottom, middle, bottom + 4), fill=_AXIS)
            draw.text((middle, bottom + 6), f"{day.day:%d.%m}", _TEXT, small, anchor="mt")
    _draw_line(draw, points)
    _legend(draw, small, width, height)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _draw_line(draw: ImageDraw.ImageDraw, points: Sequence[tuple[float, float] | None]) -> None:
    """Connect neighbouring days that have a rate; mark each with a dot."""
    for before, after in pairwise(points):
        if before is not None and after is not None:
            draw.line((*before, *after), fill=_LINE, width=3)
    for point in points:
        if point is not None:
            x, y = point
            draw.ellipse((x - 3, y - 3, x + 3, y + 3), fill=_LINE)


def _legend(draw: ImageDraw.ImageDraw, font: Font, width: int, height: int) -> None:
    y = height - 16
    x = width / 2 - 150
    draw.rectangle((x, y - 6, x + 14, y + 6), fill=_BAR)
    draw.text((x + 20, y), "Spørsmål per dag (venstre akse)", _TEXT, font, anchor="lm")
    x += 200
    draw.line((x + 30, y, x + 54, y), fill=_LINE, width=3)
    draw.text((x + 60, y), "Andel besvart (høyre akse)", _TEXT, font, anchor="lm")


def _default_title(days: Sequence[Day]) -> str:
    if not days:
        return "Spørsmål og svarandel"
    return (
        f"Spørsmål og svarandel {days[0].day:%d.%m.%Y}–{days[-1].day:%d.%m.%Y}"
        f" ({sum(day.questions for day in days)} spørsmål)"
    )


def _nice_ceiling(value: int) -> int:
    """A round top for the count axis, divisible by 4 so the grid lines get whole numbers."""
    if value <= 4:
        return 4
    magnitude = int(10 ** (len(str(value)) - 1))
    for factor in (1, 2, 4, 5, 8, 10):
        top = factor * magnitude
        if top >= value and top % 4 == 0:
            return top
    return -(-value // 4) * 4


def _count_label(value: float) -> str:
    return str(round(value))


@cache
def _font(size: int) -> Font:
    """The bundled DejaVu Sans subset (see bot/core/fonts/README.md): æ, ø and å everywhere."""
    try:
        return ImageFont.truetype(str(FONT_FILE), size)
    except OSError:  # pragma: no cover - a broken install; Pillow's own font lacks æøå
        return ImageFont.load_default(size=size)
