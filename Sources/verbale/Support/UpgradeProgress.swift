import Foundation
import VerbaleMemory

/// The progress line shown on standard error while a memory is re-analysed after a Verbale
/// upgrade (`SQLiteMemory`'s `progress`): only when standard error is a terminal, and only for
/// memories big enough to take a noticeable time (at least `threshold` variants), so scripts
/// and small memories see nothing.
final class UpgradeProgress {
    static let threshold = 20_000
    private var last = (index: "", percent: -1)
    private var shown = false

    /// The callback to hand to `SQLiteMemory`, or nil when standard error is not a terminal.
    static func callback() -> AnalysisUpgradeProgress? {
        guard Terminal.stderrIsTTY else { return nil }
        let line = UpgradeProgress()
        return { index, done, total in line.update(index: index, done: done, total: total) }
    }

    func update(index: String, done: Int, total: Int) {
        guard total >= Self.threshold else { return }
        let percent = min(100, done * 100 / max(total, 1))
        guard (index, percent) != last else { return }
        last = (index, percent)
        shown = true
        Terminal.writeError("\rUpgrading the memory to this Verbale's text analysis (\(index)): \(percent)%  \(done)/\(total) texts")
        if done >= total {
            Terminal.writeError("\r" + String(repeating: " ", count: 100) + "\r")
        }
    }
}
