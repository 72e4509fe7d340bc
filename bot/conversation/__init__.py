"""The channel-independent conversation layer used by the Telegram and terminal adapters.

An adapter turns what arrives into `TextMessage`, `OtherMessage` or `ButtonPress`, awaits
`Conversation.handle`, and renders the `Response` (messages with buttons, documents, a notice
for the pressed button). Inline mode uses `Conversation.inline`.

Extending it, in the composition root (`bot/app.py`), without touching this package:

* a command: `conversation.commands.add(Command("abonner", "Få påminnelser", handler))`;
  `admin_only=True` limits it to ADMIN_IDS, `in_menu=False` keeps it out of /hjelp and the menu;
* a button: `conversation.actions.add("a", handler)` and `Button(label, encode(Action("a", id)))`;
* reminders and calendar files: pass an `EventServices` as `event_services`, and every answer
  about a coming samling gets "🔔 Påminn meg" and "📅 Legg i kalender";
* blocked chats: a persistent `ChatStatus` instead of `InMemoryChatStatus`;
* the coordinator tools (bot.admin): a `question_log` logs every answered question and adds
  👍/👎 or "Spør en koordinator" under the answer; a `reply_router` gets replies to the bot's
  messages first (a coordinator answering a handed-over question). Both are constructor
  arguments of `Conversation`;
* dialogues of several steps (bot.editing: a coordinator adding a samling): pass `dialogues`,
  and a text in a private chat goes to the open dialogue before it counts as a question;
* a link under a message: `Button.link(label, url)` (a URL button on Telegram, a printed link
  in the terminal).

The knowledge it answers from is a `LiveKnowledge` (bot.runtime.live), read per message.

Handlers are `async def handler(context: Context) -> Response`; `context.now` is the injected
clock's time, `context.argument` the text after the command or the button's argument.
"""

from bot.conversation.callbacks import Action, BadButtonError, decode, encode
from bot.conversation.commands import ActionRegistry, Command, CommandRegistry, Context, Handler
from bot.conversation.conversation import Conversation, parse_command, system_clock
from bot.conversation.interfaces import (
    ChatStatus,
    Dialogues,
    EventServices,
    InMemoryChatStatus,
    Messenger,
    QuestionLog,
    ReplyRouter,
    UnreachableChatError,
)
from bot.conversation.links import deep_link, deep_link_payload
from bot.conversation.messages import (
    SILENCE,
    Button,
    ButtonPress,
    Chat,
    ChatType,
    Document,
    Incoming,
    InlineAnswer,
    Keyboard,
    OtherMessage,
    Outgoing,
    Photo,
    Response,
    TextMessage,
    say,
)

__all__ = [
    "SILENCE",
    "Action",
    "ActionRegistry",
    "BadButtonError",
    "Button",
    "ButtonPress",
    "Chat",
    "ChatStatus",
    "ChatType",
    "Command",
    "CommandRegistry",
    "Context",
    "Conversation",
    "Dialogues",
    "Document",
    "EventServices",
    "Handler",
    "InMemoryChatStatus",
    "Incoming",
    "InlineAnswer",
    "Keyboard",
    "Messenger",
    "OtherMessage",
    "Outgoing",
    "Photo",
    "QuestionLog",
    "ReplyRouter",
    "Response",
    "TextMessage",
    "UnreachableChatError",
    "decode",
    "deep_link",
    "deep_link_payload",
    "encode",
    "parse_command",
    "say",
    "system_clock",
]
