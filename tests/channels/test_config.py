"""Settings from the environment and .env, with clear messages for mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, Settings, load_settings, read_env_file
from tests.fake_bot_api import TOKEN


def test_defaults_without_anything(tmp_path: Path) -> None:
    settings = load_settings({}, tmp_path / ".env")
    assert settings == Settings()
    assert settings.knowledge_dir == Path("knowledge")
    assert settings.data_dir == Path("data")
    assert settings.log_level == "INFO"


def test_env_file_is_read_and_the_environment_wins(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# kommentar\n"
        f"TELEGRAM_BOT_TOKEN={TOKEN}\n"
        "export KNOWLEDGE_DIR='/srv/kunnskap'\n"
        'BOT_DATA_DIR="/data"  \n'
        "ADMIN_IDS=1, 2,3  # koordinatorer\n"
        "LOG_LEVEL=debug\n"
        "TELEGRAM_BASE_URL=\n",
        encoding="utf-8",
    )
    settings = load_settings({"BOT_DATA_DIR": "/var/lib/bot", "ADMIN_IDS": ""}, env_file)
    assert settings.token == TOKEN
    assert settings.knowledge_dir == Path("/srv/kunnskap")
    assert settings.data_dir == Path("/var/lib/bot")
    assert settings.admin_ids == frozenset({1, 2, 3})  # empty in the environment = unset
    assert settings.log_level == "DEBUG"
    assert settings.base_url is None


def test_token_is_never_shown(tmp_path: Path) -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}, None)
    assert TOKEN not in repr(settings)
    assert settings.require_token() == TOKEN


@pytest.mark.parametrize(
    "token",
    [
        "",
        "abc",
        "123456",
        "123456:short",
        "hemmelig:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
        f"{TOKEN} ",
        f'"{TOKEN}x"',
        "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11!",
    ],
)
def test_missing_or_malformed_token_is_explained(token: str) -> None:
    settings = Settings(token=token or None)
    with pytest.raises(ConfigError) as caught:
        settings.require_token()
    message = str(caught.value)
    assert "TELEGRAM_BOT_TOKEN" in message
    assert "@BotFather" in message
    if token:
        assert token not in message


def test_base_url_and_file_url() -> None:
    settings = load_settings({"TELEGRAM_BASE_URL": "http://127.0.0.1:8081/bot"}, None)
    assert settings.base_url == "http://127.0.0.1:8081/bot"
    assert settings.base_file_url == "http://127.0.0.1:8081/file/bot"
    other = Settings(base_url="https://api.example.no/telegram/")
    assert other.base_file_url == "https://api.example.no/telegram/file/bot"
    with pytest.raises(ConfigError, match="TELEGRAM_BASE_URL"):
        load_settings({"TELEGRAM_BASE_URL": "127.0.0.1:8081"}, None)


@pytest.mark.parametrize("value", ["abc", "1;2", "1,2x", "1.5"])
def test_bad_admin_ids_are_explained(value: str) -> None:
    with pytest.raises(ConfigError, match="ADMIN_IDS"):
        load_settings({"ADMIN_IDS": value}, None)


def test_bad_log_level_and_bad_env_lines(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="LOG_LEVEL"):
        load_settings({"LOG_LEVEL": "chatty"}, None)
    env_file = tmp_path / ".env"
    env_file.write_text("DETTE ER IKKE EN INNSTILLING\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.env:1"):
        read_env_file(env_file)


def test_broadcast_rate_defaults_to_25_and_is_checked() -> None:
    assert load_settings({}, None).broadcast_rate == 25.0
    assert load_settings({"BROADCAST_RATE": "80"}, None).broadcast_rate == 80.0
    for bad in ("0", "-3", "fort", "5000"):
        with pytest.raises(ConfigError, match="BROADCAST_RATE"):
            load_settings({"BROADCAST_RATE": bad}, None)


def test_event_feeds_and_their_interval() -> None:
    settings = load_settings({}, None)
    assert (settings.event_feeds, settings.event_feed_interval) == ((), 900)
    outlook = "https://outlook.office365.com/owa/calendar/abc/calendar.ics"
    google = "webcal://calendar.google.com/calendar/ical/x/basic.ics"
    settings = load_settings(
        {"EVENT_FEEDS": f" {outlook}  {google} {outlook}", "EVENT_FEED_INTERVAL": "5"}, None
    )
    assert settings.event_feeds == (outlook, google)
    assert settings.event_feed_interval == 5
    with pytest.raises(ConfigError, match="EVENT_FEEDS"):
        load_settings({"EVENT_FEEDS": "outlook.office365.com/kalender.ics"}, None)
    for bad in ("0", "kvarter", "100000"):
        with pytest.raises(ConfigError, match="EVENT_FEED_INTERVAL"):
            load_settings({"EVENT_FEED_INTERVAL": bad}, None)
