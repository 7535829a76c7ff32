/// The context-free rules of page cleaning: what a single line is, judged on its own words and shape.
///
/// Keywords are written folded (lower case, no accents, `’` as `'`), the form ``TextFolding`` produces, and are
/// matched against the start of the line (or anywhere for a few phrases that only occur in boilerplate). Each
/// rule has a word limit so that a body paragraph that happens to start with "Source" or mention cookies is
/// never removed.
struct NoiseRules: Sendable {
    /// What a matched line also starts, beyond its own removal.
    enum Heading: Sendable {
        /// A related / most-read / "Read also:" list follows.
        case list(RemovalReason)
        /// Comments follow, to the end of the page.
        case comments
    }

    struct Verdict {
        var reason: RemovalReason
        var heading: Heading?
    }

    private struct Rule: Sendable {
        let folded: [UInt8]
        let reason: RemovalReason
        let maxWords: Int
        let anywhere: Bool
        let heading: Heading?
        /// Whether the line may end with final punctuation. Off for one-word buttons and labels (`Fermer`,
        /// `Suivant`, `Share`) that also start real sentences ("Share prices fell.").
        let terminalAllowed: Bool
    }

    private let rules: [Rule]
    /// Rules indexed by the first byte of their keyword, so a line is compared with a handful of rules only.
    private let prefixRulesByFirstByte: [[Int]]
    /// A phrase rule that may match anywhere, as plain integers: the scan touches no reference counts.
    private struct Phrase {
        /// Where the phrase's bytes are in `phraseBytes`.
        let start: Int
        let length: Int
        let rule: Int
        let maxWords: Int
        let terminalAllowed: Bool
    }

    /// Phrase rules grouped by the first byte of their phrase: one pass over the line tries only the phrases that
    /// start with the byte at hand. `phraseRange[b]` is the range of `phrases` whose phrase starts with `b`.
    private let phrases: [Phrase]
    private let phraseRange: [Range<Int>]
    private let phraseBytes: [UInt8]
    /// One bit per pair of bytes that starts some phrase: most positions of a line are rejected with one load.
    private let phrasePairs: [UInt64]
    private let anywhereMaxWords: Int

    init() {
        var rules: [Rule] = []
        func add(
            _ reason: RemovalReason, maxWords: Int, anywhere: Bool = false, heading: Heading? = nil,
            terminalAllowed: Bool = true, _ keywords: [String]
        ) {
            for keyword in keywords {
                rules.append(Rule(
                    folded: Array(keyword.utf8), reason: reason, maxWords: maxWords, anywhere: anywhere, heading: heading,
                    terminalAllowed: terminalAllowed))
            }
        }
        add(.readAlso, maxWords: 30, [
            "lire aussi", "a lire aussi", "lire egalement", "a lire egalement", "voir aussi", "a voir aussi",
            "read also", "read more", "see also", "also read", "sur le meme sujet", "a decouvrir aussi", "related:",
            "related :", "lisez aussi", "lire plus",
        ])
        add(.relatedList, maxWords: 8, heading: .list(.relatedList), terminalAllowed: false, [
            "les plus lus", "les plus lues", "les plus partages", "les plus commentes", "most read", "most popular",
            "most viewed", "a la une", "dans la meme rubrique", "articles similaires", "articles lies",
            "articles recommandes", "related articles", "related stories", "related news", "you may also like",
            "vous aimerez aussi", "vous pourriez aussi aimer", "derniers articles", "dernieres actualites",
            "dernieres infos", "latest news", "latest stories", "trending", "en continu", "top articles",
            "sur le meme theme", "plus d'articles", "more stories", "more from", "autres articles", "dans la rubrique",
            "nos derniers articles", "a lire dans la meme rubrique", "recommended", "recommande pour vous",
        ])
        add(.navigation, maxWords: 15, terminalAllowed: false, [
            "article precedent", "article suivant", "previous article", "next article", "previous post", "next post",
            "precedent", "suivant", "\u{AB} precedent", "page suivante", "page precedente", "retour en haut",
            "back to top", "retour a l'accueil", "haut de page", "version imprimable", "imprimer l'article",
            "imprimer cet article", "print this article", "printer-friendly", "print version",
        ])
        add(.byline, maxWords: 25, [
            "temps de lecture", "lecture :", "duree de lecture", "filed under", "posted in", "categorie :",
            "categories :", "publie dans la rubrique", "first published", "last modified", "last updated",
            "derniere mise a jour", "mis en ligne le", "updated:", "published:", "posted by", "posted on",
            "publie par", "redige par", "ecrit par", "written by",
        ])
        add(.byline, maxWords: 8, anywhere: true, terminalAllowed: false, [
            "min read", "minutes de lecture", "min de lecture", "minute read",
        ])
        add(.tags, maxWords: 60, [
            "tags :", "tags:", "tag :", "mots-cles", "mots cles", "mot-cle", "etiquettes", "tagged", "themes :",
            "sujets :", "keywords", "topics:", "topics :", "rubriques :",
        ])
        add(.social, maxWords: 8, terminalAllowed: false, [
            "partager", "partagez", "share", "tweet", "j'aime", "imprimer", "envoyer a un ami", "envoyer par e-mail",
            "facebook", "twitter", "whatsapp", "linkedin", "copier le lien", "copy link", "voir cette publication",
            "view this post", "publication instagram", "une publication partagee", "a post shared", "suivez-nous",
            "follow us", "pinterest", "telegram", "reagir",
        ])
        add(.comments, maxWords: 4, heading: .comments, [
            "commentaires", "commentaire", "comments", "reactions", "vos reactions", "vos commentaires",
        ])
        add(.comments, maxWords: 7, heading: .comments, terminalAllowed: false, [
            "reagissez", "reagir a cet article", "commenter cet article", "join the conversation",
            "join the discussion", "what do you think", "qu'en pensez-vous",
        ])
        add(.comments, maxWords: 25, [
            "laisser un commentaire", "laissez un commentaire", "ajouter un commentaire", "poster un commentaire",
            "leave a reply", "leave a comment", "post a comment", "add a comment", "votre adresse e-mail ne sera pas",
            "votre adresse email ne sera pas", "votre adresse de messagerie ne sera pas",
            "your email address will not be published", "les champs obligatoires", "required fields",
            "nom *", "e-mail *", "email *", "commentaire *", "comment *", "publier le commentaire", "post comment",
            "signaler un abus", "report abuse", "charte de moderation", "les commentaires sont",
            "connectez-vous pour commenter", "log in to comment", "sign in to comment",
            "soyez le premier a commenter", "be the first to comment",
        ])
        add(.comments, maxWords: 3, terminalAllowed: false, ["site web", "website", "envoyer", "repondre", "reply"])
        add(.newsletter, maxWords: 40, [
            "newsletter", "inscrivez-vous", "abonnez-vous", "ne manquez rien", "telechargez l'application",
            "telechargez notre application", "download our app", "download the app", "we value your privacy",
            "nous utilisons des cookies", "ce site utilise des cookies", "this site uses cookies",
            "this website uses cookies", "we use cookies", "en poursuivant votre navigation", "gerer les cookies",
            "sign up for", "sign up to", "recevez chaque", "recevez notre", "recevez gratuitement", "recevez l'essentiel",
            "en vous inscrivant", "votre adresse e-mail", "votre adresse email", "your email address",
            "enter your email", "saisissez votre adresse",
        ])
        add(.newsletter, maxWords: 8, terminalAllowed: false, [
            "subscribe", "sign up", "recevez", "accepter", "accept all", "cookies", "get the app", "alertes",
        ])
        add(.newsletter, maxWords: 8, anywhere: true, terminalAllowed: false, ["newsletter"])
        add(.newsletter, maxWords: 40, anywhere: true, [
            "utilise des cookies", "utilisons des cookies", "utilise des traceurs", "utilisons des traceurs",
            "cookies ou technologies", "use cookies", "cookie settings", "parametres des cookies", "accept all",
            "tout accepter", "notre newsletter", "our newsletter", "vous desinscrire", "unsubscribe at any time",
            "abonnez-vous", "soutenez", "support independent", "support our journalism", "support local journalism",
            "become a member", "devenez membre", "faites un don", "make a donation", "cet article vous a plu",
            "vous avez aime cet article", "like what you read", "enjoyed this article",
        ])
        add(.sourceLink, maxWords: 20, [
            "cliquez ici", "click here", "lire l'article a la source", "lire la suite", "lire l'article original",
            "lire l'article complet", "source :", "source:", "sources :", "read the full article",
            "read the original", "continue reading", "voir l'article original", "article original",
        ])
        add(.imageWidget, maxWords: 12, [
            "signaler une image", "signaler cette image", "signaler un contenu", "report this image", "report image",
            "voir la galerie", "voir les photos", "galerie photos", "galerie photo", "agrandir", "diaporama",
            "see gallery", "view gallery", "enlarge",
        ])
        // Credits alone on a line (`Photo : AFP`); a caption that describes the picture is kept (once).
        add(.imageWidget, maxWords: 5, [
            "credit photo", "credits photo", "photo credit", "photo :", "photo:", "(photo", "photo d'illustration",
            "image d'illustration", "illustration :",
        ])
        add(.advertising, maxWords: 40, [
            "publicite", "advertisement", "contenu sponsorise", "ads by", "contenu partenaire", "paid content",
        ])
        add(.advertising, maxWords: 3, terminalAllowed: false, ["sponsorise", "sponsored", "annonce", "pub", "partenaire"])
        add(.footer, maxWords: 40, [
            "\u{A9}", "(c) ", "copyright", "tous droits reserves", "all rights reserved", "mentions legales",
            "contactez-nous", "contact :", "qui sommes-nous", "about us", "conditions generales", "terms of use",
            "terms of service", "politique de confidentialite", "privacy policy", "tel :", "tel.", "tel:",
            "fax", "adresse :", "siege social", "redaction :", "directeur de la publication", "editeur :",
        ])
        add(.footer, maxWords: 40, anywhere: true, [
            "tous droits reserves", "all rights reserved", "n'est pas responsable", "is not responsible",
            "reproduction interdite", "reproduction totale ou partielle", "mentions legales", "privacy policy",
            "is published by", "est edite par", "est publie par", "registered in england", "registered in wales",
            "registered in scotland", "company number", "company no.", "capital social", "siret",
        ])
        add(.siteHeader, maxWords: 10, terminalAllowed: false, [
            "se connecter", "connexion", "s'identifier", "log in", "sign in", "mon compte", "my account",
            "s'abonner", "edition du", "version numerique", "e-paper", "epaper", "rechercher", "search",
            "menu", "fermer", "close",
        ])
        add(.menu, maxWords: 40, [
            "vous etes ici", "you are here", "accueil >", "accueil \u{BB}", "accueil |", "accueil \u{203A}",
            "accueil /", "home >", "home |", "home \u{203A}", "home \u{BB}", "home /",
        ])
        var byFirstByte = [[Int]](repeating: [], count: 256)
        var anywhere = [[Int]](repeating: [], count: 256)
        for (index, rule) in rules.enumerated() {
            if rule.anywhere {
                anywhere[Int(rule.folded[0])].append(index)
            } else {
                byFirstByte[Int(rule.folded[0])].append(index)
            }
        }
        self.rules = rules
        self.prefixRulesByFirstByte = byFirstByte
        var phrases: [Phrase] = []
        var ranges: [Range<Int>] = []
        var bytes: [UInt8] = []
        for group in anywhere {
            ranges.append(phrases.count..<(phrases.count + group.count))
            for index in group {
                let folded = rules[index].folded
                precondition(folded.count >= 2, "phrase rules need at least two bytes")
                phrases.append(Phrase(
                    start: bytes.count, length: folded.count, rule: index, maxWords: rules[index].maxWords,
                    terminalAllowed: rules[index].terminalAllowed))
                bytes.append(contentsOf: folded)
            }
        }
        var pairs = [UInt64](repeating: 0, count: 65_536 / 64)
        for phrase in phrases {
            let pair = Int(bytes[phrase.start]) << 8 | Int(bytes[phrase.start + 1])
            pairs[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        self.phrases = phrases
        self.phraseRange = ranges
        self.phraseBytes = bytes
        self.phrasePairs = pairs
        self.anywhereMaxWords = rules.filter(\.anywhere).map(\.maxWords).max() ?? 0
    }

    /// No rule applies to lines longer than this: they are body paragraphs (news paragraphs run 30–80 words).
    static let maxWords = 60
    /// Phrase rules (matched anywhere in the line) apply to lines of this many words at most.
    static let maxWordsForPhrases = 40

    private static let commentCountWords = ["commentaire", "comment", "reaction"].map { Array($0.utf8) }
    private static let counterWords = ["fois", "vues", "views", "partages", "shares", "likes", "lectures", "j'aime", "reads"]
        .map { Array($0.utf8) }

    /// Judges one line.
    /// - Parameters:
    ///   - folded: The line folded by ``TextFolding`` (at most the first few hundred bytes).
    ///   - features: The line's features.
    /// - Returns: Why the line is noise, or `nil` when nothing here says so.
    func classify(_ folded: [UInt8], _ features: LineFeatures) -> Verdict? {
        guard !folded.isEmpty else { return nil }
        // Keyword rules first: they are the most specific. They are tried at the start of the line and, when the
        // line opens with dashes, bullets or emoji (`— Publicité —`, `📩 Newsletter`), at its first letter.
        if let verdict = matchPrefix(folded[...], features) { return verdict }
        if let letter = folded.firstIndex(where: { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }), letter > 0,
           let verdict = matchPrefix(folded[letter...], features)
        {
            return verdict
        }
        if features.words <= anywhereMaxWords, let verdict = matchAnywhere(folded, features) { return verdict }
        return classifyCounters(folded, features) ?? classifyByShape(features)
    }

    /// The first keyword rule whose keyword starts `folded`.
    private func matchPrefix(_ folded: ArraySlice<UInt8>, _ features: LineFeatures) -> Verdict? {
        guard let firstByte = folded.first else { return nil }
        for index in prefixRulesByFirstByte[Int(firstByte)] {
            let rule = rules[index]
            guard features.words <= rule.maxWords, rule.terminalAllowed || !features.endsWithTerminal || features.endsWithColon,
                  folded.starts(with: rule.folded)
            else { continue }
            // A keyword must end at a word boundary: "partager" is not "partagera".
            if folded.count > rule.folded.count {
                let next = folded[folded.startIndex + rule.folded.count]
                let last = rule.folded[rule.folded.count - 1]
                if isWordByte(next) && isWordByte(last) { continue }
            }
            // A short heading such as "Commentaires" must be nearly the whole line.
            if case .comments = rule.heading, features.words > 3 && features.digits == 0 { continue }
            return Verdict(reason: rule.reason, heading: rule.heading)
        }
        return nil
    }

    /// Counters: "3 commentaires", "Comments (12)", "Lu 1 047 fois", "312 vues".
    private func classifyCounters(_ folded: [UInt8], _ features: LineFeatures) -> Verdict? {
        if features.digits > 0 && features.words <= 5 {
            for word in Self.commentCountWords where TextFolding.contains(folded, word) {
                return Verdict(reason: .comments, heading: .comments)
            }
            for word in Self.counterWords where TextFolding.contains(folded, word) {
                return Verdict(reason: .social, heading: nil)
            }
        }
        return nil
    }

    /// The first phrase rule found anywhere in the line, in one pass.
    private func matchAnywhere(_ folded: [UInt8], _ features: LineFeatures) -> Verdict? {
        let endsAsSentence = features.endsWithTerminal && !features.endsWithColon
        return folded.withUnsafeBufferPointer { line in
            phrasePairs.withUnsafeBufferPointer { pairs in
            phraseRange.withUnsafeBufferPointer { ranges in
                phrases.withUnsafeBufferPointer { phrases in
                    phraseBytes.withUnsafeBufferPointer { phraseBytes in
                        let n = line.count
                        var i = 0
                        while i + 1 < n {
                            let pair = Int(line[i]) << 8 | Int(line[i + 1])
                            if pairs[pair >> 6] & (1 << UInt64(pair & 63)) == 0 {
                                i &+= 1
                                continue
                            }
                            let range = ranges[Int(line[i])]
                            if !range.isEmpty {
                                for position in range {
                                    let phrase = phrases[position]
                                    guard features.words <= phrase.maxWords, phrase.terminalAllowed || !endsAsSentence,
                                          i + phrase.length <= n,
                                          line[i + 1] == phraseBytes[phrase.start + 1]
                                    else { continue }
                                    var k = 2
                                    while k < phrase.length && line[i + k] == phraseBytes[phrase.start + k] { k &+= 1 }
                                    if k == phrase.length {
                                        return Verdict(reason: rules[phrase.rule].reason, heading: rules[phrase.rule].heading)
                                    }
                                }
                            }
                            i &+= 1
                        }
                        return nil
                    }
                }
            }
            }
        }
    }

    /// Structural rules: menus, tickers, hashtag lines, emoji lines, contact footers.
    private func classifyByShape(_ features: LineFeatures) -> Verdict? {
        let separators = features.menuSeparators
        // Contact footers first: they are often built like menus (`Adresse · Tél · e-mail`).
        if (features.hasPhone || features.hasEmail) && features.words <= 40 {
            return Verdict(reason: .footer, heading: nil)
        }
        // Menus: several short items between separators (or runs of spaces, in menus laid out with them).
        let items = Swift.max(separators, features.doubleSpaces)
        if items >= 2 && features.words <= (items + 1) * 3 && !features.endsWithTerminal {
            return Verdict(reason: .menu, heading: nil)
        }
        if separators >= 2 && features.words <= (separators + 1) * 4 && !features.isProse {
            return Verdict(reason: .menu, heading: nil)
        }
        // Tickers: headlines glued together with double spaces, bars or bullets, often `Rubrique : titre`.
        let segments = Swift.max(features.doubleSpaces, separators) + 1
        if features.words >= 12 && segments >= 3 && features.words / segments >= 3 {
            return Verdict(reason: .ticker, heading: nil)
        }
        if features.words >= 12 && features.spacedColons >= 3 && !features.endsWithTerminal {
            return Verdict(reason: .ticker, heading: nil)
        }
        if features.hashtags >= 2 && features.hashtags * 2 >= features.words {
            return Verdict(reason: .tags, heading: nil)
        }
        if features.emoji > 0 && (features.letters < 6 || features.emoji >= 3 || features.hashtags > 0) {
            return Verdict(reason: .social, heading: nil)
        }
        if features.mentions > 0 && features.words <= 8 && !features.endsWithTerminal {
            return Verdict(reason: .social, heading: nil)
        }
        return nil
    }

    @inline(__always)
    private func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }
}
