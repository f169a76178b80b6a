package org.financingorchestrator.api.common;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this app reads any provider's flow status.
 *
 * @param statusQueryWait how long a status read waits for the flow's own answer (its status
 *     Query, which only a running worker answers) before answering what the flow last recorded
 */
@ConfigurationProperties("flows")
public record FlowStatusProperties(@DefaultValue("PT3S") Duration statusQueryWait) {}
