package io.livechain.forecast;

import java.util.List;
import java.util.Objects;

/**
 * What a stream is expected to sell before the SKU has streamed: {@code share} of its offer's quantity, spread
 * evenly over its time on air. Learned from the merchant's past streams of any SKU (units ordered while on air over
 * units offered), shrunk toward {@link #DEFAULT_SHARE} by {@link #WEIGHT} streams' worth of evidence, so a merchant's
 * first streams lean on the default and its tenth on its own record.
 */
public record StreamPrior(double share) {

    /** Half the offer: the share assumed before the merchant has any stream of its own. */
    public static final double DEFAULT_SHARE = 0.5;

    /** How many average streams the default counts as. */
    static final double WEIGHT = 2;

    public static final StreamPrior DEFAULT = new StreamPrior(DEFAULT_SHARE);

    public StreamPrior {
        if (!(share >= 0 && Double.isFinite(share))) {
            throw new IllegalArgumentException("a share is a finite number, not negative: " + share);
        }
    }

    /** One past stream's offer of one SKU: the units offered and the units ordered while it was on air. */
    public record Outcome(int offered, int ordered) {

        public Outcome {
            if (offered <= 0 || ordered < 0) {
                throw new IllegalArgumentException("offered > 0 and ordered >= 0, got " + offered + ", " + ordered);
            }
        }
    }

    /** The share of the offers that the past streams sold, shrunk toward the default. */
    public static StreamPrior learnedFrom(List<Outcome> outcomes) {
        Objects.requireNonNull(outcomes, "outcomes");
        if (outcomes.isEmpty()) {
            return DEFAULT;
        }
        double offered = 0;
        double ordered = 0;
        for (Outcome outcome : outcomes) {
            offered += outcome.offered();
            ordered += outcome.ordered();
        }
        double average = offered / outcomes.size();
        return new StreamPrior((ordered + WEIGHT * average * DEFAULT_SHARE) / (offered + WEIGHT * average));
    }

    /** Units per hour on air that a stream of this offer quantity and length is expected to sell. */
    double unitsPerHour(StreamWindow stream) {
        return share * stream.quantity() / stream.hours();
    }
}
