package app.rounds.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How an instance knows it was started alone: Payara Micro writes --nocluster into its domain.xml. */
class DataGridTest {

    @Test
    void payaraMicroStartedWithNoclusterIsAlone() {
        // as a start with --nocluster wrote it (Payara Micro 7.2026.11)
        assertTrue(DataGrid.clusteringOff("<domain><configs><config name=\"server-config\">"
                + "<hazelcast-config-specific-configuration clustering-enabled=\"false\">"
                + "</hazelcast-config-specific-configuration></config></configs></domain>"));
    }

    @Test
    void payaraMicroStartedInAClusterIsNot() {
        assertFalse(DataGrid.clusteringOff("<domain><configs><config name=\"server-config\">"
                + "<hazelcast-config-specific-configuration enabled=\"true\">"
                + "</hazelcast-config-specific-configuration></config></configs></domain>"));
        assertFalse(DataGrid.clusteringOff(""), "unknown: used as in a cluster");
    }
}
