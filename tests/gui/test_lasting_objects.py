"""A job off the window's thread that makes objects kept as long as the directory (its
entries, made from its columns when first asked for) makes them with the cyclic collector
paused, and leaves them out of its later passes: made with it running, an audience of
100,000 set off full collections of 40-90 ms with the interpreter's lock held, and the
window waited up to 117 ms (issue 18)."""

from __future__ import annotations

import gc


def test_what_such_a_job_makes_is_made_without_collections_and_left_out_of_them():
    from campaign_app.gui.tasks import making_lasting_objects

    collections: list[int] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.unfreeze()
    gc.callbacks.append(seen)
    try:
        with making_lasting_objects():
            assert not gc.isenabled()
            made = [[n] for n in range(50_000)]  # 50,000 tracked objects: many collections' worth
        assert gc.isenabled()
        assert collections == []
        assert gc.get_freeze_count() >= len(made)
    finally:
        gc.callbacks.remove(seen)
        gc.unfreeze()
