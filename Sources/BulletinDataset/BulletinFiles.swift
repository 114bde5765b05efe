import Foundation

/// The bulletins named by command-line paths: a file itself, or the files under a folder (at any
/// depth) with a bulletin's extension (text, HTML, Word, Excel, PDF, and the old Office formats, which
/// are reported as needing conversion), in path order. Other files in a folder (the golden
/// `.expected.json` and `.spec.json` beside corpus texts, images) are not bulletins.
public enum BulletinFiles {
    public static let extensions: Set<String> = ["txt", "text", "htm", "html", "docx", "xlsx", "pdf", "doc", "xls", "wps"]

    /// Why a path names no files.
    public struct ListingError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public static func list(_ path: String) throws(ListingError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ListingError(path: path, reason: "no such file or folder")
        }
        guard isDirectory.boolValue else { return [path] }
        guard let walker = FileManager.default.enumerator(atPath: path) else {
            throw ListingError(path: path, reason: "cannot be listed")
        }
        var files: [String] = []
        for case let relative as String in walker where extensions.contains((relative as NSString).pathExtension.lowercased()) {
            let full = (path as NSString).appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(full)
            }
        }
        return files.sorted()
    }
}
