import Crypto
import Foundation
import SQLText
import SchemaModel

/// Small pieces every DDL writer uses: quoting, dollar quoting, and the guards
/// that make a schema script idempotent.
enum SQLWriting {
    static func ident(_ name: String) -> String { SQLQuoting.identifier(name) }

    /// The longest identifier PostgreSQL keeps (`NAMEDATALEN - 1` bytes); it cuts longer ones.
    static let identifierBytes = ServerNames.identifierBytes

    /// A name the plan makes from another (`name__schemactl_old`): `base` + `suffix` where it fits
    /// in 63 bytes. Otherwise `base` is cut at a character boundary and followed by `suffix` and
    /// eight hex digits of its SHA-256: left to the server, a 63-byte `base` would be cut back to
    /// itself (the rename aside fails on the name it already has), and two long names that share
    /// their first bytes would be cut to one.
    static func derivedName(_ base: String, suffix: String) -> String {
        let whole = base + suffix
        guard whole.utf8.count > identifierBytes else { return whole }
        let digest = SHA256.hash(data: Data(base.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
        return clipped(base, toBytes: identifierBytes - suffix.utf8.count - digest.count - 1) + suffix + "_" + digest
    }

    /// At most `bytes` UTF-8 bytes of `text`, never half a character (`ServerNames.clipped`).
    static func clipped(_ text: String, toBytes bytes: Int) -> String { ServerNames.clipped(text, toBytes: bytes) }

    static func literal(_ value: String) -> String { SQLQuoting.literal(value) }

    /// A name as `quote_ident` writes it (bare when it can be: lower case letters, digits and
    /// underscores, and no keyword it quotes, `SQLKeywords`): to match the server's own text,
    /// such as a column type from `format_type` or a column in an index's definition.
    static func identPlain(_ name: String) -> String {
        let simple = name.first.map { $0 == "_" || ("a"..."z").contains($0) } ?? false
            && name.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        return simple && !SQLKeywords.quotedByQuoteIdent.contains(name) ? name : ident(name)
    }

    /// `target RESET (…)` for the parameters (`name=value`, as `reloptions` holds them) `old`
    /// sets and `new` leaves out, then `target SET (…)` for those `new` sets otherwise than
    /// `old`: a table's, a column's, an index's, a view's, each changed in place.
    static func parameters(of target: String, from old: [String], to new: [String], hazards: [Hazard] = []) -> [Statement] {
        let name = { (parameter: String) in String(parameter.prefix { $0 != "=" }) }
        let kept = Set(new.map(name))
        let gone = old.map(name).filter { !kept.contains($0) }, changed = new.filter { !old.contains($0) }
        return (gone.isEmpty ? [] : [Statement("\(target) RESET (\(gone.joined(separator: ", ")))", hazards: hazards)])
            + (changed.isEmpty ? [] : [Statement("\(target) SET (\(changed.joined(separator: ", ")))", hazards: hazards)])
    }

    /// `-- text`, its line breaks written `\n` and `\r`: a name may hold one (`"pp_enumpart
    /// attack"`), and the comment would end there, the rest of the name read as SQL.
    static func lineComment(_ text: String) -> String {
        "-- " + text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// A role as GRANT and policies name it: `PUBLIC` for everyone, the owner as `CURRENT_USER`.
    static func role(_ name: String?) -> String {
        guard let name else { return "CURRENT_USER" }
        return name == "PUBLIC" || name == "public" ? "PUBLIC" : ident(name)
    }

    /// A dollar-quote tag that does not occur in `body`.
    static func dollarTag(for body: String) -> String {
        var tag = "$schemactl$"
        var counter = 0
        while body.containsBytes(tag) {
            counter += 1
            tag = "$schemactl\(counter)$"
        }
        return tag
    }

    /// `sql` run only when `exists` (a query) finds nothing: for the kinds
    /// PostgreSQL has no `IF NOT EXISTS` for (constraints, types, policies, triggers).
    /// `exists` nil: `sql` as it is. The statement keeps its `IF` block apart, so that a
    /// schema script can put several in one DO block (`unlessAll`).
    static func unless(_ exists: String?, _ sql: String) -> Statement {
        guard let exists else { return Statement(sql) }
        // The block is kept apart from the statement's text (a script joins blocks): written reparsable here.
        let block = "    IF NOT EXISTS (\(exists)) THEN\n        \(trimmedStatement(ReparsableText.of(sql)));\n    END IF;"
        var statement = Statement(unlessAll([block]))
        statement.guardBlock = block
        return statement
    }

    /// `statements` run only where `condition` holds, in a DO block: for what a plan cannot know
    /// until it runs (an option it never read, a column its parent's change may have taken, the
    /// role it runs as).
    static func onlyWhere(_ condition: String, _ statements: [String]) -> String {
        doBlock("BEGIN\n    IF \(condition) THEN\n" + statements.map { "        \(trimmedStatement($0));" }.joined(separator: "\n")
                + "\n    END IF;\nEND")
    }

    /// One DO block for the `IF` blocks of guarded statements: in a file that builds a
    /// schema in one transaction, each DO block costs more the more the transaction has
    /// done (1,666 of them took 8 s of a 5,000-table load; one with the same guards, 0.6 s).
    static func unlessAll(_ blocks: [String]) -> String {
        doBlock("BEGIN\n" + blocks.joined(separator: "\n") + "\nEND") + ";"
    }

    /// `DO $tag$ body $tag$`, the tag one `body` does not hold.
    static func doBlock(_ body: String) -> String {
        let tag = dollarTag(for: body)
        return "DO \(tag)\n\(body)\n\(tag)"
    }

    /// `sql` with a duplicate swallowed: for the kinds whose identity no
    /// simple catalog lookup names (operators, casts, text search objects …).
    /// Some raise a unique violation of their catalog's index rather than
    /// `duplicate_object` (a text search configuration does).
    static func ignoringDuplicate(_ sql: String) -> String {
        doBlock("BEGIN\n    \(trimmedStatement(sql));\nEXCEPTION WHEN duplicate_object OR duplicate_function OR duplicate_table OR duplicate_schema OR unique_violation THEN NULL;\nEND")
    }

    /// `sql` without trailing white space and semicolon.
    /// A relation as a default names it (`nextval('app.t_id_seq'::regclass)`): a regclass
    /// constant, qualified (the model is read with an empty search_path). A name that is a
    /// keyword the server quotes and this does not is not matched where this is looked for.
    static func regclassLiteral(_ name: QualifiedName) -> String {
        literal(qualifiedPlain(name)) + "::regclass"
    }

    /// `schema.name`, each part as quote_ident writes it: how the catalog's text (a regclass,
    /// regproc or format_type read with an empty search_path) names an object.
    static func qualifiedPlain(_ name: QualifiedName) -> String {
        identPlain(name.schema) + "." + identPlain(name.name)
    }

    static func trimmedStatement(_ sql: String) -> String {
        var text = Substring(sql)
        while let last = text.last, last == ";" || last == " " || last == "\n" || last == "\t" { text = text.dropLast() }
        return String(text)
    }

    /// `COMMENT ON target IS '…'` (or `IS NULL`).
    static func comment(on target: String, _ comment: String?) -> Statement {
        Statement("COMMENT ON \(target) IS \(comment.map(literal) ?? "NULL")")
    }

    /// A relation's regclass literal for catalog lookups.
    static func regclass(_ name: QualifiedName) -> String {
        literal(name.sql) + "::pg_catalog.regclass"
    }

    /// Walks `text` as SQL: `visit` gets each character's index, the parenthesis depth before
    /// it (quoted names' and literals' parentheses do not count), and whether it is inside, or
    /// is, a quote; returning false stops the walk.
    static func walk(_ text: Substring, _ visit: (_ index: String.Index, _ char: Character, _ depth: Int, _ quoted: Bool) -> Bool) {
        var depth = 0
        var quote: Character?
        for index in text.indices {
            let char = text[index]
            if let open = quote {
                if char == open { quote = nil }
                if !visit(index, char, depth, true) { return }
                continue
            }
            if char == "\"" || char == "'" {
                quote = char
                if !visit(index, char, depth, true) { return }
                continue
            }
            if !visit(index, char, depth, false) { return }
            if char == "(" { depth += 1 } else if char == ")" { depth -= 1 }
        }
    }

    /// The parenthesized group `text` opens with, parentheses included; nil when it does not
    /// open with one or never closes.
    static func parenthesized(_ text: Substring) -> Substring? {
        guard text.first == "(" else { return nil }
        var end: String.Index?
        walk(text) { index, char, depth, quoted in
            if !quoted, char == ")", depth == 1 { end = index }
            return end == nil
        }
        return end.map { text[...$0] }
    }

    /// `text` cut at each comma outside parentheses and quotes, each piece trimmed.
    static func topLevelList(_ text: Substring) -> [String] {
        var pieces: [String] = []
        var current = ""
        walk(text) { _, char, depth, quoted in
            if !quoted, depth == 0, char == "," {
                pieces.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(char)
            }
            return true
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        return last.isEmpty ? pieces : pieces + [last]
    }
}
