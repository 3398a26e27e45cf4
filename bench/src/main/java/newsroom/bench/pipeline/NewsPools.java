package newsroom.bench.pipeline;

import java.util.List;

/**
 * The word pools {@link NewsCorpus} fills its templates from: invented people, organisations and places beside real
 * countries and cities, so the extractor sees both known and unknown names. Written for this benchmark.
 */
final class NewsPools {

    private NewsPools() {
    }

    static final List<String> FIRST_NAMES = List.of("Amara", "Tomasz", "Lucía", "Kwame", "Ingrid", "Rafael", "Mei",
            "Oluwaseun", "Hannah", "Dmitri", "Priya", "Mateo", "Sigrid", "Youssef", "Claire", "Haruto", "Fatima",
            "Declan", "Ana", "Jonas", "Nadia", "Emeka", "Greta", "Santiago", "Leila", "Pavel", "Rosa", "Ibrahim",
            "Margot", "Kenji", "Zainab", "Elliot", "Valentina", "Arjun", "Beatriz", "Finn", "Aylin", "Marcus",
            "Sofía", "Tariq");

    static final List<String> LAST_NAMES = List.of("Okonkwo", "Lindqvist", "Castellanos", "Mensah", "Haugland",
            "Moreira", "Zhang", "Adeyemi", "Brenner", "Volkov", "Raman", "Echeverría", "Nyström", "Benali",
            "Dufresne", "Takahashi", "Haddad", "Gallagher", "Petrović", "Keller", "Sato", "Oyelaran", "Fischer",
            "Quiroga", "Farouk", "Novak", "Delgado", "Abubakar", "Laurent", "Morita", "Osei", "Whitaker", "Romano",
            "Iyer", "Carvalho", "Byrne", "Demir", "Holloway", "Navarro", "Rahman");

    static final List<String> ROLES = List.of("the finance minister", "the mayor", "a senior judge",
            "the chief executive", "the health secretary", "an opposition leader", "the union's general secretary",
            "the head coach", "the regional governor", "a spokesperson for the ministry", "the central bank governor",
            "the lead investigator", "the company's founder", "a veteran diplomat", "the chief scientist");

    static final List<String> COUNTRIES = List.of("Kenya", "Norway", "Chile", "Ghana", "Portugal", "Vietnam",
            "Morocco", "Canada", "Poland", "Indonesia", "Mexico", "Ireland", "Turkey", "New Zealand", "Colombia",
            "Japan", "Nigeria", "Spain", "Brazil", "Finland");

    static final List<String> CITIES = List.of("Nairobi", "Bergen", "Valparaíso", "Kumasi", "Porto", "Da Nang",
            "Tangier", "Winnipeg", "Gdańsk", "Surabaya", "Monterrey", "Galway", "Izmir", "Dunedin", "Medellín",
            "Sapporo", "Ibadan", "Zaragoza", "Recife", "Tampere", "Eastbrook", "Port Halden", "Marrowfield",
            "Lake Orvin");

    static final List<String> COMPANIES = List.of("Northwind Freight", "Halvorsen Energy", "Corviva Pharmaceuticals",
            "Atlas Grain Cooperative", "Brightwater Utilities", "Meridian Rail", "Kestrel Aerospace",
            "Solenne Telecom", "Granite Peak Mining", "Bluehaven Bank", "Orrin Robotics", "Tidewater Shipping",
            "Valdera Motors", "Lumen Data Systems", "Pinecrest Foods");

    static final List<String> INSTITUTIONS = List.of("the Ministry of Finance", "the Supreme Court",
            "the National Assembly", "the Central Bank", "the Electoral Commission", "the Competition Authority",
            "the Port Authority", "the Public Health Agency", "the Federation of Teachers", "the Harbour Workers Union",
            "the Institute for Climate Research", "the Civil Aviation Board", "the Anti-Corruption Office",
            "the United Nations Development Programme", "the World Health Organization", "the European Commission");

    static final List<String> TEAMS = List.of("Port Halden Rovers", "Eastbrook United", "Marrowfield Athletic",
            "Lake Orvin Falcons", "Bergen Harbour FC", "Tampere Wolves", "Kumasi Stars", "Recife Atlético");

    static final List<String> EVENTS = List.of("the spring budget debate", "the regional summit",
            "the national election", "the harbour strike", "the flood emergency", "the trade fair",
            "the cup final", "the vaccination campaign", "the wildfire season", "the coalition talks",
            "the merger hearing", "the climate conference", "the transit fare review", "the corruption trial");

    static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday");

    static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    static final List<String> LAWS = List.of("the Water Security Act", "the Digital Markets Act",
            "the Coastal Protection Bill", "the Public Procurement Act", "the Fair Wages Bill",
            "the Data Protection Act", "the Rail Modernisation Act");
}
