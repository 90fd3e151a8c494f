package io.livechain.forecast;

import java.util.Arrays;

/**
 * A seasonal profile (e.g. 24 hour-of-day or 7 day-of-week factors, mean 1) estimated from recency-weighted
 * observations per slot, each slot's mean shrunk toward the mean of all slots by how much of its deviation is
 * noise (a one-way random-effects, James–Stein-style estimate). A quiet SKU, whose slot means differ by no more
 * than chance, gets a flat profile; a busy SKU keeps its daily curve.
 */
final class SeasonalProfile {

    private final int slots;
    private final double[] weight;
    private final double[] weightSquared;
    private final double[] sum;
    private final double[] sumSquares;

    SeasonalProfile(int slots) {
        this.slots = slots;
        this.weight = new double[slots];
        this.weightSquared = new double[slots];
        this.sum = new double[slots];
        this.sumSquares = new double[slots];
    }

    void add(int slot, double value, double w) {
        if (w <= 0) {
            return;
        }
        weight[slot] += w;
        weightSquared[slot] += w * w;
        sum[slot] += w * value;
        sumSquares[slot] += w * value * value;
    }

    /** The factors, mean 1; all 1 when there is too little data to tell a pattern from noise. */
    double[] factors() {
        double[] flat = new double[slots];
        Arrays.fill(flat, 1.0);
        double[] mean = new double[slots];
        double[] effectiveCount = new double[slots];
        double pooledVariance = 0;
        double pooledDegrees = 0;
        int present = 0;
        double meanOfMeans = 0;
        for (int j = 0; j < slots; j++) {
            if (weight[j] <= 0) {
                continue;
            }
            present++;
            mean[j] = sum[j] / weight[j];
            meanOfMeans += mean[j];
            effectiveCount[j] = weight[j] * weight[j] / weightSquared[j];
            if (effectiveCount[j] > 1.0 + 1e-9) {
                double variance = Math.max(0, sumSquares[j] / weight[j] - mean[j] * mean[j]);
                double degrees = effectiveCount[j] - 1;
                pooledVariance += variance * effectiveCount[j]; // = unbiased variance × degrees
                pooledDegrees += degrees;
            }
        }
        if (present < 2 || pooledDegrees <= 0) {
            return flat;
        }
        meanOfMeans /= present;
        if (meanOfMeans <= 0) {
            return flat;
        }
        pooledVariance /= pooledDegrees;
        double spread = 0;
        double noise = 0;
        for (int j = 0; j < slots; j++) {
            if (weight[j] > 0) {
                spread += (mean[j] - meanOfMeans) * (mean[j] - meanOfMeans);
                noise += pooledVariance / effectiveCount[j];
            }
        }
        double between = Math.max(0, spread / (present - 1) - noise / present);
        double[] shrunk = new double[slots];
        double total = 0;
        for (int j = 0; j < slots; j++) {
            if (weight[j] > 0 && between > 0) {
                double keep = between / (between + pooledVariance / effectiveCount[j]);
                shrunk[j] = meanOfMeans + keep * (mean[j] - meanOfMeans);
            } else {
                shrunk[j] = meanOfMeans;
            }
            total += shrunk[j];
        }
        double average = total / slots;
        for (int j = 0; j < slots; j++) {
            shrunk[j] /= average;
        }
        return shrunk;
    }
}
