package dev.vigil.sensors.encode;

/**
 * What {@link DvsEventFilter} removed, stage by stage, and what it kept.
 *
 * @param in          events offered
 * @param outsideRoi  dropped outside the region of interest (or the sensor)
 * @param hotPixel    dropped from pixels blocked as hot
 * @param refractory  dropped inside a pixel's refractory time
 * @param background  dropped by the background-activity filter as unsupported
 * @param kept        events passed on
 */
public record DvsFilterCounts(long in, long outsideRoi, long hotPixel, long refractory, long background, long kept) {
}
