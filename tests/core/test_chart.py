"""The /statistikk chart: a real PNG of the right size, drawn from known data."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import date, timedelta

import pytest
from PIL import Image

from bot.core.chart import HEIGHT, WIDTH, render_chart
from bot.core.stats import Day

FIRST = date(2026, 10, 24)
BAR = (91, 141, 214)
LINE = (222, 110, 40)


def known_days() -> list[Day]:
    """30 days: 10 questions on day 0 (all answered), 20 on day 29 (half), none between."""
    days = [Day(FIRST + timedelta(days=n), 0, 0) for n in range(30)]
    days[0] = Day(FIRST, 10, 10)
    days[29] = Day(FIRST + timedelta(days=29), 20, 10)
    return days


def ihdr(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which must come first and be intact."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", png[8:16])
    assert (length, kind) == (13, b"IHDR")
    data = png[16:29]
    (crc,) = struct.unpack(">I", png[29:33])
    assert crc == zlib.crc32(kind + data)
    width, height = struct.unpack(">II", data[:8])
    return width, height


def plot_area(image: Image.Image) -> range:
    """The rows of the plot: above the date labels and the legend."""
    return range(image.height - 60)


def columns_with(image: Image.Image, colour: tuple[int, int, int]) -> set[int]:
    pixels = image.load()
    assert pixels is not None
    return {x for x in range(image.width) for y in plot_area(image) if pixels[x, y] == colour}


def test_the_chart_is_a_png_of_the_fixed_size() -> None:
    png = render_chart(known_days())
    assert ihdr(png) == (WIDTH, HEIGHT) == (800, 400)
    assert png.endswith(b"IEND\xaeB`\x82")


def test_bars_are_drawn_only_for_days_with_questions_and_scale_with_them() -> None:
    image = Image.open(io.BytesIO(render_chart(known_days()))).convert("RGB")
    bars = columns_with(image, BAR)
    assert bars, "the bars are drawn"
    left, right = min(bars), max(bars)
    assert left < WIDTH * 0.15 and right > WIDTH * 0.8  # the first and the last day
    assert not [x for x in bars if WIDTH * 0.25 < x < WIDTH * 0.75]  # no bars between
    pixels = image.load()
    assert pixels is not None

    def bar_height(x: int) -> int:
        return sum(1 for y in plot_area(image) if pixels[x, y] == BAR)

    first_bar = next(x for x in sorted(bars) if bar_height(x) > 20)
    last_bar = next(x for x in sorted(bars, reverse=True) if bar_height(x) > 20)
    assert bar_height(last_bar) == pytest.approx(2 * bar_height(first_bar), rel=0.05)


def test_the_answer_rate_line_is_drawn_and_the_image_is_not_blank() -> None:
    image = Image.open(io.BytesIO(render_chart(known_days()))).convert("RGB")
    assert columns_with(image, LINE), "the answer-rate dots are drawn"
    colours = image.getcolors(maxcolors=100_000)
    assert colours is not None and len(colours) > 10  # text, grid, bars, line: not blank
    white = sum(n for n, colour in colours if colour == (255, 255, 255))
    assert white < WIDTH * HEIGHT * 0.95


def test_an_empty_period_still_draws_axes() -> None:
    days = [Day(FIRST + timedelta(days=n), 0, 0) for n in range(7)]
    image = Image.open(io.BytesIO(render_chart(days, width=400, height=200)))
    assert image.size == (400, 200)
    assert not columns_with(image.convert("RGB"), BAR)
    with pytest.raises(ValueError):
        render_chart(days, width=100, height=50)
