package dev.vigil.drivers.audio;

import dev.vigil.drivers.sensor.GuardedSampleSource;
import dev.vigil.drivers.sensor.RetryPolicy;
import dev.vigil.drivers.sensor.Settings;
import dev.vigil.drivers.sensor.TimeBase;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.SourceProvider;
import java.time.Duration;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/**
 * {@code microphone}: an ALSA or USB microphone through {@code javax.sound.sampled}. Settings:
 * {@code device} (a substring of the mixer name, e.g. {@code plughw:1,0}; default: the system's
 * default capture line), {@code rate-hz} (default 16000), {@code channels} (1 or 2),
 * {@code batch-frames}, {@code stream-id}, {@code recovery-ms}.
 */
public final class MicrophoneProvider implements SourceProvider {
    private final LineOpener explicitOpener;
    private final TimeBase time;

    /** For {@link java.util.ServiceLoader}: lines come from {@link AudioSystem}. */
    public MicrophoneProvider() {
        this(null, TimeBase.SYSTEM);
    }

    /** For tests: lines from {@code opener}, time from {@code time}. */
    public MicrophoneProvider(LineOpener opener, TimeBase time) {
        this.explicitOpener = opener;
        this.time = time;
    }

    @Override
    public String id() {
        return "microphone";
    }

    @Override
    public String description() {
        return "ALSA/USB microphone through javax.sound.sampled (16-bit PCM, full scale)";
    }

    @Override
    public SensorSource open(Map<String, String> settings) {
        Settings s = new Settings(id(), settings);
        String device = s.string("device", "");
        int rate = s.integer("rate-hz", 16_000, 8_000, 192_000);
        int channels = s.integer("channels", 1, 1, 2);
        int batchFrames = s.integer("batch-frames", rate / 50, 1, 1 << 16);
        int streamId = s.integer("stream-id", 0, 0, 0xFFFF);
        int recoveryMs = s.integer("recovery-ms", 5000, 10, 3_600_000);
        s.requireAllUsed();
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        LineOpener opener = explicitOpener != null ? explicitOpener : (f, bytes) -> systemLine(device, f, bytes);
        RetryPolicy policy = new RetryPolicy(RetryPolicy.DEFAULT.attempts(), RetryPolicy.DEFAULT.firstBackoff(),
                RetryPolicy.DEFAULT.maxBackoff(), Duration.ofMillis(recoveryMs));
        MicrophoneReader reader = new MicrophoneReader(opener, format, device.isEmpty() ? "default" : device,
                streamId, batchFrames);
        return new GuardedSampleSource(reader, batchFrames, policy, time, null);
    }

    /** The capture line of the first mixer whose name or description contains {@code device}. */
    static TargetDataLine systemLine(String device, AudioFormat format, int bufferBytes)
            throws LineUnavailableException {
        DataLine.Info info = new DataLine.Info(TargetDataLine.class, format);
        TargetDataLine line = null;
        if (device.isEmpty()) {
            line = (TargetDataLine) AudioSystem.getLine(info);
        } else {
            for (Mixer.Info m : AudioSystem.getMixerInfo()) {
                Mixer mixer = AudioSystem.getMixer(m);
                if ((m.getName().contains(device) || m.getDescription().contains(device))
                        && mixer.isLineSupported(info)) {
                    line = (TargetDataLine) mixer.getLine(info);
                    break;
                }
            }
            if (line == null) {
                throw new LineUnavailableException("no capture mixer matches '" + device + "' for " + format
                        + " (arecord -l lists the devices)");
            }
        }
        line.open(format, bufferBytes);
        return line;
    }
}
