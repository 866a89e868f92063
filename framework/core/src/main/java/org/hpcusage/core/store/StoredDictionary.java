package org.hpcusage.core.store;

/** A trained compression dictionary. */
public class StoredDictionary {
    private long id;
    private byte[] dictionary;

    public long getId() { return id; }
    public void setId(long v) { id = v; }
    public byte[] getDictionary() { return dictionary; }
    public void setDictionary(byte[] v) { dictionary = v; }
}
