//! `factlint.yaml`: the project config, found in the current folder or a parent, like
//! `.vale.ini` or `typos.toml`. Command-line options override it.
//!
//! ```yaml
//! sources: [seeds]        # what `factlint check` reads with no PATH
//! against: [references]   # optional: the sources are drafts checked against these
//! rules: [rules]          # rule files or folders
//! published: 2018-03-28   # reference date for sources that state none
//! fail-on: error          # error | warning | info | never
//! format: text            # text | json | markdown | sarif | html | github
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The config file's name.
pub const CONFIG_NAME: &str = "factlint.yaml";

/// The severity at or above which findings fail a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum FailOn {
    /// Fail on errors only.
    #[default]
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Fail on any finding.
    Info,
    /// Never fail because of findings.
    Never,
}

/// The report format a config asks for. The config's own value, so that reading the
/// config does not depend on the report module that renders it; the CLI maps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ReportFormat {
    /// rustc-style blocks for a terminal.
    Text,
    /// The SPEC's JSON report.
    Json,
    /// Tables per finding, for pull-request comments.
    Markdown,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
    /// One self-contained HTML page.
    Html,
}

/// A project config, paths resolved against its folder.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// Where the config was found.
    pub path: Option<PathBuf>,
    /// Sources to check when none are named.
    pub sources: Vec<PathBuf>,
    /// Rule files and folders.
    pub rules: Vec<PathBuf>,
    /// References the sources are checked against as drafts (`check --against`).
    pub against: Vec<PathBuf>,
    /// Reference date for sources that state none.
    pub published: Option<String>,
    /// Failure threshold.
    pub fail_on: Option<FailOn>,
    /// Output format.
    pub format: Option<ReportFormat>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    #[serde(default)]
    sources: Vec<PathBuf>,
    #[serde(default)]
    rules: Vec<PathBuf>,
    #[serde(default)]
    against: Vec<PathBuf>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    fail_on: Option<FailOn>,
    #[serde(default)]
    format: Option<ReportFormat>,
}

/// A config that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{path}{}: {message}", location.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default())]
pub struct ConfigError {
    /// The config file.
    pub path: String,
    /// Line and column, when known.
    pub location: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl Config {
    /// Finds `factlint.yaml` in `start` or the nearest parent and reads it; an empty
    /// config when there is none.
    pub fn discover(start: &Path) -> Result<Config, ConfigError> {
        for folder in start.ancestors() {
            let candidate = folder.join(CONFIG_NAME);
            // Whatever stands under the config's name is the config: a FIFO or a folder
            // there is an error naming it (never opened, never skipped in silence).
            if candidate.exists() {
                return Config::load(&candidate);
            }
        }
        Ok(Config::default())
    }

    /// Reads a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let shown = crate::source::display_path(path);
        let text = crate::source::read_regular(path).map_err(|e| ConfigError {
            path: shown.clone(),
            location: None,
            message: e.to_string(),
        })?;
        let file: ConfigFile = serde_yaml::from_str(&text).map_err(|e| ConfigError {
            path: shown.clone(),
            location: e.location().map(|l| (l.line(), l.column())),
            message: e.to_string(),
        })?;
        let base = path.parent().unwrap_or(Path::new(""));
        let resolve = |p: PathBuf| if p.is_absolute() || base.as_os_str().is_empty() { p } else { base.join(p) };
        Ok(Config {
            path: Some(path.to_path_buf()),
            sources: file.sources.into_iter().map(resolve).collect(),
            rules: file.rules.into_iter().map(resolve).collect(),
            against: file.against.into_iter().map(resolve).collect(),
            published: file.published,
            fail_on: file.fail_on,
            format: file.format,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_against_the_config_folder() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::write(
            dir.path().join(CONFIG_NAME),
            "sources: [seeds]\nrules: [rules]\nagainst: [wire]\nfail-on: warning\n",
        )
        .unwrap();
        let config = Config::discover(&nested).unwrap();
        assert_eq!(config.sources, [dir.path().join("seeds")]);
        assert_eq!(config.against, [dir.path().join("wire")]);
        assert_eq!(config.fail_on, Some(FailOn::Warning));
    }

    #[test]
    fn unknown_keys_are_errors_with_a_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG_NAME);
        std::fs::write(&path, "sources: [seeds]\nrule: [rules]\n").unwrap();
        let err = Config::load(&path).unwrap_err();
        assert_eq!(err.location.map(|l| l.0), Some(2));
    }
}
