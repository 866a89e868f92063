package org.hpcusage.plugin.pbs;

import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingParser;
import org.hpcusage.testkit.accounting.AbstractAccountingParserContractTest;

/** The generic parser contract on a hand-written Derecho mini day (three E records, README). */
class PbsAccountingParserContractTest extends AbstractAccountingParserContractTest {

    @Override
    protected AccountingParser parser() {
        return new PbsAccountingParser();
    }

    @Override
    protected String sampleInput() {
        return PbsFixtures.resource("contract/derecho-mini-day.log");
    }

    @Override
    protected int expectedJobCount() {
        return 3;
    }

    @Override
    protected Settings settings() {
        return PbsFixtures.DERECHO;
    }
}
