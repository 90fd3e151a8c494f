package io.livechain.web;

import io.livechain.testing.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole platform on a real port and a PostgreSQL database of the test class's own. */
@PostgresTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"livechain.admin-api-key=" + Api.OPERATOR_KEY})
public abstract class PlatformIT {

    @LocalServerPort
    protected int port;

    protected Api api() {
        return new Api(port);
    }
}
