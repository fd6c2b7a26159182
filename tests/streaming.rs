//! Streaming output: `pipeline::in_order` hands results over in job order while holding
//! at most one per worker thread, and stops at the first write error; `extract` and
//! `segment` write one JSON array (or one record a line) over all sources, the same
//! whatever `--jobs`.

use std::path::Path;
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use factlint::pipeline::in_order;
use serde_json::Value;

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap()
}

#[test]
fn results_come_in_job_order_and_never_pile_up() {
    for threads in [1, 2, 4] {
        let held = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let mut written = Vec::new();
        pool(threads)
            .install(|| {
                in_order(
                    0..200usize,
                    |job| {
                        // The first job is slow: the others must wait for it, not pile up.
                        if job == 0 {
                            std::thread::sleep(Duration::from_millis(50));
                        }
                        let now = held.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        job * 10
                    },
                    |result| {
                        held.fetch_sub(1, Ordering::SeqCst);
                        written.push(result);
                        Ok(())
                    },
                )
            })
            .unwrap();
        assert_eq!(written, (0..200).map(|j| j * 10).collect::<Vec<_>>(), "{threads} thread(s)");
        let most = most.load(Ordering::SeqCst);
        assert!(most <= threads, "{most} results held at once with {threads} thread(s)");
    }
}

#[test]
fn the_first_write_error_stops_the_run() {
    let taken = Mutex::new(0usize);
    let mut writes = 0;
    let jobs = (0..10_000usize).inspect(|_| *taken.lock().unwrap() += 1);
    let result = pool(2).install(|| {
        in_order(
            jobs,
            |job| job,
            |job| {
                writes += 1;
                if job == 5 { Err(std::io::Error::new(std::io::ErrorKind::BrokenPipe, "closed")) } else { Ok(()) }
            },
        )
    });
    assert_eq!(result.unwrap_err().kind(), std::io::ErrorKind::BrokenPipe);
    assert_eq!(writes, 6, "nothing is written after the error");
    assert!(*taken.lock().unwrap() < 20, "jobs stop being taken");
}

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn extract_and_segment_write_one_array_over_all_sources_whatever_the_jobs() {
    for command in ["extract", "segment"] {
        let lines = run(&[command, "seeds", "tests/events", "--format", "jsonl", "--jobs", "2"]);
        let records: Vec<Value> = lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let sources: std::collections::BTreeSet<&str> = records.iter().map(|r| r["source"].as_str().unwrap()).collect();
        assert!(sources.len() > 20, "{command}: {} sources", sources.len());
        let array: Value = serde_json::from_str(&run(&[command, "seeds", "tests/events", "--format", "json"])).unwrap();
        assert_eq!(array, Value::Array(records), "{command}: the JSON array holds the JSON Lines records");
        for jobs in ["1", "3"] {
            assert_eq!(run(&[command, "seeds", "tests/events", "--jobs", jobs]), lines, "{command} --jobs {jobs}");
        }
    }
}
