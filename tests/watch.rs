//! `factlint check --watch`: a change to a rule file re-runs the check; a rule file
//! saved half-written shows its error and the watch goes on.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Waits for a line containing `text` on the channel, up to ten seconds.
fn wait_for(lines: &mpsc::Receiver<String>, text: &str) -> bool {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        match lines.recv_timeout(left) {
            Ok(line) if line.contains(text) => return true,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
    false
}

#[test]
fn a_rule_change_reruns_and_a_broken_rule_file_does_not_stop_the_watch() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.yaml");
    std::fs::write(&rules, "entities:\n  tay:\n    name: Tay Bridge\n").unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    std::fs::write(dir.path().join("docs/a.txt"), "The Tay Bridge is 2,764 metres long.\n").unwrap();
    std::fs::write(dir.path().join("docs/b.txt"), "The Tay Bridge is 3,264 metres long.\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "--watch", "--rules", "rules.yaml", "docs"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (sender, lines) = mpsc::channel();
    let out = child.stdout.take().unwrap();
    let err = child.stderr.take().unwrap();
    let to_out = sender.clone();
    std::thread::spawn(move || BufReader::new(out).lines().map_while(Result::ok).for_each(|l| drop(to_out.send(l))));
    std::thread::spawn(move || BufReader::new(err).lines().map_while(Result::ok).for_each(|l| drop(sender.send(l))));

    let first = wait_for(&lines, "0 findings");
    let watching = first && wait_for(&lines, "[watching for changes; last exit code 0");
    // Half-written: the error is shown and the watch goes on.
    std::fs::write(&rules, "entities:\n  tay:\n    name: [Tay\n").unwrap();
    let broken = watching && wait_for(&lines, "error: rules.yaml:");
    let still = broken && wait_for(&lines, "fix it and save");
    std::fs::write(&rules, "facts:\n  length:\n    claim: quantity\n    cues: [long]\n    unit: m\n").unwrap();
    let rerun = still && wait_for(&lines, "1 finding: 1 error");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(first, "no first report");
    assert!(watching, "no watching line");
    assert!(broken, "the broken rule file's error was not shown");
    assert!(still, "the watch did not go on");
    assert!(rerun, "the fixed rule file did not re-run the check");
}
