/**
 * Operator commands, run in a context without a web server.
 */
package io.etareport.cli;
