/** Replay pacing: plays a recorded source back at its recorded speed, N times faster, or flat out. */
package dev.vigil.sensors.replay;
