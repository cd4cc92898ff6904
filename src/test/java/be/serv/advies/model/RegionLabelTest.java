package be.serv.advies.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A shortage's region in words names the province once: the sector's words beside it, or alone when they name it. */
class RegionLabelTest {
    @ParameterizedTest(name = "{0} + {1} = {3}")
    @CsvSource(delimiter = '|', value = {
            "Vlaams-Brabant  | Vlaams-Brabant (Leuven)                 | false | Vlaams-Brabant (Leuven)",
            "Vlaanderen      | 2de graad BSO, Vlaanderen               | false | 2de graad BSO, Vlaanderen",
            "Vlaanderen      | ''                                      | false | Vlaanderen",
            "Antwerpen       | provincie Antwerpen                     | false | provincie Antwerpen",
            "Limburg         | Limburg, regio Hasselt                  | false | Limburg, regio Hasselt",
            "Limburg         | driehoek: Maaseik - Lommel - Genk       | false | Limburg (driehoek: Maaseik - Lommel - Genk)",
            "Oost-Vlaanderen | Oost-Vlaanderen                         | false | Oost-Vlaanderen",
            "Antwerpen       | elke provincie                          | true  | Antwerpen (elke provincie)",
    })
    void theProvinceIsNamedOnce(String province, String area, boolean everyProvince, String label) {
        // Given a shortage in the province with the sector's words for its region
        Province p = province.equals("Vlaanderen") ? null : Province.parse(province).orElseThrow();
        Shortage s = new Shortage("X", "T", p, everyProvince, List.of(), area, "tekst", null);
        // When / Then
        assertEquals(label, s.getRegion());
    }
}
