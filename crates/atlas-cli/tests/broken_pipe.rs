//! Regression: `atlas places --json | head -1` used to panic ("failed
//! printing to stdout: Broken pipe") because the output went through
//! `println!`. A closed reader is the ordinary end of a pipeline, so the
//! CLI must stop quietly and successfully.

use std::io::Read;
use std::process::{Command, Stdio};

/// Runs `atlas ARGS`, reads at most one byte of its stdout and then closes
/// the pipe, as `head -c 1` would; returns the exit success and stderr.
fn run_with_reader_closed_early(args: &[&str]) -> (bool, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("atlas starts");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut first = [0u8; 1];
    let _ = stdout.read(&mut first);
    drop(stdout);
    let out = child.wait_with_output().expect("atlas finishes");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn broken_pipe_on_large_output_exits_quietly() {
    // `places --json` prints ~300 KB, far more than a pipe buffer holds, so
    // the writer is certain to meet the closed reader.
    for args in [&["places", "--json"][..], &["report", "--json"][..]] {
        let (success, stderr) = run_with_reader_closed_early(args);
        assert!(
            !stderr.contains("panicked"),
            "atlas {args:?} panicked on a closed pipe:\n{stderr}"
        );
        assert!(success, "atlas {args:?} failed on a closed pipe:\n{stderr}");
        assert!(
            stderr.is_empty(),
            "atlas {args:?} wrote to stderr:\n{stderr}"
        );
    }
}
