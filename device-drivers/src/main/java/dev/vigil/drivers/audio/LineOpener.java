package dev.vigil.drivers.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/** Opens a capture line for a format; called again to recover after the line fails. */
@FunctionalInterface
public interface LineOpener {

    /** An open line delivering {@code format}, with a buffer of about {@code bufferBytes}. */
    TargetDataLine open(AudioFormat format, int bufferBytes) throws LineUnavailableException;
}
