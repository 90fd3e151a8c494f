package io.livechain.web;

import io.livechain.testing.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The whole platform on a real port and a PostgreSQL database of the test class's own. */
@PostgresTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "livechain.admin-api-key=" + Api.OPERATOR_KEY,
            // a read at a position (Api.at) waits for the read models as long as the platform allows: a loaded
            // machine must not make a test read stale
            "livechain.reads.max-wait=10s"
        })
public abstract class PlatformIT {

    @LocalServerPort
    protected int port;

    @Autowired
    protected ApplicationContext context;

    protected Api api() {
        return new Api(port);
    }
}
