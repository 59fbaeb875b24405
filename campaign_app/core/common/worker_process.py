"""Worker processes that this program asks for work over pipes, and that can die without
taking the program with them.

The batch's letter writers and the send's letter maker run in child processes (one per
core; Python's interpreter lock would make threads take turns). A child can die at any
moment: the system's out-of-memory killer, a kill -9, a crash in a library. Whatever
happens to it, the program must say so and stop cleanly, never hang or print a traceback.
``concurrent.futures.ProcessPoolExecutor`` does not promise that: its result pipe's writing
end is held by this process too, so a worker killed halfway through an answer leaves the
reader waiting for the rest forever (CI saw a send hang so), and a worker killed between
answers surfaces as ``BrokenProcessPool``, a traceback.

So each worker here has two one-way pipes: it reads jobs from one and answers on the other,
whose writing end only it holds. Its death, even halfway through an answer, is an
end-of-file at once, read as :data:`ENDED`. In the worker, a thread reads the jobs as they
come, so asking never waits for the worker to finish a job (a job and its answer cannot
block each other in full pipes), and asking it to stop takes effect after the job in hand,
whatever is queued behind it. A job may answer with a ``Future`` whose end is a wait (the
send's letter maker: a kept copy's sync): the worker goes on to the next job, and the
answers still go out in the order of their jobs (``_Answering``). In this process, a thread
per worker reads its answers into one queue: the main thread waits on the queue, where
Ctrl-C cannot cut a message in half.

A worker's start (``init`` and its arguments: the parsed workspace, 100 kB) goes down its
job pipe from a thread, not with the process: a spawned process reads what it was started
with only once Python and the program's modules are loaded in it, a third of a second
during which starting it held up the program. It tells when it is ready for jobs
(``Worker.ready``), so that the program can do the first ones itself meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from campaign_app.core.common.processes import become_worker

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import SpawnContext

ENDED = "worker process ended"  # what a worker's answers end with (as the worker's answer)
READY = "worker process ready"  # what a worker says once started (not an answer: sets ``ready``)


@dataclass(frozen=True)
class Raised:
    """The answer of a job that raised ``error`` in the worker (raised again here, whole: a
    UserError keeps its file and line)."""

    error: BaseException


class WorkerEnded(Exception):
    """A worker process ended while work was asked of it (killed, out of memory)."""


class Worker:
    """One worker process: ``init(*args)`` runs in it once and gives the function that
    does each job; each answer arrives in ``answers`` as (this worker, the answer)."""

    def __init__(
        self,
        context: SpawnContext,
        init: Callable[..., Callable[[Any], Any]],
        args: tuple,
        name: str,
        answers: queue.SimpleQueue,
    ):
        asked, self._ask = context.Pipe(duplex=False)
        answer_end, answering = context.Pipe(duplex=False)
        self._process = context.Process(target=_serve, args=(asked, answering), name=name, daemon=True)
        self._process.start()
        asked.close()
        answering.close()  # the worker's own: its end is now the only writing end
        self.waiting = 0  # jobs asked and not answered
        self.stopping = False  # asked to end (stop)
        self.ended = False  # its answers have ended (ENDED was taken)
        self.ready = threading.Event()  # started: it takes jobs at once (or has ended)
        self._answers = answers
        # What it starts with goes down the job pipe before any job (see the module's docstring).
        self._starting = threading.Thread(
            target=self._start, args=(init, args), name=f"{name}-start", daemon=True
        )
        self._starting.start()
        threading.Thread(target=self._read, args=(answer_end,), name=f"{name}-answers", daemon=True).start()

    def _start(self, init: Callable, args: tuple) -> None:
        with contextlib.suppress(OSError, EOFError):  # it died: its answers end, saying so
            self._ask.send((init, args))

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def ask(self, job: Any) -> None:
        self._starting.join()  # the pipe is the start's until it has gone
        if self.ended:
            raise WorkerEnded
        try:
            self._ask.send(job)
        except (OSError, EOFError):
            raise WorkerEnded from None
        self.waiting += 1

    def stop(self, finish_queued: bool = False) -> None:
        """Ask it to end after the job in hand, the jobs queued behind it not done; or, with
        ``finish_queued``, after every job asked so far."""
        self.stopping = True
        self._starting.join()
        with contextlib.suppress(OSError, EOFError):
            self._ask.send(_Finish() if finish_queued else None)

    def join(self, timeout: float) -> None:
        self._process.join(timeout)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._ask.close()

    def _read(self, conn: Connection) -> None:
        try:
            while True:
                try:
                    answer = conn.recv()
                except (EOFError, OSError):
                    return
                except Exception as exc:  # read whole, but will not unpickle here
                    answer = Raised(exc)
                if isinstance(answer, str) and answer == READY:
                    self.ready.set()
                    continue
                self._answers.put((self, answer))
        finally:
            conn.close()
            self.ready.set()  # nothing more to wait for: asking it now raises WorkerEnded
            self._answers.put((self, ENDED))


class Workers:
    """A few worker processes answering into one queue."""

    def __init__(
        self,
        context: SpawnContext,
        init: Callable[..., Callable[[Any], Any]],
        args: tuple,
        count: int,
        name: str,
    ):
        self._answers: queue.SimpleQueue = queue.SimpleQueue()
        with _ctrl_c_ignored():  # from their first instant (before they can ignore it themselves)
            self.all = [Worker(context, init, args, f"{name}-{n}", self._answers) for n in range(count)]

    @property
    def waiting(self) -> int:
        return sum(w.waiting for w in self.all)

    def take(self, timeout: float | None = None) -> tuple[Worker, Any] | None:
        """The next answer, from whichever worker: None after ``timeout`` seconds without
        one, or once every worker has ended. A job that raised raises here; a worker that
        ended unasked raises :class:`WorkerEnded`."""
        if any(w.ended and w.waiting and not w.stopping for w in self.all):
            raise WorkerEnded  # asked after its end was taken: no answer will come
        if all(w.ended for w in self.all):
            return None  # nothing more can come
        try:
            worker, answer = self._answers.get(timeout=timeout)
        except queue.Empty:
            return None
        if answer is ENDED:
            worker.ended = True
            if not worker.stopping:
                raise WorkerEnded
            return None
        worker.waiting -= 1
        if isinstance(answer, Raised):
            raise answer.error
        return worker, answer

    def wind_up(self, timeout: float = 60.0, finish_queued: bool = False) -> Iterator[Any]:
        """Ask every worker to stop after the job in hand (with ``finish_queued``: after every
        job asked), and yield the answers they still give (jobs finished meanwhile: their
        files are written); then end them. A worker that does not end within ``timeout``
        seconds is killed."""
        for w in self.all:
            w.stop(finish_queued)
        deadline = time.monotonic() + timeout
        while not all(w.ended for w in self.all) and (left := deadline - time.monotonic()) > 0:
            try:
                taken = self.take(left)
            except Exception:  # a job that failed, a worker that died: nothing to keep
                continue
            if taken is not None:
                yield taken[1]
        for w in self.all:
            w.join(1.0 if w.ended else 0.0)


@contextmanager
def _ctrl_c_ignored() -> Iterator[None]:
    """Ctrl-C ignored while worker processes start: a process started so (on POSIX) begins
    with it ignored, and Python keeps it so. A terminal's Ctrl-C goes to every process in
    its group, and a worker must leave it to the program (which finishes the letters in
    hand); one that got it while still starting died with a traceback on the terminal."""
    if threading.current_thread() is not threading.main_thread() or os.name != "posix":
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


# ---- in the worker process ------------------------------------------------------------------


def _serve(asked: Connection, answering: Connection) -> None:
    """The worker: start (``init(*args)``, both read first from the job pipe), say so, then do
    each job asked for and answer it (or with what it raised), until asked to stop or the
    program that started it is gone."""
    become_worker()
    try:
        start: Any = asked.recv()  # (init, args)
    except (EOFError, OSError):  # the program is gone
        return
    except Exception as exc:  # it will not unpickle here: every job answers with why
        start = exc
    jobs: queue.SimpleQueue = queue.SimpleQueue()
    stopping = threading.Event()

    def read() -> None:
        while True:
            try:
                job = asked.recv()
            except Exception:  # the program is gone, or a job came cut short: stop
                job = None
            if job is None or isinstance(job, _Finish):
                if job is None:
                    stopping.set()  # the jobs queued are not done
                jobs.put(None)
                return
            jobs.put(job)

    threading.Thread(target=read, name="jobs", daemon=True).start()
    try:
        if isinstance(start, Exception):
            raise start
        init, args = start
        do: Callable[[Any], Any] = init(*args)
    except Exception as exc:  # every job answers with it: the program raises it
        do = _Failing(exc)
    try:
        answering.send(READY)
    except OSError:  # the program is gone
        return
    answers = _Answering(answering)
    while (job := jobs.get()) is not None and not stopping.is_set():
        try:
            answer = do(job)
        except Exception as exc:
            answer = Raised(exc)
        if not answers.put(answer):  # the program is gone
            return
    answers.close()


class _Answering:
    """A worker's answers, sent in the order of their jobs.

    A job may answer with a ``Future``: what is left of it (the send's letter maker waits
    for a kept copy's sync, a wait for the disk) finishes while the next job is done, and
    its answer goes out once it is there. From the first such answer on, every answer goes
    through one thread that waits for each in turn; until then (the batch's writers, which
    never defer) each is sent at once, as it always was."""

    def __init__(self, answering: Connection):
        self._answering = answering
        self._queued: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._gone = False  # the program is gone: nothing more can be sent

    def put(self, answer: Any) -> bool:
        """Send (or queue) the answer; False once the program is gone."""
        if self._thread is None and not isinstance(answer, Future):
            return self._send(answer)
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="answers", daemon=True)
            self._thread.start()
        self._queued.put(answer)
        return not self._gone

    def close(self) -> None:
        """Send what is queued (waiting for the deferred answers), then end the answers."""
        if self._thread is not None:
            self._queued.put(None)
            self._thread.join()
        self._answering.close()

    def _run(self) -> None:
        while (answer := self._queued.get()) is not None:
            if isinstance(answer, Future):
                try:
                    answer = answer.result()
                except Exception as exc:
                    answer = Raised(exc)
            if not self._gone and not self._send(answer):
                self._gone = True  # the rest is read and dropped: close() still ends

    def _send(self, answer: Any) -> bool:
        try:
            _send(self._answering, answer)
        except OSError:  # the program is gone
            return False
        return True


class _Finish:
    """Asked of a worker: end once every job asked before this one is done."""


class _Failing:
    """What a worker whose start failed does with each job: raise why it failed."""

    def __init__(self, error: Exception):
        self.error = error

    def __call__(self, _job: Any) -> Any:
        raise self.error


def _send(answering: Connection, answer: Any) -> None:
    try:
        answering.send(answer)
    except (TypeError, AttributeError, pickle.PicklingError):  # a problem that will not pickle
        error = answer.error if isinstance(answer, Raised) else answer
        answering.send(Raised(RuntimeError(repr(error))))
