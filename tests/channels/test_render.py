"""Telegram HTML: everything escaped, long texts split where a reader would split them."""

from __future__ import annotations

import html
import re

from bot.channels.telegram.render import render_html, telegram_length
from bot.conversation import Outgoing


def visible(parts: list[str]) -> str:
    return html.unescape(re.sub(r"</?[bi]>", "", "\n\n".join(parts)))


def test_title_bold_footer_italic_and_everything_escaped() -> None:
    message = Outgoing("1 < 2 & «3 > 2»", title="<script>", footer="Kilde: A&B")
    assert render_html(message) == [
        "<b>&lt;script&gt;</b>\n\n1 &lt; 2 &amp; «3 &gt; 2»\n\n<i>Kilde: A&amp;B</i>"
    ]


def test_short_messages_are_untouched_apart_from_escaping() -> None:
    text = "Neste samling:\n• fredag 18. september\n\nKilde nederst"
    assert render_html(Outgoing(text)) == [text]


def test_split_prefers_paragraphs_then_lines() -> None:
    paragraphs = ["Første avsnitt " + "x" * 50, "Andre avsnitt " + "y" * 50]
    parts = render_html(Outgoing("\n\n".join(paragraphs)), limit=80)
    assert parts == paragraphs
    lines = "\n".join(f"• linje {n} med litt tekst" for n in range(10))
    parts = render_html(Outgoing(lines), limit=100)
    assert all(telegram_length(part) <= 100 for part in parts)
    assert all(part.startswith("• linje") for part in parts)
    assert "\n".join(parts) == lines


def test_long_words_and_entities_are_never_cut() -> None:
    text = "&" * 50 + " " + "ø" * 300
    parts = render_html(Outgoing(text, title="T"), limit=64)
    assert all(telegram_length(part) <= 64 for part in parts)
    for part in parts:
        assert not re.search(r"&(?!amp;|lt;|gt;)", part), part
        html.unescape(part)
    assert visible(parts).replace("\n", "").replace(" ", "") == "T" + text.replace(" ", "")


def test_emoji_count_double_like_telegram_counts() -> None:
    parts = render_html(Outgoing("🎉" * 30), limit=40)
    assert all(telegram_length(part) <= 40 for part in parts)
    assert "".join(parts) == "🎉" * 30


def test_a_huge_answer_fits_in_telegram_messages() -> None:
    line = " ".join(["lærer <3 & barn"] * 100)
    text = "\n\n".join(f"Avsnitt {n}\n{line}" for n in range(40))
    parts = render_html(Outgoing(text))
    assert len(parts) > 1
    assert all(0 < telegram_length(part) <= 4096 for part in parts)
    assert visible(parts) == text


def test_empty_message_renders_nothing() -> None:
    assert render_html(Outgoing("")) == []
    assert render_html(Outgoing("\n\n\n")) == []
