import Foundation
import VerbaleCore

/// Wall-clock and CPU time together: on a shared 2-core machine the wall clock measures the
/// neighbours as much as the code, so both are printed (and the load average beside them).
enum Timing {
    /// (best wall seconds, best CPU seconds of this process) over `repeats` runs.
    static func best(of repeats: Int, _ body: () -> Void) -> (Double, Double) {
        var wall = Double.infinity, cpu = Double.infinity
        for _ in 0..<max(repeats, 1) {
            let startCPU = cpuSeconds()
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            wall = min(wall, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            cpu = min(cpu, cpuSeconds() - startCPU)
        }
        return (wall, cpu)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    static func loadAverage() -> Double {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) > 0 ? loads[0] : -1
    }

    /// Peak resident memory of the whole process so far (`ru_maxrss`), in MB.
    static func peakRSSMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Resets the kernel's peak-RSS mark (`VmHWM`; Linux: writing 5 to /proc/self/clear_refs),
    /// so that `peakRSSSinceResetMegabytes` measures one step, not the whole run.
    static func resetPeakRSS() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// `VmHWM` from /proc/self/status, in MB (-1 where there is none).
    static func peakRSSSinceResetMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
        return kb / 1024
    }
}

/// Small helpers the benchmarks share.
enum Measuring {
    /// The size of a file in bytes (0 when it cannot be read).
    static func fileSize(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? NSNumber)?.intValue ?? 0
    }

    /// The `p` quantile (0…1) of sorted values.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }
}



/// Times translate-toolkit's TMX parser from Python (`$VERBALE_PYTHON`, else /work/venv).
enum TranslateToolkitTimer {
    static func python() -> URL? {
        let candidates = [ProcessInfo.processInfo.environment["VERBALE_PYTHON"], "/work/venv/bin/python"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }

    /// Units, wall and CPU seconds, peak RSS (MB); nil when translate-toolkit is not importable.
    static func parse(python: URL, file: URL) throws -> (units: Int, seconds: Double, cpuSeconds: Double, rss: Double)? {
        let script = """
        import sys, time, json, resource
        try:
            from translate.storage import tmx
        except ImportError:
            print(json.dumps({"missing": True})); sys.exit(0)
        start, cpu = time.perf_counter(), time.process_time()
        store = tmx.tmxfile.parsefile(sys.argv[1])
        units = sum(1 for u in store.units if not u.isheader())
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(json.dumps({"units": units, "seconds": seconds, "cpu": cpu, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
        """
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
              let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let units = json["units"] as? Int, let seconds = json["seconds"] as? Double else { return nil }
        return (units, seconds, json["cpu"] as? Double ?? seconds, json["rss"] as? Double ?? 0)
    }
}
