/// A token from ICU's word break iterator: its kind and its range in the normalised text.
public struct Token: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Digits, with ICU's internal separators (1,234.5).
        case number
        /// A run of Han characters (ICU's dictionary-based segmentation for zh).
        case ideographic
        /// Latin letters, possibly with digits (G20, DRG).
        case letter
        case whitespace
        case punctuation
    }

    public let kind: Kind
    /// Offsets into the normalised text (`SourceText.chars`).
    public let range: Range<Int>
}
