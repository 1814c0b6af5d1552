package dev.vigil.boards.doctor;

/** Outcome of one doctor check. */
public enum CheckStatus {
    /** Fine. */
    OK,
    /** Not applicable here or not asked for; not a failure. */
    SKIP,
    /** Wrong; counted in the exit code. */
    FAIL
}
