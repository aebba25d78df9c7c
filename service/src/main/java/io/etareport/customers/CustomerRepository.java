package io.etareport.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.etareport.db.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code customers} table, shared with the original service: columns and values as it wrote them. */
@Repository
public class CustomerRepository {

    private static final String COLUMNS = "id, dd_name, cbr_name, obfuscated_id, field_type, display_name";

    private final JdbcClient writes;
    private final JdbcClient reads;

    public CustomerRepository(JdbcClient writes, @ReadOnly JdbcClient reads) {
        this.writes = writes;
        this.reads = reads;
    }

    public Optional<Customer> findByObfuscatedId(String obfuscatedId) {
        if (!ObfuscatedId.isValid(obfuscatedId)) {
            return Optional.empty();
        }
        return reads.sql("SELECT " + COLUMNS + " FROM customers WHERE obfuscated_id = ?")
                .param(obfuscatedId).query(CustomerRepository::map).optional();
    }

    public Optional<Customer> findById(long id) {
        return reads.sql("SELECT " + COLUMNS + " FROM customers WHERE id = ?")
                .param(id).query(CustomerRepository::map).optional();
    }

    /** Every customer, by the name they are shown under, ignoring case. */
    public List<Customer> findAll() {
        return reads.sql("SELECT " + COLUMNS + " FROM customers").query(CustomerRepository::map).list().stream()
                .sorted(java.util.Comparator.comparing((Customer c) -> c.name().toLowerCase(java.util.Locale.ROOT))
                        .thenComparing(Customer::id))
                .toList();
    }

    /** Adds a customer with a new private link id. */
    public Customer add(String ddName, String cbrName, FieldType fieldType, String displayName) {
        String id = ObfuscatedId.generate();
        writes.sql("INSERT INTO customers (dd_name, cbr_name, obfuscated_id, field_type, display_name)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(blankToNull(ddName), blankToNull(cbrName), id, fieldType.label(), blankToNull(displayName))
                .update();
        return writes.sql("SELECT " + COLUMNS + " FROM customers WHERE obfuscated_id = ?")
                .param(id).query(CustomerRepository::map).single();
    }

    /** Changes names and type; the link id never changes, so links already sent keep working. */
    public boolean update(long id, String ddName, String cbrName, FieldType fieldType, String displayName) {
        return writes.sql("UPDATE customers SET dd_name = ?, cbr_name = ?, field_type = ?, display_name = ?"
                        + " WHERE id = ?")
                .params(blankToNull(ddName), blankToNull(cbrName), fieldType.label(), blankToNull(displayName), id)
                .update() == 1;
    }

    public boolean delete(long id) {
        return writes.sql("DELETE FROM customers WHERE id = ?").param(id).update() == 1;
    }

    private static Customer map(ResultSet row, int n) throws SQLException {
        // A field_type the original's triggers let through cannot exist; anything odd reads as a name.
        FieldType type = FieldType.fromLabel(row.getString("field_type")).orElse(FieldType.CUSTOMER_NAME);
        return new Customer(row.getLong("id"), row.getString("dd_name"), row.getString("cbr_name"),
                row.getString("obfuscated_id"), type, row.getString("display_name"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
