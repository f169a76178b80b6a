package org.financingorchestrator.api.common;

/**
 * One invalid input, as a problem answer lists it.
 *
 * @param field the JSON path of the field (for example {@code items[0].price.amount}) or the name
 *     of the path or query parameter
 */
public record FieldProblem(String field, String message) {}
