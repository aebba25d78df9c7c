package io.etareport.desk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import io.etareport.buz.Instance;

/**
 * What a member of staff narrowed the desk to. Unknown values are ignored rather than refused, like the customer
 * page's filters.
 *
 * @param customer a customer id, or null for all
 * @param instance a factory, or null for both
 * @param state    one reason, or null for any
 * @param search   part of an order number or of the customer's reference, case-insensitive; null for none
 */
record DeskFilter(Long customer, Instance instance, DeskState state, String search) {

    static final DeskFilter NONE = new DeskFilter(null, null, null, null);

    static DeskFilter of(String customer, String factory, String state, String search) {
        Long customerId = null;
        if (customer != null && customer.matches("\\d{1,18}")) {
            customerId = Long.parseLong(customer);
        }
        Instance instance = factory == null ? null : Arrays.stream(Instance.values())
                .filter(candidate -> candidate.name().equalsIgnoreCase(factory.trim())).findFirst().orElse(null);
        String words = search == null || search.isBlank() ? null : search.strip();
        if (words != null && words.length() > 100) {
            words = words.substring(0, 100);
        }
        return new DeskFilter(customerId, instance, DeskState.parse(state).orElse(null), words);
    }

    public boolean isEmpty() {
        return customer == null && instance == null && state == null && search == null;
    }

    boolean keeps(DeskRow row) {
        return (customer == null || customer == row.customerId())
                && (instance == null || instance == row.instance())
                && (state == null || row.has(state))
                && (search == null || contains(row.refNo()) || contains(row.reference()));
    }

    private boolean contains(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT));
    }

    /**
     * This filter narrowed to one customer, as a query string ({@code ?customer=3&state=overdue}): where a
     * customer's "Show all" goes, a plain link that can be bookmarked.
     */
    public String queryFor(long customerId) {
        StringBuilder query = new StringBuilder("?customer=").append(customerId);
        if (instance != null) {
            query.append("&factory=").append(instance.name());
        }
        if (state != null) {
            query.append("&state=").append(state.value());
        }
        if (search != null) {
            query.append("&q=").append(URLEncoder.encode(search, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    Optional<String> stateValue() {
        return Optional.ofNullable(state).map(DeskState::value);
    }
}
