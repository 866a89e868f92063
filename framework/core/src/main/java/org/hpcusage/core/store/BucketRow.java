package org.hpcusage.core.store;

/** One (period, bucket) group of a bucketed resource report; period is 0 when not periodic. */
public class BucketRow {
    private long period;
    private int bucket;
    private long jobCount;
    private long userCount;
    private double hours;
    private double waitSecs;

    public long getPeriod() { return period; }
    public void setPeriod(long v) { period = v; }
    public int getBucket() { return bucket; }
    public void setBucket(int v) { bucket = v; }
    public long getJobCount() { return jobCount; }
    public void setJobCount(long v) { jobCount = v; }
    public long getUserCount() { return userCount; }
    public void setUserCount(long v) { userCount = v; }
    public double getHours() { return hours; }
    public void setHours(double v) { hours = v; }
    public double getWaitSecs() { return waitSecs; }
    public void setWaitSecs(double v) { waitSecs = v; }
}
