package org.hpcusage.plugin.posix;

import org.hpcusage.spi.scan.ScanParser;
import org.hpcusage.testkit.scan.AbstractScanParserContractTest;

class PosixFindScanParserContractTest extends AbstractScanParserContractTest {
    @Override
    protected ScanParser parser() {
        return new PosixFindScanParser();
    }

    @Override
    protected String sampleInput() {
        return """
                s=4096 b=8 u=1000 g=100 type=d a=1708547123.5 -- /data
                s=51 b=8 u=1000 g=100 type=f a=1708547123 -- /data/a file
                """;
    }

    @Override
    protected int expectedEntryCount() {
        return 2;
    }
}
