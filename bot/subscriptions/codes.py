"""The short codes subscription buttons carry (bot.conversation.callbacks: `1:<code>:<arg>`).

A scope travels as "all", "a.<audience>", "s.<scheme>", "r.<region or network>" or
"e.<event>"; a lead-time toggle as "<w|d|m|f>.<scope code>".
"""

from __future__ import annotations

from bot.core.reminders import ALL_EVENTS, LeadTime, Scope, ScopeKind

# Button action codes (1–3 letters; the built-in ones are single letters).
NARROW = "sn"  # show the narrowing choices
SET_SCOPE = "ss"  # follow exactly this scope
CHOOSE_EVENT = "se"  # list coming samlinger to follow one
LEAD_TIMES = "sl"  # the lead-time toggles of one subscription
TOGGLE = "st"  # switch one lead time of one subscription
REMOVE = "sr"  # stop one subscription
MINE = "sm"  # the /mine list


_SCOPE_CODES = {
    ScopeKind.AUDIENCE: "a",
    ScopeKind.SCHEME: "s",
    ScopeKind.REGION: "r",
    ScopeKind.EVENT: "e",
}
_CODE_SCOPES = {code: kind for kind, code in _SCOPE_CODES.items()}
LEAD_CODES = {
    LeadTime.WEEK: "w",
    LeadTime.DAY: "d",
    LeadTime.MORNING: "m",
    LeadTime.DEADLINE: "f",
}
CODE_LEADS = {code: lead for lead, code in LEAD_CODES.items()}


def scope_code(scope: Scope) -> str:
    if scope.kind is ScopeKind.ALL:
        return "all"
    return f"{_SCOPE_CODES[scope.kind]}.{scope.value}"


def parse_scope_code(code: str) -> Scope | None:
    if code == "all":
        return ALL_EVENTS
    kind, dot, value = code.partition(".")
    if not dot or kind not in _CODE_SCOPES or not value:
        return None
    return Scope(_CODE_SCOPES[kind], value)
