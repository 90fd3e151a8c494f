package io.livechain.web.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP edge ({@code livechain.http.*}).
 *
 * @param maxBodyBytes larger request bodies are answered {@code 413 payload-too-large}
 */
@ConfigurationProperties("livechain.http")
public record HttpProperties(@DefaultValue("1048576") int maxBodyBytes) {}
