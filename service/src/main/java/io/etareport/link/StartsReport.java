package io.etareport.link;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@link OpenLink} parameter: the route starts (or joins) a report, so resolving the link also counts one
 * start against the client's allowance, except for link previews, which never start one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@interface StartsReport {
}
