package dev.vigil.runtime.outbox;

/** What can be wrong with a stored record; recovery skips it and resumes at the next sound one. */
enum Damage {
    /** The file ends inside the record header (a crash mid-append). */
    TORN_HEADER,
    /** The header announces a body shorter than the fixed fields or longer than the largest allowed. */
    LENGTH_OUT_OF_RANGE,
    /** The file ends inside the record body (a crash mid-append). */
    TORN_BODY,
    /** The body does not match its CRC. */
    CRC_MISMATCH,
    /** A sound record whose sequence number is not the one after its predecessor's. */
    SEQUENCE_MISMATCH
}
