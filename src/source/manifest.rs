//! `sources.yaml`: publication dates and other metadata for the files of a folder.
//!
//! ```yaml
//! sources:
//!   - path: 000_6c0d67ebaf356fed.txt
//!     published: 2018-03-28
//!     title: Kim Jong Un, in Surprise Visit to Beijing, Shores Up Chinese Support
//!     outlet: Example News
//!     url: https://example.com/kim-beijing
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::Deserialize;

use super::{DateOrigin, Metadata};

/// The file name a folder's manifest has.
pub const MANIFEST_NAME: &str = "sources.yaml";

/// One entry of a manifest.
#[derive(Clone, Debug, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Source")]
pub struct ManifestEntry {
    /// Path of the source, relative to the manifest's folder.
    pub path: String,
    /// Publication date, `YYYY-MM-DD` (a time after it is allowed and ignored): the
    /// anchor of relative dates. It wins over the file's own front matter or HTML
    /// metadata.
    #[serde(default)]
    #[schemars(pattern(r"^\d{4}-\d{2}-\d{2}"))]
    pub published: Option<String>,
    /// Title of the piece.
    #[serde(default)]
    pub title: Option<String>,
    /// Who published it.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Where it was published.
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Wrapped {
    sources: Vec<ManifestEntry>,
}

/// The JSON Schema of `sources.yaml`, for editors and `factlint manifest schema`: a
/// mapping with `sources`, or a bare list of entries.
pub fn schema() -> String {
    let mut generator = schemars::SchemaGenerator::default();
    let entries = generator.subschema_for::<Vec<ManifestEntry>>();
    let mut schema = schemars::json_schema!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "sources.yaml",
        "description": "Publication dates and other metadata for the sources of one folder (docs/sources.md).",
        "oneOf": [
            {
                "type": "object",
                "properties": {"sources": entries},
                "required": ["sources"],
                "additionalProperties": false
            },
            entries
        ]
    });
    schema.insert("$defs".into(), serde_json::Value::Object(generator.take_definitions(true)));
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

/// A folder's manifest, keyed by the full path of each source.
#[derive(Clone, Debug, Default)]
pub struct Manifest {
    /// Metadata for each listed file.
    pub entries: BTreeMap<PathBuf, Metadata>,
    /// The manifest file itself.
    pub path: PathBuf,
}

impl Manifest {
    /// Reads the manifest in `folder`, if there is one. An unreadable or malformed
    /// manifest is an error that names its file, line and column.
    pub fn load(folder: &Path) -> Result<Option<Manifest>, String> {
        let path = folder.join(MANIFEST_NAME);
        match std::fs::metadata(&path) {
            Err(_) => return Ok(None),
            // A FIFO would block the run; ignoring it would lose the folder's dates
            // without a word.
            Ok(meta) if !meta.is_file() => {
                return Err(format!("{}: not a regular file; its metadata is not read", super::display_path(&path)));
            }
            Ok(_) => {}
        }
        let text = super::read_regular(&path).map_err(|e| format!("{}: {e}", super::display_path(&path)))?;
        Manifest::parse(folder, &path, &text).map(Some)
    }

    /// Parses manifest text; entries resolve against `folder`.
    pub fn parse(folder: &Path, path: &Path, text: &str) -> Result<Manifest, String> {
        let shown = super::display_path(path);
        let located = |e: serde_yaml::Error| match e.location() {
            Some(at) => format!("{shown}:{}:{}: {e}", at.line(), at.column()),
            None => format!("{shown}: {e}"),
        };
        // A manifest is either `sources: [...]` or a bare list; parsing each shape on
        // its own keeps serde's error locations (an untagged enum would lose them).
        let shape: serde_yaml::Value = serde_yaml::from_str(text).map_err(located)?;
        let list = if shape.is_mapping() {
            serde_yaml::from_str::<Wrapped>(text).map_err(located)?.sources
        } else {
            serde_yaml::from_str::<Vec<ManifestEntry>>(text).map_err(located)?
        };
        let mut entries = BTreeMap::new();
        for entry in list {
            let published = match &entry.published {
                Some(text) => Some(super::parse_published(text).ok_or_else(|| {
                    format!("{shown}: `{}`: published `{text}` is not a date (YYYY-MM-DD)", entry.path)
                })?),
                None => None,
            };
            let metadata = Metadata {
                published,
                published_from: published.map(|_| DateOrigin::Manifest),
                title: entry.title,
                outlet: entry.outlet,
                url: entry.url,
            };
            entries.insert(folder.join(&entry.path), metadata);
        }
        Ok(Manifest { entries, path: path.to_path_buf() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_shapes_parse() {
        let wrapped = "sources:\n  - path: a.txt\n    published: 2018-03-28\n";
        let listed = "- path: a.txt\n  published: 2018-03-28\n  outlet: X\n";
        for text in [wrapped, listed] {
            let m = Manifest::parse(Path::new("d"), Path::new("d/sources.yaml"), text).unwrap();
            let meta = &m.entries[&PathBuf::from("d/a.txt")];
            assert_eq!(meta.published, Some(jiff::civil::date(2018, 3, 28)));
        }
    }

    #[test]
    fn errors_name_the_place() {
        let err =
            Manifest::parse(Path::new("d"), Path::new("d/sources.yaml"), "- path: a.txt\n  publshed: x\n").unwrap_err();
        assert!(err.starts_with("d/sources.yaml:2:"), "{err}");
        let err = Manifest::parse(Path::new("d"), Path::new("d/sources.yaml"), "- path: a.txt\n  published: soon\n")
            .unwrap_err();
        assert!(err.contains("not a date"), "{err}");
    }
}
