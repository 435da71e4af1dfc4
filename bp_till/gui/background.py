"""Work off the GUI thread, answers back on it.

The card desk waits for the printer, and the print queue and sync worker call
back on their own threads; Qt widgets may only be touched from the GUI thread.
A queued signal carries each answer over.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from bp_till.domain.errors import TillError


class _Relay(QObject):
    """Lives on the GUI thread as a child of ``owner``: when the owner is gone, so is the
    relay, and Qt drops answers still on their way instead of touching dead widgets."""

    arrived = Signal(object)

    def __init__(self, callback: Callable[[Any], None], owner: QObject) -> None:
        super().__init__(owner)
        self.callback = callback
        self.arrived.connect(self.deliver)

    @Slot(object)
    def deliver(self, value: Any) -> None:
        self.callback(value)


def on_gui_thread(callback: Callable[[Any], None], owner: QObject) -> Callable[[Any], None]:
    """A function any thread may call; ``callback`` then runs on the GUI thread.

    Call this on the GUI thread; ``owner`` is the view the callback belongs to,
    so an answer arriving after it closed is dropped.
    """
    relay = _Relay(callback, owner)
    return lambda value=None: relay.arrived.emit(value)


def in_background(work: Callable[[], Any], done: Callable[[Any], None],
                  refused: Callable[[TillError], None], owner: QObject) -> threading.Thread:
    """Run ``work`` on a thread; ``done(result)`` or ``refused(error)`` back on the GUI thread.

    Only refusals (TillError) are expected; anything else is a bug and is raised
    on the GUI thread, where Qt's handler logs it.
    """
    answer, refuse = on_gui_thread(done, owner), on_gui_thread(refused, owner)
    crash = on_gui_thread(_reraise, owner)

    def run() -> None:
        try:
            result = work()
        except TillError as refusal:
            refuse(refusal)
        except Exception as bug:  # noqa: BLE001 - carried to the GUI thread, raised there
            crash(bug)
        else:
            answer(result)

    thread = threading.Thread(target=run, name="bp-till-background", daemon=True)
    thread.start()
    return thread


def _reraise(bug: Exception) -> None:
    raise bug
