import Foundation
import PackagePlugin

/// Embeds the package's `Grammar/*.tsv` files into the target that uses this plugin.
@main
struct EmbedGrammar: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let grammarDirectory = context.package.directoryURL.appending(path: "Grammar")
        let files = try FileManager.default
            .contentsOfDirectory(at: grammarDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "tsv" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedGrammar.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) grammar files",
                executable: try context.tool(named: "GrammarEmbedder").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
