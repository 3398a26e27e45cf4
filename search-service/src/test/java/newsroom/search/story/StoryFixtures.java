package newsroom.search.story;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import newsroom.events.EnrichedArticle;
import newsroom.events.EntityType;
import newsroom.search.EnrichedArticles;
import newsroom.search.EnrichedArticles.Ent;

/**
 * Short articles written for these tests, about invented events. Each set gets unique entity ids and a ten-day slot
 * of its own far in the future, so nothing else in the shared index (other tests, earlier runs) is in its window.
 */
final class StoryFixtures {
    final String u = EnrichedArticles.unique();
    final Instant day0 = Instant.parse("2100-01-01T00:00:00Z")
            .plus(Duration.ofDays(10L * ThreadLocalRandom.current().nextInt(100_000)));

    // The dock strike at the port of Valmera: three outlets, different words and lengths, and a later follow-up.
    final Ent union = new Ent("organization:valmera-dockers-guild-" + u, "Valmera Dockers Guild",
            EntityType.ORGANIZATION, 0.9, "Valmera Dockers Guild", "Dockers Guild");
    final Ent port = new Ent("location:port-of-valmera-" + u, "Port of Valmera", EntityType.LOCATION, 0.7,
            "Port of Valmera", "Valmera");
    final Ent okafor = new Ent("person:ines-okafor-" + u, "Ines Okafor", EntityType.PERSON, 0.6, "Ines Okafor",
            "Okafor");
    final Ent authority = new Ent("organization:valmera-harbour-board-" + u, "Valmera Harbour Board",
            EntityType.ORGANIZATION, 0.5, "Valmera Harbour Board", "Harbour Board");

    EnrichedArticle strikeWire() {
        return EnrichedArticles.article("strike-wire-" + u, "wire-" + u, day0.plus(Duration.ofHours(6)),
                "Dockworkers walk out at the Port of Valmera over night-shift pay",
                "Cranes stood idle at the Port of Valmera on Monday after the Valmera Dockers Guild called a strike "
                        + "over night-shift pay. Guild leader Ines Okafor said the walkout would last until the pay "
                        + "offer improved. Container ships queued outside the harbour and freight companies warned "
                        + "of delays to deliveries.",
                union, port, okafor);
    }

    EnrichedArticle strikeDaily() {
        return EnrichedArticles.article("strike-daily-" + u, "daily-" + u, day0.plus(Duration.ofHours(8)),
                "Valmera port at a standstill as dockers strike",
                "A strike by the Dockers Guild has halted loading at the Port of Valmera. Okafor told reporters "
                        + "that night-shift pay had not risen in six years. Ships waited at anchor and the queue of "
                        + "containers grew through the day.",
                union, port, okafor);
    }

    EnrichedArticle strikeRadio() {
        return EnrichedArticles.article("strike-radio-" + u, "radio-" + u, day0.plus(Duration.ofHours(11)),
                "Dock strike: freight delays expected",
                "Freight firms expect delays after dockworkers at Valmera went on strike over night-shift pay. "
                        + "The Valmera Harbour Board said it would meet the Valmera Dockers Guild, whose leader Ines "
                        + "Okafor called the pay offer an insult. Ships are queuing at anchor.",
                union, port, okafor, authority);
    }

    /** Same guild, leader and port nine days later, a different event: a vote on a new training centre. */
    EnrichedArticle distractor() {
        return EnrichedArticles.article("training-vote-" + u, "wire-" + u, day0.plus(Duration.ofDays(9)),
                "Valmera Dockers Guild backs plan for apprentice training centre",
                "Members of the Valmera Dockers Guild voted to fund an apprentice training centre near the Port of "
                        + "Valmera. Ines Okafor said the centre would teach crane operation and safety to school "
                        + "leavers from next spring, with classrooms in a converted warehouse.",
                union, port, okafor);
    }

    /** Same names the same week, a different event: the guild's charity regatta. */
    EnrichedArticle sameWeekDistractor() {
        return EnrichedArticles.article("regatta-" + u, "daily-" + u, day0.plus(Duration.ofHours(30)),
                "Dockers Guild regatta raises money for the lifeboat station",
                "Rowing crews from the Valmera Dockers Guild raced across the bay on Sunday in the annual charity "
                        + "regatta. Ines Okafor handed the trophy to a team of retired pilots; the event raised "
                        + "money for the volunteer lifeboat station and its new boathouse roof.",
                union, port, okafor);
    }

    // A bridge closure told as two stories that no article links at first, then one that reports both sides.
    final Ent bridge = new Ent("facility:harlan-bridge-" + u, "Harlan Bridge", EntityType.FACILITY, 0.9,
            "Harlan Bridge");
    final Ent highways = new Ent("organization:state-highway-office-" + u, "State Highway Office",
            EntityType.ORGANIZATION, 0.6, "State Highway Office");
    final Ent transit = new Ent("organization:metro-transit-" + u, "Metro Transit", EntityType.ORGANIZATION, 0.9,
            "Metro Transit");
    final Ent route = new Ent("location:route-9-" + u, "Route 9", EntityType.LOCATION, 0.6, "Route 9");

    EnrichedArticle closureOne() {
        return EnrichedArticles.article("closure-1-" + u, "gazette-" + u, day0.plus(Duration.ofDays(5)),
                "Harlan Bridge shut after inspectors find cracked steel girders",
                "The State Highway Office closed the Harlan Bridge on Tuesday after inspectors found cracked steel "
                        + "girders beneath the deck. Engineers will survey the girders this week and repairs could "
                        + "take months, the office said.",
                bridge, highways);
    }

    EnrichedArticle closureTwo() {
        return EnrichedArticles.article("closure-2-" + u, "herald-" + u, day0.plus(Duration.ofDays(5).plusHours(2)),
                "Cracked girders close Harlan Bridge",
                "Inspectors discovered cracks in steel girders under the Harlan Bridge, and the State Highway Office "
                        + "shut it to all vehicles. Engineers say the repairs may last for months.",
                bridge, highways);
    }

    EnrichedArticle detourOne() {
        return EnrichedArticles.article("detour-1-" + u, "metro-" + u, day0.plus(Duration.ofDays(5).plusHours(4)),
                "Buses rerouted onto Route 9 as commuters face long detour",
                "Metro Transit moved four bus lines onto Route 9 from Wednesday morning. Commuters should expect "
                        + "journeys up to forty minutes longer on the detour, and extra buses will run at peak hours.",
                transit, route);
    }

    EnrichedArticle detourTwo() {
        return EnrichedArticles.article("detour-2-" + u, "radio-" + u, day0.plus(Duration.ofDays(5).plusHours(5)),
                "Route 9 detour: what bus riders need to know",
                "Four Metro Transit bus lines now follow Route 9. Riders face journeys up to forty minutes longer "
                        + "and extra buses run at peak hours while the detour lasts.",
                transit, route);
    }

    /** Names both sides: the closure's cause and the detour it forces. */
    EnrichedArticle bridging() {
        return EnrichedArticles.article("closure-detour-" + u, "wire-" + u,
                day0.plus(Duration.ofDays(5).plusHours(7)),
                "Harlan Bridge closure sends buses onto Route 9 detour",
                "After inspectors found cracked steel girders under the Harlan Bridge, the State Highway Office shut "
                        + "it and Metro Transit rerouted four bus lines onto Route 9. Commuters face journeys up to "
                        + "forty minutes longer on the detour while engineers plan repairs that may take months.",
                bridge, highways, transit, route);
    }
}
