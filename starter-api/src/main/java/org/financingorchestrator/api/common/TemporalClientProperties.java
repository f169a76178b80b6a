package org.financingorchestrator.api.common;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reachTimeout how long one call keeps trying to reach Temporal (retries, and the first
 *     server-capabilities handshake) before the API answers 503 instead of keeping the caller
 *     waiting
 */
@ConfigurationProperties("temporal-client")
public record TemporalClientProperties(@DefaultValue("PT10S") Duration reachTimeout) {}
