package org.hpcusage.plugin.gpfs;

import org.hpcusage.spi.scan.ScanParser;
import org.hpcusage.testkit.scan.AbstractScanParserContractTest;

class GpfsPolicyScanParserContractTest extends AbstractScanParserContractTest {
    @Override
    protected ScanParser parser() {
        return new GpfsPolicyScanParser();
    }

    @Override
    protected String sampleInput() {
        return """
                <0> 100 1 0 s=0 a=8 u=1000 g=1000 m=FAu p=drwxr-xr-x ac=2026-01-15 10:00:00 nl=2 -- /gpfs/test
                <0> 101 1 0 s=0 a=8 u=1000 g=1000 m=FAu p=drwxr-xr-x ac=2026-01-15 10:00:00 nl=2 -- /gpfs/test/user 1
                <0> 200 1 0 s=1024 a=8 u=1000 g=1000 m=FAu p=-rw-r--r-- ac=2025-12-01 10:00:00 nl=1 -- /gpfs/test/user 1/a -- b.txt
                """;
    }

    @Override
    protected int expectedEntryCount() {
        return 3;
    }
}
