package dev.vigil.drivers.audio;

import dev.vigil.drivers.sensor.BusException;
import dev.vigil.drivers.sensor.FrameReader;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/**
 * 16-bit signed little-endian PCM from a capture line, as floats in full scale (sample / 32768).
 * {@link #read} blocks in the line until the frames arrive. A line that yields nothing (unplugged
 * USB microphone, closed ALSA device) is a bus error: the guarded source retries and re-opens it.
 */
public final class MicrophoneReader implements FrameReader {
    private final LineOpener opener;
    private final AudioFormat format;
    private final String device;
    private final StreamDescriptor stream;
    private final byte[] buffer;
    private final int frameBytes;
    private TargetDataLine line;

    /** Reads {@code format} (16-bit signed LE PCM) through lines from {@code opener}. */
    public MicrophoneReader(LineOpener opener, AudioFormat format, String device, int streamId, int maxFrames) {
        if (format.getSampleSizeInBits() != 16 || format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED
                || format.isBigEndian()) {
            throw new IllegalArgumentException("microphone format must be 16-bit signed little-endian PCM, got "
                    + format);
        }
        this.opener = opener;
        this.format = format;
        this.device = device;
        this.frameBytes = format.getFrameSize();
        this.buffer = new byte[Math.max(1, maxFrames) * frameBytes];
        this.stream = StreamDescriptor.sampled(streamId, StreamKind.AUDIO, "microphone " + device,
                format.getSampleRate(), format.getChannels(), "FS");
    }

    @Override
    public StreamDescriptor stream() {
        return stream;
    }

    @Override
    public void start() throws BusException {
        stop();
        try {
            line = opener.open(format, buffer.length * 4);
        } catch (LineUnavailableException | IllegalArgumentException e) {
            throw new BusException(device + ": cannot open the capture line: " + e.getMessage(), e);
        }
        line.start();
    }

    @Override
    public int read(float[] dest, int offsetFrames, int maxFrames) throws BusException {
        if (line == null || !line.isOpen()) {
            throw new BusException(device + ": the capture line is closed");
        }
        int want = Math.min(maxFrames * frameBytes, buffer.length);
        int got = line.read(buffer, 0, want);
        if (got <= 0) {
            throw new BusException(device + ": the capture line returned no data (microphone unplugged?)");
        }
        int frames = got / frameBytes;
        int samples = frames * format.getChannels();
        int at = offsetFrames * format.getChannels();
        for (int i = 0, b = 0; i < samples; i++, b += 2) {
            dest[at + i] = (short) ((buffer[b] & 0xFF) | (buffer[b + 1] << 8)) / 32768f;
        }
        return frames;
    }

    @Override
    public long nanosUntil(int frames) {
        return 0;
    }

    @Override
    public void stop() {
        if (line != null) {
            line.stop();
            line.close();
            line = null;
        }
    }

    @Override
    public String name() {
        return "microphone " + device;
    }
}
