package org.hpcusage.core.store;

/** A lookup row: surrogate id and name. */
public class NamedId {
    private long id;
    private String name;

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
