package org.hpcusage.core.store;

/** One synced unit in the ledger. */
public class LedgerEntry {
    private long machineId;
    private String unit;
    private String source;
    private Long sourceBytes;
    private String mode;
    private int fetched, inserted, updated, rejected;
    private long syncedAt;

    public long getMachineId() { return machineId; }
    public void setMachineId(long v) { machineId = v; }
    public String getUnit() { return unit; }
    public void setUnit(String v) { unit = v; }
    public String getSource() { return source; }
    public void setSource(String v) { source = v; }
    public Long getSourceBytes() { return sourceBytes; }
    public void setSourceBytes(Long v) { sourceBytes = v; }
    public String getMode() { return mode; }
    public void setMode(String v) { mode = v; }
    public int getFetched() { return fetched; }
    public void setFetched(int v) { fetched = v; }
    public int getInserted() { return inserted; }
    public void setInserted(int v) { inserted = v; }
    public int getUpdated() { return updated; }
    public void setUpdated(int v) { updated = v; }
    public int getRejected() { return rejected; }
    public void setRejected(int v) { rejected = v; }
    public long getSyncedAt() { return syncedAt; }
    public void setSyncedAt(long v) { syncedAt = v; }
}
