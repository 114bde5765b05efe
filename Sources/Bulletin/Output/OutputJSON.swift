/// The JSON of each output type, members in key order: the members and values its `Encodable`
/// conformance gives (the schema's), written by hand so that no key is looked up or sorted at run
/// time. `JSONWriterTests` holds the two to the same bytes on every corpus document.

extension Extraction: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("checks"); json.array(checks)
            json.key("claims"); json.array(claims)
            json.key("dates"); json.array(dates)
            json.key("departments"); json.array(departments)
            json.key("diagnostics"); json.array(diagnostics)
            json.key("items"); json.array(items)
            json.key("preamble"); json.value(preamble)
            json.key("published"); json.string(published)
            json.key("publisher"); json.string(publisher)
            json.key("quantities"); json.array(quantities)
            json.key("schema"); json.string(schema)
            json.key("sections"); json.array(sections)
            json.key("source"); source.write(to: &json)
            json.key("summary"); summary.write(to: &json)
            json.key("title"); json.string(title)
        }
    }
}

extension Extraction.Source: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("encoding"); json.string(encoding)
            json.key("length"); json.integer(length)
            json.key("path"); json.string(path)
            json.key("sha256"); json.string(sha256)
        }
    }
}

extension Extraction.Summary: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("checks"); checks.write(to: &json)
            json.key("claims"); claims.write(to: &json)
            json.key("items"); json.integer(items)
            json.key("quantities"); json.integer(quantities)
            json.key("sections"); json.integer(sections)
        }
    }
}

extension Extraction.ClaimCounts: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("consistent"); json.integer(consistent)
            json.key("inconsistent"); json.integer(inconsistent)
            json.key("unverifiable"); json.integer(unverifiable)
        }
    }
}

extension Extraction.CheckCounts: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("fail"); json.integer(fail)
            json.key("pass"); json.integer(pass)
            json.key("unverifiable"); json.integer(unverifiable)
        }
    }
}

extension Span: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.array { json in
            json.element(); json.integer(start)
            json.element(); json.integer(end)
        }
    }
}

extension Passage: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("span"); span.write(to: &json)
            json.key("text"); json.string(text)
        }
    }
}

extension Section: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("items"); json.array(items)
            json.key("level"); json.integer(level)
            json.key("marker"); json.string(marker)
            json.key("number"); json.integer(number)
            json.key("span"); span.write(to: &json)
            json.key("style"); json.string(style)
            json.key("subsections"); json.array(subsections)
            json.key("targets"); json.array(targets)
            json.key("title"); json.string(title)
        }
    }
}

extension Item: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("cells"); json.array(cells)
            json.key("items"); json.array(items)
            json.key("label"); json.string(label)
            json.key("marker"); json.string(marker)
            json.key("number"); json.integer(number)
            json.key("span"); span.write(to: &json)
            json.key("style"); json.string(style)
            json.key("title"); json.string(title)
        }
    }
}

extension TableCell: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("header"); json.string(header)
            json.key("span"); span.write(to: &json)
            json.key("text"); json.string(text)
        }
    }
}

extension Department: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("blocks"); json.array(blocks)
            json.key("headline"); json.string(headline)
            json.key("name"); json.string(name)
            json.key("span"); span.write(to: &json)
        }
    }
}

extension Department.Block: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("kind"); json.string(kind)
            json.key("label"); json.string(label)
            json.key("span"); span.write(to: &json)
        }
    }
}

extension Approximation: JSONWritable {}
extension Basis: JSONWritable {}
extension ClaimStatus: JSONWritable {}
extension Confidence: JSONWritable {}
extension Verdict: JSONWritable {}
extension Diagnostic.Severity: JSONWritable {}

extension Quantity: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("approx"); approx.write(to: &json)
            json.key("kind"); json.string(kind)
            json.key("span"); span.write(to: &json)
            json.key("step"); json.double(step)
            json.key("text"); json.string(text)
            json.key("unit"); json.string(unit)
            json.key("upper"); json.double(upper)
            json.key("value"); json.double(value)
        }
    }
}

extension DateMention: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("span"); span.write(to: &json)
            json.key("text"); json.string(text)
        }
    }
}

extension Claim: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("actual"); json.value(actual)
            json.key("block"); json.string(block)
            json.key("computed"); json.double(computed)
            json.key("computedRange")
            if let computedRange { json.array(computedRange) } else { json.null() }
            json.key("confidence"); json.value(confidence)
            json.key("department"); json.string(department)
            json.key("impliedTarget"); json.value(impliedTarget)
            json.key("item"); if let item { json.integer(item) } else { json.null() }
            json.key("partOf"); json.value(partOf)
            // Only documents with places (.docx, .xlsx, .pdf) have the member at all.
            if let place { json.key("place"); place.write(to: &json) }
            json.key("reason"); json.string(reason)
            json.key("reported"); reported.write(to: &json)
            json.key("rules"); json.array(rules)
            json.key("section"); if let section { json.integer(section) } else { json.null() }
            json.key("status"); status.write(to: &json)
            json.key("subject"); json.string(subject)
            json.key("subsection"); if let subsection { json.integer(subsection) } else { json.null() }
            json.key("target"); json.value(target)
            json.key("targetSource"); json.string(targetSource)
        }
    }
}

extension ReportedPercentage: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("approx"); approx.write(to: &json)
            json.key("basis"); basis.write(to: &json)
            json.key("phrase"); json.string(phrase)
            json.key("phraseSpan"); phraseSpan.write(to: &json)
            json.key("signedValue"); json.double(signedValue)
            json.key("span"); span.write(to: &json)
            json.key("step"); json.double(step)
            json.key("text"); json.string(text)
            json.key("unit"); json.string(unit)
            json.key("value"); json.double(value)
        }
    }
}

extension ImpliedTarget: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("high"); json.double(high)
            json.key("low"); json.double(low)
            json.key("unit"); json.string(unit)
            json.key("value"); json.double(value)
        }
    }
}

extension Place: JSONWritable {
    /// Only the members that apply.
    func write(to json: inout JSONWriter) {
        json.object { json in
            if let cell { json.key("cell"); json.string(cell) }
            if let column { json.key("column"); json.integer(column) }
            if let page { json.key("page"); json.integer(page) }
            if let paragraph { json.key("paragraph"); json.integer(paragraph) }
            if let row { json.key("row"); json.integer(row) }
            if let sheet { json.key("sheet"); json.string(sheet) }
            if let table { json.key("table"); json.integer(table) }
        }
    }
}

extension Check: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("message"); json.string(message)
            json.key("rule"); json.string(rule)
            json.key("span"); json.value(span)
            json.key("status"); status.write(to: &json)
        }
    }
}

extension Diagnostic: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("message"); json.string(message)
            json.key("severity"); severity.write(to: &json)
            json.key("span"); json.value(span)
        }
    }
}
