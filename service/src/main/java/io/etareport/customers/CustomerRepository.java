package io.etareport.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.etareport.audit.AuditLog;
import io.etareport.db.ReadOnly;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code customers} table, shared with the original service: columns and values as it wrote them.
 * Every change is written to the audit log in the same transaction, by whoever is signed in.
 */
@Repository
public class CustomerRepository {

    static final String AUDIT_ENTITY = "customer";
    static final String COLUMNS = "id, dd_name, cbr_name, obfuscated_id, field_type, display_name";

    private final JdbcClient writes;
    private final JdbcClient reads;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    public CustomerRepository(JdbcClient writes, @ReadOnly JdbcClient reads, TransactionTemplate transactions,
                              AuditLog audit) {
        this.writes = writes;
        this.reads = reads;
        this.transactions = transactions;
        this.audit = audit;
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
        return transactions.execute(status -> {
            String id = ObfuscatedId.generate();
            writes.sql("INSERT INTO customers (dd_name, cbr_name, obfuscated_id, field_type, display_name)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(blankToNull(ddName), blankToNull(cbrName), id, fieldType.label(),
                            blankToNull(displayName))
                    .update();
            Customer added = writes.sql("SELECT " + COLUMNS + " FROM customers WHERE obfuscated_id = ?")
                    .param(id).query(CustomerRepository::map).single();
            audit.record(AUDIT_ENTITY, added.id(), "add", null, snapshot(added));
            return added;
        });
    }

    /** Changes names and type; the link id never changes, so links already sent keep working. */
    public boolean update(long id, String ddName, String cbrName, FieldType fieldType, String displayName) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<Customer> before = findForChange(id);
            if (before.isEmpty()) {
                return false;
            }
            writes.sql("UPDATE customers SET dd_name = ?, cbr_name = ?, field_type = ?, display_name = ?"
                            + " WHERE id = ?")
                    .params(blankToNull(ddName), blankToNull(cbrName), fieldType.label(), blankToNull(displayName),
                            id)
                    .update();
            audit.record(AUDIT_ENTITY, id, "edit", snapshot(before.get()), snapshot(findForChange(id).orElseThrow()));
            return true;
        }));
    }

    public boolean delete(long id) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<Customer> before = findForChange(id);
            if (before.isEmpty()) {
                return false;
            }
            writes.sql("DELETE FROM customers WHERE id = ?").param(id).update();
            audit.record(AUDIT_ENTITY, id, "delete", snapshot(before.get()), null);
            return true;
        }));
    }

    /** Read on the writer connection, so inside a change's transaction it sees that change. */
    Optional<Customer> findForChange(long id) {
        return writes.sql("SELECT " + COLUMNS + " FROM customers WHERE id = ?")
                .param(id).query(CustomerRepository::map).optional();
    }

    /** What the audit log keeps of a customer: what staff see, with the link only as a fingerprint. */
    static Map<String, Object> snapshot(Customer customer) {
        return AuditLog.fields("display_name", customer.displayName(), "dd_name", customer.ddName(),
                "cbr_name", customer.cbrName(), "field_type", customer.fieldType().label(),
                "link", AuditLog.linkFingerprint(customer.obfuscatedId()));
    }

    static Customer map(ResultSet row, int n) throws SQLException {
        // A field_type the original's triggers let through cannot exist; anything odd reads as a name.
        FieldType type = FieldType.fromLabel(row.getString("field_type")).orElse(FieldType.CUSTOMER_NAME);
        return new Customer(row.getLong("id"), row.getString("dd_name"), row.getString("cbr_name"),
                row.getString("obfuscated_id"), type, row.getString("display_name"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
