package dev.vigil.runtime.cli;

import dev.vigil.runtime.config.ConfigException;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.logs.LogFormats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens what commands read: config files and logs, with one-line errors naming the file. */
final class Inputs {

    private Inputs() {
    }

    static VigilConfig config(Path file) throws UserError {
        if (file == null) {
            return ConfigLoader.defaults();
        }
        try {
            return ConfigLoader.load(file);
        } catch (ConfigException e) {
            throw new UserError(e.getMessage());
        }
    }

    static SensorSource log(Path file, FormatOptions options) throws UserError {
        LogFormat format = requireLogFormat(file);
        try {
            return LogFormats.open(file, format, options);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** The format of {@code file}, checking it is a readable log; reads only its first bytes. */
    static LogFormat requireLogFormat(Path file) throws UserError {
        if (!Files.exists(file)) {
            throw new UserError("log file not found: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new UserError("expected a log file, got a directory: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new UserError("log file is not readable (check its permissions): " + file);
        }
        try {
            return LogFormats.detectFormat(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static UserError unreadable(Path file, IOException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new UserError(m.contains(file.toString()) ? "cannot read log " + m : "cannot read log " + file + ": " + m);
    }
}
