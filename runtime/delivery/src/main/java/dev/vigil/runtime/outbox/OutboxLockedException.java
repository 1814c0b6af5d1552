package dev.vigil.runtime.outbox;

import java.io.IOException;
import java.nio.file.Path;

/** Another process holds the outbox directory; two writers would interleave their segments. */
public final class OutboxLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    /** {@code dir} is locked by another process. */
    public OutboxLockedException(Path dir) {
        super("outbox " + dir + " is in use by another Vigil process; give each process its own broker.outbox.dir");
    }
}
