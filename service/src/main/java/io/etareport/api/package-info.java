/**
 * The JSON API under {@code /api/v1} (the original service's contract, plus orders and link controls), its
 * keys and their call log, the OpenAPI document, and the staff's order look-ups ({@code /jobs-schedule},
 * {@code /wip}).
 */
package io.etareport.api;
