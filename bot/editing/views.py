"""What the editing dialogues show: questions with their buttons, the preview, the change log.

The preview is the answer a teacher gets about the samling (the same sentences, source line
and link button), with "Lagre" and "Avbryt" under it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.conversation.callbacks import Action
from bot.conversation.messages import Button, Keyboard, Outgoing, Response
from bot.conversation.replies import Replies, button, entry_label, link_rows
from bot.core.answers import event_summary
from bot.core.date_texts import long_date
from bot.core.knowledge import OSLO, Entry, KnowledgeBase
from bot.core.reply import Intent, reply_about
from bot.editing import texts
from bot.editing.editor import CREATED
from bot.editing.sessions import CHOICE_FIELDS, REQUIRED, Session
from bot.editing.values import FAST_PATH_FIELDS, FIELDS, choices
from bot.storage.records import Change

# Button action codes (bot.conversation.callbacks): all begin with "y".
VALUE = "yv"  # a value for the current step (argument: the value)
SKIP = "yh"  # skip an optional step, or clear the field being edited
DONE = "yd"  # the audience step is complete
ABORT = "ya"  # end the dialogue, nothing saved
SAVE = "yl"  # save what the preview shows
EDIT_PICK = "ye"  # the samling to edit (argument: its id)
FIELD_PICK = "yf"  # the field to edit (argument: its name)
CANCEL_PICK = "yc"  # the samling to cancel (argument: its id)
CANCEL_CONFIRM = "yx"  # yes, cancel it (argument: its id)


def abort_row() -> tuple[Button, ...]:
    return (button(texts.CANCEL, Action(ABORT)),)


def prompt(session: Session, kb: KnowledgeBase, problem: str | None = None) -> Response:
    """The question for the current step, with its choices, "Hopp over" and "Avbryt"."""
    name = session.field_of_step() or ""
    lines = [texts.PROBLEM.format(problem=problem)] if problem else []
    lines.append(texts.PROMPTS[name])
    rows: list[tuple[Button, ...]] = []
    if name in CHOICE_FIELDS:
        chosen = set(session.audience)
        for value, label in choices(name, kb):
            mark = "✅ " if name == "audience" and value in chosen else ""
            rows.append((button(mark + label, Action(VALUE, value)),))
    if name == "audience":
        rows.append((button(texts.DONE, Action(DONE)),))
    optional = session.purpose == "new" and session.step not in REQUIRED
    if optional and name != "audience":
        rows.append((button(texts.SKIP, Action(SKIP)),))
    if session.purpose == "edit" and name not in REQUIRED:
        rows.append((button(texts.REMOVE, Action(SKIP)),))
    rows.append(abort_row())
    return Response((Outgoing("\n".join(lines), buttons=tuple(rows)),))


def preview(kb: KnowledgeBase, entry: Entry, now: datetime, intro: str) -> Response:
    """The answer a teacher would get about `entry`, with "Lagre" and "Avbryt" under it."""
    reply = reply_about(kb, event_summary(kb, entry, now), Intent.EVENT_INFO, [entry])
    answer = Replies(kb, event_services=False).answer(reply, now)
    rows = (*link_rows(entry, now), (button(texts.SAVE, Action(SAVE)), *abort_row()))
    return Response((Outgoing(intro), Outgoing(answer.text, footer=answer.footer, buttons=rows)))


def event_rows(events: Sequence[Entry], code: str) -> Keyboard:
    return tuple((button(entry_label(event), Action(code, event.id)),) for event in events)


def field_rows() -> Keyboard:
    """Two fields a row, by their Norwegian names."""
    buttons = [button(FIELDS[name].label, Action(FIELD_PICK, name)) for name in FAST_PATH_FIELDS]
    rows = [tuple(buttons[n : n + 2]) for n in range(0, len(buttons), 2)]
    return (*rows, abort_row())


def confirm_cancel(event: Entry) -> Outgoing:
    assert event.event is not None
    text = texts.CONFIRM_CANCEL.format(title=event.title, day=long_date(event.event.start))
    rows = ((button(texts.CANCEL_EVENT, Action(CANCEL_CONFIRM, event.id)),), abort_row())
    return Outgoing(text, buttons=rows)


def describe(change: Change) -> str:
    """ "ny samling «…»", "dato: 2027-01-14 → 2027-01-21", "avlyst"."""
    if change.field == CREATED:
        if change.new_value is None:
            return f"fjernet «{change.old_value}» igjen"
        return f"ny samling «{change.new_value}»"
    label = FIELDS[change.field].label if change.field in FIELDS else change.field
    return f"{label}: {change.old_value or 'tomt'} → {change.new_value or 'tomt'}"


def change_log(changes: Sequence[Change], kb: KnowledgeBase) -> Outgoing:
    if not changes:
        return Outgoing(texts.NO_CHANGES, title=texts.CHANGES_TITLE)
    lines = []
    for change in changes:
        entry = kb.get(change.event_id)
        name = entry.title if entry is not None else change.event_id
        undo = " (angret)" if change.undoes is not None else ""
        moment = change.changed_at.astimezone(OSLO).strftime("%d.%m.%Y %H:%M")
        lines.append(f"• {moment}, {change.admin_id}: {name}: {describe(change)}{undo}")
    return Outgoing("\n".join(lines), title=texts.CHANGES_TITLE)
