package dev.vigil.boards.doctor;

/**
 * One doctor check's result.
 *
 * @param name   what was checked, e.g. "I2C bus 1"
 * @param status outcome
 * @param detail what was found
 * @param hint   how to fix it (empty when fine)
 */
public record Check(String name, CheckStatus status, String detail, String hint) {

    static Check ok(String name, String detail) {
        return new Check(name, CheckStatus.OK, detail, "");
    }

    static Check skip(String name, String detail) {
        return new Check(name, CheckStatus.SKIP, detail, "");
    }

    static Check fail(String name, String detail, String hint) {
        return new Check(name, CheckStatus.FAIL, detail, hint);
    }
}
