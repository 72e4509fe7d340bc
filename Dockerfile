# Kompetansebot: the Telegram bot with long polling. Needs no open port.
#
#   docker build -t kompetansebot .
#   docker run -d --name kompetansebot --restart unless-stopped \
#       -e TELEGRAM_BOT_TOKEN=123456:ABC... -v kompetansebot-data:/data kompetansebot
#
# The knowledge base is checked into the image (and checked while building) and copied to the
# data volume, /data/knowledge, at the first start (deploy/start.sh); from then on the copy on
# the volume is the one in use, so changes from Telegram survive restarts and image updates.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    KNOWLEDGE_DIR=/data/knowledge \
    BOT_DATA_DIR=/data \
    LOG_LEVEL=INFO

WORKDIR /app

# Dependencies first, so editing the knowledge base does not reinstall them; at the versions
# pinned in constraints.txt (scripts/lock), the same ones the tests and CI run with.
COPY pyproject.toml README.md constraints.txt ./
COPY bot ./bot
RUN pip install -c constraints.txt .

COPY knowledge ./knowledge
RUN python -m bot check --kb knowledge
COPY deploy/start.sh ./deploy/start.sh

RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin bot \
    && mkdir -p /data \
    && chown bot:bot /data
USER bot
VOLUME ["/data"]

# SIGTERM (docker stop) makes the bot finish the updates it is handling and exit 0.
STOPSIGNAL SIGTERM
CMD ["sh", "/app/deploy/start.sh", "run"]
