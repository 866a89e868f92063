package org.hpcusage.core.store;

/** The lookup tables and their name columns. */
public enum LookupTable {
    USERS("users", "username"),
    ACCOUNTS("accounts", "account_name"),
    QUEUES("queues", "queue_name"),
    QOS("job_qos", "name"),
    MACHINES("machines", "name");

    private final String table;
    private final String column;

    LookupTable(String table, String column) {
        this.table = table;
        this.column = column;
    }

    public String table() { return table; }
    public String column() { return column; }
}
