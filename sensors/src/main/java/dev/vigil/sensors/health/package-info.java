/**
 * Health of live sensors: what a driver reports (healthy, retrying after bus errors, unhealthy and
 * waiting to retry) so the runtime can publish it in its status and metrics.
 */
package dev.vigil.sensors.health;
