/**
 * Sign-in, roles, CSRF, security headers and error pages.
 */
package io.etareport.security;
