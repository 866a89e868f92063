package org.hpcusage.spi.charging;

/**
 * What one job costs. Hours are raw; the QoS factor is kept beside them and applied only where
 * charges (not hours) are reported.
 *
 * @param qos         QoS name the job resolved to ("regular", "premium", ...)
 * @param qosFactor   that QoS's charge factor
 * @param cpuHours    CPU core-hours
 * @param gpuHours    GPU-hours
 * @param memoryHours memory GB-hours (1 GB = 1024^3 bytes)
 * @since 0.1
 */
public record Charge(String qos, double qosFactor, double cpuHours, double gpuHours, double memoryHours) {
}
