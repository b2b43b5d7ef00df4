package app.rounds.platform.control;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrganisationTest {

    @Test
    void withoutANameOrALogoThePagesShowNeitherAndTheColourIsNormalised() {
        Organisation.Branding branding = Organisation.branding(Optional.empty(), Optional.of("  "), " #0B5CAD ");
        assertNull(branding.name());
        assertNull(branding.logoUrl());
        assertEquals("#0b5cad", branding.colour());
    }

    @Test
    void aNameALogoOnThisSiteAndAnInlineLogoAreTaken() {
        assertEquals(new Organisation.Branding("St Elsewhere Hospital", "/branding/logo.svg", "#7a1f5c"),
                Organisation.branding(Optional.of(" St Elsewhere Hospital "), Optional.of("/branding/logo.svg"), "#7a1f5c"));
        assertEquals("data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=", Organisation.branding(Optional.empty(),
                Optional.of("data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="), "#000000").logoUrl());
    }

    @Test
    void aLogoFromAnotherSiteOrAScriptIsRefusedNamingTheKey() {
        for (String logo : new String[]{"https://cdn.example/logo.png", "//cdn.example/logo.png",
                "javascript:alert(1)", "data:text/html,<script>", "/logo.svg\" onerror=\"x"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Organisation.branding(Optional.empty(), Optional.of(logo), "#0b5cad"), logo);
            assertTrue(refused.getMessage().startsWith("rounds.organisation.logo-url must be"), refused.getMessage());
        }
    }

    @Test
    void aColourThatIsNotHashAndSixHexDigitsIsRefusedNamingTheKey() {
        for (String colour : new String[]{"blue", "#0b5", "#0b5cadff", "red; background: url(x)", ""}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> Organisation.branding(Optional.empty(), Optional.empty(), colour), colour);
            assertTrue(refused.getMessage().startsWith("rounds.organisation.colour must be"), refused.getMessage());
        }
    }

    @Test
    void aNameLongerThanAProjectorCanShowIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Organisation.branding(Optional.of("x".repeat(101)), Optional.empty(), "#0b5cad"));
    }
}
