package org.hpcusage.core.store;

/** The SQL dialects the store speaks; the id doubles as MyBatis databaseId and migration folder. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
