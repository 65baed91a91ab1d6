import Foundation
import VerbaleCore

// verbale-bench: release-mode benchmarks printing machine-readable results (one JSON object per
// line). See Benchmarks/README.md.
print("{\"benchmark\": \"none\"}")
