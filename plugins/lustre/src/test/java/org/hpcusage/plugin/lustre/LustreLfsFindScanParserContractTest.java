package org.hpcusage.plugin.lustre;

import org.hpcusage.spi.scan.ScanParser;
import org.hpcusage.testkit.scan.AbstractScanParserContractTest;

class LustreLfsFindScanParserContractTest extends AbstractScanParserContractTest {
    @Override
    protected ScanParser parser() {
        return new LustreLfsFindScanParser();
    }

    @Override
    protected String sampleInput() {
        return """
                0x24001959d:0x1f:0x0 s=16384 b=32 u=38057 g=68122 p=1 type=d perm=0750 a=1769700762 m=1739055225 c=1739055225 -- /lustre/path/dir
                0x28001ff98:0xe66b:0x0 s=51 b=8 u=16093 g=4801 p=1 type=f perm=0755 a=1708547123 m=1670625642 c=1708547123 -- /lustre/path/dir/file.txt
                """;
    }

    @Override
    protected int expectedEntryCount() {
        return 2;
    }
}
