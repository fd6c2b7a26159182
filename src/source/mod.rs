//! Sources: finding files, reading them, and what they say about themselves.
//!
//! A [`Source`] is one file as the checker sees it: its path, its original text, its
//! publication metadata, and its visible text as [`Block`]s (paragraphs, headings, list
//! items) whose every byte maps back to an offset in the original file. Plain text is
//! its own visible text; Markdown and HTML syntax never reaches a sentence.
//!
//! Metadata comes, first found wins, from a `sources.yaml` manifest in the source's
//! folder, YAML front matter (`date:`), HTML `<meta property="article:published_time">`
//! or `<time datetime>`, and the `--published` fallback.

mod block;
mod decode;
mod html;
mod manifest;
mod markdown;
mod walk;

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Serialize;

pub use block::{Block, Piece};
pub use decode::decode;
pub use manifest::{MANIFEST_NAME, Manifest, ManifestEntry, schema as manifest_schema};
pub(crate) use walk::walk_folder;
pub use walk::{Discovered, IgnoreFiles, Links, Skipped, discover, discover_walk, skipped, source_extensions};

/// The markup a source is written in, chosen by file extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// Plain text (`.txt` and anything not recognised below).
    Text,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// HTML (`.html`, `.htm`).
    Html,
}

impl Format {
    /// The format for a path, by its extension.
    pub fn of(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Text,
        }
    }
}

/// Where a source's publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DateOrigin {
    /// A `sources.yaml` manifest entry.
    Manifest,
    /// Markdown front matter.
    FrontMatter,
    /// An HTML `<meta>` or `<time>` element.
    Html,
    /// The `--published` option.
    Option,
}

/// What a source says about itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    /// Publication date, the reference for relative expressions.
    pub published: Option<Date>,
    /// Where `published` came from.
    pub published_from: Option<DateOrigin>,
    /// Title, when a manifest or the document names one.
    pub title: Option<String>,
    /// Outlet (publisher), from a manifest.
    pub outlet: Option<String>,
    /// Address, from a manifest.
    pub url: Option<String>,
}

/// One file, read and decoded, with its visible text.
#[derive(Clone, Debug)]
pub struct Source {
    /// The path as given or found (relative paths stay relative).
    pub path: PathBuf,
    /// The file's text after decoding (BOM removed, invalid bytes replaced).
    pub text: String,
    /// How the text is marked up.
    pub format: Format,
    /// Publication date and other metadata.
    pub metadata: Metadata,
    /// Visible text, block by block, mapped back into `text`.
    pub blocks: Vec<Block>,
    /// Things a reader should know that did not stop the source from being read
    /// (replaced bytes, unclosed front matter, no visible text).
    pub warnings: Vec<String>,
}

/// Why a source could not be read. The run goes on with the other sources.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// The file holds binary data, not text.
    #[error("not text: {0}")]
    Binary(String),
    /// A manifest names a file that does not exist.
    #[error("listed in {manifest} but missing")]
    Missing {
        /// The manifest that names the file.
        manifest: String,
    },
    /// The file system could not be walked here.
    #[error("{0}")]
    Walk(String),
}

/// A source that could not be read, for the report's `errors`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceFailure {
    /// The path of the source.
    pub source: String,
    /// What went wrong.
    pub message: String,
}

impl Source {
    /// Builds a source from text already in memory: the visible blocks and any
    /// metadata the text itself holds. `fallback` fills what is still unknown.
    pub fn from_text(path: PathBuf, text: String, fallback: &Metadata) -> Source {
        let format = Format::of(&path);
        let mut warnings = Vec::new();
        let (blocks, mut metadata) = match format {
            Format::Text => (block::plain_blocks(&text), Metadata::default()),
            Format::Markdown => markdown::read(&text, &mut warnings),
            Format::Html => html::read(&text),
        };
        // NFC once, here, so that every later step sees one form of each character
        // while spans still point into the file as written. In place: a copy of the
        // block list would double it for a document of many short blocks (a table).
        let mut blocks = blocks;
        let mut split = Vec::new();
        for (i, slot) in blocks.iter_mut().enumerate() {
            let (mut parts, cuts) = std::mem::take(slot).into_nfc().cut_long_runs();
            if cuts > 0 {
                let at = parts.first().map_or(0, |b| b.start_to_original(0));
                let line = text.as_bytes()[..at.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1;
                warnings.push(format!(
                    "line {line}: text runs over {} KB without a sentence end; cut at white space into {} sentences",
                    block::RUN_WITHOUT_STOP_MAX / 1024,
                    cuts + 1
                ));
            }
            match (parts.pop(), parts.is_empty()) {
                (Some(only), true) => *slot = only,
                (last, _) => {
                    parts.extend(last);
                    split.push((i, parts));
                }
            }
        }
        if !split.is_empty() {
            let mut whole = Vec::with_capacity(blocks.len() + split.iter().map(|(_, p)| p.len()).sum::<usize>());
            let mut split = split.into_iter().peekable();
            for (i, block) in blocks.into_iter().enumerate() {
                match split.next_if(|(at, _)| *at == i) {
                    Some((_, parts)) => whole.extend(parts),
                    None => whole.push(block),
                }
            }
            blocks = whole;
        }
        blocks.shrink_to_fit();
        metadata.fill_from(fallback);
        // Said so that an empty result is not mistaken for a source without claims.
        if text.is_empty() {
            warnings.push("empty file".to_string());
        } else if blocks.is_empty() {
            warnings.push("no visible text".to_string());
        }
        Source { path, text, format, metadata, blocks, warnings }
    }

    /// Reads and decodes a file. `fallback` is the metadata from the manifest and the
    /// command line, which wins over what the file says of itself only where the
    /// SPEC's order says so (a manifest entry first, `--published` last).
    pub fn read(path: &Path, manifest: Option<&Metadata>, published: Option<Date>) -> Result<Source, SourceError> {
        let bytes = std::fs::read(path)?;
        let decoded = decode(bytes).map_err(SourceError::Binary)?;
        let fallback =
            Metadata { published, published_from: published.map(|_| DateOrigin::Option), ..Metadata::default() };
        let mut source = Source::from_text(path.to_path_buf(), decoded.text, &fallback);
        if let Some(entry) = manifest {
            source.metadata.override_with(entry);
        }
        source.warnings.extend(decoded.warnings);
        Ok(source)
    }

    /// The path as shown in reports: forward slashes on every platform.
    pub fn display_path(&self) -> String {
        display_path(&self.path)
    }
}

/// Reads a UTF-8 file that must be a regular file: a FIFO, a device or a folder is
/// refused at once rather than read (a FIFO would block forever). For the files the
/// user names as configuration: rules, `factlint.yaml`, manifests, baselines.
pub fn read_regular(path: &Path) -> std::io::Result<String> {
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file"));
    }
    std::fs::read_to_string(path)
}

/// Writes `bytes` to `path` whole or not at all: into a temporary file in the same
/// folder, flushed, then renamed over `path`. A full disk or a crash leaves the old
/// file as it was, never half a report or half a baseline.
///
/// What is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO) is written into as
/// it is: a rename would put a plain file in its place (as root, `--output /dev/null`
/// replaced the system's null device). A link to a regular file keeps being a link:
/// the file it names is the one replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
            return file.write_all(bytes);
        }
        Ok(meta) if meta.is_file() && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
            return write_atomic(&std::fs::canonicalize(path)?, bytes);
        }
        _ => {}
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Why `output` must not be written: it is a file this run reads. `sources` are the
/// paths the sources come from (a source file, or a source file under a folder), and
/// `read` the other files and folders read (rules, a baseline); a rule folder counts
/// its YAML files. `None` when `output` is none of them (or does not exist yet).
pub fn read_by_this_run(output: &Path, sources: &[PathBuf], read: &[PathBuf]) -> Option<&'static str> {
    let output = std::fs::canonicalize(output).ok()?;
    let under = |input: &PathBuf| std::fs::canonicalize(input).is_ok_and(|input| output.starts_with(input));
    let yaml = output.extension().is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    if read.iter().any(|input| std::fs::canonicalize(input).is_ok_and(|input| output == input))
        || (yaml && read.iter().any(under))
    {
        return Some("it is a rule or baseline file this run reads");
    }
    if walk::is_source(&output) && sources.iter().any(under) {
        return Some("it is a source this run reads");
    }
    None
}

/// A path as shown in reports: no leading `./`; on Windows, forward slashes. On other
/// systems a `\` is a character of the name and is kept.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    let text = if std::path::MAIN_SEPARATOR == '\\' { text.replace('\\', "/") } else { text.into_owned() };
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

impl Metadata {
    /// Fills every field still unknown from `other`.
    fn fill_from(&mut self, other: &Metadata) {
        if self.published.is_none() {
            self.published = other.published;
            self.published_from = other.published_from;
        }
        self.title = self.title.take().or_else(|| other.title.clone());
        self.outlet = self.outlet.take().or_else(|| other.outlet.clone());
        self.url = self.url.take().or_else(|| other.url.clone());
    }

    /// Takes every field `other` knows.
    fn override_with(&mut self, other: &Metadata) {
        if other.published.is_some() {
            self.published = other.published;
            self.published_from = other.published_from;
        }
        if other.title.is_some() {
            self.title.clone_from(&other.title);
        }
        if other.outlet.is_some() {
            self.outlet.clone_from(&other.outlet);
        }
        if other.url.is_some() {
            self.url.clone_from(&other.url);
        }
    }
}

/// Parses a publication date written as `YYYY-MM-DD`, optionally followed by a time
/// (`2018-03-28T09:00:00Z`, `2018-03-28 09:00`), as found in front matter and HTML.
pub fn parse_published(text: &str) -> Option<Date> {
    let text = text.trim().trim_matches(|c| c == '"' || c == '\'');
    crate::value::parse_day(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_extension() {
        assert_eq!(Format::of(Path::new("a/b.MD")), Format::Markdown);
        assert_eq!(Format::of(Path::new("a/b.htm")), Format::Html);
        assert_eq!(Format::of(Path::new("a/b.txt")), Format::Text);
        assert_eq!(Format::of(Path::new("README")), Format::Text);
    }

    #[test]
    fn published_dates_accept_times() {
        assert_eq!(parse_published("2018-03-28T09:00:00Z"), Some(Date::constant(2018, 3, 28)));
        assert_eq!(parse_published("'2018-03-28'"), Some(Date::constant(2018, 3, 28)));
        assert_eq!(parse_published("March 28"), None);
        assert_eq!(parse_published("2018-02-30"), None);
    }

    #[test]
    fn command_line_date_is_the_last_resort() {
        let fallback = Metadata {
            published: Some(Date::constant(2020, 1, 1)),
            published_from: Some(DateOrigin::Option),
            ..Metadata::default()
        };
        let md = Source::from_text("a.md".into(), "---\ndate: 2018-03-28\n---\nHello.".into(), &fallback);
        assert_eq!(md.metadata.published, Some(Date::constant(2018, 3, 28)));
        assert_eq!(md.metadata.published_from, Some(DateOrigin::FrontMatter));
        let txt = Source::from_text("a.txt".into(), "Hello.".into(), &fallback);
        assert_eq!(txt.metadata.published, Some(Date::constant(2020, 1, 1)));
    }
}
