//! `--out` never touches what is not its dataset: a folder that is not a dataset is refused and
//! left byte-for-byte, and a symbolic link stays a link.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::{seed, snapshot};

fn run(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_board-build"))
        .args(args)
        .output()
        .expect("board-build runs")
}

fn build(out: &Path) -> Output {
    run(&[Path::new("build"), &seed(), Path::new("--out"), out])
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_folder_that_is_not_a_dataset_is_refused_and_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    fs::create_dir_all(site.join("css")).unwrap();
    fs::write(site.join("index.html"), "<h1>portal</h1>").unwrap();
    fs::write(site.join("css/portal.css"), "body{}").unwrap();
    let before = snapshot(&site);
    for args in [
        vec![Path::new("build"), &seed(), Path::new("--out"), &site],
        vec![
            Path::new("synth"),
            Path::new("--posts"),
            Path::new("5"),
            Path::new("--out"),
            &site,
        ],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("is not a dataset folder"), "{err}");
        assert!(err.contains("site"), "{err}");
        assert_eq!(snapshot(&site), before);
    }
    // Nothing was staged beside it either.
    let names: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("site")]);

    // A dataset it wrote, an empty folder and a missing one are fine; a dataset with a
    // stranger added is not.
    let data = tmp.path().join("data");
    assert!(build(&data).status.success());
    assert!(build(&data).status.success(), "rebuilding its own dataset");
    fs::write(data.join("notes.txt"), "mine").unwrap();
    let before = snapshot(&data);
    let out = build(&data);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("\"notes.txt\""), "{}", stderr(&out));
    assert_eq!(snapshot(&data), before);
    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).unwrap();
    assert!(build(&empty).status.success());
}

#[cfg(unix)]
#[test]
fn a_symlinked_out_is_written_through_and_stays_a_link() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("releases/esg-data");
    fs::create_dir_all(&target).unwrap();
    let link = tmp.path().join("site-data");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = build(&link);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is a symbolic link"),
        "{}",
        stderr(&out)
    );
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(target.join("board.json").is_file());
    // Again, over its own dataset.
    assert!(build(&link).status.success());
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(target.join("board.json").is_file());
}
