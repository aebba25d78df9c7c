package io.etareport.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.servlet.Filter;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Security headers are written before the request is handled, on every chain. Written when the response
 * commits instead, a streamed download set them from the streaming thread while the request thread set them
 * too, and a download failed now and then with a ConcurrentModificationException in the response's headers.
 * The race cannot be forced in a test; the setting that removes it can be checked.
 */
@StaffWebTest
class HeadersWrittenFirstIntegrationTest {

    @Autowired
    List<SecurityFilterChain> chains;

    @Test
    void everyChainWritesItsSecurityHeadersBeforeTheRequestIsHandled() {
        List<Filter> headerFilters = chains.stream().flatMap(chain -> chain.getFilters().stream())
                .filter(HeaderWriterFilter.class::isInstance).toList();

        assertThat(headerFilters).hasSizeGreaterThanOrEqualTo(2).allSatisfy(filter ->
                assertThat(ReflectionTestUtils.getField(filter, "shouldWriteHeadersEagerly")).isEqualTo(true));
    }
}
