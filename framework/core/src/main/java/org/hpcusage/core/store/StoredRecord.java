package org.hpcusage.core.store;

/** A job's archived raw record as stored: how it was compressed and the bytes. */
public class StoredRecord {
    private String jobId;
    private Long end;
    private int codec;
    private Long dictId;
    private byte[] compressedData;

    public String getJobId() { return jobId; }
    public void setJobId(String v) { jobId = v; }
    public Long getEnd() { return end; }
    public void setEnd(Long v) { end = v; }
    public int getCodec() { return codec; }
    public void setCodec(int v) { codec = v; }
    public Long getDictId() { return dictId; }
    public void setDictId(Long v) { dictId = v; }
    public byte[] getCompressedData() { return compressedData; }
    public void setCompressedData(byte[] v) { compressedData = v; }
}
