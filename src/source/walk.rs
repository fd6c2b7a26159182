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
    /// What the walk passed over on purpose and a reader should know (symbolic links
    /// not followed), for the report's `warnings`.
    pub warnings: Vec<String>,
}

/// Whether a folder walk follows symbolic links. Not by default, as in ripgrep: a
/// link planted in a pull request could otherwise pull a file from outside the tree (a
/// secret) into a report posted publicly. Paths named on the command line are read
/// whatever they are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Links {
    /// Links inside walked folders are skipped, each with a warning.
    #[default]
    NotFollowed,
    /// Links are followed (`--follow`); a loop or a broken link is an error entry.
    Followed,
}

/// Whether a folder walk honours ignore files (`.gitignore`, `.ignore`, the user's
/// global git excludes); hidden files are skipped either way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum IgnoreFiles {
    /// Files they ignore are not read, as ripgrep does.
    #[default]
    Honoured,
    /// Every file is read (`--no-ignore`).
    Disregarded,
}

/// Finds the sources under `paths`, honouring ignore files and not following
/// symbolic links inside folders (the command line's defaults).
pub fn discover(paths: &[PathBuf]) -> Discovered {
    discover_walk(paths, IgnoreFiles::Honoured, Links::NotFollowed)
}

/// Finds the sources under `paths`.
///
/// Symbolic links inside folders are followed only with [`Links::Followed`]; a link
/// loop or a broken link is then reported in `failures`, as is anything that is
/// neither a file nor a folder (a FIFO would block the run forever). A file reached
/// by several spellings (`docs`, `./docs/`, an absolute path, a link) is read once,
/// under the first spelling in path order.
pub fn discover_walk(paths: &[PathBuf], ignore_files: IgnoreFiles, links: Links) -> Discovered {
    let mut found = Discovered::default();
    let mut files = Vec::new();
    let mut walked = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_file() => {
                files.push(path.clone());
                continue;
            }
            Ok(meta) if !meta.is_dir() => {
                found.failures.push(SourceFailure { source: display_path(path), message: not_regular(&meta) });
                continue;
            }
            Ok(_) => {}
            Err(err) => {
                found.failures.push(SourceFailure { source: display_path(path), message: describe(path, &err) });
                continue;
            }
        }
        walked.push(path.as_path());
        let settings = Walk { wanted: is_source, ignore_files, links };
        walk(path, &settings, &mut files, &mut found.failures, &mut found.warnings);
    }
    if paths.len() > 1 || links == Links::Followed {
        // Only several named paths or followed links can reach one file twice; the
        // check costs a system call per file, so a single walk does without it. Files
        // are still in the order of the paths named, so the first spelling is kept.
        let mut seen = std::collections::HashSet::new();
        files.retain(|file| std::fs::canonicalize(file).map_or(true, |real| seen.insert(real)));
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
    // A manifest's missing entries are the business of a run over its folder; a run
    // over one named file of that folder should not fail over its neighbours.
    let in_walk = |manifest: &Manifest| manifest.path.parent().is_some_and(|f| walked.iter().any(|w| f.starts_with(w)));
    for manifest in manifests.values().flatten().filter(|m| in_walk(m)) {
        for listed in manifest.entries.keys() {
            if !listed.is_file() {
                let what = if listed.is_dir() { "is a folder" } else { "missing" };
                found.failures.push(SourceFailure {
                    source: display_path(listed),
                    message: format!("listed in {} but {what}", display_path(&manifest.path)),
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

/// Walks the folder `root` the way sources are found (recursive, honouring `.gitignore`
/// and `.ignore` unless told not to, hidden files skipped, symbolic links followed, in
/// name order) and adds the files `wanted` takes to `files`; an entry that cannot be
/// walked, or is not a regular file, goes to `failures` rather than being skipped.
pub(crate) fn walk_folder(
    root: &Path,
    wanted: fn(&Path) -> bool,
    ignore_files: IgnoreFiles,
    files: &mut Vec<PathBuf>,
    failures: &mut Vec<SourceFailure>,
) {
    walk(root, &Walk { wanted, ignore_files, links: Links::Followed }, files, failures, &mut Vec::new());
}

/// How a folder is walked.
struct Walk {
    wanted: fn(&Path) -> bool,
    ignore_files: IgnoreFiles,
    links: Links,
}

/// The ignore files a walk honouring them opens in a folder.
const IGNORE_FILE_NAMES: &[&str] = &[".gitignore", ".ignore", ".git/info/exclude"];

/// An ignore file of `folder` that exists but is not a regular file (a FIFO would
/// block the walk forever), with why.
fn unreadable_ignore_file(folder: &Path) -> Option<(PathBuf, String)> {
    IGNORE_FILE_NAMES.iter().map(|name| folder.join(name)).find_map(|path| match std::fs::metadata(&path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => Some((path, not_regular(&meta))),
        _ => None,
    })
}

/// [`walk_folder`] with its settings; links not followed are told in `warnings`. A
/// folder whose ignore file is a FIFO or a device is walked without ignore files (the
/// walker would open it), and that file is an error entry.
fn walk(
    root: &Path,
    settings: &Walk,
    files: &mut Vec<PathBuf>,
    failures: &mut Vec<SourceFailure>,
    warnings: &mut Vec<String>,
) {
    let Walk { wanted, mut ignore_files, links } = *settings;
    if ignore_files == IgnoreFiles::Honoured
        && let Some((path, message)) = root.ancestors().find_map(unreadable_ignore_file)
    {
        failures.push(ignore_file_failure(&path, &message));
        ignore_files = IgnoreFiles::Disregarded;
    }
    let honour = ignore_files == IgnoreFiles::Honoured;
    // Folders below whose ignore files cannot be read: skipped by this walk (so the
    // walker never opens them) and walked on their own afterwards.
    let deferred = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let defer = std::sync::Arc::clone(&deferred);
    let walker = ignore::WalkBuilder::new(root)
        .filter_entry(move |entry| {
            let hostile = honour
                && entry.file_type().is_some_and(|t| t.is_dir())
                && unreadable_ignore_file(entry.path()).is_some();
            if hostile && let Ok(mut deferred) = defer.lock() {
                deferred.push(entry.path().to_path_buf());
            }
            !hostile
        })
        .require_git(false)
        .hidden(true)
        .ignore(honour)
        .git_ignore(honour)
        .git_global(honour)
        .git_exclude(honour)
        .parents(honour)
        .follow_links(links == Links::Followed)
        .sort_by_file_name(Ord::cmp)
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let p = entry.path();
                let Some(kind) = entry.file_type() else { continue };
                if kind.is_symlink() {
                    warnings.push(format!("{}: symbolic link not followed (--follow reads it)", display_path(p)));
                    continue;
                }
                if kind.is_dir() || !wanted(p) {
                    continue;
                }
                if kind.is_file() {
                    files.push(p.to_path_buf());
                } else {
                    let message = std::fs::metadata(p).map_or_else(|e| describe(p, &e), |meta| not_regular(&meta));
                    failures.push(SourceFailure { source: display_path(p), message });
                }
            }
            Err(err) => failures.extend(walk_failure(&err, root, wanted)),
        }
    }
    let deferred = std::mem::take(&mut *deferred.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
    for folder in deferred {
        walk(&folder, settings, files, failures, warnings);
    }
}

/// The error entry of an ignore file that cannot be read.
fn ignore_file_failure(path: &Path, why: &str) -> SourceFailure {
    SourceFailure {
        source: display_path(path),
        message: format!(
            "{}; not read as an ignore file, its folder is walked without ignore files",
            why.trim_end_matches("; skipped")
        ),
    }
}

/// Files under the walked folders that a walk did not take, counted by why: for the
/// message of a run that found no source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Files that ignore files (`.gitignore`, `.ignore`, global git excludes) hide.
    pub ignored: usize,
    /// Hidden files, or files in hidden folders (`.git` itself is not counted).
    pub hidden: usize,
    /// Files whose extension is not a source's (`.txt`, `.md`, `.html`...).
    pub other_extension: usize,
}

impl Skipped {
    /// How many files were skipped in all.
    pub fn total(&self) -> usize {
        self.ignored + self.hidden + self.other_extension
    }
}

/// The extensions a folder walk takes, for messages.
pub fn source_extensions() -> &'static [&'static str] {
    SOURCE_EXTENSIONS
}

/// Counts the files under the folders among `paths` that a walk with `ignore_files`
/// does not take, and why. A second walk with every filter off, run only to explain an
/// empty run: the walker does not say what it filtered.
pub fn skipped(paths: &[PathBuf], ignore_files: IgnoreFiles) -> Skipped {
    let mut skipped = Skipped::default();
    for root in paths.iter().filter(|p| p.is_dir()) {
        let mut taken = Vec::new();
        walk_folder(root, is_source, ignore_files, &mut taken, &mut Vec::new());
        let all = ignore::WalkBuilder::new(root)
            .standard_filters(false)
            .follow_links(true)
            .filter_entry(|entry| entry.file_name() != ".git")
            .build();
        for entry in all.flatten() {
            let path = entry.path();
            if !entry.file_type().is_some_and(|t| t.is_file()) || taken.iter().any(|t| t == path) {
                continue;
            }
            let below = path.strip_prefix(root).unwrap_or(path);
            if below.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.')) {
                skipped.hidden += 1;
            } else if !is_source(path) {
                skipped.other_extension += 1;
            } else {
                skipped.ignored += 1;
            }
        }
    }
    skipped
}

/// Why a path that exists is not read: it is a FIFO, a socket or a device.
fn not_regular(meta: &std::fs::Metadata) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        let what = if kind.is_fifo() {
            "a FIFO"
        } else if kind.is_socket() {
            "a socket"
        } else if kind.is_block_device() || kind.is_char_device() {
            "a device"
        } else {
            "special"
        };
        format!("not a regular file ({what}); skipped")
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        "not a regular file; skipped".to_string()
    }
}

/// Says why `path` could not be looked at, naming a broken link as such.
fn describe(path: &Path, err: &std::io::Error) -> String {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match err.kind() {
        std::io::ErrorKind::NotFound if is_link => "broken symbolic link (its target does not exist)".to_string(),
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        _ => format!("cannot read: {err}"),
    }
}

/// A walk error as a failure of the path it is about (the walked root when it names
/// none); `None` for a file that would not have been read anyway (a broken `x.png`).
fn walk_failure(err: &ignore::Error, root: &Path, wanted: fn(&Path) -> bool) -> Option<SourceFailure> {
    let mut path = None;
    let mut inner = err;
    loop {
        match inner {
            ignore::Error::WithPath { path: p, err } => {
                path.get_or_insert(p.as_path());
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => inner = err,
            _ => break,
        }
    }
    let message = match (inner, path) {
        (ignore::Error::Loop { ancestor, child }, _) => {
            return Some(SourceFailure {
                source: display_path(child),
                message: format!("symbolic link loop back to {}; not followed", display_path(ancestor)),
            });
        }
        (_, Some(p)) if p.extension().is_some() && !wanted(p) => return None,
        // The walker's I/O errors repeat the path; asking again gives the plain reason.
        (ignore::Error::Io(_), Some(p)) => match std::fs::metadata(p) {
            Err(fresh) => describe(p, &fresh),
            Ok(_) => inner.to_string(),
        },
        _ => inner.to_string(),
    };
    Some(SourceFailure { source: display_path(path.unwrap_or(root)), message })
}

/// True for a file a folder walk takes. Only the extension needs to be UTF-8: a name
/// that is not (`caf\xE9.txt` written in Latin-1) is still a source, shown lossily.
pub(crate) fn is_source(path: &Path) -> bool {
    if path.file_name().is_none_or(|name| name == MANIFEST_NAME) {
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
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            assert!(is_source(Path::new(std::ffi::OsStr::from_bytes(b"a/caf\xE9.txt"))));
        }
    }
}
