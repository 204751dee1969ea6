import Foundation
import SchemaModel

/// The leaves of two models that differ, as readable paths:
/// `tables[public.t].columns[a].type`. Elements of lists are matched by name
/// (functions by name and arguments), so adding one column is one path, not a
/// shift of every later one. Test-only: the product's diff is the Diff module.
public enum ModelPaths {
    public static func changed(_ old: DatabaseModel, _ new: DatabaseModel, ignoring: Set<String> = ["dependencies"]) throws -> Set<String> {
        let a = try JSONSerialization.jsonObject(with: ModelJSON.encode(old))
        let b = try JSONSerialization.jsonObject(with: ModelJSON.encode(new))
        var paths = Set<String>()
        compare(a, b, path: "", ignoring: ignoring, into: &paths)
        return paths
    }

    private static func compare(_ a: Any?, _ b: Any?, path: String, ignoring: Set<String>, into paths: inout Set<String>) {
        switch (a, b) {
        case let (a as [String: Any], b as [String: Any]):
            for key in Set(a.keys).union(b.keys) where !ignoring.contains(key) {
                compare(a[key], b[key], path: path.isEmpty ? key : "\(path).\(key)", ignoring: ignoring, into: &paths)
            }
        case let (a as [Any], b as [Any]) where keyed(a) != nil && keyed(b) != nil:
            let left = keyed(a)!, right = keyed(b)!
            for key in Set(left.keys).union(right.keys) {
                compare(left[key], right[key], path: "\(path)[\(key)]", ignoring: ignoring, into: &paths)
            }
        default:
            if !equal(a, b) { paths.insert(path) }
        }
    }

    /// Elements by name, when every element is an object with a name.
    private static func keyed(_ list: [Any]) -> [String: Any]? {
        guard !list.isEmpty else { return [:] }
        var result: [String: Any] = [:]
        for element in list {
            guard let object = element as? [String: Any], let key = key(of: object) else { return nil }
            result[key] = element
        }
        return result
    }

    private static func key(of object: [String: Any]) -> String? {
        if let name = object["name"] as? String { return name }
        if let name = object["name"] as? [String: Any], let schema = name["schema"] as? String, let local = name["name"] as? String {
            if let arguments = object["identityArguments"] as? String { return "\(schema).\(local)(\(arguments))" }
            return "\(schema).\(local)"
        }
        return nil
    }

    private static func equal(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a as NSObject, b as NSObject): return a.isEqual(b)
        default: return false
        }
    }
}
