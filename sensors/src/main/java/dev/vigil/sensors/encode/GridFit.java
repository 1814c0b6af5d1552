package dev.vigil.sensors.encode;

/** How {@link DvsGridEncoder} lays the event camera's pixels onto its grid. */
public enum GridFit {
    /**
     * Each axis scaled on its own: column {@code x * gx / width}, row {@code y * gy / height} over the
     * whole frame; cells may differ in size by a pixel and the aspect ratio is not kept.
     */
    STRETCH,
    /**
     * Square cells of {@code k × k} pixels, {@code k} the largest whole factor for which the grid fits the
     * region: the grid is centred in the region and events outside it are dropped.
     */
    CROP
}
