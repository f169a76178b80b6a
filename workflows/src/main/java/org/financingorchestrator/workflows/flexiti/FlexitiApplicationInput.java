package org.financingorchestrator.workflows.flexiti;

import java.time.Duration;

/** What an application flow starts with; {@code decisionWait} bounds a Quebec applicant's answer. */
public record FlexitiApplicationInput(FlexitiApplicationRequest request, String merchantId, Duration decisionWait) {}
