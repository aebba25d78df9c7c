package io.etareport.buz;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the rows of one query naming several customers into each customer's rows, in the order they came: what
 * a query naming that customer alone would have returned, since BuzManager filters a row by its {@code Customer}
 * and sends the matches in its own order either way.
 */
final class CustomerRows {

    private CustomerRows() {
    }

    /**
     * @return every name asked for, in the order asked, with its rows (empty when none); a row naming nobody asked
     * for (it cannot come from such a filter) goes to nobody, so no customer is ever given another's rows
     */
    static Map<String, List<Map<String, Object>>> split(Collection<String> names, List<Map<String, Object>> rows) {
        Map<String, List<Map<String, Object>>> byName = new LinkedHashMap<>();
        for (String name : names) {
            byName.put(name, new ArrayList<>());
        }
        for (Map<String, Object> row : rows) {
            // The supplier compares names ordinally, exactly as sent: so does this.
            if (row.get("Customer") instanceof String customer) {
                List<Map<String, Object>> own = byName.get(customer);
                if (own != null) {
                    own.add(row);
                }
            }
        }
        return byName;
    }
}
