"""/nysamling, /endresamling, /avlys, /angre and /endringer: coordinators keep the samlinger
current from a phone.

Channel-free, like the rest of the conversation, so the terminal chat behaves the same as
Telegram. Each answer in a dialogue is read (bot.editing.values) and then checked by the
knowledge base's loader with the samling as it would be saved (`Editor.try_new` / `try_edit`),
so the coordinator hears at once what to fix, in the words of `python -m bot check`.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

from bot.conversation.commands import Command, Context, Handler
from bot.conversation.messages import Outgoing, Response, say
from bot.editing import texts, views
from bot.editing.editor import Candidate, EditError, Editor
from bot.editing.fast_path import problem_lines, read_fast_path
from bot.editing.sessions import NEW_STEPS, REQUIRED, Session, Sessions
from bot.editing.values import FIELDS, Value, ValueProblemError, read_value
from bot.runtime.live import LiveKnowledge
from bot.storage import ChangeStore

_ABORT_WORDS = {"avbryt", "/avbryt", "stopp", "avslutt"}
_SKIP_WORDS = {"hopp over", "-", "nei", "ingen"}
CHANGES_SHOWN = 20


class EditingDialogues:
    """The commands and buttons of the editing feature; also the conversation's `Dialogues`."""

    def __init__(self, editor: Editor, live: LiveKnowledge, changes: ChangeStore) -> None:
        self.editor = editor
        self.live = live
        self.changes = changes
        self.sessions = Sessions()

    def commands(self) -> list[Command]:
        return [
            Command("nysamling", texts.NEW_DESCRIPTION, self.new, admin_only=True),
            Command("endresamling", texts.EDIT_DESCRIPTION, self.edit, admin_only=True),
            Command("avlys", texts.CANCEL_DESCRIPTION, self.cancel, admin_only=True),
            Command("angre", texts.UNDO_DESCRIPTION, self.undo, admin_only=True),
            Command("endringer", texts.CHANGES_DESCRIPTION, self.history, admin_only=True),
        ]

    def actions(self) -> list[tuple[str, Handler]]:
        return [
            (views.VALUE, self.pressed_value),
            (views.SKIP, self.pressed_skip),
            (views.DONE, self.pressed_done),
            (views.ABORT, self.pressed_abort),
            (views.SAVE, self.pressed_save),
            (views.EDIT_PICK, self.picked_for_edit),
            (views.FIELD_PICK, self.picked_field),
            (views.CANCEL_PICK, self.picked_for_cancel),
            (views.CANCEL_CONFIRM, self.confirmed_cancel),
        ]

    # -- commands -------------------------------------------------------------------------------

    async def new(self, context: Context) -> Response:
        if not context.chat.is_private:
            return say(Outgoing(texts.PRIVATE_ONLY))
        session = self.sessions.start(context, "new")
        if context.argument.strip():
            return await self._fast_path(context, session)
        session.step = NEW_STEPS[0]
        asked = views.prompt(session, self.live.kb)
        return Response((Outgoing(texts.STEPS_INTRO), *asked.messages))

    async def edit(self, context: Context) -> Response:
        if not context.chat.is_private:
            return say(Outgoing(texts.PRIVATE_ONLY))
        coming = [e for e in self.live.kb.events if e.event and not e.event.is_over(context.now)]
        if not coming:
            return say(Outgoing(texts.NO_COMING))
        self.sessions.start(context, "edit")
        rows = (*views.event_rows(coming, views.EDIT_PICK), views.abort_row())
        return say(Outgoing(texts.PICK_EDIT, buttons=rows))

    async def cancel(self, context: Context) -> Response:
        if not context.chat.is_private:
            return say(Outgoing(texts.PRIVATE_ONLY))
        coming = [e for e in self.live.kb.events if e.event and e.event.is_upcoming(context.now)]
        if not coming:
            return say(Outgoing(texts.NO_COMING))
        self.sessions.start(context, "cancel")
        rows = (*views.event_rows(coming, views.CANCEL_PICK), views.abort_row())
        return say(Outgoing(texts.PICK_CANCEL, buttons=rows))

    async def undo(self, context: Context) -> Response:
        user = context.chat.user_id
        assert user is not None  # admin_only: there is a user
        try:
            saved = await self.editor.undo(user, self.live.kb, context.now)
        except EditError as error:
            return say(Outgoing(str(error)))
        return say(Outgoing(texts.UNDONE.format(what=views.describe(saved.change))))

    async def history(self, context: Context) -> Response:
        return say(views.change_log(self.changes.latest(CHANGES_SHOWN), self.live.kb))

    # -- text in an open dialogue ---------------------------------------------------------------

    async def continue_dialogue(self, context: Context, text: str) -> Response | None:
        session = self.sessions.get(context)
        if session is None or not context.is_admin:
            return None
        if text.strip().casefold() in _ABORT_WORDS:
            self.sessions.end(context)
            return say(Outgoing(texts.CANCELLED_DIALOGUE))
        name = session.field_of_step()
        if name is None:
            return None  # picking with buttons, or at the preview: a text is a question
        if name == "audience" and text.strip().casefold() == "ferdig":
            return await self.pressed_done(context)
        if text.strip().casefold() in _SKIP_WORDS and session.step not in REQUIRED:
            return await self._skip(context, session)
        try:
            value = read_value(name, text, context.now.date(), self.live.kb)
        except ValueProblemError as problem:
            return views.prompt(session, self.live.kb, str(problem))
        return await self._answer(context, session, name, value)

    # -- buttons --------------------------------------------------------------------------------

    async def pressed_value(self, context: Context) -> Response:
        session = self.sessions.get(context)
        name = session.field_of_step() if session is not None else None
        if session is None or name is None:
            return Response(notice=texts.EXPIRED)
        if name == "audience":
            chosen = session.audience
            if context.argument in chosen:
                chosen.remove(context.argument)
            else:
                chosen.append(context.argument)
            asked = views.prompt(session, self.live.kb).messages[0]
            return say(replace(asked, replace=True))  # the same question, ticks updated
        return await self._answer(context, session, name, context.argument)

    async def pressed_done(self, context: Context) -> Response:
        session = self.sessions.get(context)
        if session is None or session.field_of_step() != "audience":
            return Response(notice=texts.EXPIRED)
        if not session.audience:
            return await self._skip(context, session)
        return await self._answer(context, session, "audience", list(session.audience))

    async def pressed_skip(self, context: Context) -> Response:
        session = self.sessions.get(context)
        if session is None or session.field_of_step() is None:
            return Response(notice=texts.EXPIRED)
        return await self._skip(context, session)

    async def pressed_abort(self, context: Context) -> Response:
        self.sessions.end(context)
        return Response((Outgoing(texts.CANCELLED_DIALOGUE),), keyboard=())

    async def pressed_save(self, context: Context) -> Response:
        session = self.sessions.get(context)
        user = context.chat.user_id
        if session is None or session.step is not None or user is None or not context.is_admin:
            return Response(notice=texts.EXPIRED)
        try:
            if session.purpose == "new":
                saved = await self.editor.create(user, session.fields, self.live.kb, context.now)
                reply = texts.SAVED.format(title=saved.title)
            else:
                assert session.entry_id is not None
                ((name, value),) = session.fields.items()
                await self.editor.edit(user, session.entry_id, name, value, context.now)
                entry = self.live.kb.get(session.entry_id)
                title = entry.title if entry is not None else session.entry_id
                reply = texts.SAVED_EDIT.format(label=FIELDS[name].label, title=title)
        except EditError as error:
            return Response((Outgoing(str(error)),))
        self.sessions.end(context)
        return Response((Outgoing(reply),), keyboard=())

    async def picked_for_edit(self, context: Context) -> Response:
        session = self._session_for(context, "edit")
        event = self.live.kb.get(context.argument)
        if session is None or event is None:
            return Response(notice=texts.EXPIRED)
        session.entry_id = event.id
        return say(Outgoing(texts.PICK_FIELD.format(title=event.title), buttons=views.field_rows()))

    async def picked_field(self, context: Context) -> Response:
        session = self._session_for(context, "edit")
        if session is None or session.entry_id is None or context.argument not in FIELDS:
            return Response(notice=texts.EXPIRED)
        session.step, session.fields, session.audience = context.argument, {}, []
        event = self.live.kb.get(session.entry_id)
        if context.argument == "audience" and event is not None and event.event is not None:
            session.audience = list(event.event.audience)  # ticked as they are now
        return views.prompt(session, self.live.kb)

    async def picked_for_cancel(self, context: Context) -> Response:
        session = self._session_for(context, "cancel")
        event = self.live.kb.get(context.argument)
        if session is None or event is None:
            return Response(notice=texts.EXPIRED)
        return say(views.confirm_cancel(event))

    async def confirmed_cancel(self, context: Context) -> Response:
        session = self._session_for(context, "cancel")
        user = context.chat.user_id
        if session is None or user is None or not context.is_admin:
            return Response(notice=texts.EXPIRED)
        event = self.live.kb.get(context.argument)
        if event is not None and event.event is not None and event.event.cancelled:
            self.sessions.end(context)
            return Response((Outgoing(texts.ALREADY_CANCELLED.format(title=event.title)),))
        try:
            await self.editor.cancel(user, context.argument, context.now)
        except EditError as error:
            return Response((Outgoing(str(error)),))
        self.sessions.end(context)
        title = event.title if event is not None else context.argument
        return Response((Outgoing(texts.CANCELLED.format(title=title)),), keyboard=())

    # -- steps ----------------------------------------------------------------------------------

    def _session_for(self, context: Context, purpose: str) -> Session | None:
        session = self.sessions.get(context)
        if session is None or session.purpose != purpose or not context.is_admin:
            return None
        return session

    async def _answer(
        self, context: Context, session: Session, name: str, value: Value
    ) -> Response:
        """Check the answer with the loader; on to the next step, or say what to fix."""
        trial = {**session.fields, name: value}
        candidate = await self._try(context, session, trial)
        own = [p for p in candidate.problems if (p.field or "").split(".")[0] == name]
        if own:
            return views.prompt(session, self.live.kb, own[0].message)
        session.fields = trial
        return await self._advance(context, session, candidate)

    async def _skip(self, context: Context, session: Session) -> Response:
        if session.purpose == "edit":  # "Fjern verdien": the field is cleared
            name = session.field_of_step()
            assert name is not None
            session.fields = {name: None}  # type: ignore[dict-item]
            return await self._advance(
                context, session, await self._try(context, session, session.fields)
            )
        session.fields.pop(session.field_of_step() or "", None)
        return await self._advance(context, session, None)

    async def _advance(
        self, context: Context, session: Session, candidate: Candidate | None
    ) -> Response:
        session.step = session.next_step()
        session.audience = []
        if session.step is not None:
            return views.prompt(session, self.live.kb)
        candidate = candidate or await self._try(context, session, session.fields)
        entry = candidate.entry
        if entry is None or candidate.kb is None:
            problems = "; ".join(p.message for p in candidate.problems[:3])
            return say(Outgoing(texts.PROBLEM.format(problem=problems)))
        intro = texts.PREVIEW if session.purpose == "new" else texts.PREVIEW_EDIT
        return views.preview(candidate.kb, entry, context.now, intro)

    async def _try(self, context: Context, session: Session, fields: dict[str, Value]) -> Candidate:
        today = context.now.date()
        if session.purpose == "new":  # the loader takes a moment: off the event loop
            return await asyncio.to_thread(self.editor.try_new, fields, self.live.kb, today)
        entry_id = session.entry_id
        assert entry_id is not None
        ((name, value),) = fields.items()
        return await asyncio.to_thread(self.editor.try_edit, entry_id, name, value, today)

    async def _fast_path(self, context: Context, session: Session) -> Response:
        fast = read_fast_path(context.argument, context.now.date(), self.live.kb)
        candidate = None
        if not fast.errors:
            candidate = await self._try(context, session, fast.fields)
            fast.errors += problem_lines(fast, candidate.problems, candidate.entry_id)
        if fast.errors or candidate is None or candidate.entry is None or candidate.kb is None:
            self.sessions.end(context)
            return say(Outgoing("\n".join([texts.FAST_PATH_HEADER, *fast.errors])))
        session.fields = fast.fields
        return views.preview(candidate.kb, candidate.entry, context.now, texts.PREVIEW)
