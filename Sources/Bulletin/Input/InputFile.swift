import Glibc

/// Reads the bytes of an input, naming the reason in words when it cannot (the CLI's
/// `bulletin: FILE: reason`).
public enum InputFile {
    /// The bytes of the file at `path`. Throws `InputError.unreadable` for a path that is missing,
    /// a directory or not permitted, and `.tooLarge` past `SourceText.maximumBytes`.
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, reason: reason(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, reason: reason(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, reason: "is a directory, not a file") }
        return try readAll(fd, path: path, sizeHint: (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0)
    }

    /// The bytes of standard input, to its end.
    public static func readStandardInput() throws(InputError) -> [UInt8] {
        try readAll(STDIN_FILENO, path: "<stdin>", sizeHint: 0)
    }

    private static func readAll(_ fd: Int32, path: String, sizeHint: Int) throws(InputError) -> [UInt8] {
        let limit = SourceText.maximumBytes
        if sizeHint > limit { throw .tooLarge(bytes: sizeHint, limit: limit) }
        // A regular file is read straight into an array of its size and one byte more, which
        // stays unread at its end; a pipe, or a file that grew, goes on in chunks.
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: sizeHint + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n == 0 { return }
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                count += n
            }
        }
        if failure != 0 { throw .unreadable(path: path, reason: reason(failure)) }
        if bytes.count <= sizeHint { return bytes }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if bytes.count > limit { throw .tooLarge(bytes: bytes.count, limit: limit) }
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n == 0 { return bytes }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: reason(errno))
            }
            bytes.append(contentsOf: chunk[..<n])
        }
    }

    /// An `errno` in words.
    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a directory, not a file"
        case ENOTDIR: return "no such file (a part of the path is not a directory)"
        default: return "cannot be read: \(String(cString: strerror(code)))"
        }
    }
}
