package io.etareport.link;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that waits for a customer's report inside the request (the sync view, a download without a
 * job): when that report fails (the supplier is down with nothing saved, ...), it answers the plain "unavailable"
 * page with the job's message. A type, not a
 * package name in a string, so the compiler and the module check see who relies on it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface ReportInRequest {
}
