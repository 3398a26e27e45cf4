package newsroom.nlp.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import newsroom.stack.testing.LocalStackTestResource;

/** {@code POST /api/extract} against the service started on the real test stack (knowledge base from PostgreSQL). */
@QuarkusTest
@QuarkusTestResource(LocalStackTestResource.class)
class ExtractResourceIT {

    @Test
    void returnsLinkedEntitiesWithOffsetsIntoTitleBlankLineBody() {
        // "Abrego García" starts at 0; the body starts at title length + 2
        String title = "Abrego García back from CECOT";
        String body = "Kilmar Abrego Garcia spent weeks in El Salvador. Bukele and President Trump met.";
        int bodyStart = title.length() + 2;
        given().contentType(ContentType.JSON).body(new ExtractRequest(title, body))
                .when().post("/api/extract")
                .then().statusCode(200)
                .body("nlp.engine", notNullValue())
                .body("entities.id", hasItems("person:kilmar-abrego-garcia", "facility:cecot", "location:el-salvador",
                        "person:nayib-bukele", "person:donald-trump"))
                .body("entities.find { it.id == 'person:kilmar-abrego-garcia' }.count", equalTo(2))
                .body("entities.find { it.id == 'person:kilmar-abrego-garcia' }.type", equalTo("PERSON"))
                .body("entities.find { it.id == 'person:kilmar-abrego-garcia' }.mentions[0].start", equalTo(0))
                .body("entities.find { it.id == 'person:kilmar-abrego-garcia' }.mentions[0].end", equalTo(13))
                .body("entities.find { it.id == 'person:kilmar-abrego-garcia' }.mentions[1].start", equalTo(bodyStart))
                .body("entities.find { it.id == 'person:kilmar-abrego-garcia' }.mentions[1].text",
                        equalTo("Kilmar Abrego Garcia"))
                .body("entities.find { it.id == 'facility:cecot' }.mentions[0].start", equalTo(title.indexOf("CECOT")));
    }

    @Test
    void aSpanishArticleGetsTheSpanishModelAndTheSameIdsAsEnglish() {
        String title = "La Casa Blanca defiende la Ley de Enemigos Extranjeros";
        String body = "La ministra Marta Quintanilla viajó a San Salvador para reunirse con Nayib Bukele y con "
                + "representantes del Ministerio de Hacienda.";
        given().contentType(ContentType.JSON).body(new ExtractRequest(title, body))
                .when().post("/api/extract")
                .then().statusCode(200)
                .body("language", equalTo("es"))
                .body("entities.id", hasItems("facility:white-house", "law:alien-enemies-act", "person:nayib-bukele",
                        "location:san-salvador", "name:marta-quintanilla"))
                .body("entities.find { it.id == 'name:marta-quintanilla' }.type", equalTo("PERSON"))
                .body("entities.find { it.name == 'Ministerio de Hacienda' }.type", equalTo("ORGANIZATION"));
    }

    @Test
    void missingBodyIsA400WithJsonError() {
        given().contentType(ContentType.JSON).body("{\"title\":\"only a title\"}")
                .when().post("/api/extract")
                .then().statusCode(400)
                .body("error", equalTo("invalid request"))
                .body("details[0]", containsString("body"));
    }

    @Test
    void malformedJsonIsA400WithJsonError() {
        given().contentType(ContentType.JSON).body("{\"body\": ")
                .when().post("/api/extract")
                .then().statusCode(400)
                .body("error", notNullValue());
    }

    @Test
    void emptyBodyGivesNoEntities() {
        given().contentType(ContentType.JSON).body("{\"body\":\"\"}")
                .when().post("/api/extract")
                .then().statusCode(200)
                .body("entities.size()", equalTo(0));
    }
}
