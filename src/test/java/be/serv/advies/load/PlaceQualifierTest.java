package be.serv.advies.load;

import be.serv.advies.model.Application;
import be.serv.advies.model.Batch;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A place written as some exports write it, with a qualifier in parentheses (a province abbreviation,
 * an arrondissement, a region), is the municipality before it when that lies where the qualifier says;
 * the outputs keep the text as written. A qualifier that contradicts the municipality is refused, and
 * an unknown place is offered the municipality its name begins with.
 */
class PlaceQualifierTest extends OnShippedCopy {
    private Application application(Batch batch, String id) {
        return batch.getApplications().stream().filter(a -> a.getId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aQualifiedPlaceResolvesToTheMunicipalityAndKeepsItsText() throws Exception {
        // Given three applications whose place carries a qualifier: a province abbreviation, a region, an arrondissement
        copy.setApplicationCell("2223-0007", "place", "Geel (Antw.)");
        copy.setApplicationCell("2223-0198", "place", "Sint-Niklaas (Waas)");
        copy.setApplicationCell("2223-0001", "place", "Mechelen (Mechelen)");
        // When the batch is loaded and evaluated
        Batch batch = BatchLoader.load(copy.batch);
        be.serv.advies.cli.Shell.assertThat(copy.evaluate()).succeeded();
        // Then each is the municipality before the parenthesis, and the annex shows the place as written
        assertEquals("Geel", application(batch, "2223-0007").getLocation().name());
        assertEquals("Sint-Niklaas", application(batch, "2223-0198").getLocation().name());
        assertEquals("Mechelen", application(batch, "2223-0001").getLocation().name());
        assertEquals("Geel (Antw.)", application(batch, "2223-0007").getPlace());
        String annex = Files.readString(copy.out.resolve("annex.csv"));
        assertTrue(annex.contains("Geel (Antw.)") && annex.contains("Sint-Niklaas (Waas)"), "the annex keeps the place as written");
    }

    @Test
    void aQualifierThatNamesAnotherProvinceIsRefused() throws IOException {
        // Given Geel (province of Antwerp) written with the abbreviation of Limburg
        copy.setApplicationCell("2223-0007", "place", "Geel (Limb.)");
        // When / Then refused at the place cell, saying where Geel lies
        copy.refused("applications.csv:8:5: 'Geel (Limb.)': Geel ligt in Antwerpen (arrondissement Turnhout), niet waar (Limb.) zegt; "
                + "schrijf Geel zonder toevoeging of met de juiste");
    }

    @Test
    void anUnknownPlaceIsOfferedTheMunicipalityItBeginsWith() throws IOException {
        // Given a place that runs a municipality's name together with its region
        copy.setApplicationCell("2223-0198", "place", "Sint-Niklaas-Waasland");
        // When / Then
        copy.refused("applications.csv:199:5: onbekende gemeente 'Sint-Niklaas-Waasland'; bedoelt u Sint-Niklaas?");
    }
}
