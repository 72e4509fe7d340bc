"""One Norwegian sentence for the person starting the bot, per storage fault at start-up."""

from __future__ import annotations

import os
from pathlib import Path

from bot.storage.errors import (
    DatabaseDamagedError,
    DatabaseReadOnlyError,
    DataDirInUseError,
    DataDirNotWritableError,
    SchemaError,
)

DOCKER_UID = 10001  # the user the Docker image runs as (see the Dockerfile)


def explain(error: Exception, data_dir: Path) -> str:
    """What went wrong and what to do, without a traceback; the English gist in brackets."""
    uid = os.getuid()
    docker = f"Docker-bildet kjører som uid {DOCKER_UID}, så på verten: `chown -R {DOCKER_UID}"
    if isinstance(error, DataDirInUseError):
        holder = f" (prosess {error.holder})" if error.holder else ""
        return (
            f"En annen Kompetansebot{holder} kjører allerede med BOT_DATA_DIR={data_dir}; stopp "
            "den først, eller gi denne boten en egen BOT_DATA_DIR. "
            f"(Another bot process holds {error.lock_path}.)"
        )
    if isinstance(error, DataDirNotWritableError) or (
        isinstance(error, PermissionError) and not isinstance(error, DatabaseReadOnlyError)
    ):
        return (
            f"Boten (uid {uid}) får ikke skrive i BOT_DATA_DIR={data_dir}; gi den brukeren "
            f"skrivetilgang til mappa ({docker} <mappa>`). (The data folder is not writable: "
            f"{error}.)"
        )
    if isinstance(error, DatabaseReadOnlyError):
        return (
            f"Databasen i {data_dir} er skrivebeskyttet for boten (uid {uid}); gi den "
            f"skrivetilgang til databasefila og mappa ({docker} <mappa>`), og start boten igjen. "
            f"(The database is read-only: {error}.)"
        )
    if isinstance(error, DatabaseDamagedError):
        return (
            f"Databasen i {data_dir} er skadet; stopp boten, ta vare på fila, og legg tilbake en "
            "sikkerhetskopi eller flytt fila bort (da lages en ny, tom database uten "
            "abonnementer). "
            f"(The database is damaged: {error}.)"
        )
    if isinstance(error, SchemaError):
        return (
            f"Databasen i {data_dir} er laget av en nyere versjon av boten; oppdater boten eller "
            f"bruk en annen BOT_DATA_DIR. ({error}.)"
        )
    return (
        f"Kunne ikke åpne databasen i {data_dir}: {error}. Sjekk BOT_DATA_DIR. "
        "(Could not open the database.)"
    )
