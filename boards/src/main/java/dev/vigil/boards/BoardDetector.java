package dev.vigil.boards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Decides the board: an explicit setting wins; otherwise the device-tree model file (normally
 * {@code /proc/device-tree/model}, a NUL-terminated string) is matched against the profiles; a host
 * without one, or with an unknown model, is generic Linux.
 */
public final class BoardDetector {
    /** Where Linux exposes the board model. */
    public static final Path DEVICE_TREE_MODEL = Path.of("/proc/device-tree/model");
    private static final int MAX_MODEL_BYTES = 4096;

    private final Supplier<BoardProfiles> source;
    private final Path modelFile;
    private BoardProfiles profiles;

    /** A detector reading {@code modelFile} and choosing among {@code profiles}. */
    public BoardDetector(BoardProfiles profiles, Path modelFile) {
        this(() -> profiles, modelFile);
    }

    /** A detector reading {@code modelFile} and choosing among the profiles {@code source} gives on the first {@link #detect}. */
    BoardDetector(Supplier<BoardProfiles> source, Path modelFile) {
        this.source = source;
        this.modelFile = modelFile;
    }

    /**
     * A detector for this host with the built-in profiles, read on the first {@link #detect} (parsing them takes
     * 15-30 ms of a start, which a host without a board, see {@link #boardless}, need not spend).
     */
    public static BoardDetector forThisHost() {
        return new BoardDetector(BoardProfiles::builtIn, DEVICE_TREE_MODEL);
    }

    /**
     * Whether {@link #detect} would give the generic profile without choosing among the profiles: no board is
     * forced ({@code forcedId} null or blank) and the host has no device-tree model file.
     */
    public boolean boardless(String forcedId) {
        return (forcedId == null || forcedId.isBlank()) && !Files.exists(modelFile);
    }

    /** The board, forced to {@code forcedId} when it is non-null and not blank. */
    public DetectedBoard detect(String forcedId) {
        if (profiles == null) {
            profiles = source.get();
        }
        String model = readModel();
        if (forcedId != null && !forcedId.isBlank()) {
            return new DetectedBoard(profiles.byId(forcedId.trim()), model, "forced by the board setting");
        }
        if (model.isEmpty()) {
            return new DetectedBoard(profiles.generic(), model, "no device-tree model at " + modelFile);
        }
        BoardProfile p = profiles.forModel(model);
        String how = p.id().equals(BoardProfiles.GENERIC) ? "model '" + model + "' is not a known board"
                : "detected from " + modelFile;
        return new DetectedBoard(p, model, how);
    }

    private String readModel() {
        try {
            byte[] bytes = Files.readAllBytes(modelFile);
            int end = 0;
            while (end < bytes.length && end < MAX_MODEL_BYTES && bytes[end] != 0) {
                end++;
            }
            return new String(bytes, 0, end, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            org.tinylog.Logger.warn("cannot read {}: {}", modelFile, e.getMessage());
            return "";
        }
    }
}
