"""The answer engine: a message, the moment it is asked in and the chat's memory, a `Reply` out.

Pure domain code: no I/O, no Telegram, no clock. The conversation layer and the command line
both call `Engine.ask`, so every channel gives the same answers. The engine finds what a message
asks (`bot.core.clauses`: the question parts apart from personal context, several questions in
one), reads each part (`bot.core.question`) and lets `bot.core.decide` answer it; the answers
about samlinger are in `bot.core.event_answers`, facts and yes/no in `bot.core.fact_answers`,
the sentences in `bot.core.answers` and `bot.core.help_texts`, the reply types in
`bot.core.reply`. Every part's answer is checked against what the sources leave out
(`bot.core.source_gaps`), and the verdict of a negated question is turned
(`bot.core.negations`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import datetime

from bot.core import help_texts
from bot.core.bulk import cyclic_gc_paused
from bot.core.clauses import Clause, split_clauses
from bot.core.context import with_context
from bot.core.decide import Decider
from bot.core.dialect import synonyms_as_read
from bot.core.event_answers import EventAnswers
from bot.core.fact_answers import name_first
from bot.core.index import SearchIndex
from bot.core.knowledge import OSLO, KnowledgeBase
from bot.core.memory import Memory, remember
from bot.core.negations import with_negation
from bot.core.page_dates import updated_reply
from bot.core.question import Question, QuestionReader, cue_phrases
from bot.core.question_forms import STOP_WORDS_FOLDED
from bot.core.question_words import SMALLTALK_CUES, SOFT_CUES, Cue
from bot.core.reply import Intent, Reply, combined
from bot.core.source_gaps import SourceGaps
from bot.core.statement_claims import guess_as_claim
from bot.core.subjects import CONFIDENT_SCORE
from bot.core.text import Normaliser

MAX_QUESTION_LENGTH = 500
MAX_PARTS = 4  # questions answered in one message
_TERMINAL_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")


class Engine:
    """Answers questions about one knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._normaliser = Normaliser(synonyms_as_read(kb.vocabulary.synonyms, kb.vocabulary.forms))
        cues = cue_phrases(kb, self._normaliser)
        cue_terms = {term for terms, cue in cues if cue not in SOFT_CUES for term in terms}
        with cyclic_gc_paused():
            self._index = SearchIndex(kb.entries, self._normaliser, STOP_WORDS_FOLDED, cue_terms)
            self._reader = QuestionReader(kb, self._normaliser, cues, self._index.surface_words)
        self._events = EventAnswers(kb, self._index)
        self._decider = Decider(kb, self._index, self._normaliser, self._events)
        self._gaps = SourceGaps(kb, self._normaliser)

    # -- public -------------------------------------------------------------------------------

    def ask(self, question: str, now: datetime, memory: Memory | None = None) -> Reply:
        """The answer to a message. `memory` is what the chat talked about last (follow-ups
        such as "når er fristen da?"); `Reply.subjects` gives what to remember next."""
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        now = now.astimezone(OSLO)
        text, problem = clean_question(question)
        if problem is not None:
            return Reply(problem, False, Intent.INVALID)
        clauses = split_clauses(text, self._reader.opener)
        asked = [clause for clause in clauses if clause.is_question] or clauses
        context = self._context(clauses, asked, now)
        if len(asked) == 1:
            return self._decide(self._read(asked[0], context, now), memory, now)
        parts: list[tuple[Question, Reply]] = []
        for clause in asked:
            if len(parts) == MAX_PARTS:
                break
            guessed = guess_as_claim(clause.text, parts[-1][0].text) if parts else None
            if guessed is not None and parts[-1][1].confident:  # "hvem …, er det kommunene?"
                clause = Clause(guessed, True, claimed=True)
            own = self._own(clause, now)
            if (_asks_nothing(own) or _interjection(own)) and clause is not asked[-1]:
                continue  # "… og lurer på tre ting: …" announces the questions; "hæ, ka e …"
            # "Hvilken periode gjaldt strategien, og hva var målene med den?": "den" is what the
            # part before was about, not what the message tells around the questions
            pointing = own.refers_back and not own.topic and bool(parts) and parts[-1][1].confident
            q = own if pointing else self._with(own, context)
            reply = self._decide(q, memory, now)
            memory = remember(memory, reply.subjects, now)
            if clause.alternative and parts and _VERDICT.match(parts[-1][1].text):
                # "Er PPT med, eller gjelder det bare skole?": the first verdict answers both
                if _says_again(parts[-1][1], reply):
                    continue
                reply = replace(reply, text=_without_verdict(reply.text))
            verdict = _VERDICT.match(reply.text) if guessed is not None else None
            if verdict is not None and reply.confident and _says_again(parts[-1][1], reply):
                # "hvem betaler …, er det kommunene selv?": "Nei." before what answers both
                before_q, before = parts.pop()
                reply = replace(before, text=f"{verdict.group(0).strip()} {before.text}")
                q = before_q
            elif reply.confident and parts and _restated_by(parts[-1], q):
                parts.pop()  # "hvorfor skal vi bruke tid på dette, hva er målet med …?"
            elif reply.confident and parts and _guessed_by(parts[-1][1], q, reply):
                parts.pop()  # "hvem står bak Dekom – er det statlige ordninger?" "Ja. …"
            if any(reply.text == earlier.text for _, earlier in parts):
                continue  # "Hvor oppdatert er informasjonen? Når ble siden oppdatert?"
            if reply.confident or not parts or not _adds_to(q, reply, [r for _, r in parts]):
                parts.append((q, reply))
        return combined([reply for _, reply in parts])

    def _decide(self, q: Question, memory: Memory | None, now: datetime) -> Reply:
        """One question part answered, and checked against what the sources leave out."""
        dated = updated_reply(q, self.kb)  # "når ble siden sist oppdatert?"
        reply = dated or self._gaps.checked(q, self._decider.decide(q, memory, now))
        return name_first(q, with_negation(q, reply), self.kb)

    def answer_entry(self, entry_id: str, now: datetime) -> Reply | None:
        """The answer for one entry, e.g. when a user taps a suggestion button."""
        entry = self.kb.get(entry_id)
        if entry is None:
            return None
        return self._decider.answer_entry(entry, now.astimezone(OSLO))

    def help_text(self) -> str:
        return self._decider.help_text()

    # -- reading ------------------------------------------------------------------------------

    def _context(
        self, clauses: list[Clause], asked: list[Clause], now: datetime
    ) -> Question | None:
        """The parts of the message that are not questions, read as one."""
        rest = " ".join(clause.text for clause in clauses if clause not in asked)
        return self._reader.read(rest, now.date()) if rest.strip() else None

    def _read(self, clause: Clause, context: Question | None, now: datetime) -> Question:
        return self._with(self._own(clause, now), context)

    def _own(self, clause: Clause, now: datetime) -> Question:
        """A question part read on its own, and whether it claims something to check."""
        return replace(self._reader.read(clause.text, now.date()), claimed=clause.claimed)

    def _with(self, q: Question, context: Question | None) -> Question:
        """The question as its message's context tells it (`bot.core.context`)."""
        if context is None:
            return q
        index = self._index
        return with_context(q, context, lambda term: bool(index.resolve(term)), index.has)


def _guessed_by(before: Reply, q: Question, reply: Reply) -> bool:
    """Whether a yes or no answers the question before it that the bot could not: the asker
    offered the answer ("hvem står bak Dekom – er det statlige ordninger?")."""
    same = {m.id for m in before.matches} & {m.id for m in reply.matches}
    offered = q.words[:2] in (("er", "det"), ("var", "det"), ("er", "de"), ("var", "de"))
    return not before.confident and offered and bool(_VERDICT.match(reply.text)) and bool(same)


def _restated_by(before: tuple[Question, Reply], q: Question) -> bool:
    """Whether an unanswered part asks what the answered part after it asks again: the same
    kind of fact ("hvorfor …" and "hva er målet …" both ask for goals)."""
    earlier, reply = before
    facts = (earlier.cues & q.cues) - _PLAIN_CUES
    return not reply.confident and bool(facts) and not earlier.filters and not earlier.period


_PLAIN_CUES = frozenset({Cue.WHAT, Cue.LIST, Cue.WHO, Cue.WHEN, Cue.WHERE})


def _says_again(before: Reply, reply: Reply) -> bool:
    """Whether a reply says only what the reply before it said, but for its "Ja." or "Nei."."""
    said = _without_verdict(reply.text)
    return bool(said) and said in before.text


def _without_verdict(text: str) -> str:
    said = _VERDICT.sub("", text).strip()
    return said[:1].upper() + said[1:]


_VERDICT = re.compile(r"^(?:Ja|Nei)[.,]\s*")


def _asks_nothing(q: Question) -> bool:
    """A part with no word the bot reads: no topic, cue, period, filter or pointer back."""
    return not (q.content or q.cues or q.period or q.filters or q.refers_back)


def _interjection(q: Question) -> bool:
    """A part that is one question word alone ("hæ?", "hva?") before the real question."""
    if len(q.words) != 1 or q.cues & SMALLTALK_CUES:
        return False  # "Hei! Styrar i Rennebu her" greets
    return not (q.content or q.period or q.filters or q.refers_back)


def _adds_to(q: Question, reply: Reply, before: list[Reply]) -> bool:
    """Whether an unanswered part only adds to a part answered before it ("…, er det kommunen
    alene?", "og skal de ses hver for seg?"): it names nothing the bot knows well of its own, so
    the answer to the rest still stands."""
    answered = any(earlier.confident for earlier in before)
    names_something = any(match.score >= CONFIDENT_SCORE for match in reply.matches)
    return answered and (q.refers_back or not q.topic or not names_something)


def clean_question(raw: str) -> tuple[str, str | None]:
    """The question with control characters removed, or a Norwegian message saying what's wrong."""
    text = _TERMINAL_ESCAPES.sub(" ", raw)
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text).strip()
    if not text:
        return "", help_texts.EMPTY_QUESTION
    if len(text) > MAX_QUESTION_LENGTH:
        return "", help_texts.too_long(len(text), MAX_QUESTION_LENGTH)
    if not any(ch.isalnum() for ch in text):
        return "", help_texts.NOT_TEXT
    return " ".join(text.split()), None
