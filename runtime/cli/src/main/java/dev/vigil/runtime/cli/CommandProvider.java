package dev.vigil.runtime.cli;

/**
 * Service-provider interface for subcommands contributed by modules above runtime (for example
 * {@code vigil doctor} from boards), declared in
 * {@code META-INF/services/dev.vigil.runtime.cli.CommandProvider}.
 */
public interface CommandProvider {

    /** A fresh picocli command object (a class annotated with {@code @picocli.CommandLine.Command}). */
    Object command();
}
