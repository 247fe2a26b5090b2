"""The embedded broker of `make run`: kombu's filesystem transport, made safe
for a web process and a worker process sharing one folder.

kombu writes a message straight into its final file name, so a worker polling
the folder can move and read a file that is still empty or half written: the
worker then dies on a JSON error. Here each message is written under a name
the worker ignores and renamed into place, which is atomic on one filesystem.
"""

import os
import uuid
from time import monotonic

from kombu.transport import filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps


class Channel(filesystem.Channel):
    def _put(self, queue, payload, **kwargs):
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        final = os.path.join(self.data_folder_out, name)
        # "<name>.writing" does not end in ".<queue>.msg": the reader skips it.
        partial = final + ".writing"
        try:
            with open(partial, "wb") as file:
                file.write(str_to_bytes(dumps(payload)))
            os.replace(partial, final)
        except OSError as exc:
            raise filesystem.ChannelError(f"Cannot add a message to {final!r}") from exc


class Transport(filesystem.Transport):
    Channel = Channel

    @property
    def default_connection_params(self):
        # A folder has no host: without this kombu "reverts to localhost" and
        # logs a warning on every connection, which reads like a fault.
        return {"port": self.default_port}
