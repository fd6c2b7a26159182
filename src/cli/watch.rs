//! `factlint check --watch`: run the check, then again each time a source, a rule
//! file, a manifest or the config changes, clearing the screen first, for an editor
//! working on rules or a draft. A run that fails (a rule file saved half-written)
//! shows its error and the watch goes on.
//!
//! File events come from the `notify` crate through its debouncer, so the burst of
//! events one save makes (write, rename, chmod) is one re-run.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_mini::new_debouncer;
use notify_debouncer_mini::notify::RecursiveMode;

use factlint::config::{CONFIG_NAME, Config};
use factlint::source;

use super::CliError;
use super::check::{CheckArgs, run_once};

/// How long a burst of events must be quiet before the check re-runs.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// What a watch looks at: folders (recursively) and files, absolute.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Watched {
    /// Folders of sources or rules: any source, rule or manifest file below them.
    pub folders: Vec<PathBuf>,
    /// Files named one by one: sources, rule files, the config.
    pub files: Vec<PathBuf>,
}

impl Watched {
    /// The paths a check over `paths` with `rules` and `config` reads, made absolute
    /// against `cwd`.
    fn of(paths: &[PathBuf], rules: &[PathBuf], config: &Config, cwd: &Path) -> Watched {
        let mut watched = Watched::default();
        let named = paths.iter().chain(rules).chain(config.path.iter());
        for path in named.map(|p| cwd.join(p)) {
            if path.is_dir() {
                watched.folders.push(path);
            } else {
                watched.files.push(path);
            }
        }
        watched
    }

    /// Whether a change to `changed` calls for a new run: a named file, or below a
    /// watched folder a file a run reads (a source by extension, a rule file or
    /// manifest by `.yaml`), hidden files and folders (editor swap files, `.git`) not.
    pub(super) fn wants(&self, changed: &Path) -> bool {
        if self.files.iter().any(|f| f == changed) {
            return true;
        }
        let Some(folder) = self.folders.iter().find(|f| changed.starts_with(f)) else { return false };
        let below = changed.strip_prefix(folder).unwrap_or(changed);
        let hidden = below.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        let extension = changed.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
        let read =
            extension == "yaml" || extension == "yml" || source::source_extensions().contains(&extension.as_str());
        !hidden && read
    }

    /// Where the watcher listens: each folder recursively, and the folder of each
    /// file (editors save by writing a new file and renaming it over the old one,
    /// which a watch on the file itself would lose).
    fn roots(&self) -> Vec<(PathBuf, RecursiveMode)> {
        let mut roots: Vec<(PathBuf, RecursiveMode)> =
            self.folders.iter().map(|f| (f.clone(), RecursiveMode::Recursive)).collect();
        for file in &self.files {
            let parent = file.parent().unwrap_or(Path::new("/")).to_path_buf();
            if !roots
                .iter()
                .any(|(r, mode)| *r == parent || (*mode == RecursiveMode::Recursive && parent.starts_with(r)))
            {
                roots.push((parent, RecursiveMode::NonRecursive));
            }
        }
        roots
    }
}

/// Runs `check` now and after every relevant change, until interrupted.
pub(super) fn run(args: &CheckArgs, config: &Config) -> Result<i32, CliError> {
    let cwd = std::env::current_dir()?;
    let paths: Vec<PathBuf> =
        if args.input.paths.is_empty() { config.sources.clone() } else { args.input.paths.clone() };
    let rules: Vec<PathBuf> = if args.input.rules.is_empty() { config.rules.clone() } else { args.input.rules.clone() };
    let mut watched = Watched::of(&paths, &rules, config, &cwd);
    watched.files.push(cwd.join(CONFIG_NAME));
    let (sender, events) = mpsc::channel();
    let mut debouncer =
        new_debouncer(DEBOUNCE, sender).map_err(|e| CliError::Usage(format!("--watch: cannot watch files: {e}")))?;
    for (root, mode) in watched.roots() {
        if let Err(e) = debouncer.watcher().watch(&root, mode) {
            eprintln!("warning: --watch: cannot watch {}: {e}", source::display_path(&root));
        }
    }
    let clear = std::io::IsTerminal::is_terminal(&std::io::stdout());
    loop {
        if clear {
            print!("\x1b[2J\x1b[H");
        }
        // The config is read again too: it may be what changed.
        let outcome = Config::discover(&cwd).map_err(CliError::from).and_then(|config| run_once(args, &config));
        match outcome {
            Ok(code) => eprintln!("[watching for changes; last exit code {code}; Ctrl-C stops]"),
            Err(e) => eprintln!("error: {e}\n[watching for changes: fix it and save; Ctrl-C stops]"),
        }
        loop {
            match events.recv() {
                Ok(Ok(batch)) if batch.iter().any(|event| watched.wants(&event.path)) => break,
                Ok(Ok(_)) => {}
                Ok(Err(e)) => eprintln!("warning: --watch: {e}"),
                Err(_) => return Ok(0),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changes_a_run_reads_trigger_one() {
        let watched = Watched {
            folders: vec![PathBuf::from("/w/articles"), PathBuf::from("/w/rules")],
            files: vec![PathBuf::from("/w/draft.txt"), PathBuf::from("/w/factlint.yaml")],
        };
        let table = [
            ("/w/articles/reuters.txt", true),
            ("/w/articles/deep/page.html", true),
            ("/w/articles/sources.yaml", true),
            ("/w/rules/facts.yaml", true),
            ("/w/draft.txt", true),
            ("/w/factlint.yaml", true),
            ("/w/articles/.reuters.txt.swp", false),
            ("/w/articles/reuters.txt~", false),
            ("/w/rules/.git/index", false),
            ("/w/articles/notes.pdf", false),
            ("/w/other.txt", false),
            ("/w/target/debug/x.txt", false),
        ];
        for (path, wanted) in table {
            assert_eq!(watched.wants(Path::new(path)), wanted, "{path}");
        }
    }

    #[test]
    fn files_are_watched_through_their_folder_once() {
        let watched = Watched {
            folders: vec![PathBuf::from("/w/articles")],
            files: vec![
                PathBuf::from("/w/draft.txt"),
                PathBuf::from("/w/factlint.yaml"),
                PathBuf::from("/w/articles/extra.txt"),
            ],
        };
        assert_eq!(
            watched.roots(),
            [
                (PathBuf::from("/w/articles"), RecursiveMode::Recursive),
                (PathBuf::from("/w"), RecursiveMode::NonRecursive),
            ]
        );
    }
}
