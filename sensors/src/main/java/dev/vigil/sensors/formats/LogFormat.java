package dev.vigil.sensors.formats;

import java.util.List;

/** The log formats Vigil reads, with the file extensions used only as a fallback for detection. */
public enum LogFormat {
    /** Vigil's own recording. */
    VLOG("vlog", List.of("vlog")),
    /** iniVation AEDAT 4.0 (flatbuffer packets, optionally LZ4 or zstd compressed). */
    AEDAT4("aedat4", List.of("aedat4")),
    /** iniVation / cAER AEDAT 3.1. */
    AEDAT31("aedat3.1", List.of("aedat3")),
    /** jAER AEDAT 2.0 (DVS128 or DAVIS addresses). */
    AEDAT2("aedat2", List.of("aedat", "dat2")),
    /** Prophesee EVT 2.0 raw. */
    EVT2("evt2", List.of()),
    /** Prophesee EVT 3.0 raw. */
    EVT3("evt3", List.of("raw")),
    /** Prophesee / Chronocam DAT (8-byte CD events). */
    DAT("dat", List.of("dat")),
    /** N-MNIST / N-Caltech101 40-bit binary events. */
    NMNIST("n-mnist", List.of("bin")),
    /** RIFF/WAVE audio. */
    WAV("wav", List.of("wav", "wave")),
    /** Vibration samples as comma- or semicolon-separated text. */
    CSV("csv", List.of("csv", "tsv", "txt")),
    /** MATLAB level-5 .mat vibration recording (CWRU bearing data). */
    MAT("mat", List.of("mat"));

    private final String label;
    private final List<String> extensions;

    LogFormat(String label, List<String> extensions) {
        this.label = label;
        this.extensions = extensions;
    }

    /** The short name printed by {@code vigil inspect}. */
    public String label() {
        return label;
    }

    /** Lower-case file extensions (without the dot) that suggest this format. */
    public List<String> extensions() {
        return extensions;
    }
}
