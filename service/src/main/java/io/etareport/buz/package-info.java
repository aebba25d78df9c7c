/**
 * BuzManager's reports API: instances, the HTTP client, OData filters, queries and row parsing. Knows nothing of
 * how its data is used.
 * <p>
 * Its allowed dependencies are listed so the build (Spring Modulith's verification) fails when a lower
 * layer starts to depend on what uses it.
 */
@ApplicationModule(allowedDependencies = {})
package io.etareport.buz;

import org.springframework.modulith.ApplicationModule;
