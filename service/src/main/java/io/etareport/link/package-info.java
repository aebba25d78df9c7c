/**
 * Everything a customer's link holder reaches: the report page ({@code /<id>}, {@code /etas/<id>},
 * {@code /<id>/report/<job>}), the loading page and its job polling and event stream, {@code /sync/<id>}, signing up for update mails,
 * {@code /eta/start}, downloads, the calendar feed, link previews and the start limit. One resolver turns a route's
 * {@code {id}} into an {@link io.etareport.link.OpenLink} (format, unknown, replaced, paused, start limit), so no
 * controller checks a link itself.
 */
@ApplicationModule(allowedDependencies = {"buz", "cache", "customers", "export", "jobs", "notify", "ops", "report", "statuses"})
package io.etareport.link;

import org.springframework.modulith.ApplicationModule;
