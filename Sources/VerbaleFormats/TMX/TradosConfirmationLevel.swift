import Foundation
import VerbaleCore

/// Trados Studio's segment status in its TMX exports: `<prop type="x-ConfirmationLevel">` on a
/// `<tu>`, one of the `Sdl.Core.Globalization.ConfirmationLevel` names (Unspecified, Draft,
/// Translated, RejectedTranslation, ApprovedTranslation, RejectedSignOff, ApprovedSignOff).
///
/// Why: Trados is the usual source of a ministry's TMX, and its Draft/Unspecified segments are
/// often machine output; read as `translated` they would look attested. The prop itself is kept
/// (round trip); only the unit's review status is derived from it, and a Verbale `x-review` prop
/// in the same unit wins (it is Verbale's own later judgement). Rejected* maps to `unreviewed`,
/// not `rejected`: the CLI marks `[unreviewed]` wherever a text is offered, and a rejected
/// rendering must never be offered unmarked. Cost: one string switch per such prop.
enum TradosConfirmationLevel {
    static let propType = "x-ConfirmationLevel"

    /// The review status for a confirmation level; nil for a value Trados does not define
    /// (the unit then keeps what it had). Case and surrounding spaces are ignored.
    static func review(for value: String) -> ReviewStatus? {
        switch value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "unspecified", "draft", "nottranslated", "rejectedtranslation", "rejectedsignoff": .unreviewed
        case "translated": .translated
        case "approvedtranslation": .reviewed
        case "approvedsignoff": .approved
        default: nil
        }
    }
}
