package dev.vigil.runtime.events;

/** Receives events as an {@link EventTracker} opens and closes them, on the sensing thread. */
public interface EventListener {

    /** An event began. */
    void started(EventStart start);

    /** An event ended; its start came before. */
    void ended(EventEnd end);
}
