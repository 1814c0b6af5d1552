package dev.vigil.runtime.outbox;

/** What can be wrong with a stored record; recovery cuts its segment at the first one. */
enum Damage {
    /** The file ends inside the record header (a crash mid-append). */
    TORN_HEADER(false),
    /** The header announces a body shorter than the fixed fields or longer than the largest allowed. */
    LENGTH_OUT_OF_RANGE(false),
    /** The file ends inside the record body (a crash mid-append). */
    TORN_BODY(false),
    /** The body does not match its CRC. */
    CRC_MISMATCH(true),
    /** A sound record whose sequence number is not the one after its predecessor's. */
    SEQUENCE_MISMATCH(true);

    private final boolean wholeRecord;

    Damage(boolean wholeRecord) {
        this.wholeRecord = wholeRecord;
    }

    /**
     * Whether the record's frame (its length and body) was all there, so exactly one record is known
     * lost and counted; a torn or implausible frame leaves the count unknown.
     */
    boolean wholeRecord() {
        return wholeRecord;
    }
}
