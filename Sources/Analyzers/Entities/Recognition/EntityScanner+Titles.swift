import CorpusKit

/// Titles and roles written before a name and kept out of it: `M.`, `Mme`, `le président`, `le ministre des
/// Affaires étrangères, Jean Martin`, `l'ancien Premier ministre`, `la porte-parole du gouvernement, Nadia X`.
extension EntityScanner {
    /// Words that end a look-back for a role: verbs and conjunctions that a role's complement never holds.
    static let titleStops = NameWords.set([
        "et", "ou", "a", "est", "qui", "que", "qu'", "ont", "sont", "avait", "etait", "selon", "mais", "dont",
        "pour", "par", "avec", "sur", "dans", "and", "or", "is", "was", "has", "said", "says", "who", "that",
        "with", "by", "for", "in", "on", "a-t-il", "a-t-elle",
    ])

    /// The role written before the name at `start`, as a token range: a role word (`ministre`, `président`,
    /// `porte-parole`; or an honorific right before the name), then only its complement (`des Affaires
    /// étrangères`, `de l'Intérieur`, `algérien`), then at most a comma. Multi-word roles (`Premier ministre`,
    /// `secrétaire d'État`, `chef de l'État`) are taken whole.
    mutating func titleBefore(_ start: Int) -> Range<Int>? {
        guard start > 0 else { return nil }
        var end = start  // the title ends before the name, or before the comma
        var k = start - 1
        if parenthesis(k, 0x2C) { end = k; k -= 1 }
        guard k >= 0 else { return nil }
        if end == start, flags(k).contains(.honorific), joined(start) { return k..<start }
        // `ministre de l'Intérieur`, `président du Conseil`: a name right after `de`/`du`/`des`/`l'` is the role's
        // complement, not the person.
        if end == start, isOneOf(k, .link) || isOneOf(k, .linkArticle) { return nil }
        let sentence = sentenceOf[start]
        var steps = 0
        while k >= 0, steps < Self.maxTitleWords, sentenceOf[k] == sentence {
            guard isWord(k) else { return nil }
            let f = flags(k)
            if f.contains(.role) {
                var first = k
                // `Premier ministre`, `vice-président`, `secrétaire général`: the longest role ending here.
                for length in 2...3 where k - length + 1 >= 0 {
                    if gazetteer.flags(key((k - length + 1)..<(k + 1))).contains(.role) { first = k - length + 1 }
                }
                return first..<end
            }
            if isOneOf(k, .titleStop) || f.contains(.givenName) { return nil }
            k -= 1
            steps += 1
        }
        return nil
    }
}
