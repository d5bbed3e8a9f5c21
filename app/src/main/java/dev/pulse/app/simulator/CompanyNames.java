package dev.pulse.app.simulator;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Makes plausible, unique company names ("Northwind Logistics") and tenant ids from them ({@code
 * northwind-logistics}) out of word lists.
 */
final class CompanyNames {
    private static final List<String> STEMS =
            List.of(
                    "Northwind",
                    "Bluepeak",
                    "Ironbridge",
                    "Brightwater",
                    "Cedar",
                    "Silverline",
                    "Harbor",
                    "Summit",
                    "Redwood",
                    "Granite",
                    "Lumen",
                    "Orbital",
                    "Keystone",
                    "Meridian",
                    "Pinecrest",
                    "Quantum",
                    "Riverstone",
                    "Sable",
                    "Tidewater",
                    "Vantage",
                    "Willow",
                    "Zenith",
                    "Atlas",
                    "Beacon",
                    "Cobalt",
                    "Driftwood",
                    "Evergreen",
                    "Falcon",
                    "Golden Gate",
                    "Highland",
                    "Juniper",
                    "Kestrel",
                    "Lakeside",
                    "Mosaic",
                    "Nimbus",
                    "Oakridge",
                    "Polaris",
                    "Quarry",
                    "Rosewood",
                    "Solstice",
                    "Trident",
                    "Upland",
                    "Vireo",
                    "Westbrook",
                    "Yellowstone",
                    "Aurora",
                    "Bramble",
                    "Copperfield",
                    "Delta",
                    "Emberly",
                    "Fjord",
                    "Glacier",
                    "Hollis",
                    "Inlet",
                    "Jasper",
                    "Kinetic",
                    "Larkspur",
                    "Maple",
                    "Northstar",
                    "Oceanic",
                    "Prairie",
                    "Ridgeway",
                    "Starling",
                    "Thornbury",
                    "Unity",
                    "Verdant");
    private static final List<String> TRADES =
            List.of(
                    "Analytics",
                    "Logistics",
                    "Health",
                    "Robotics",
                    "Foods",
                    "Capital",
                    "Labs",
                    "Systems",
                    "Energy",
                    "Media",
                    "Insurance",
                    "Freight",
                    "Biotech",
                    "Retail",
                    "Software",
                    "Manufacturing",
                    "Architects",
                    "Travel",
                    "Learning",
                    "Security",
                    "Telecom",
                    "Partners",
                    "Dynamics",
                    "Pharma",
                    "Outfitters",
                    "Networks",
                    "Consulting",
                    "Clinics",
                    "Materials",
                    "Mobility");
    private static final List<String> SUFFIXES =
            List.of("", "", "", "", "", " Inc.", " Group", " GmbH", " Ltd", " & Co.");

    private final RandomGenerator random;
    private final Set<String> usedIds = new HashSet<>();

    CompanyNames(RandomGenerator random) {
        this.random = random;
    }

    /** A name whose tenant id has not been handed out yet. */
    Company next() {
        for (int attempt = 0; ; attempt++) {
            String stem = pick(STEMS);
            String trade = pick(TRADES);
            String name = stem + " " + trade + pick(SUFFIXES);
            String id = slug(stem + " " + trade);
            if (attempt > 50) {
                id = id + "-" + (usedIds.size() + 1);
            }
            if (usedIds.add(id)) {
                return new Company(name, id);
            }
        }
    }

    /** A company name and the tenant id made from it. */
    record Company(String name, String tenantId) {}

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }
}
