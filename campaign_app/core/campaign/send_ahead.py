"""The next letter of a send, made ready while the one before it is claimed, sent and recorded.

Making a letter ready (rendering it, writing its files where not current, keeping the
copies that go out, building its message and its bytes) is work for the processor; sending
one is mostly waiting for the disk and the mail server. So the next letter is made ahead:

- for a short send, in a thread of this process (``ThreadAhead``): nothing to start;
- for a long one, in one child process (``ProcessAhead``), started once with the parsed
  case, templates and campaign, as the batch's pool workers are (core/campaign/batch_run.py).
  A thread shares Python's interpreter lock with the loop that sends: in a long send the
  two took turns rather than working side by side, and in the window the letters' PDFs
  were made in the window's own process, where they held up its event loop.

Either way only the sending loop claims, sends and records (core/campaign/send_loop.py):
what is made ahead is files and bytes, never a promise in the log. A letter made ahead and
not sent (the send stopped first) leaves its draft and its kept copy written, as for a
letter someone else claimed: the copy is named by its content and is in no log, and a
later send keeps the same letter under that same name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from campaign_app.core.campaign import batch_run
from campaign_app.core.campaign.batch_run import parsed_inputs, shipped_workspace
from campaign_app.core.campaign.letter_files import LetterFile, LetterFiles, PreparedLetter
from campaign_app.core.campaign.manifest import ManifestEntry
from campaign_app.core.campaign.sent_letters import KeptLetter, keep_letter
from campaign_app.core.campaign.workspace import Workspace
from campaign_app.core.common.errors import UserError
from campaign_app.core.common.i18n import _
from campaign_app.core.common.worker_process import WorkerEnded, Workers
from campaign_app.core.directory.recipients import Recipient

if TYPE_CHECKING:
    from campaign_app.core.campaign.last_letters import LastLetters
    from campaign_app.core.campaign.send import _Run
    from campaign_app.core.campaign.send_plan import SendPlan
    from campaign_app.core.letters.email.assembled import MessageData

# From this many letters on, the letters are made in a child process: starting it (Python,
# the letter writers' imports, the parsed inputs) costs about what ten letters made in a
# thread would hold up the sending.
PROCESS_THRESHOLD = 40


@dataclass(frozen=True)
class Ready:
    """A letter ready to be claimed and sent: rendered, its files written where not current
    (``written``: the manifest's entries of those written just now), its copies kept
    (``out/sent``, synced), its message built and its bytes made (``data``). Made in a
    child process, its files' and kept copies' bytes are left out (``data`` holds them)."""

    recipient: Recipient
    files: list[LetterFile]
    written: list[ManifestEntry]
    kept: list[KeptLetter]
    message_id: str
    data: bytes

    @property
    def pdf(self) -> LetterFile:
        return self.files[0]


def make_ready(ws: Workspace, plan: SendPlan, prepared: PreparedLetter, keeper: Executor) -> Ready:
    """Keep the letter's files and build its message (nothing is claimed or sent here).

    The copies are kept by ``keeper``, in a thread of their own, while the message is
    built here: keeping a copy is mostly waiting for the disk (the file's sync and its
    folder's), building the message is work for the processor. The message attaches the
    very bytes kept (``keep_letter`` returns the bytes it was given)."""
    return _when_kept(prepared, *_start_ready(ws, plan, prepared, keeper))


def _start_ready(
    ws: Workspace, plan: SendPlan, prepared: PreparedLetter, keeper: Executor
) -> tuple[list[Future[KeptLetter]], MessageData]:
    """The copies set keeping, and the message built meanwhile (the copies waited for when
    building fails: nothing is left writing behind an error)."""
    from campaign_app.core.campaign.send import message_data_for

    r = prepared.recipient
    keeping = [
        keeper.submit(keep_letter, ws.out_dir, plan.template_id, r.id, f.path, f.data, f.sha256)
        for f in prepared.files
    ]
    try:
        return keeping, message_data_for(ws, plan, prepared)  # the bytes message_for's message gives
    except BaseException:
        for k in keeping:
            k.exception()
        raise


def _when_kept(prepared: PreparedLetter, keeping: list[Future[KeptLetter]], message: MessageData) -> Ready:
    """The letter ready once its copies are kept (synced): only then may it be claimed."""
    kept = [k.result() for k in keeping]
    assert all(k.data is f.data for k, f in zip(kept, prepared.files, strict=True))
    return Ready(prepared.recipient, prepared.files, prepared.written, kept, message.message_id, message.data)


class ThreadAhead:
    """Letters made ready in a thread of this process, into the send's own letter files.

    ``submit`` starts making a letter and returns a token; ``take`` gives the letter for a
    token, the tokens taken in the order they were submitted. The sending loop keeps
    ``depth`` letters asked for ahead of the one it sends."""

    depth = 1  # a thread shares the interpreter with the loop: one letter ahead is enough

    def __init__(self, run: _Run):
        self.run = run
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="next-letter")
        self._keeper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="keep-letter")

    def first(self, prepared: PreparedLetter) -> Ready:
        """The send's first letter, written (and recorded as drafted) here already."""
        return make_ready(self.run.ws, self.run.plan, prepared, self._keeper)

    def submit(self, r: Recipient) -> object:
        run = self.run
        return self._pool.submit(
            lambda: make_ready(run.ws, run.plan, run.prepare(r, record=False), self._keeper)
        )

    def take(self, token: object) -> Ready:
        assert isinstance(token, Future)
        return token.result()  # its files are in the send's manifest already (run.prepare)

    def close(self) -> None:
        self._pool.shutdown()
        self._keeper.shutdown()


class ProcessAhead(ThreadAhead):
    """Letters made ready in one child process; what it wrote goes into the send's manifest
    here, as each letter is taken (or, for a letter made and not sent, when the send ends).

    The child is a worker process (core/common/worker_process.py): if it dies, even halfway
    through an answer (a letter's message is 85 kB, more than a pipe holds), the send stops
    at once with a message instead of waiting for the rest.

    A few letters are asked for ahead (``depth``), so that the child works on while a
    letter's send takes longer than making one (the server's reply, the log's sync) and
    the loop seldom waits on it; a letter made and not sent is left as described above.

    Until the child is ready (Python and the letter writers loaded in it, half a second),
    the letters are made here, in a thread, as a short send's are: the sending starts at
    once, and the child takes over from the first letter asked once it is ready."""

    depth = 3
    made_here_while_starting = True  # (the tests turn it off to have every letter but the first made there)

    def __init__(self, run: _Run):
        super().__init__(run)  # the first letter is made here, as a short send's are
        files = run.files
        plan = dataclasses.replace(  # the child needs the plan's message settings, not its lists
            run.plan, to_send=[], already_sent=[], uncertain=[], by_hand=[], printed=[], revised=[], resend=[]
        )
        args = (
            str(run.ws.root),
            plan,
            str(files.out_dir),
            files.paper,
            files.today.isoformat(),
            parsed_inputs(run.ws),
            files.last_letters,
        )
        # Started now, while the first letter is made here.
        self._workers = Workers(multiprocessing.get_context("spawn"), _Maker, args, 1, "letter-maker")
        self._child = self._workers.all[0]
        self._handed_over = False  # letters are asked of the child (never again made here)

    def submit(self, r: Recipient) -> object:
        if not self._handed_over and self.made_here_while_starting and not self._child.ready.is_set():
            return super().submit(r)  # taken in order: before any letter asked of the child
        self._handed_over = True
        try:
            self._child.ask(r)
        except WorkerEnded:
            raise _stopped() from None
        return _CHILD

    def take(self, token: object) -> Ready:
        if token is not _CHILD:
            return super().take(token)
        try:
            taken = self._workers.take()  # (None: the child was asked to stop; not while sending)
        except WorkerEnded:
            raise _stopped() from None
        if taken is None:
            raise _stopped()
        ready = taken[1]
        self._absorb(ready.written)
        return ready

    def _absorb(self, written: Sequence[ManifestEntry]) -> None:
        files = self.run.files
        for entry in written:
            files.manifest.add(entry)
            files.written += 1

    def close(self) -> None:
        """Let the child finish the letter it is making (made and not sent: its files are on
        disk, so they go into the manifest), then end it."""
        for ready in self._workers.wind_up(timeout=30, finish_queued=True):
            self._absorb(ready.written)
        super().close()


_CHILD = object()  # the token of a letter asked of the child


def _stopped() -> UserError:
    """The child ended while the send went on (killed, out of memory): the send stops there."""
    return UserError(
        _("the process making the letters stopped unexpectedly (out of memory?)"),
        hint=_("send again: the letters sent so far are on record and will not go twice"),
    )


def ahead_for(run: _Run, letters: int) -> ThreadAhead:
    """Where a send of ``letters`` letters makes its next letter: a child process when the
    send is long and there is a second core for it, else a thread."""
    if letters >= PROCESS_THRESHOLD and batch_run.default_workers() > 1:
        return ProcessAhead(run)
    return ThreadAhead(run)


# ---- in the child process ------------------------------------------------------------------


class _Maker:
    """The child's letter files, loaded as the parent parsed the workspace; the contact log
    is never opened here. Called with a recipient, it makes their letter ready."""

    def __init__(
        self,
        root: str,
        plan: SendPlan,
        out_dir: str,
        paper: str,
        today: str,
        parsed: dict[str, Any],
        last_letters: LastLetters | None,
    ):
        self.ws, self.plan = shipped_workspace(root, parsed), plan
        self.files = LetterFiles(
            self.ws,
            plan.template_id,
            Path(out_dir),
            paper,
            dt.date.fromisoformat(today),
            last_letters=last_letters,  # the manifest: read here when first needed
        )
        # The letters asked for ahead have their copies kept side by side: the disk syncs
        # them together rather than one after another.
        self.keeper = ThreadPoolExecutor(max_workers=ProcessAhead.depth, thread_name_prefix="keep-letter")
        self.finisher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kept-letter")
        gc.freeze()  # what is loaded lives as long as the child: full collections need not scan it

    def __call__(self, r: Recipient) -> Future[Ready]:
        """One letter made ready: rendered and built here, then answered (in order, by the
        worker: core/common/worker_process.py) once its copies are synced, while the next
        letter is made. Without its files' bytes twice over (the message holds them)."""
        prepared = self.files.prepare(r, self.plan.formats)
        keeping, message = _start_ready(self.ws, self.plan, prepared, self.keeper)
        return self.finisher.submit(_lean, prepared, keeping, message)


def _lean(prepared: PreparedLetter, keeping: list[Future[KeptLetter]], message: MessageData) -> Ready:
    ready = _when_kept(prepared, keeping, message)
    return dataclasses.replace(
        ready,
        files=[dataclasses.replace(f, data=b"") for f in ready.files],
        kept=[dataclasses.replace(k, data=b"") for k in ready.kept],
    )
