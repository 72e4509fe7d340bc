#!/bin/sh
# The container's start: the knowledge base lives on the data volume (KNOWLEDGE_DIR), so edits
# from Telegram survive restarts and image updates. When it has no YAML files yet (the first
# start on a new volume), it is seeded from the copy checked into the image; after that the
# image's copy is never used again, so an image update cannot overwrite the coordinators' work.
set -eu
seed=/app/knowledge
if ! ls "$KNOWLEDGE_DIR"/*.yaml >/dev/null 2>&1; then
    mkdir -p "$KNOWLEDGE_DIR"
    cp "$seed"/*.yaml "$seed"/README.md "$KNOWLEDGE_DIR"/
    echo "Kunnskapsbasen i $KNOWLEDGE_DIR er hentet fra bildet (første start)." >&2
fi
exec python -m bot "$@"
