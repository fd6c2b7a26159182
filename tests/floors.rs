//! The floors of `docs/architecture.md` hold: no module of the library imports one on
//! its own floor or higher, and the library never reaches the binary's `cli`.
//!
//! The check reads every `crate::` path in `src/` (one-segment paths such as
//! `crate::check` and grouped ones such as `crate::{check, report}`) and compares the
//! floors of the importing and the imported module.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The library's top-level modules and their floors, as `docs/architecture.md` says.
const FLOORS: [(&str, u8); 14] = [
    ("span", 1),
    ("text", 1),
    ("value", 1),
    ("suppress", 1),
    ("source", 2),
    ("segment", 3),
    ("extract", 3),
    ("rules", 3),
    ("config", 3),
    ("check", 4),
    ("report", 5),
    ("baseline", 5),
    ("pipeline", 6),
    ("lib", 7),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/check/names/mod.rs` is
/// `check`), or `None` for the binary's files.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next()?.as_os_str().to_string_lossy().to_string();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (name != "main" && name != "cli").then_some(name)
}

/// The top-level modules a file names after `crate::`.
fn imports(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            for item in inner.split(',') {
                let name: String = item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        } else {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

#[test]
fn no_module_imports_its_own_floor_or_higher() {
    let floors: BTreeMap<&str, u8> = FLOORS.into_iter().collect();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut checked = 0;
    let mut broken = Vec::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else { continue };
        let floor = *floors.get(module.as_str()).unwrap_or_else(|| panic!("{module} has no floor in FLOORS"));
        let text = std::fs::read_to_string(file).unwrap();
        for imported in imports(&text) {
            if imported == module {
                continue;
            }
            checked += 1;
            match floors.get(imported.as_str()) {
                Some(&to) if to < floor => {}
                Some(&to) => {
                    broken.push(format!("{}: {module} (floor {floor}) imports {imported} (floor {to})", file.display()))
                }
                None => broken.push(format!("{}: {module} imports {imported}, which has no floor", file.display())),
            }
        }
    }
    assert!(checked > 50, "only {checked} imports read: is the scan broken?");
    assert!(broken.is_empty(), "floors broken:\n{}", broken.join("\n"));
}

#[test]
fn the_scan_reads_single_and_grouped_paths() {
    let text = "use crate::check::Evidence;\nuse crate::{report, value::Value};\nlet x = crate::span::Span::new(0, 1);";
    assert_eq!(imports(text), ["check", "report", "value", "span"]);
}
