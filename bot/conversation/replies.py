"""Engine replies and lists of entries turned into messages with buttons.

Buttons are what make the bot quick to use on a phone: "Mente du …?" choices when the engine
is unsure, follow-ups to related entries under an answer, one button per samling in a list, and
"🔔 Påminn meg" / "📅 Legg i kalender" under a coming samling when a service offers them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from bot.conversation import texts
from bot.conversation.callbacks import Action, encode, fits
from bot.conversation.messages import Button, Keyboard, Outgoing
from bot.core.knowledge import Entry, KnowledgeBase
from bot.core.reply import Intent, Reply

# Action codes of the built-in buttons.
ANSWER = "e"  # answer an entry in a new message (follow-ups, list items)
CHOOSE = "m"  # a "Mente du …?" choice: the answer replaces the question
UPCOMING = "u"  # the list of coming samlinger
PAST = "p"  # the list of past samlinger
COMMAND = "c"  # run a command without arguments, e.g. from the /start buttons
REMIND = "r"  # "🔔 Påminn meg" (needs EventServices)
CALENDAR = "k"  # "📅 Legg i kalender" (needs EventServices)
# Under a logged answer, when the coordinator tools have registered these actions:
FEEDBACK_UP = "fu"  # 👍 (argument: the question log id)
FEEDBACK_DOWN = "fd"  # 👎
HANDOVER = "h"  # "Spør en koordinator" (argument: the question log id)

MAX_SUGGESTIONS = 3
MAX_FOLLOW_UPS = 3
MAX_LIST_BUTTONS = 8
LABEL_LENGTH = 48

_LISTS = {Intent.UPCOMING_EVENTS, Intent.EVENTS_IN_PERIOD, Intent.LIST}
_ABOUT_ONE_EVENT = {
    Intent.NEXT_EVENT,
    Intent.PREVIOUS_EVENT,
    Intent.EVENT_INFO,
    Intent.DEADLINE,
    Intent.WHERE,
    Intent.AUDIENCE,
    Intent.CANCELLED,
}


def button(label: str, action: Action) -> Button:
    return Button(shorten(label, LABEL_LENGTH), encode(action))


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word with "…" when it must be cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:–-") + "…"


def entry_label(entry: Entry) -> str:
    """A button label: the title, with the date first for a samling."""
    if entry.event is None:
        return entry.title
    label = f"{entry.event.start:%d.%m.%Y} {entry.title}"
    return f"{label} (avlyst)" if entry.event.cancelled else label


def link_rows(entry: Entry, now: datetime) -> Keyboard:
    """The entry's link as a button: "Meld deg på" while a samling takes registrations,
    otherwise "Les mer"."""
    if entry.url is None:
        return ()
    details = entry.event
    registering = (
        details is not None
        and details.is_upcoming(now)
        and (details.deadline is not None or details.registration is not None)
        and (details.deadline_at() or now) >= now
    )
    label = texts.BUTTON_REGISTER if registering else texts.BUTTON_READ_MORE
    return ((Button.link(label, entry.url),),)


class Replies:
    """Formats answers for one knowledge base; knows whether event services are plugged in."""

    def __init__(self, kb: KnowledgeBase, *, event_services: bool) -> None:
        self.kb = kb
        self.event_services = event_services

    def answer(
        self,
        reply: Reply,
        now: datetime,
        *,
        title: str | None = None,
        replace: bool = False,
        question_id: int | None = None,
        feedback: bool = False,
        handover: bool = False,
    ) -> Outgoing:
        """The reply as a message. For a logged question (`question_id`), a confident answer
        gets 👍/👎 when `feedback`, an unsure one "Spør en koordinator" when `handover`."""
        buttons = self.buttons_for(reply, now)
        if question_id is not None:
            buttons += self.question_rows(reply, question_id, feedback=feedback, handover=handover)
        return Outgoing(
            reply.text,
            title=title,
            footer=reply.source,
            buttons=buttons,
            replace=replace,
        )

    @staticmethod
    def question_rows(
        reply: Reply, question_id: int, *, feedback: bool, handover: bool
    ) -> Keyboard:
        argument = str(question_id)
        if reply.confident and feedback:
            return (
                (
                    Button(texts.BUTTON_GOOD, encode(Action(FEEDBACK_UP, argument))),
                    Button(texts.BUTTON_BAD, encode(Action(FEEDBACK_DOWN, argument))),
                ),
            )
        if not reply.confident and handover:
            return ((Button(texts.BUTTON_HANDOVER, encode(Action(HANDOVER, argument))),),)
        return ()

    def buttons_for(self, reply: Reply, now: datetime) -> Keyboard:
        if not reply.confident:
            chosen = [self.kb.get(s.id) for s in reply.suggestions[:MAX_SUGGESTIONS]]
            return self.entry_rows(chosen, CHOOSE)
        lead = self.kb.get(reply.matches[0].id) if reply.matches else None
        if lead is None:
            return ()
        if reply.intent in _LISTS:
            listed = [self.kb.get(m.id) for m in reply.matches[:MAX_LIST_BUTTONS]]
            return self.entry_rows(listed, ANSWER)
        rows: list[tuple[Button, ...]] = list(link_rows(lead, now))
        if lead.is_event and reply.intent in _ABOUT_ONE_EVENT:
            rows += self.event_service_rows(lead, now)
        follow_ups = [self.kb.get(entry_id) for entry_id in lead.related]
        rows += self.entry_rows(follow_ups[:MAX_FOLLOW_UPS], ANSWER)
        return tuple(rows)

    def event_service_rows(self, event: Entry, now: datetime) -> Keyboard:
        """The reminder and calendar buttons, for a coming samling when a service offers them."""
        details = event.event
        if not self.event_services or details is None or not details.is_upcoming(now):
            return ()
        if not fits(Action(REMIND, event.id)):
            return ()
        return (
            (
                button(texts.BUTTON_REMIND, Action(REMIND, event.id)),
                button(texts.BUTTON_CALENDAR, Action(CALENDAR, event.id)),
            ),
        )

    @staticmethod
    def entry_rows(entries: Iterable[Entry | None], code: str) -> Keyboard:
        """One button per entry; entries whose id cannot fit in button data are left out."""
        return tuple(
            (button(entry_label(entry), Action(code, entry.id)),)
            for entry in entries
            if entry is not None and fits(Action(code, entry.id))
        )

    def entry_menu(self, title: str, intro: str, entries: Sequence[Entry]) -> Outgoing:
        """A list of entries with one button each (/ordninger, /fokus)."""
        lines = [intro, *(f"• {entry.title}" for entry in entries)]
        return Outgoing("\n".join(lines), title=title, buttons=self.entry_rows(entries, ANSWER))
