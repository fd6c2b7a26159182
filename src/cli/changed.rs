//! The files a change touched, for `check --changed-since GIT_REF` and `--files-from
//! FILE`: findings are kept when they hold a claim of one of them, while every source
//! is still read for the consensus.
//!
//! git is run as a command rather than through a crate such as `gix`: three plumbing
//! calls (`rev-parse`, `diff --name-only`, `ls-files --others`) whose output is stable,
//! made where a repository is checked out and so where git is installed (a CI runner,
//! a pre-commit hook), do not warrant a git implementation in the binary.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::CliError;

/// The changed files, each by its canonical path so that `seeds/a.txt`, `./seeds/a.txt`
/// and an absolute path name the same file.
#[derive(Debug, Default)]
pub struct Changed {
    files: BTreeSet<PathBuf>,
}

impl Changed {
    /// Whether a source, by the path its evidence shows (relative to the current
    /// folder, or absolute), is one of the changed files.
    pub fn holds(&self, source: &str) -> bool {
        std::fs::canonicalize(source).is_ok_and(|path| self.files.contains(&path))
    }

    /// The changed files among `paths`, resolved against `base`; a path that no longer
    /// exists (a deleted file) holds no claim and is left out.
    fn of<'a>(base: &Path, paths: impl IntoIterator<Item = &'a str>) -> Changed {
        let files = paths
            .into_iter()
            .map(|p| p.trim_end_matches('\r'))
            .filter(|p| !p.trim().is_empty())
            .filter_map(|p| std::fs::canonicalize(base.join(p)).ok())
            .collect();
        Changed { files }
    }
}

/// The files changed since `revision` (against the common ancestor of it and `HEAD`,
/// as a pull request's diff is), committed or not, plus the untracked ones.
pub fn since(revision: &str) -> Result<Changed, CliError> {
    let top = git(&["rev-parse", "--show-toplevel"], None)
        .map_err(|e| CliError::Usage(format!("--changed-since needs a git repository: {e}")))?;
    let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));
    let commit = format!("{revision}^{{commit}}");
    if revision.starts_with('-') || git(&["rev-parse", "--verify", "--quiet", &commit], Some(&top)).is_err() {
        return Err(CliError::Usage(format!(
            "--changed-since: unknown git revision `{revision}` (a branch, tag or commit of {})",
            top.display()
        )));
    }
    let base = git(&["merge-base", revision, "HEAD"], Some(&top))
        .map(|b| b.trim().to_string())
        .unwrap_or_else(|_| revision.to_string());
    let diff = git(&["diff", "--name-only", "--no-renames", "-z", &base, "--"], Some(&top))
        .map_err(|e| CliError::Usage(format!("--changed-since `{revision}`: {e}")))?;
    let untracked = git(&["ls-files", "--others", "--exclude-standard", "-z"], Some(&top))
        .map_err(|e| CliError::Usage(format!("--changed-since `{revision}`: {e}")))?;
    Ok(Changed::of(&top, diff.split('\0').chain(untracked.split('\0'))))
}

/// The files listed in `list`, one a line, relative to the current folder; `-` reads
/// the list from standard input.
pub fn listed(list: &Path) -> Result<Changed, CliError> {
    let text = if list == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| CliError::Usage(format!("--files-from -: cannot read standard input: {e}")))?;
        text
    } else {
        factlint::source::read_regular(list)
            .map_err(|e| CliError::Usage(format!("--files-from {}: {e}", factlint::source::display_path(list))))?
    };
    Ok(Changed::of(Path::new("."), text.lines()))
}

/// Runs git with `args` (in `dir`, else the current folder); its standard output, or
/// why it failed.
fn git(args: &[&str], dir: Option<&Path>) -> Result<String, String> {
    let mut command = Command::new("git");
    if let Some(dir) = dir {
        command.arg("-C").arg(dir);
    }
    let out = command.args(args).output().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "`git` is not on PATH".to_string(),
        _ => format!("cannot run git: {e}"),
    })?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        let stderr = String::from_utf8_lossy(&out.stderr);
        Err(stderr.lines().next().unwrap_or("git failed").trim().to_string())
    }
}
