package io.livechain.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.forecast.StreamWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticDemandTest {

    @Test
    void the_same_seed_gives_the_same_demand_and_another_seed_other_demand() {
        assertThat(SyntheticDemand.generate(3)).isEqualTo(SyntheticDemand.generate(3));
        assertThat(SyntheticDemand.generate(3)).isNotEqualTo(SyntheticDemand.generate(4));
    }

    @Test
    void has_busy_intermittent_and_new_skus() {
        // when
        List<SyntheticDemand.Sku> skus = SyntheticDemand.generate(42);

        // then
        assertThat(skus)
                .extracting(SyntheticDemand.Sku::group)
                .contains(SyntheticDemand.BUSY, SyntheticDemand.INTERMITTENT, SyntheticDemand.NEW);
        for (SyntheticDemand.Sku sku : skus) {
            int[] units = sku.hourlyUnits();
            long zeros = Arrays.stream(units).filter(u -> u == 0).count();
            switch (sku.group()) {
                case SyntheticDemand.BUSY -> {
                    assertThat(units).hasSize(SyntheticDemand.DAYS * 24);
                    assertThat(sku.streams()).hasSizeBetween(SyntheticDemand.DAYS / 7, 3 * SyntheticDemand.DAYS / 7);
                }
                case SyntheticDemand.INTERMITTENT -> assertThat(zeros).isGreaterThan(units.length * 9L / 10);
                case SyntheticDemand.NEW -> assertThat(units.length).isLessThanOrEqualTo(SyntheticDemand.DAYS * 24 / 2);
                default -> throw new AssertionError(sku.group());
            }
        }
    }

    @Test
    void streams_are_one_to_two_hours_in_the_evening_and_sell_far_more_than_the_hours_around_them() {
        // given
        SyntheticDemand.Sku busy = SyntheticDemand.generate(42).getFirst();
        int[] units = busy.hourlyUnits();

        for (StreamWindow stream : busy.streams()) {
            // then
            assertThat(Duration.between(stream.start(), stream.end()))
                    .isBetween(Duration.ofHours(1), Duration.ofHours(2));
            int firstHour =
                    (int) Duration.between(busy.firstHour(), stream.start()).toHours();
            if (firstHour < 24) {
                continue;
            }
            int onAir = units[firstHour] + units[firstHour + 1];
            int dayBefore = units[firstHour - 24] + units[firstHour - 23];
            assertThat(onAir).as("stream at %s", stream.start()).isGreaterThan(5 * dayBefore);
        }
        assertThat(busy.streams())
                .allSatisfy(stream -> assertThat(stream.start())
                        .isAfterOrEqualTo(
                                stream.start().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(18))));
        assertThat(busy.firstHour()).isEqualTo(SyntheticDemand.START).isEqualTo(Instant.parse("2025-03-03T00:00:00Z"));
    }
}
