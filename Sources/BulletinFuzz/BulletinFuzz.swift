import Bulletin
import BulletinSchema
import Foundation

// The fuzz target for the whole pipeline: bytes → decode → extract → JSON → schema-valid, through
// `PipelineCheck`. `Scripts/fuzz SECONDS` builds it with `-sanitize=fuzzer` and `-DBULLETIN_FUZZ`
// into `.build-fuzz` and runs libFuzzer; any crash, hang or broken output is a finding. A plain
// `swift build` makes a replay tool instead: `BulletinFuzz FILE...` runs the same check on files
// (a finding from `Fuzz/findings/`, say) and exits 1 if any breaks the contract.

/// The validator for `Schema/bulletin.schema.json`, loaded once.
let validator: SchemaValidator = {
    do {
        return try PipelineCheck.bulletinSchema()
    } catch {
        FileHandle.standardError.write(Data("BulletinFuzz: cannot load Schema/bulletin.schema.json: \(error)\n".utf8))
        exit(2)
    }
}()

let extractor = Extractor()

/// Runs one input; the problems found, empty when the contract holds.
func problems(_ bytes: [UInt8]) -> [String] {
    PipelineCheck.run(bytes, path: "fuzz-input", extractor: extractor, validator: validator).problems
}

#if BULLETIN_FUZZ
/// Runs one input for libFuzzer. A broken contract aborts, so libFuzzer saves the input as a crash.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let found = problems(bytes)
    if !found.isEmpty {
        let report = found.prefix(20).map { "BulletinFuzz: \($0)" }.joined(separator: "\n")
        FileHandle.standardError.write(Data((report + "\n").utf8))
        abort()
    }
    return 0
}

/// libFuzzer's driver (compiler-rt's FuzzerInterface.h); its `main` calls the same function, which
/// SwiftPM's renaming of an executable's `main` keeps from being linked.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
}
#else
/// Replays inputs without libFuzzer: `BulletinFuzz FILE...`.
@main
struct ReplayInputs {
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            print("usage: BulletinFuzz FILE...  (Scripts/fuzz SECONDS builds and runs the libFuzzer target)")
            exit(2)
        }
        var broken = false
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot be read")
                broken = true
                continue
            }
            let found = problems(Array(data))
            print(found.isEmpty ? "\(path): ok" : "\(path): \(found.count) problems\n  " + found.prefix(20).joined(separator: "\n  "))
            broken = broken || !found.isEmpty
        }
        exit(broken ? 1 : 0)
    }
}
#endif
