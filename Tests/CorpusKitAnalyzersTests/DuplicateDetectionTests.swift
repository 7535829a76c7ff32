import CorpusKit
import CorpusKitAnalyzers
import Foundation
import Testing

/// Texts written for these tests: one wire story as two outlets ran it, unrelated stories, and articles that
/// reuse one sentence.
enum DuplicateFixtures {
    /// The wire story as the first outlet ran it: its own headline, `'` apostrophes.
    static let wireOutletA = """
        Sécheresse : le Maroc rationne l'eau dans trois régions
        Rabat, 12 mars 2024 (AFP) - Les autorités marocaines ont annoncé mardi des coupures d'eau programmées dans trois régions du pays, frappé par une sixième année consécutive de sécheresse.
        Selon le ministère de l'Équipement et de l'Eau, les barrages du royaume ne sont remplis qu'à 23 % de leur capacité, contre 31 % à la même période l'an dernier.
        « Nous devons protéger l'eau potable avant tout », a déclaré le ministre lors d'une conférence de presse à Rabat, en précisant que les coupures dureraient plusieurs heures par jour dans les quartiers les plus touchés.
        Les régions de Casablanca-Settat, Marrakech-Safi et Béni Mellal-Khénifra sont concernées dans un premier temps. Les hammams et les stations de lavage devront fermer trois jours par semaine, et l'arrosage des parcs publics avec de l'eau potable est désormais interdit.
        Le gouvernement mise aussi sur le dessalement de l'eau de mer : une usine doit entrer en service l'an prochain près de Casablanca, avec une capacité annoncée de 300 millions de mètres cubes par an.
        Les agriculteurs, qui consomment l'essentiel des ressources en eau du pays, s'inquiètent pour les récoltes de céréales, déjà réduites de moitié l'an dernier selon les chiffres officiels.
        Des économistes estiment que la croissance pourrait ralentir à moins de 3 % cette année si les pluies du printemps restent insuffisantes.
        """

    /// The same dispatch in a second outlet: another headline, typographic apostrophes, capitals in the dateline,
    /// and two words changed by the desk (exact Jaccard similarity of the shingles: 0.85).
    static let wireOutletB = """
        Maroc : des coupures d’eau programmées face à la sécheresse
        RABAT, 12 mars 2024 (AFP) - Les autorités marocaines ont annoncé ce mardi des coupures d’eau programmées dans trois régions du pays, frappé par une sixième année consécutive de sécheresse.
        Selon le ministère de l’Équipement et de l’Eau, les barrages du royaume ne sont remplis qu’à 23 % de leur capacité, contre 31 % à la même période l’an dernier.
        « Nous devons protéger l’eau potable avant tout », a déclaré le ministre lors d’une conférence de presse à Rabat, en précisant que les coupures dureraient quelques heures par jour dans les quartiers les plus touchés.
        Les régions de Casablanca-Settat, Marrakech-Safi et Béni Mellal-Khénifra sont concernées dans un premier temps. Les hammams et les stations de lavage devront fermer trois jours par semaine, et l’arrosage des parcs publics avec de l’eau potable est désormais interdit.
        Le gouvernement mise aussi sur le dessalement de l’eau de mer : une usine doit entrer en service l’an prochain près de Casablanca, avec une capacité annoncée de 300 millions de mètres cubes par an.
        Les agriculteurs, qui consomment l’essentiel des ressources en eau du pays, s’inquiètent pour les récoltes de céréales, déjà réduites de moitié l’an dernier selon les chiffres officiels.
        Des économistes estiment que la croissance pourrait ralentir à moins de 3 % cette année si les pluies du printemps restent insuffisantes.
        """

    /// A French story on another subject.
    static let handball = """
        Handball : Saint-Herblain monte en première division
        Les handballeuses de Saint-Herblain ont validé samedi soir leur accession en première division en battant Bourg-de-Péage 27 à 26, au terme d'un match longtemps indécis devant 2 000 spectateurs.
        Menées de quatre buts à la pause, les joueuses de l'entraîneuse Claire Morvan ont renversé la rencontre dans les dix dernières minutes grâce à une défense très agressive.
        « Ce groupe n'a jamais lâché, c'est la plus belle saison de l'histoire du club », a savouré la capitaine après la sirène finale.
        Le club devra désormais trouver un budget de deux millions d'euros pour répondre au cahier des charges de la ligue professionnelle.
        """

    /// An English story.
    static let railStrike = """
        Northern rail staff to strike over weekend rosters
        Train drivers on the Northern network will walk out on Saturday and Sunday in a dispute over weekend rosters, the union said on Tuesday, warning that most services between Leeds and Manchester would be cancelled.
        The operator said it had offered a new agreement that would cap the number of rest-day shifts each driver can be asked to work, but the union rejected it as too vague.
        Passengers have been told to check before they travel and to expect crowded replacement buses on the busiest routes.
        """

    /// A sentence that two otherwise unrelated articles both carry (an agency's boilerplate analysis line).
    static let reusedSentence =
        "Les économistes interrogés par notre rédaction jugent ces prévisions trop optimistes pour l'année en cours."

    /// A French business story that carries ``reusedSentence``.
    static let budget = """
        Budget : la région Bretagne table sur une reprise des investissements
        Le conseil régional a adopté jeudi un budget de 1,9 milliard d'euros, en hausse de 4 %, porté par les transports ferroviaires et la rénovation des lycées.
        \(reusedSentence)
        L'opposition a dénoncé un recours accru à l'emprunt, tandis que la majorité défend des dépenses « indispensables pour préparer l'avenir ».
        """

    /// A French tourism story that carries ``reusedSentence`` too.
    static let tourism = """
        Tourisme : les hôteliers de la côte d'Azur espèrent une saison record
        Les réservations pour juillet et août dépassent déjà de 12 % celles de l'an dernier, selon l'union des métiers de l'hôtellerie, qui mise sur le retour de la clientèle américaine.
        \(reusedSentence)
        Les professionnels redoutent surtout le manque de saisonniers, qui a obligé plusieurs restaurants à fermer deux jours par semaine l'été dernier.
        """
}

@Suite("Duplicate detection")
struct DuplicateDetectionTests {
    /// The core registry plus the fingerprinter: these tests do not depend on page cleaning.
    private func pipeline() throws -> Pipeline {
        var registry = AnalyzerRegistry.core
        try registry.register(DuplicateFingerprinter())
        return try Pipeline(registry: registry, selecting: [.duplicates])
    }

    private func summary(_ articles: [(String, String)]) throws -> DuplicateSummary {
        let entries = articles.map { CorpusEntry.success(Article(id: $0.0, text: $0.1)) }
        let summary = try pipeline().run(entries) { result in
            if case .success(let analysis) = result { #expect(analysis.errors.isEmpty) }
        }
        return try #require(summary.summary(of: .duplicates, as: DuplicateSummary.self))
    }

    private func report(_ articles: [(String, String)], threshold: Double = 0.8) throws -> DuplicateReport {
        try summary(articles).report(threshold: threshold)
    }

    /// The exact Jaccard similarity of the folded 5-word shingle sets, computed the slow, obvious way.
    private func exactJaccard(_ first: String, _ second: String) -> Double {
        func shingles(_ text: String) -> Set<String> {
            let structure = TextStructure(analyzing: text)
            let words = structure.tokens.filter { $0.kind == .word || $0.kind == .number }.map { token in
                String(structure.text(of: token))
                    .replacingOccurrences(of: "’", with: "'")
                    .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            }
            guard words.count >= 5 else { return [] }
            return Set((0...(words.count - 5)).map { words[$0..<($0 + 5)].joined(separator: " ") })
        }
        let a = shingles(first), b = shingles(second)
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }

    @Test func sameStoryInTwoOutletsClusters() throws {
        let report = try report([
            ("ouest-eco", DuplicateFixtures.wireOutletB), ("le-matin-eco", DuplicateFixtures.wireOutletA),
            ("handball", DuplicateFixtures.handball), ("rail", DuplicateFixtures.railStrike),
        ])
        #expect(report.articleCount == 4)
        #expect(report.clusters.count == 1)
        let cluster = try #require(report.clusters.first)
        #expect(cluster.articles == ["le-matin-eco", "ouest-eco"])
        #expect(cluster.minimumSimilarity == cluster.meanSimilarity)
        #expect((0.8...0.97).contains(cluster.meanSimilarity), "similarity \(cluster.meanSimilarity)")
        // The estimate is close to the true value (one standard deviation is about 0.03 here).
        let exact = exactJaccard(DuplicateFixtures.wireOutletA, DuplicateFixtures.wireOutletB)
        #expect(abs(cluster.meanSimilarity - exact) < 0.12, "estimate \(cluster.meanSimilarity), exact \(exact)")
        // Sentences shared inside the cluster are not listed as shared passages.
        #expect(report.sharedPassages.isEmpty)
    }

    @Test func unrelatedStoriesDoNotCluster() throws {
        let report = try report([
            ("wire", DuplicateFixtures.wireOutletA), ("handball", DuplicateFixtures.handball),
            ("rail", DuplicateFixtures.railStrike), ("budget", DuplicateFixtures.budget),
        ])
        #expect(report.clusters.isEmpty)
        #expect(report.sharedPassages.isEmpty)
        let fingerprinter = DuplicateFingerprinter()
        let wire = fingerprinter.fingerprint(TextStructure(analyzing: DuplicateFixtures.wireOutletA))
        let handball = fingerprinter.fingerprint(TextStructure(analyzing: DuplicateFixtures.handball))
        #expect(wire.signature.similarity(to: handball.signature) < 0.1)
    }

    @Test func samePageTwiceHasSimilarityOne() throws {
        let report = try report([
            ("saved-monday", DuplicateFixtures.railStrike), ("handball", DuplicateFixtures.handball),
            ("saved-tuesday", DuplicateFixtures.railStrike),
        ])
        #expect(report.clusters == [
            DuplicateReport.Cluster(articles: ["saved-monday", "saved-tuesday"], minimumSimilarity: 1, meanSimilarity: 1)
        ])
    }

    @Test func caseAccentsApostrophesAndPunctuationAreFolded() {
        let fingerprinter = DuplicateFingerprinter()
        let plain = fingerprinter.fingerprint(TextStructure(analyzing:
            "L'été dernier, le conseil municipal a voté le budget de la ville après un long débat."))
        let shouted = fingerprinter.fingerprint(TextStructure(analyzing:
            "L’ÉTÉ DERNIER le Conseil Municipal a voté « le budget » de la ville, après un long débat !"))
        let unaccented = fingerprinter.fingerprint(TextStructure(analyzing:
            "L'ete dernier, le conseil municipal a vote le budget de la ville apres un long debat."))
        #expect(plain.signature.values.count == MinHashSignature.length)
        #expect(plain.signature.similarity(to: shouted.signature) == 1)
        #expect(plain.signature.similarity(to: unaccented.signature) == 1)
        #expect(plain.passages.map(\.hash) == shouted.passages.map(\.hash))
        #expect(plain.passages.count == 1)
        // A changed word is not folded away.
        let changed = fingerprinter.fingerprint(TextStructure(analyzing:
            "L'été dernier, le conseil régional a voté le budget de la ville après un long débat."))
        #expect(plain.signature.similarity(to: changed.signature) < 1)
        #expect(plain.passages.map(\.hash) != changed.passages.map(\.hash))
    }

    @Test func reusedSentenceIsASharedPassage() throws {
        let report = try report([
            ("tourisme", DuplicateFixtures.tourism), ("budget", DuplicateFixtures.budget),
            ("rail", DuplicateFixtures.railStrike),
        ])
        #expect(report.clusters.isEmpty)
        #expect(report.sharedPassages.count == 1)
        let passage = try #require(report.sharedPassages.first)
        #expect(passage.articles == ["budget", "tourisme"])
        #expect(passage.text == DuplicateFixtures.reusedSentence)
        #expect(passage.text.count <= DuplicateSummary.excerptLength)
    }

    @Test func sentenceQuotedFromAClusterListsEveryArticle() throws {
        let quoted = DuplicateFixtures.wireOutletA.split(separator: "\n")[2]
        let editorial = "Éditorial : l'eau, bien commun\nLe ministère a publié ses chiffres.\n\(quoted)\nReste à partager l'effort."
        let report = try report([
            ("a", DuplicateFixtures.wireOutletA), ("b", DuplicateFixtures.wireOutletB), ("edito", editorial),
        ])
        #expect(report.clusters.map(\.articles) == [["a", "b"]])
        // Listed because the editorial is outside the cluster; every article with the sentence is named.
        #expect(report.sharedPassages.map(\.articles) == [["a", "b", "edito"]])
        #expect(report.sharedPassages.first?.text.hasPrefix("Selon le ministère de l'Équipement") == true)
    }

    @Test func longPassageExcerptIsCut() throws {
        let long = String(repeating: "Le comité régional des pêches maritimes réclame des quotas plus justes ", count: 4) + "."
        let report = try report([
            ("x", DuplicateFixtures.handball + "\n" + long), ("y", DuplicateFixtures.railStrike + "\n" + long),
        ])
        #expect(report.clusters.isEmpty)
        let passage = try #require(report.sharedPassages.first)
        #expect(passage.text.count <= DuplicateSummary.excerptLength)
        #expect(passage.text.hasSuffix("…"))
        #expect(passage.text.hasPrefix("Le comité régional"))
    }

    @Test(arguments: [
        "Un deux trois quatre cinq six sept " + String(repeating: "é", count: 150) + ".",
        "Un deux trois quatre cinq six sept " + String(repeating: "👍🏽", count: 80) + " huit.",
        "Un deux trois quatre cinq six septs " + String(repeating: "👍🏽", count: 80) + " huit.",
        "Un deux trois quatre cinq six sept " + String(repeating: "👨‍👩‍👧", count: 40) + " huit.",
        "Un deux trois quatre cinq six septs " + String(repeating: "e\u{301}", count: 80) + " huit.",
        "Sept mots puis un très long nom propre : " + String(repeating: "Ab", count: 100) + " fin.",
    ])
    func excerptsOfLongWordsAreCutOnScalarBoundaries(sentence: String) throws {
        let fingerprinter = DuplicateFingerprinter()
        let article = Article(id: "x", text: sentence)
        let fingerprint = fingerprinter.fingerprint(TextStructure(analyzing: article.body))
        let entry = try #require(fingerprinter.summarize(fingerprint, of: article).entries.first)
        let excerpt = try #require(entry.passages.first?.excerpt)
        #expect(excerpt.unicodeScalars.count <= DuplicateSummary.excerptLength)
        #expect(excerpt.count <= DuplicateSummary.excerptLength)
        #expect(excerpt.hasSuffix("…"))
        #expect(!excerpt.contains("\u{FFFD}"))
        #expect(sentence.hasPrefix(String(excerpt.dropLast())))
    }

    @Test func shardsMergeInEitherOrderToTheSameReportAsOneRun() throws {
        let all: [(String, String)] = [
            ("a-wire", DuplicateFixtures.wireOutletA), ("b-budget", DuplicateFixtures.budget),
            ("c-rail", DuplicateFixtures.railStrike), ("d-wire", DuplicateFixtures.wireOutletB),
            ("e-tourism", DuplicateFixtures.tourism), ("f-rail-copy", DuplicateFixtures.railStrike),
            ("g-handball", DuplicateFixtures.handball),
        ]
        let whole = try report(all)
        #expect(whole.clusters.map(\.articles) == [["a-wire", "d-wire"], ["c-rail", "f-rail-copy"]])
        #expect(whole.sharedPassages.map(\.articles) == [["b-budget", "e-tourism"]])

        let first = try summary(Array(all[0..<3]))
        let second = try summary(Array(all[3...]))
        var forward = first
        forward.merge(second)
        var backward = second
        backward.merge(first)
        #expect(forward.report() == whole)
        #expect(backward.report() == whole)

        // Through JSON, as shards written by other processes are merged.
        let pipeline = try pipeline()
        func shard(_ articles: ArraySlice<(String, String)>) throws -> Data {
            let summary = pipeline.run(articles.map { CorpusEntry.success(Article(id: $0.0, text: $0.1)) }) { _ in }
            return try JSONEncoder().encode(summary)
        }
        var merged = try pipeline.decodeSummary(from: shard(all[4...]))
        try merged.merge(pipeline.decodeSummary(from: shard(all[..<2])))
        try merged.merge(pipeline.decodeSummary(from: shard(all[2..<4])))
        #expect(merged.summary(of: .duplicates, as: DuplicateSummary.self)?.report() == whole)
    }

    @Test func summariesKeepValueSemanticsWhileSharingStorage() {
        let entry = { (id: String) in DuplicateSummary.Entry(id: id, signature: .empty, passages: []) }
        let base = DuplicateSummary(entries: [entry("a")])
        var left = base
        left.merge(DuplicateSummary(entries: [entry("b")]))
        var right = base
        right.merge(DuplicateSummary(entries: [entry("c")]))
        left.merge(DuplicateSummary(entries: [entry("d")]))
        #expect(base.entries.map(\.id) == ["a"])
        #expect(left.entries.map(\.id) == ["a", "b", "d"])
        #expect(right.entries.map(\.id) == ["a", "c"])
        var itself = left
        itself.merge(itself)
        #expect(itself.entries.map(\.id) == ["a", "b", "d", "a", "b", "d"])
        #expect(left.articleCount == 3)
    }

    @Test func runsAreDeterministic() throws {
        let articles: [(String, String)] = [
            ("a", DuplicateFixtures.wireOutletA), ("b", DuplicateFixtures.wireOutletB),
            ("c", DuplicateFixtures.budget), ("d", DuplicateFixtures.tourism),
        ]
        let once = try report(articles)
        let twice = try report(articles.reversed())
        #expect(once == twice)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(once) == encoder.encode(twice))

        // Pinned values: fingerprints must be the same in every process and on every machine (no `Hasher`, whose
        // seed changes per process), because shards fingerprinted apart are compared.
        let fingerprint = DuplicateFingerprinter().fingerprint(TextStructure(analyzing: DuplicateFixtures.reusedSentence))
        #expect(fingerprint.shingleCount == 12)
        #expect(fingerprint.passages.map(\.hash.description) == [Self.pinnedPassageHash])
        #expect(Array(fingerprint.signature.values.prefix(4)) == Self.pinnedSignaturePrefix)
    }

    static let pinnedPassageHash = "24d94ce79821a8a3"
    static let pinnedSignaturePrefix: [UInt32] = [3_903_026_190, 3_517_036_603, 923_657_761, 2_174_733_223]

    @Test func emptyShortAndOddArticlesDoNotTrap() throws {
        let odd: [(String, String)] = [
            ("empty", ""), ("spaces", "   \n\n  "), ("one-word", "Bonjour"), ("one-word-too", "Bonjour"),
            ("four-words", "Le conseil a voté."), ("emoji", "🎉🎉 👍🏽"), ("punctuation", "… !!! ??? « » —"),
            ("long-word", String(repeating: "é", count: 10_000)), ("greek", "Η Ελλάδα ψήφισε σήμερα τον νέο προϋπολογισμό της χώρας."),
            ("control", "a\u{0}b\u{1}c d e f g h"),
        ]
        let summary = try summary(odd)
        #expect(summary.articleCount == odd.count)
        let signatures = Dictionary(uniqueKeysWithValues: summary.entries.map { ($0.id, $0.signature) })
        #expect(signatures["empty"]?.isEmpty == true)
        #expect(signatures["one-word"]?.isEmpty == true)
        #expect(signatures["four-words"]?.isEmpty == true)
        #expect(signatures["greek"]?.isEmpty == false)
        // Articles too short for a signature are never near-duplicates, even of each other.
        for threshold: Double in [0.8, 0, -1, 2, .nan, .infinity, 1e-300] {
            let report = summary.report(threshold: threshold)
            #expect(report.clusters.allSatisfy { !$0.articles.contains("one-word") }, "threshold \(threshold)")
            #expect(report.threshold > 0 && report.threshold <= 1)
        }
        #expect(DuplicateSummary().report() == DuplicateReport())
        #expect(MinHashSignature.empty.similarity(to: .empty) == 0)
        #expect(MinHashSignature(values: [1, 2]).similarity(to: MinHashSignature(values: [1, 2, 3])) == 0)
    }

    @Test func handBuiltStructureWithSpansOutsideTheTextDoesNotTrap() {
        let text = "Un deux trois quatre cinq six sept huit neuf."
        let tokens = [
            Token(span: TextSpan(start: 0, end: 2), kind: .word),
            Token(span: TextSpan(start: 40, end: 400), kind: .word),
            Token(span: TextSpan(start: 500, end: 600), kind: .number),
        ] + (0..<6).map { _ in Token(span: TextSpan(start: 3, end: 7), kind: .word) }
        let structure = TextStructure(
            text: text, tokens: tokens,
            sentences: [Sentence(span: TextSpan(start: 0, end: 900), tokens: 0..<50), Sentence(span: TextSpan(start: 0, end: 1), tokens: 40..<60)],
            paragraphs: [])
        let fingerprint = DuplicateFingerprinter().fingerprint(structure)
        #expect(fingerprint.shingleCount == 5)
        #expect(fingerprint.passages.count == 1)
        // The span is kept as given; the excerpt clamps it to the body instead of trapping.
        #expect(fingerprint.passages.first?.span == TextSpan(start: 0, end: 900))
        let summary = DuplicateFingerprinter().summarize(fingerprint, of: Article(id: "x", text: text))
        #expect(summary.entries.first?.passages.first?.excerpt == text)
    }

    @Test func hundredsOfCopiesFormOneCluster() throws {
        var articles = (0..<400).map { (String(format: "copy-%03d", $0), DuplicateFixtures.handball) }
        articles.append(("rail", DuplicateFixtures.railStrike))
        let report = try report(articles)
        #expect(report.clusters.count == 1)
        #expect(report.clusters.first?.articles.count == 400)
        #expect(report.clusters.first?.minimumSimilarity == 1)
        #expect(report.sharedPassages.isEmpty)
    }

    @Test func lowerThresholdFindsLooserRewrites() throws {
        // Every other sentence of the story, rewritten: too different at 0.8, related at a lower threshold.
        let lines = DuplicateFixtures.wireOutletA.split(separator: "\n").map(String.init)
        let rewrite = lines.enumerated().map { index, line in
            index % 2 == 0 ? line : "Une phrase entièrement nouvelle remplace ici la ligne numéro \(index) de la dépêche d'origine."
        }.joined(separator: "\n")
        let articles = [("original", DuplicateFixtures.wireOutletA), ("rewrite", rewrite)]
        #expect(try report(articles).clusters.isEmpty)
        #expect(try report(articles, threshold: 0.2).clusters.map(\.articles) == [["original", "rewrite"]])
    }

    @Test func standardRegistryHasTheFingerprinterUnreportedByDefault() throws {
        let registry = AnalyzerRegistry.standard
        #expect(registry.contains(.duplicates))
        let description = try #require(registry.descriptions.first { $0.id == .duplicates })
        #expect(description.dependencies == [.text])
        #expect(description.summaryType == "DuplicateSummary")
        #expect(try !Pipeline(registry: registry).selectedIDs.contains(.duplicates))
        let analysis = try Pipeline(registry: registry, selecting: [.duplicates], preprocessing: false)
            .analyze(Article(id: "x", text: DuplicateFixtures.railStrike))
        #expect(analysis[.duplicates]?.signature.values.count == MinHashSignature.length)
    }
}
