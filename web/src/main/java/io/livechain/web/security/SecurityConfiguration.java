package io.livechain.web.security;

import io.livechain.access.ApiKeys;
import io.livechain.access.Role;
import io.livechain.web.support.ProblemResponses;
import io.livechain.web.support.ProblemTypes;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Every endpoint needs an API key, and each audience's paths need its role. Health probes, the API documentation
 * and the war room's page (without figures) are open; everything else answers 401 without a key and 403 with a key
 * of the wrong role.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class SecurityConfiguration {

    @Bean
    RateLimits rateLimits(RateLimitProperties properties, MeterRegistry meters) {
        return new RateLimits(properties, meters);
    }

    @Bean
    KeyCheck keyCheck(ApiKeys apiKeys, RateLimits rateLimits) {
        return new KeyCheck(apiKeys, rateLimits);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, KeyCheck keys, RateLimits rateLimits, ProblemResponses problems)
            throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(keys, rateLimits, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // an event stream's last dispatch, after it ends: the request was authorized when it came
                        .dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        // the war room's page and its scripts hold no figures; the figures it asks for need the
                        // merchant's key, like every other endpoint under /api/v1 (ADR 0014)
                        .requestMatchers(HttpMethod.GET, "/war-room/*", "/assets/**", "/webjars/**")
                        .permitAll()
                        .requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/error")
                        .permitAll()
                        .requestMatchers("/api/v1/admin/**", "/actuator/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/factory/**")
                        .hasRole(Role.FACTORY.name())
                        .requestMatchers("/api/v1/warehouse/**")
                        .hasRole(Role.WAREHOUSE.name())
                        .requestMatchers("/api/v1/courier/**")
                        .hasRole(Role.COURIER.name())
                        // a participant's own key; the operator's is set by configuration
                        .requestMatchers("/api/v1/me/**")
                        .hasAnyRole(
                                Role.MERCHANT.name(), Role.FACTORY.name(), Role.WAREHOUSE.name(), Role.COURIER.name())
                        .requestMatchers("/api/v1/**")
                        .hasRole(Role.MERCHANT.name())
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, exception) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            problems.write(
                                    response,
                                    ProblemTypes.problem(
                                            HttpStatus.UNAUTHORIZED,
                                            ProblemTypes.UNAUTHENTICATED,
                                            "an API key is required: Authorization: Bearer <key>"));
                        })
                        .accessDeniedHandler((request, response, exception) -> problems.write(
                                response,
                                ProblemTypes.problem(
                                        HttpStatus.FORBIDDEN,
                                        ProblemTypes.FORBIDDEN,
                                        "this API key's role may not use this endpoint"))))
                .build();
    }
}
