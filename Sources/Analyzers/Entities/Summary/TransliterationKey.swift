/// A key under which spellings of one transliterated name meet: `Abdelmadjid Tebboune` and `Abdelmajid
/// Tebboune`, `Mohamed`, `Mohammed` and `Mouhamed`, `Youcef` and `Youssef`, `Chérif` and `Sharif`.
///
/// From the folded name (no case, no accents): letters only; `dj` → `j`, `ou`/`oo`/`o` → `u`, `ph` → `f`,
/// `kh` → `k`, `gh` → `g`, `sh` → `ch`, `th` → `t`, `w` → `u`, `y` → `i`, `q` → `k`, `ee` → `i`; then doubled
/// letters collapse. Names whose keys are equal, or one edit apart (``neighbours``), are spelling variants when
/// nothing else is that close.
enum TransliterationKey {
    /// The key of a folded name.
    static func of(_ folded: String) -> String {
        var letters: [UInt8] = []
        letters.reserveCapacity(folded.utf8.count)
        for b in folded.utf8 where b >= 0x61 && b <= 0x7A { letters.append(b) }
        var out: [UInt8] = []
        out.reserveCapacity(letters.count)
        var k = 0
        func at(_ i: Int) -> UInt8 { i < letters.count ? letters[i] : 0 }
        while k < letters.count {
            let a = letters[k], b = at(k + 1)
            switch (a, b) {
            case (0x64, 0x6A): out.append(0x6A); k += 2  // dj → j
            case (0x6F, 0x75), (0x6F, 0x6F): out.append(0x75); k += 2  // ou, oo → u
            case (0x70, 0x68): out.append(0x66); k += 2  // ph → f
            case (0x6B, 0x68): out.append(0x6B); k += 2  // kh → k
            case (0x67, 0x68): out.append(0x67); k += 2  // gh → g
            case (0x73, 0x68): out.append(0x63); out.append(0x68); k += 2  // sh → ch
            case (0x74, 0x68): out.append(0x74); k += 2  // th → t
            case (0x65, 0x65): out.append(0x69); k += 2  // ee → i
            default:
                switch a {
                case 0x6F, 0x77: out.append(0x75)  // o, w → u
                case 0x79: out.append(0x69)  // y → i
                case 0x71: out.append(0x6B)  // q → k
                default: out.append(a)
                }
                k += 1
            }
        }
        // Doubled letters collapse (`Mohammed` = `Mohamed`, `Youssef` = `Yousef`).
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(out.count)
        for b in out where collapsed.last != b { collapsed.append(b) }
        return String(decoding: collapsed, as: UTF8.self)
    }

    /// The key and every key one letter shorter: two keys one deletion (or one substitution) apart share one.
    static func neighbours(_ key: String) -> [String] {
        let bytes = Array(key.utf8)
        var result = [key]
        result.reserveCapacity(bytes.count + 1)
        for k in bytes.indices {
            var copy = bytes
            copy.remove(at: k)
            result.append(String(decoding: copy, as: UTF8.self))
        }
        return result
    }
}
