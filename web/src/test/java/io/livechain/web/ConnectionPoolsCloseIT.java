package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.livechain.infrastructure.database.ConnectionPools;
import io.livechain.testing.TestDatabases;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Closing the platform closes both of its connection pools: none of its database sessions outlive it. */
class ConnectionPoolsCloseIT {

    @Test
    void closing_the_platform_closes_the_background_pool_too() {
        // given
        var platform = RunningPlatform.start(TestDatabases.create("pools"), List.of());
        var pools = (ConnectionPools) platform.getBean(DataSource.class);
        // when
        platform.close();
        // then
        assertThat(pools.requestsPool().isClosed()).isTrue();
        assertThat(pools.backgroundPool().isClosed()).isTrue();
    }
}
