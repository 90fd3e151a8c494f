package io.livechain.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livechain.LiveChainApplication;
import io.livechain.access.store.WeakOperatorKey;
import io.livechain.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A weak or published operator key stops the platform before it serves anything, outside local development. */
class OperatorKeyIT {

    @Test
    void refuses_to_start_with_the_published_compose_default() {
        // given
        var database = TestDatabases.create("weakkey");
        // when / then
        assertThatThrownBy(() -> new SpringApplicationBuilder(LiveChainApplication.class)
                        .run(
                                "--spring.datasource.url=" + database.url(),
                                "--spring.datasource.username=" + database.user(),
                                "--spring.datasource.password=" + database.password(),
                                "--server.port=0",
                                "--livechain.admin-api-key=change-me-operator-key")
                        .close())
                .hasRootCauseInstanceOf(WeakOperatorKey.class)
                .rootCause()
                .hasMessageContaining("published default")
                .hasMessageNotContaining("change-me-operator-key");
    }
}
