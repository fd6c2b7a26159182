//! The JSON Schema of rule files (`factlint rules schema`) against the repository's own
//! rule files: every key they use must be one the schema declares, with a value of
//! the declared type. A small structural validator stands in for a full JSON Schema
//! implementation; it covers what the schema uses (`$ref`, `oneOf`/`anyOf`, `type`,
//! `const`, `enum`, `properties`, `additionalProperties`, `required`, `items`).

use std::path::Path;

use factlint::rules::schema;
use serde_json::Value;

fn resolve<'a>(schema: &'a Value, root: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
        Some(name) => &root["$defs"][name],
        None => schema,
    }
}

fn type_matches(value: &Value, ty: &str) -> bool {
    match ty {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        _ => false,
    }
}

/// Every way `value` breaks `schema`, with the path to it.
fn violations(value: &Value, schema: &Value, root: &Value, path: &str) -> Vec<String> {
    let schema = resolve(schema, root);
    let mut out = Vec::new();
    for key in ["oneOf", "anyOf"] {
        if let Some(branches) = schema.get(key).and_then(Value::as_array)
            && branches.iter().all(|b| !violations(value, b, root, path).is_empty())
        {
            out.push(format!("{path}: matches no branch of {key}"));
        }
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if !types.is_empty() && !types.iter().any(|t| type_matches(value, t)) {
        out.push(format!("{path}: {value} is not of type {types:?}"));
        return out;
    }
    if let Some(constant) = schema.get("const")
        && value != constant
    {
        out.push(format!("{path}: {value} is not {constant}"));
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array)
        && !options.contains(value)
    {
        out.push(format!("{path}: {value} is not one of {options:?}"));
    }
    if let Value::Object(map) = value {
        let properties = schema.get("properties").and_then(Value::as_object);
        for (key, item) in map {
            let inner = format!("{path}.{key}");
            match (properties.and_then(|p| p.get(key)), schema.get("additionalProperties")) {
                (Some(s), _) => out.extend(violations(item, s, root, &inner)),
                (None, Some(Value::Bool(false))) => out.push(format!("{inner}: key not declared by the schema")),
                (None, Some(s @ Value::Object(_))) => out.extend(violations(item, s, root, &inner)),
                (None, _) => {}
            }
        }
        for required in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            if let Some(key) = required.as_str().filter(|k| !map.contains_key(*k)) {
                out.push(format!("{path}: missing required key `{key}`"));
            }
        }
    }
    if let (Value::Array(items), Some(s)) = (value, schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            out.extend(violations(item, s, root, &format!("{path}[{i}]")));
        }
    }
    out
}

fn rule_files() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
    files.sort();
    files
}

#[test]
fn the_schema_accepts_every_repository_rule_file() {
    let root: Value = serde_json::from_str(&schema()).unwrap();
    let files = rule_files();
    for name in ["entities.yaml", "facts.yaml"] {
        assert!(files.iter().any(|f| f.ends_with(name)), "rules/{name} missing from {files:?}");
    }
    for file in files {
        let yaml: serde_yaml::Value = serde_yaml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let json: Value = serde_json::to_value(yaml).unwrap();
        let problems = violations(&json, &root, &root, "");
        assert!(problems.is_empty(), "{}: {problems:#?}", file.display());
    }
}

#[test]
fn the_schema_refuses_unknown_keys_and_values() {
    let root: Value = serde_json::from_str(&schema()).unwrap();
    let bad = serde_json::json!({
        "facts": {"a": {"claim": "daterange", "cue": ["x"], "scope": {"windows": 2}}},
        "entities": {"b": {"alias": ["x"]}}
    });
    let mut problems = violations(&bad, &root, &root, "");
    problems.sort();
    assert_eq!(
        problems,
        [
            ".entities.b.alias: key not declared by the schema",
            ".entities.b: matches no branch of anyOf",
            ".facts.a.claim: matches no branch of oneOf",
            ".facts.a.cue: key not declared by the schema",
            ".facts.a.scope: matches no branch of oneOf",
            ".facts.a: missing required key `cues`",
        ]
    );
}

/// The committed schema that rule files point editors at is the one the binary prints.
#[test]
fn the_committed_schema_is_current() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let committed = std::fs::read_to_string(root.join("docs/rules.schema.json")).unwrap();
    assert_eq!(
        committed.trim_end(),
        factlint::rules::schema().trim_end(),
        "docs/rules.schema.json is stale: run `cargo run -- rules schema > docs/rules.schema.json`"
    );
}
