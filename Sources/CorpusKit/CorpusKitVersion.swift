/// The version of CorpusKit, printed by `corpus-tool --version`.
public enum CorpusKitVersion {
    /// Semantic version of this release.
    public static let current = "0.1.0"
}
