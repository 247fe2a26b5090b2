"""The filesystem broker of `make run` never exposes a half-written message."""

import os

from kombu import Connection

from factcheck.broker import Transport


def test_a_message_appears_whole_or_not_at_all(tmp_path, monkeypatch):
    folder = tmp_path / "queue"
    folder.mkdir()
    options = {
        "data_folder_in": str(folder),
        "data_folder_out": str(folder),
        "control_folder": str(tmp_path / "control"),
    }
    seen_while_writing = []
    real_replace = os.replace

    def replace_and_look(src, dst):
        # Just before the rename, a reader listing the folder sees no message.
        seen_while_writing.extend(n for n in os.listdir(folder) if n.endswith(".msg"))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_and_look)
    with Connection("filesystem://", transport=Transport, transport_options=options) as conn:
        queue = conn.SimpleQueue("extraction")
        queue.put({"article_id": 42})
        message = queue.get(timeout=2)
        assert message.payload == {"article_id": 42}
        message.ack()
        queue.close()
    assert seen_while_writing == []
