package io.livechain.web.warroom;

import io.livechain.web.stream.EventStreams;
import java.time.Clock;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarRoomProperties.class)
class WarRoomConfiguration {

    /** Fed by the order intake ({@code web.merchant.OrderIntake}); read by the war rooms. */
    @Bean
    IntakeWatch intakeWatch() {
        return new IntakeWatch();
    }

    @Bean
    WarRooms warRooms(
            QueryGateway queries,
            IntakeWatch intake,
            EventStreams streams,
            JsonMapper json,
            Clock clock,
            WarRoomProperties settings) {
        return new WarRooms(queries, intake, streams, json, clock, settings);
    }
}
