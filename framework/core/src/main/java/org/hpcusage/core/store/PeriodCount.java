package org.hpcusage.core.store;

/** A count for one period, optionally per user and/or account. */
public class PeriodCount {
    private long period;
    private String userName;
    private String accountName;
    private long count;

    public long getPeriod() { return period; }
    public void setPeriod(long v) { period = v; }
    public String getUserName() { return userName; }
    public void setUserName(String v) { userName = v; }
    public String getAccountName() { return accountName; }
    public void setAccountName(String v) { accountName = v; }
    public long getCount() { return count; }
    public void setCount(long v) { count = v; }
}
