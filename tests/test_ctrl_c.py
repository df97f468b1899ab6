"""Ctrl-C is never lost while an answer streams, even when it lands in a ctypes callback.

llama.cpp calls back into Python (its log hook) during every model call; ctypes
prints a KeyboardInterrupt raised there and drops it. ``CtrlC`` keeps a flag that
the stream checks, so the answer still stops.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import time

import pytest

from rag.errors import CtrlC

CALLBACK = ctypes.CFUNCTYPE(None)


def ctrl_c_inside_a_ctypes_callback() -> list[type]:
    """Send SIGINT and let Python handle it while C code is calling back into Python; what ctypes dropped."""

    def inside():
        os.kill(os.getpid(), signal.SIGINT)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:  # the handler runs at the next bytecode, here
            pass

    keep = CALLBACK(inside)
    # A C function that calls its argument: qsort of two elements calls the comparator once.
    compare = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda a, b: (keep(), 0)[1])
    libc = ctypes.CDLL(None)
    dropped, hook = [], sys.unraisablehook
    sys.unraisablehook = lambda unraisable: dropped.append(unraisable.exc_type)
    try:
        libc.qsort((ctypes.c_int * 2)(1, 2), 2, ctypes.sizeof(ctypes.c_int), compare)
    finally:
        sys.unraisablehook = hook
    return dropped


def test_ctypes_drops_a_keyboard_interrupt_raised_in_a_callback():
    assert ctrl_c_inside_a_ctypes_callback() == [KeyboardInterrupt]  # printed and dropped: the trap


def test_a_dropped_ctrl_c_still_stops_the_stream():
    def answer():
        yield "The"
        ctrl_c_inside_a_ctypes_callback()  # as llama.cpp's log hook would
        yield " Buffalo Bills"
        yield "[the checked answer]"

    seen = []
    with pytest.raises(KeyboardInterrupt), CtrlC() as ctrl_c:
        for piece in ctrl_c.checked(answer()):
            seen.append(piece)
    assert seen == ["The"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # put back on the way out


def test_ctrl_c_outside_a_callback_stops_at_once():
    with pytest.raises(KeyboardInterrupt), CtrlC():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(5)
