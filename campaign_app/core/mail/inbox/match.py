"""Which sent letter an incoming message answers, if any.

A message answers a letter when its In-Reply-To or References name the letter's
Message-ID (what every mail program writes in a reply). Failing that, when it comes from
the address the letter went to and its subject is the letter's after a reply prefix —
"Re:", or a localised one: "Відп:", "Ответ:", "AW:", "SV:", "RE :" (French spacing)… An
out-of-office answer may instead prefix "Automatic reply:" and the like. A forward
("Fwd:") is not an answer. A bounce names the letter by the returned original's
Message-ID, or else by its failed recipient. Mail from the campaign's own addresses
(``ours``) answers nothing, whatever it names. An answer by its subject alone from an
address several recipients share (a ministry's secretariat) answers none of them by itself:
which one it answers, a person says (``shared_by``). Anything else matches nothing and is
left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from campaign_app.core.mail.inbox.message import AUTO_REPLY, BOUNCE, Bounce, Incoming

_REPLY_PREFIX = re.compile(
    r"^\s*(re|aw|sv|vs|antw|odp|rif|r|ref|réf|відп|відповідь|ответ|отв|re\[\d+\]|ha)\s*(\[\d+\])?\s*[:：]\s*",
    re.IGNORECASE,
)
_AUTO_PREFIX = re.compile(
    r"^\s*(automatic\s+reply|auto[\s-]?reply|autoreply|out\s+of\s+(the\s+)?office(\s+reply)?|"
    r"abwesenheitsnotiz|abwesend|automatische\s+antwort|réponse\s+automatique|absence|"
    r"автоматична\s+відповідь|автовідповідь|автоматический\s+ответ|автоответ)\s*[:：]\s*",
    re.IGNORECASE,
)
_TAG = re.compile(r"^\s*\[[^\]]{1,40}\]\s*")  # "[EXT]", "[SPAM?]" added by a gateway


@dataclass(frozen=True)
class SentLetter:
    """A letter that went out by e-mail, as matching needs it."""

    contact_id: str
    message_id: str  # "<local@domain>"
    address: str  # where it went, lower case
    subject: str = ""  # "" when not known yet: asked of ``subject_of`` when needed
    sent_at: str = ""
    recipient_id: str = ""  # whom it went to ("" where not known: each letter its own)


class SentLetters:
    """The sent letters indexed by Message-ID and by address. ``subject_of`` gives a
    letter's subject when it is not known (asked only for a message from the letter's
    address that names no letter: finding a subject may mean rendering the letter)."""

    def __init__(
        self,
        letters: Iterable[SentLetter],
        subject_of: Callable[[SentLetter], str] | None = None,
        ours: Iterable[str] = (),
    ):
        self._subject_of = subject_of
        self._ours = frozenset(a.lower() for a in ours)  # the campaign's own addresses
        self._subjects: dict[str, str] = {}
        self.by_id: dict[str, SentLetter] = {}
        self.by_address: dict[str, list[SentLetter]] = {}
        for letter in sorted(letters, key=lambda x: x.sent_at):
            if letter.message_id:
                self.by_id[letter.message_id] = letter
            if letter.address:
                self.by_address.setdefault(letter.address.lower(), []).append(letter)

    def __len__(self) -> int:
        return len({x.contact_id for xs in self.by_address.values() for x in xs} | set(self.by_id))

    def could_concern(self, head: Incoming) -> bool:
        """Worth fetching whole: it names a letter, comes from a recipient, or may be a bounce;
        not when the campaign itself sent it."""
        if head.sender in self._ours:
            return False
        return (
            head.maybe_bounce
            or head.sender in self.by_address
            or any(r in self.by_id for r in head.refers_to)
        )

    def match(self, message: Incoming) -> SentLetter | None:
        """The letter this message concerns (see the module's docstring), or None."""
        if message.message_id in self.by_id:
            return None  # a copy of one of the letters themselves (a Sent folder), not an answer
        if message.sender in self._ours:
            return None  # the campaign's own mail (a chaser by hand, naming the letter it follows)
        if message.kind == BOUNCE:
            return self._bounced(message.bounces)
        for ref in message.refers_to:
            if ref in self.by_id:
                return self.by_id[ref]
        wanted = reply_subject(message.subject, automatic=message.kind == AUTO_REPLY)
        if wanted is None:
            return None
        candidates = self._by_subject(message.sender, wanted)
        if _several_people(candidates):
            return None  # officials who share the address: which one answers, a person says
        return candidates[-1] if candidates else None

    def shared_by(self, message: Incoming) -> list[SentLetter]:
        """The letters whose subject the message answers, to an address several of their
        recipients share, when it names none of them: which one it answers, a person says
        (none: the message is not such an answer)."""
        wanted = reply_subject(message.subject, automatic=message.kind == AUTO_REPLY)
        if wanted is None or message.sender in self._ours:
            return []
        letters = self._by_subject(message.sender, wanted)
        return letters if _several_people(letters) else []

    def _by_subject(self, address: str, wanted: str) -> list[SentLetter]:
        """The letters to ``address`` whose subject ``wanted`` answers, oldest first."""
        return [x for x in self.by_address.get(address, []) if same_subject(self.subject(x), wanted)]

    def subject(self, letter: SentLetter) -> str:
        if letter.subject or self._subject_of is None:
            return letter.subject
        if letter.contact_id not in self._subjects:
            self._subjects[letter.contact_id] = self._subject_of(letter)
        return self._subjects[letter.contact_id]

    def _bounced(self, bounces: tuple[Bounce, ...]) -> SentLetter | None:
        for bounce in bounces:
            if bounce.original_id in self.by_id:
                return self.by_id[bounce.original_id]
        for bounce in bounces:
            letters = self.by_address.get(bounce.recipient, [])
            if letters:
                return letters[-1]  # the latest letter to that address
        return None


def _several_people(letters: Iterable[SentLetter]) -> bool:
    """Whether ``letters`` went to more than one recipient (a letter whose recipient is not
    known counts as its own)."""
    return len({x.recipient_id or x.contact_id for x in letters}) > 1


def reply_subject(subject: str, automatic: bool = False) -> str | None:
    """The subject under its reply prefixes ("Re: AW: X" → "X"); None when it has none (a
    new message or a forward is not an answer). An automatic reply may carry an
    out-of-office prefix instead."""
    text, found = subject, False
    while True:
        text = _TAG.sub("", text, count=1) if _TAG.match(text) else text
        stripped = _REPLY_PREFIX.sub("", text, count=1)
        if automatic and stripped == text:
            stripped = _AUTO_PREFIX.sub("", text, count=1)
        if stripped == text:
            return text if found else None
        text, found = stripped, True


def same_subject(ours: str, theirs: str) -> bool:
    """Equal but for case and spacing (mail programs refold long subjects)."""
    return " ".join(ours.split()).casefold() == " ".join(theirs.split()).casefold()


# ---- an answer from an address no letter went to ------------------------------------------------

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_WORDS = re.compile(r"\w+")
# "Appeal for" says nothing of a campaign; "щодо екстрадиції", "prevent the extradition of" do
MIN_WORDS, MIN_LETTERS = 2, 12


def fixed_words(subject_source: str) -> tuple[str, ...]:
    """The longest run of a template's subject that no ``{{ … }}`` fills in, as folded words
    (``Urgent: prevent the extradition of {{ case.person.name }}`` → urgent, prevent, the,
    extradition, of); () when it is too short to tell the campaign's mail from other mail."""
    runs = [tuple(w.casefold() for w in _WORDS.findall(part)) for part in _JINJA.split(subject_source)]
    longest = max(runs, key=len, default=())
    return longest if len(longest) >= MIN_WORDS and len(" ".join(longest)) >= MIN_LETTERS else ()


class Mentions:
    """Which template's letters a message's subject speaks of, by their subject's fixed words
    (a reply from another address: "Re: Urgent: prevent the extradition of Zhanara…", or an
    office answering a posted letter: "Відповідь на звернення щодо недопущення екстрадиції…")."""

    def __init__(self, subjects: dict[str, str]):  # template id → its subject's source
        words = {tid: fixed_words(source) for tid, source in sorted(subjects.items())}
        self._words = {tid: w for tid, w in words.items() if w}

    def template_of(self, subject: str) -> str | None:
        said = " " + " ".join(w.casefold() for w in _WORDS.findall(subject)) + " "
        for template_id, words in self._words.items():
            if f" {' '.join(words)} " in said:
                return template_id
        return None
