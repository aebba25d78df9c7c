/**
 * /api/v1 and the staff JSON look-ups of one order.
 */
package io.etareport.api;
