package dev.vigil.boards.doctor;

import dev.vigil.runtime.cli.CommandProvider;

/** Contributes {@code vigil doctor} to the CLI. */
public final class BoardsCommandProvider implements CommandProvider {
    @Override
    public Object command() {
        return new DoctorCommand();
    }
}
