//! The cargo-fuzz targets (`fuzz/`, a crate of their own that `cargo test` does not
//! build) still compile against the library, so that an API change cannot leave them
//! broken until the next fuzzing run.

use std::process::Command;

#[test]
fn fuzz_targets_compile() {
    let root = env!("CARGO_MANIFEST_DIR");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["check", "--locked", "--quiet", "--manifest-path", "fuzz/Cargo.toml"])
        .current_dir(root)
        .output()
        .expect("cargo runs");
    assert!(out.status.success(), "fuzz targets do not compile:\n{}", String::from_utf8_lossy(&out.stderr));
}
