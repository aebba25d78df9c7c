package io.etareport.buz;

/**
 * Whose open orders to fetch from one instance: a customer by name, or every customer of a
 * customer group (the customers table's {@code field_type}).
 */
public record CustomerScope(Kind kind, String name) {

    public enum Kind {
        CUSTOMER, GROUP
    }

    public static CustomerScope customer(String name) {
        return new CustomerScope(Kind.CUSTOMER, name);
    }

    public static CustomerScope group(String name) {
        return new CustomerScope(Kind.GROUP, name);
    }
}
