"""The token never reaches a log line, whoever logs it."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot.channels.telegram.logs import RedactingFilter, configure_logging
from tests.fake_bot_api import TOKEN


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    levels = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, old in levels.items():
        logging.getLogger(name).setLevel(old)


def test_token_is_redacted_from_messages_arguments_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter([TOKEN]))
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("POST https://api.telegram.org/bot%s/getMe", TOKEN)
        logger.warning(f"direct {TOKEN}")
        try:
            raise ValueError(f"bad url https://api.telegram.org/bot{TOKEN}/x")
        except ValueError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    output = stream.getvalue()
    assert TOKEN not in output
    assert output.count("<TOKEN>") == 3
    assert "ValueError" in output


def test_token_is_redacted_however_an_error_message_spelled_it() -> None:
    redactor = RedactingFilter([TOKEN])
    lowered = f"httpx.ConnectError: cannot reach https://api.telegram.org/bot{TOKEN}/x".lower()
    assert TOKEN.lower() not in redactor.redact(lowered)
    assert TOKEN.upper() not in redactor.redact(f"FEIL: {TOKEN.upper()}")
    encoded = TOKEN.replace(":", "%3A").lower()
    assert redactor.redact(f"url=bot{encoded}/getMe") == "url=bot<TOKEN>/getMe"


def test_configure_logging_quiets_httpx_and_filters_root_handlers(
    restore_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging("INFO", [TOKEN])
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
    logging.getLogger("httpx").warning("HTTP Request: POST http://x/bot%s/getUpdates", TOKEN)
    logging.getLogger("telegram.ext").info("token %s", TOKEN)
    err = capsys.readouterr().err
    assert TOKEN not in err
    assert err.count("<TOKEN>") == 2
