//! Finding the sources under the paths a user names, like ripgrep does: recursive,
//! honouring `.gitignore` and `.ignore`, in a stable order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::manifest::{MANIFEST_NAME, Manifest};
use super::{Metadata, SourceFailure, display_path};

/// Extensions taken from folders; a file named on the command line is always taken.
const SOURCE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "mdown", "mkd", "html", "htm", "xhtml"];

/// What a walk found: the files to read, each with its manifest metadata, and what
/// could not be walked.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Files to read, sorted by path, with the manifest entry that names them.
    pub files: Vec<(PathBuf, Option<Metadata>)>,
    /// Paths that could not be walked or are missing, for the report's `errors`.
    pub failures: Vec<SourceFailure>,
}

/// Finds the sources under `paths`.
pub fn discover(paths: &[PathBuf]) -> Discovered {
    let mut found = Discovered::default();
    let mut files = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
            continue;
        }
        if !path.exists() {
            found.failures.push(SourceFailure { source: display_path(path), message: "no such file or folder".into() });
            continue;
        }
        let walker = ignore::WalkBuilder::new(path).require_git(false).hidden(true).sort_by_file_name(Ord::cmp).build();
        for entry in walker {
            match entry {
                Ok(entry) => {
                    let p = entry.path();
                    if entry.file_type().is_some_and(|t| t.is_file()) && is_source(p) {
                        files.push(p.to_path_buf());
                    }
                }
                Err(err) => found.failures.push(SourceFailure { source: display_path(path), message: err.to_string() }),
            }
        }
    }
    files.sort();
    files.dedup();

    let mut manifests: BTreeMap<PathBuf, Option<Manifest>> = BTreeMap::new();
    for file in &files {
        let folder = file.parent().unwrap_or(Path::new("")).to_path_buf();
        manifests.entry(folder.clone()).or_insert_with(|| match Manifest::load(&folder) {
            Ok(m) => m,
            Err(message) => {
                found.failures.push(SourceFailure { source: display_path(&folder.join(MANIFEST_NAME)), message });
                None
            }
        });
    }
    for manifest in manifests.values().flatten() {
        for listed in manifest.entries.keys() {
            if !listed.is_file() {
                found.failures.push(SourceFailure {
                    source: display_path(listed),
                    message: format!("listed in {} but missing", display_path(&manifest.path)),
                });
            }
        }
    }
    for file in files {
        let folder = file.parent().unwrap_or(Path::new(""));
        let meta = manifests.get(folder).and_then(Option::as_ref).and_then(|m| m.entries.get(&file)).cloned();
        found.files.push((file, meta));
    }
    found
}

fn is_source(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    if name == MANIFEST_NAME {
        return false;
    }
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SOURCE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_text_markdown_and_html_are_taken_from_folders() {
        assert!(is_source(Path::new("a/b.txt")));
        assert!(is_source(Path::new("a/b.HTML")));
        assert!(!is_source(Path::new("a/sources.yaml")));
        assert!(!is_source(Path::new("a/b.png")));
        assert!(!is_source(Path::new("a/Makefile")));
    }
}
