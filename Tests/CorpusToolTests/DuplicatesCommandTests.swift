import Foundation
import Testing

@Suite("corpus-tool duplicates", .serialized)
struct DuplicatesCommandTests {
    /// A wire story as two outlets ran it (another headline, typographic apostrophes, one word changed), an
    /// unrelated story, and two articles that reuse one sentence.
    private static let wire = """
        Intempéries : la Loire-Atlantique placée en vigilance orange
        Nantes, 4 novembre 2024 (AFP) - Météo-France a placé lundi la Loire-Atlantique et la Vendée en vigilance orange pour des vents violents, avec des rafales attendues jusqu'à 130 km/h sur le littoral dans la nuit de mardi à mercredi.
        Les établissements scolaires du littoral resteront fermés mardi, a annoncé la préfecture, qui demande aux habitants de limiter leurs déplacements et de rentrer le mobilier de jardin.
        Le trafic des bacs vers l'île d'Yeu et Noirmoutier est suspendu jusqu'à nouvel ordre, et la SNCF prévoit des perturbations sur la ligne entre Nantes et Pornic.
        Les pompiers ont déjà effectué une vingtaine d'interventions pour des chutes d'arbres, sans faire de blessé, selon un premier bilan communiqué en fin de journée.
        À Saint-Nazaire, les autorités portuaires ont fait rentrer les navires de pêche et reporté l'arrivée de deux cargos attendus mercredi matin.
        Les agriculteurs du vignoble nantais craignent pour leurs serres, déjà endommagées lors de la tempête de l'hiver dernier, et ont demandé des moyens supplémentaires à la chambre d'agriculture.
        Les services météorologiques annoncent une accalmie progressive à partir de jeudi, avec un retour à des températures de saison pour le week-end.
        """

    private static var wireRerun: String {
        wire.replacingOccurrences(of: "Intempéries : la Loire-Atlantique placée en vigilance orange", with: "Tempête : écoles fermées et bacs à quai sur le littoral")
            .replacingOccurrences(of: "'", with: "’")
            .replacingOccurrences(of: "une vingtaine", with: "une trentaine")
    }

    private static let unrelated = """
        Rugby : le Stade nantais enchaîne une troisième victoire
        Le Stade nantais a battu Bordeaux 24 à 17 samedi après-midi, grâce à deux essais inscrits en fin de match par son ailier, et remonte à la quatrième place du classement.
        L'entraîneur a salué « un groupe qui ne lâche rien », tout en regrettant les nombreuses fautes commises en mêlée pendant la première période.
        """

    private static let reused = "Les commerçants du centre-ville redoutent une nouvelle baisse de leur chiffre d'affaires pendant les travaux."

    private static let tramway = """
        Tramway : les travaux de la ligne 5 débuteront en janvier
        La métropole a confirmé le calendrier du chantier, qui fermera la rue principale à la circulation pendant dix-huit mois.
        \(reused)
        """

    private static let market = """
        Marché de Noël : moins de chalets cette année
        Faute de place, le marché de Noël ne comptera que quarante chalets, contre soixante l'an dernier, a annoncé la mairie.
        \(reused)
        """

    /// A directory holding the fixture articles (and `extra` files), removed by the caller.
    private func corpus(extra: [String: Data] = [:]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duplicates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var files: [String: Data] = [
            "ouest-meteo.txt": Data(Self.wire.utf8), "presse-ocean-meteo.txt": Data(Self.wireRerun.utf8),
            "rugby.txt": Data(Self.unrelated.utf8), "tramway.txt": Data(Self.tramway.utf8),
            "marche-noel.txt": Data(Self.market.utf8),
        ]
        files.merge(extra) { $1 }
        for (name, data) in files { try data.write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    private func objects(_ run: ToolRun) throws -> [[String: Any]] {
        try run.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    @Test func jsonlListsTheClusterThenTheSharedPassage() throws {
        let directory = try corpus()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Tool.run(["duplicates", directory.path, "--format", "jsonl", "--no-clean"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let objects = try objects(run)
        #expect(objects.count == 2)
        #expect(objects.first?["kind"] as? String == "near-duplicate")
        #expect(objects.first?["articles"] as? [String] == ["ouest-meteo", "presse-ocean-meteo"])
        let similarity = try #require(objects.first?["similarity"] as? Double)
        #expect((0.7...0.99).contains(similarity), "similarity \(similarity)")
        #expect(objects.last?["kind"] as? String == "shared-passage")
        #expect(objects.last?["articles"] as? [String] == ["marche-noel", "tramway"])
        #expect(objects.last?["text"] as? String == Self.reused)
        #expect((objects.last?["hash"] as? String)?.count == 16)
        // Keys are sorted, as in every JSONL output of the tool.
        #expect(run.lines.first?.hasPrefix(#"{"articles":["ouest-meteo","presse-ocean-meteo"],"kind":"near-duplicate""#) == true)
    }

    @Test func outputIsReproducible() throws {
        let directory = try corpus()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try Tool.run(["duplicates", directory.path, "--format", "jsonl"])
        let second = try Tool.run(["duplicates", directory.path, "--format", "jsonl"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        // With page cleaning (the default) the wire story still clusters.
        #expect(first.lines.first?.contains(#""articles":["ouest-meteo","presse-ocean-meteo"]"#) == true)
    }

    @Test func tableIsForPeople() throws {
        let directory = try corpus()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Tool.run(["duplicates", directory.path, "--no-clean"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Near-duplicates: 1 cluster(s) among 5 article(s), threshold 0.80"))
        #expect(run.lines.contains { $0.hasPrefix("SIZE") && $0.contains("SIMILARITY") })
        #expect(run.lines.contains { $0.hasPrefix("2 ") && $0.hasSuffix("ouest-meteo, presse-ocean-meteo") })
        #expect(run.stdout.contains("Shared passages: 1"))
        #expect(run.lines.contains { $0.contains("Les commerçants du centre-ville") && $0.hasSuffix("marche-noel, tramway") })
    }

    @Test func thresholdOneKeepsOnlyExactCopies() throws {
        let directory = try corpus(extra: ["rugby-copie.txt": Data(Self.unrelated.utf8)])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Tool.run(["duplicates", directory.path, "--format", "jsonl", "--threshold", "1", "--no-clean"])
        #expect(run.status == 0, "\(run.stderr)")
        let clusters = try objects(run).filter { $0["kind"] as? String == "near-duplicate" }
        #expect(clusters.count == 1)
        #expect(clusters.first?["articles"] as? [String] == ["rugby", "rugby-copie"])
        #expect(clusters.first?["similarity"] as? Double == 1)
    }

    @Test func unreadableInputIsReportedAndTheRestCompared() throws {
        let directory = try corpus(extra: ["vieux.txt": Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x6E, 0x6F, 0x69, 0x72])])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Tool.run(["duplicates", directory.path, "--format", "jsonl", "--no-clean"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("vieux.txt (byte 3): invalid UTF-8"))
        #expect(run.stderr.contains("compared 5 article(s); 1 of 6 inputs could not be read"))
        #expect(try objects(run).count == 2)
    }

    @Test func missingPathIsAnInputError() throws {
        let run = try Tool.run(["duplicates", "/nonexistent/corpus-\(UUID().uuidString)"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no such file or directory"))
    }

    @Test func sampleCorpusSharesTheDroughtParagraph() throws {
        let run = try Tool.run(["duplicates", "Examples/corpus", "--format", "jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        let passages = try objects(run).filter { $0["kind"] as? String == "shared-passage" }
        #expect(passages.contains {
            ($0["articles"] as? [String]) == ["fr-casablanca-croissance-secheresse", "fr-rabat-sommet-eau"]
        })
    }

    @Test(arguments: [
        (["duplicates"], "missing <path>"),
        (["duplicates", "Examples/corpus", "--threshold", "1.5"], "--threshold must be a number above 0 and at most 1, not '1.5'"),
        (["duplicates", "Examples/corpus", "--threshold", "0"], "--threshold must be"),
        (["duplicates", "Examples/corpus", "--threshold", "abc"], "not 'abc'"),
        (["duplicates", "Examples/corpus", "--threshold", "nan"], "--threshold must be"),
        (["duplicates", "Examples/corpus", "--format", "json"], "unknown format 'json' (expected table or jsonl)"),
        (["duplicates", "Examples/corpus", "--no-clean=yes"], "'--no-clean' does not take a value"),
    ])
    func usageErrorsExitWith64(arguments: [String], message: String) throws {
        let run = try Tool.run(arguments)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: corpus-tool duplicates"))
    }

    @Test func helpDescribesTheCommand() throws {
        let run = try Tool.run(["duplicates", "--help"])
        #expect(run.status == 0)
        for section in ["OVERVIEW:", "USAGE: corpus-tool duplicates", "ARGUMENTS:", "OPTIONS:", "EXAMPLES:", "--no-clean"] {
            #expect(run.stdout.contains(section), "\(section)")
        }
        let overview = try Tool.run(["--help"])
        #expect(overview.stdout.contains("duplicates"))
    }
}
