package dev.vigil.boards;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** The board profiles shipped in {@code dev/vigil/boards/boards.yaml}, in detection order. */
public final class BoardProfiles {
    /** Id of the catch-all profile. */
    public static final String GENERIC = "generic";
    private static final String RESOURCE = "boards.yaml";

    private final List<BoardProfile> profiles;

    private BoardProfiles(List<BoardProfile> profiles) {
        this.profiles = List.copyOf(profiles);
        if (this.profiles.isEmpty() || !this.profiles.get(this.profiles.size() - 1).id().equals(GENERIC)) {
            throw new IllegalStateException(RESOURCE + ": the last profile must be '" + GENERIC + "'");
        }
    }

    /** The built-in profiles. */
    public static BoardProfiles builtIn() {
        try (InputStream in = BoardProfiles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the class path");
            }
            return new BoardProfiles(mapper().readValue(in, File.class).boards());
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private record File(List<BoardProfile> boards) {
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** All profiles, in detection order (generic last). */
    public List<BoardProfile> all() {
        return profiles;
    }

    /** The profile with {@code id}, or an {@link IllegalArgumentException} listing the known ids. */
    public BoardProfile byId(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown board '" + id + "'; known boards: "
                        + profiles.stream().map(BoardProfile::id).collect(Collectors.joining(", "))));
    }

    /** The first profile whose model prefixes match {@code model}, else the generic one. */
    public BoardProfile forModel(String model) {
        return profiles.stream().filter(p -> p.matches(model)).findFirst().orElse(generic());
    }

    /** The catch-all profile. */
    public BoardProfile generic() {
        return profiles.get(profiles.size() - 1);
    }
}
