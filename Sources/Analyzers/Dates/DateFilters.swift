import CorpusKit

/// Precision filters: token runs that look like dates but are not, skipped before any rule runs.
///
/// - Phone numbers: four or more numbers in a row (`06 12 34 56 78`, `+33 6 12 34 56 78`).
/// - Addresses and web addresses: a number glued to `.`, `/`, `@` or a word (`site.com/2024/03/14/titre`), and
///   a date naming a street (`rue du 14 juillet`, `place du 2 Mars`).
/// - Ages: `âgé de 61 ans`, `un homme de 61 ans`, `il a 61 ans`, `Marie, 61 ans,`, `(61 ans)`, `les 18-25 ans`.
///
/// Other look-alikes never reach a date rule in the first place: a number followed by a noun (`42 délégués`,
/// `1500 soldats`), decimals and percentages (`3,5%`, `2,4 MMDH`) are not date shapes; roman numerals count only
/// before `siècle`, so `Louis XIV` is not a century; weekday abbreviations (`Sam`, `mer.`) count only before a
/// full date, and `sa`, `ma`, `me`, `je`, `lu` are not in the lexicon at all.
extension DateScanner {
    /// The token to resume at when the tokens from `i` must not produce an expression; `nil` otherwise.
    func filteredEnd(at i: Int) -> Int? {
        let token = tokens[i]
        if token.kind == .word {
            guard lex[i].keyword == .address else { return nil }
            // `rue du 14 juillet`, `avenue du 2 Mars`: a street name, not a date.
            var j = i + 1
            let k = keyword(j)
            if k == .du || k == .de || k == .elidedD { j += 1 }
            if let date = calendarFields(at: j) { return date.end }
            return nil
        }
        guard token.kind == .number else { return nil }
        // A number glued to a web address, an e-mail or a code.
        let before = punctuation(i - 1)
        if isAttached(i), before == 0x2E || before == 0x2F || before == 0x40 || isWord(i - 1) { return i + 1 }
        let after = punctuation(i + 1)
        if isAttached(i + 1), after == 0x2E || after == 0x2F || after == 0x40, isAttached(i + 2),
           isWord(i + 2) || isNumber(i + 2), slashedMonthName(at: i) == nil  // (`23/Sep/2020` is a date)
        {
            return i + 1
        }
        // A run of four or more short numbers: a phone number.
        var j = i
        while j < count, j - i < 12, let shape = number(j), shape.isPlain, shape.lengths.0 <= 4 { j += 1 }
        if j - i >= 4 { return j }
        // Ages.
        guard let shape = number(i) else { return nil }
        let unit = i + 1
        guard entry(unit).unit == .year else { return nil }
        if shape.groups == 2, shape.separator == 0x2D, shape.lengths.0 == 2, shape.lengths.1 == 2 { return unit + 1 }
        return isAge(i, unit) ? unit + 1 : nil
    }

    /// Whether `N ans` at tokens `i`, `unit` gives someone's age.
    private func isAge(_ i: Int, _ unit: Int) -> Bool {
        let before = keyword(i - 1)
        if before == .age { return true }
        if before == .de || before == .elidedD {
            let owner = keyword(i - 2)
            return owner == .age || owner == .person
        }
        // `il a 61 ans`, `à 61 ans` (but not `il y a 61 ans`, nor `condamné à 5 ans de prison`, `à 3,5 ans
        // de travaux`: an amount of time).
        if before == .a {
            return keyword(i - 2) != .y && keyword(unit + 1) != .de && keyword(unit + 1) != .elidedD
        }
        let after = punctuation(unit + 1)
        // `Marie Dupont, 61 ans,`, `(61 ans)`.
        if punctuation(i - 1) == 0x2C, isCapitalized(i - 2), after == 0x2C || after == 0x29 { return true }
        return punctuation(i - 1) == 0x28 && after == 0x29
    }
}
