package io.livechain.web.stream;

import io.livechain.notification.NotificationFeed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class EventStreamConfiguration {

    @Bean
    NotificationStreams notificationStreams(NotificationFeed feed, EventStreams streams, JsonMapper json) {
        return new NotificationStreams(feed, streams, json);
    }
}
