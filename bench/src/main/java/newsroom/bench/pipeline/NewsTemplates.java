package newsroom.bench.pipeline;

import java.util.List;

/**
 * Headline and paragraph templates per topic, plus paragraphs any story may use (quotes, background, reactions).
 * Slots in braces are filled by {@link NewsCorpus}: {@code {P1}} the article's main person ({@code {P1L}} the last
 * name), {@code {P}} anyone else, {@code {R}} a role, {@code {CITY1}}/{@code {CITY}}, {@code {C}} a country,
 * {@code {CO1}}/{@code {CO}} companies, {@code {INST1}}/{@code {INST}} institutions, {@code {TEAM1}}/{@code {TEAM}},
 * {@code {EV1}} the article's event, {@code {N}} a small number, {@code {BIG}} a large one, {@code {PCT}} a
 * percentage, {@code {MONEY}} an amount, {@code {DATE}} a date, {@code {DAY}} a weekday, {@code {LAW}} a law.
 * Written for this benchmark.
 */
final class NewsTemplates {

    private NewsTemplates() {
    }

    record Topic(String name, List<String> titles, List<String> paragraphs) {
    }

    static final List<Topic> TOPICS = List.of(
            new Topic("politics", List.of(
                    "{P1} pledges to rewrite {LAW} after {EV1}",
                    "Coalition strains in {C} as {P1L} faces a confidence vote",
                    "{INST1} delays vote on {LAW} until {DATE}"), List.of(
                    "{P1}, {R}, told reporters in {CITY1} on {DAY} that the government would bring {LAW} back to "
                            + "parliament before {DATE}, despite objections from at least {N} members of the "
                            + "governing coalition who say the draft goes too far.",
                    "The dispute has overshadowed {EV1}, where delegates from {C} had hoped to agree on a shared "
                            + "position. Officials from {INST1} said talks would continue behind closed doors and "
                            + "that no final text was expected this week.",
                    "Polling published by {CO} on {DAY} put support for the governing parties at {PCT}, down "
                            + "from {PCT} in the spring. Analysts said the drop reflected frustration with rising "
                            + "rents and long waits for hospital appointments in cities such as {CITY}.",
                    "Opposition figures seized on the delay. {P} accused {P1L} of governing by press release "
                            + "and said the party would table {N} amendments when the bill returns, including a "
                            + "cap on ministerial advisers and a public register of lobbying meetings.",
                    "Under the constitution of {C}, a bill rejected twice by the upper house can be passed by a "
                            + "simple majority after {N} days. Legal scholars at {INST} said that route had been "
                            + "used only a handful of times and usually provoked a legal challenge.",
                    "Diplomats from {C} watched the debate closely, since {LAW} would also change how foreign "
                            + "donations to political parties are reported. An envoy described the mood as tense "
                            + "but said nobody expected the coalition to collapse before {DATE}.")),
            new Topic("business", List.of(
                    "{CO1} agrees {MONEY} takeover of {CO}",
                    "Shares in {CO1} slide {PCT} after profit warning",
                    "{CO1} to cut {N} jobs in {CITY1} as demand cools"), List.of(
                    "{CO1} said on {DAY} that it had agreed to buy {CO} for {MONEY}, creating one of the largest "
                            + "groups of its kind in {C}. The deal still needs approval from {INST} and from "
                            + "shareholders, who will vote on {DATE}.",
                    "The chief executive, {P1}, said the combined business would save about {MONEY} a year by "
                            + "closing overlapping offices and sharing its logistics network, and that most of the "
                            + "savings would come from the operations in {CITY1} and {CITY}.",
                    "Investors were unconvinced. Shares in {CO1} fell {PCT} in early trading before recovering "
                            + "slightly, while the wider market was flat. One fund manager said the price looked "
                            + "generous for a company whose sales had shrunk for {N} consecutive quarters.",
                    "Revenue for the three months to the end of {MONTH} came to {MONEY}, the company said, "
                            + "against {MONEY} a year earlier. Operating margins narrowed to {PCT} as energy and "
                            + "transport costs rose faster than the group could pass them on to customers.",
                    "Unions representing staff at the site in {CITY1} asked for a meeting with management. {P}, "
                            + "who speaks for the workers, said {N} families depended on the plant and that the "
                            + "company had promised only last year to keep production in the region.",
                    "Competition lawyers expect {INST} to examine the tie-up closely because the two companies "
                            + "together would control roughly {PCT} of the market in {C}. A first decision is due "
                            + "within {N} working days of a formal filing.")),
            new Topic("courts", List.of(
                    "Court orders retrial of {P1} over {EV1}",
                    "{P1L} acquitted of fraud charges in {CITY1}",
                    "Judges question evidence in case against {CO1}"), List.of(
                    "A panel of {N} judges in {CITY1} ruled on {DAY} that the original trial of {P1} had been "
                            + "flawed because crucial phone records were never shown to the defence, and ordered "
                            + "a new hearing to begin no later than {DATE}.",
                    "Prosecutors had argued that {P1L} moved {MONEY} through a chain of shell companies linked to "
                            + "{CO1} while serving as {R}. The defence maintained that every transfer had been "
                            + "approved by the company's auditors and reported to {INST}.",
                    "Outside the courthouse, {P} told a small crowd of supporters that the ruling vindicated "
                            + "years of campaigning. Relatives of former employees who lost their savings said "
                            + "they were dismayed that the case would drag on for at least another year.",
                    "The decision turns on a clause of {LAW} requiring that all intercepted communications be "
                            + "disclosed in full. Lawyers said the ruling could affect as many as {N} other cases "
                            + "now before the courts in {C}.",
                    "The prosecution service said it would study the written judgment, which runs to more than "
                            + "{BIG} words, before deciding whether to appeal to {INST}. It has {N} days to do so.",
                    "Court records show that the investigation began in {MONTH} {YEAR}, when a whistleblower at "
                            + "{CO1} handed documents to the {INST1}. Since then {N} people have been questioned "
                            + "and assets worth {MONEY} have been frozen.")),
            new Topic("weather", List.of(
                    "Floods force {BIG} from their homes around {CITY1}",
                    "Storm cuts power to {BIG} households in {C}",
                    "Drought emergency declared in {CITY1} as reservoirs fall to {PCT}"), List.of(
                    "Heavy rain that began on {DAY} swelled rivers around {CITY1} to their highest level in "
                            + "decades, forcing about {BIG} residents to leave their homes. Emergency crews used "
                            + "boats to reach villages cut off by the water, and {N} schools were closed.",
                    "{P1}, {R}, said the regional government had released {MONEY} in emergency funds and asked "
                            + "{INST} for help with temporary housing. Army engineers were building barriers of "
                            + "sandbags along the river's eastern bank through the night.",
                    "Forecasters at {INST} warned that another band of rain could arrive by {DATE}, with up to "
                            + "{N} millimetres expected in the hills above the city. They said the ground was "
                            + "already saturated and could absorb very little more water.",
                    "The electricity company {CO} said {BIG} households were still without power on {DAY} "
                            + "evening, down from a peak of almost twice that number. Engineers had restored "
                            + "supply to the hospital in {CITY} first.",
                    "Farmers counted the cost. {P} said floodwater had ruined most of the winter crop on his land "
                            + "near {CITY1}, and the farmers' association estimated total losses at {MONEY}. "
                            + "Insurers said claims were arriving faster than after any storm since {YEAR}.",
                    "Climate researchers noted that extreme rainfall in the region has become roughly {PCT} more "
                            + "frequent over the past thirty years, and that flood defences built in the 1970s "
                            + "were designed for a climate that no longer exists.")),
            new Topic("sport", List.of(
                    "{TEAM1} beat {TEAM} to reach the cup final",
                    "{P1} signs {N}-year contract with {TEAM1}",
                    "Late goal keeps {TEAM1} top of the table"), List.of(
                    "{TEAM1} came from behind to beat {TEAM} {N}-1 on {DAY} night in front of a crowd of {BIG}, "
                            + "securing a place in the final on {DATE}. The winning goal came from {P1} with less "
                            + "than five minutes left to play.",
                    "The head coach, {P}, said his players had shown character after a difficult first half in "
                            + "which they barely touched the ball. He praised the fans who had travelled from "
                            + "{CITY1} and said the dressing room believed the trophy was within reach.",
                    "{P1L} has now scored {N} goals this season, more than any player in the league, and is "
                            + "reported to be attracting interest from clubs abroad. {TEAM1} said it had no plans "
                            + "to sell and expected to open talks on a new contract before {MONTH}.",
                    "The match was delayed by twenty minutes after a power cut at the stadium in {CITY}. League "
                            + "officials said the club would be asked to explain what had happened and could face "
                            + "a fine of up to {MONEY}.",
                    "{TEAM} remain {N} points behind with {N} matches to play. Their manager, {P}, admitted that "
                            + "the title race was probably over but said the club's priority had always been to "
                            + "finish in the places that lead to European competition.",
                    "Ticket sales for the final opened on {DAY} and sold out within hours. The federation said "
                            + "{BIG} seats had been allocated to each club and that fans without tickets should "
                            + "not travel to {CITY1}, where screens will be set up in the main square.")),
            new Topic("health", List.of(
                    "Hospitals in {CITY1} postpone surgery as flu cases climb",
                    "{INST1} approves new treatment made by {CO1}",
                    "Waiting lists in {C} reach record {BIG}"), List.of(
                    "Hospitals across {CITY1} postponed non-urgent operations on {DAY} as admissions for "
                            + "influenza rose {PCT} in a week. {P1}, {R}, said intensive care units were close to "
                            + "capacity and urged older residents to take up the free vaccine.",
                    "Figures published by {INST1} show {BIG} people waiting more than a year for treatment, the "
                            + "highest number since records began. The backlog is worst for hip and knee "
                            + "replacements and for eye surgery.",
                    "{CO1} said its new medicine had reduced hospital stays by {PCT} in a trial involving {BIG} "
                            + "patients in {C} and {C}. Independent doctors welcomed the results but noted that the "
                            + "treatment would cost about {MONEY} per patient.",
                    "Nurses' representatives warned that staff shortages were making the situation worse. {P} "
                            + "said at least {N} wards in the region were operating with fewer nurses than the "
                            + "minimum set out in {LAW}.",
                    "The government has promised {MONEY} to expand community clinics and to train {BIG} more "
                            + "nurses by {YEAR}. Critics said the money would take years to make a difference and "
                            + "did nothing for patients waiting now.",
                    "Public health officials in {CITY} said the current wave appeared to have peaked, with the "
                            + "number of positive tests falling for {N} days in a row, but warned that hospitals "
                            + "would remain under pressure until at least {DATE}.")),
            new Topic("technology", List.of(
                    "{CO1} unveils chip plant in {CITY1}",
                    "Data breach at {CO1} exposes records of {BIG} customers",
                    "{INST1} fines {CO1} {MONEY} over privacy failures"), List.of(
                    "{CO1} confirmed on {DAY} that attackers had gained access to a database holding the names, "
                            + "addresses and partial payment details of {BIG} customers. The company said it "
                            + "discovered the intrusion {N} days ago and had since reset every password.",
                    "{P1}, who leads the company's security team, said there was no evidence that the stolen "
                            + "data had been published, and that the firm was working with police in {CITY1} and "
                            + "with {INST}. Customers would be offered free credit monitoring for two years.",
                    "Under {LAW}, companies must report such breaches within {N} hours. Regulators will examine "
                            + "whether {CO1} met that deadline; fines can reach {PCT} of annual turnover, which "
                            + "for the group came to {MONEY} last year.",
                    "The new factory in {CITY1} will employ about {BIG} people when it opens in {YEAR} and will "
                            + "make processors for cars and industrial machines. The government of {C} is "
                            + "contributing {MONEY} in grants and tax relief.",
                    "Engineers at {CO} said the shortage of skilled technicians was the biggest obstacle to such "
                            + "projects. {P} said universities in {C} produced fewer than {BIG} graduates in the "
                            + "relevant fields each year, far below what industry needs.",
                    "Privacy campaigners said the incident showed why stricter rules were needed. {P} argued that "
                            + "companies kept far more personal data than they used and should be required to "
                            + "delete records after {N} months.")),
            new Topic("energy", List.of(
                    "{CO1} to build offshore wind farm near {CITY1}",
                    "Fuel prices in {C} rise for {N}th week running",
                    "{C} and {C} sign gas pipeline agreement"), List.of(
                    "{CO1} will build a wind farm of {N} turbines off the coast near {CITY1}, enough to supply "
                            + "about {BIG} homes, the company said on {DAY}. Construction is due to start in "
                            + "{MONTH} and the first power should reach the grid by {YEAR}.",
                    "{P1}, {R}, called the project a turning point for the region's economy and said the port "
                            + "would be expanded to handle the blades and towers. Local fishermen asked for "
                            + "compensation for grounds they would lose during construction.",
                    "Average pump prices in {C} rose {PCT} over the past month, according to figures from "
                            + "{INST}. Hauliers warned that higher diesel costs would feed through to food prices "
                            + "within weeks.",
                    "The pipeline agreement commits both governments to share the cost of {MONEY} and sets a "
                            + "target of carrying {BIG} cubic metres of gas a day. Environmental groups said it "
                            + "would lock the region into fossil fuels for decades.",
                    "Grid operators said the network in the north would need upgrading to carry the new "
                            + "supply. {P} of {CO} estimated that {BIG} kilometres of new lines would be needed "
                            + "and that planning permission was the main source of delay.",
                    "Analysts at {CO} expect renewable sources to supply {PCT} of the country's electricity by "
                            + "{YEAR}, up from {PCT} today, provided storage and transmission keep pace.")));

    /** Paragraphs any topic may use: they reuse the article's main names so the story stays about them. */
    static final List<String> GENERAL = List.of(
            "Speaking later on local radio, {P1L} said the coming weeks would be decisive. \"We have listened to "
                    + "everyone who wrote to us, and we will not pretend this is easy,\" {P1L} said. \"But doing "
                    + "nothing is not an option for the people of {CITY1}.\"",
            "{P}, a resident of {CITY1} for more than {N} years, said neighbours talked about little else. "
                    + "\"People want to know what happens next and who will pay for it,\" she said, standing "
                    + "outside the shop she has run since {YEAR}.",
            "The issue is not new. A report commissioned by {INST} in {YEAR} had warned of similar problems and "
                    + "made {N} recommendations, fewer than half of which were ever carried out, according to an "
                    + "analysis by researchers at {CO}.",
            "Observers in {C} were following events closely. {P}, {R}, said on {DAY} that lessons could be "
                    + "drawn for their own country and offered to send a team of experts to {CITY1} if asked.",
            "In a written statement, {INST1} said it was aware of the concerns and would publish a full response "
                    + "by {DATE}. It declined to comment on individual cases while its review was continuing.",
            "Figures compiled by {CO} suggest the wider costs could reach {MONEY} over the next {N} years, "
                    + "although the estimate depends heavily on assumptions about interest rates and "
                    + "employment in the region.",
            "Not everyone agreed with that view. {P} said critics were exaggerating the risks and pointed out "
                    + "that similar warnings had been made before {EV1} and had not come true.",
            "The announcement came a day after {P} met {P1} in {CITY} to discuss {EV1}. Both sides described "
                    + "the meeting as constructive but gave no details of what had been agreed.",
            "Local councillors in {CITY1} have called an extraordinary meeting for {DAY}, where they are expected "
                    + "to ask {INST1} for a detailed timetable and for the {MONEY} that was promised last year.",
            "{P1L}, who was born in {CITY} and studied in {C}, has worked in public life for more than {N} years "
                    + "and is regarded by colleagues as cautious and well prepared, if sometimes slow to decide.",
            "The next steps are expected after {EV1}. Officials said a decision could come as early as {DATE}, "
                    + "but several warned privately that the timetable would probably slip into the new year.",
            "Reporters who visited {CITY1} on {DAY} found the mood mixed. Some residents said they were tired "
                    + "of promises; others said they were cautiously hopeful that this time would be different.",
            "According to data from {INST}, {PCT} of households in the region said the matter affected them "
                    + "directly, compared with {PCT} in the country as a whole.",
            "A spokesperson for {CO} said the company was monitoring the situation and would cooperate fully "
                    + "with {INST1}. The firm employs about {BIG} people in {C}.");
}
