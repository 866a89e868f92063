package org.hpcusage.plugin.slurm;

import org.hpcusage.spi.accounting.AccountingParser;
import org.hpcusage.testkit.accounting.AbstractAccountingParserContractTest;

/** The generic parser contract on a small header dump with steps (three jobs). */
class SlurmAccountingParserContractTest extends AbstractAccountingParserContractTest {

    @Override
    protected AccountingParser parser() {
        return new SlurmAccountingParser();
    }

    @Override
    protected String sampleInput() {
        return SlurmFixtures.resource("contract-dump.txt");
    }

    @Override
    protected int expectedJobCount() {
        return 3;
    }
}
