package org.financingorchestrator.workflows.common;

/**
 * Where the shopper's browser goes after a provider sent it back to us: the merchant's success
 * page or its failure page, with the flow's outcome. The answer to a redirect callback Update.
 */
public record ShopperRedirect(String location, FlowState state, String reason) {}
