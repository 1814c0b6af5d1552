/**
 * Raw-signal features for the dense stage, computed only when a lane wakes: audio as log-mel frames
 * (and MFCC), vibration as magnitude and envelope spectra (where bearing defect lines show), the
 * event camera as polarity event-count frames at a chosen resolution, and their int8 quantisation
 * ({@link dev.vigil.sensors.features.Int8Scale}). While nothing wakes, the stream only goes into a
 * fixed ring ({@link dev.vigil.sensors.features.SampleRing}, {@link dev.vigil.sensors.features.EventRing})
 * sized by the settings; appending and computing allocate nothing.
 * <p>
 * The FFT is Vigil's own ({@link dev.vigil.sensors.features.Fft}, {@link dev.vigil.sensors.features.RealFft}:
 * radix-2, tables computed once, about 150 lines) rather than JTransforms 3.1, the usual Java FFT.
 * Measured with {@code tests/bench -f 1 -wi 3 -i 5 -prof gc Fft} (FftBenchmark, single thread, on a
 * 2-core machine shared with other builds, so the errors are wide), JTransforms is faster: 3.5 against
 * 4.8 µs for 512 points and 169 against 451 µs for 16,384; both allocate nothing per transform. Vigil's
 * FFT keeps its place because that difference is a fraction of a millisecond per wake (features are
 * never computed on the always-on path), while JTransforms would add three jars, 3.4 MB, to every
 * install (JTransforms 1.2 MB, JLargeArrays 0.2 MB, commons-math3 2.0 MB, the last two needed by its
 * FFT classes), has had no release since 2015, and splits transforms of 8,192 points and more across
 * a thread pool unless a JVM-wide setting turns that off.
 */
package dev.vigil.sensors.features;
