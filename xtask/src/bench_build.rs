//! `cargo xtask bench-build`: how long `board-build` takes and how much memory it needs, on
//! synthetic boards of 100k and 1M posts, on a 100k-row CSV export and on a 100k-post gnuboard5
//! export in CP949, how long the article pages of a 100k-post board take to write, and how long
//! an HTML body takes to become blocks (`examples/convert_html.rs`).
//! Numbers, not pass/fail.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::build::root;
use crate::sh::{self, run, step};

/// Runs a command, returning (wall seconds, peak RSS in MiB) from the kernel's accounting.
fn measure(cmd: &mut Command) -> Result<(f64, f64), String> {
    let shown = format!("{cmd:?}");
    let started = Instant::now();
    let child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waiting for our own child with valid out-pointers.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let secs = started.elapsed().as_secs_f64();
    if pid < 0 || !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        return Err(format!("failed: {shown}"));
    }
    Ok((secs, usage.ru_maxrss as f64 / 1024.0))
}

/// Every post of a built dataset's list, in list order.
fn posts(dataset: &Path) -> Result<Vec<serde_json::Value>, String> {
    let manifest: serde_json::Value = read_json(&dataset.join("board.json"))?;
    let mut out = Vec::new();
    for shard in manifest["shards"]
        .as_array()
        .ok_or("board.json has no shards")?
    {
        let mut list = read_json(&dataset.join(shard.as_str().unwrap_or_default()))?;
        match list["posts"].take() {
            serde_json::Value::Array(posts) => out.extend(posts),
            _ => return Err("a list file has no posts".into()),
        }
    }
    Ok(out)
}

/// A text field of a post, with `"` doubled for a quoted CSV cell.
fn cell(p: &serde_json::Value, k: &str) -> String {
    p[k].as_str().unwrap_or("").replace('"', "\"\"")
}

/// Writes the posts of a built dataset's list as a CSV export, the way a portal hands one over.
fn export_csv(dataset: &Path, csv: &Path) -> Result<(), String> {
    let mut out = String::from("번호,제목,글쓴이,날짜,조회수,담당부서\n");
    for p in posts(dataset)? {
        let _ = writeln!(
            out,
            "{},\"{}\",{},{},{},{}",
            p["no"],
            cell(&p, "title"),
            cell(&p, "author"),
            cell(&p, "date"),
            p["views"],
            cell(&p, "dept")
        );
    }
    std::fs::write(csv, out).map_err(|e| format!("{}: {e}", csv.display()))
}

/// Writes the posts of a built dataset as a gnuboard5 write table, the way phpMyAdmin exports
/// `g5_write_<table>` from a Korean server: CP949, quoted cells, HTML bodies, a comment after
/// every tenth post.
fn export_gnuboard_cp949(dataset: &Path, csv: &Path) -> Result<(), String> {
    let mut out = String::from(
        "\"wr_id\",\"wr_num\",\"wr_parent\",\"wr_is_comment\",\"ca_name\",\"wr_option\",\
         \"wr_subject\",\"wr_content\",\"wr_hit\",\"wr_name\",\"wr_datetime\",\"wr_ip\"\r\n",
    );
    let mut next_comment = 10_000_000u64;
    for p in posts(dataset)? {
        let text = |k: &str| cell(&p, k);
        let no = p["no"].as_u64().unwrap_or(0);
        let _ = write!(
            out,
            "\"{no}\",\"-{no}\",\"{no}\",\"0\",\"{}\",\"html1\",\"{}\",\
             \"<p>{} 관련 안내입니다.</p><p>자세한 내용은 <a href=\"\"https://www.me.go.kr\"\">누리집</a>을 \
             참고하세요.<br>문의: {}</p>\",\"{}\",\"{}\",\"{} 09:30:00\",\"10.0.0.1\"\r\n",
            text("dept"),
            text("title"),
            text("title"),
            text("dept"),
            p["views"].as_u64().unwrap_or(0),
            text("author"),
            text("date"),
        );
        if no % 10 == 0 {
            next_comment += 1;
            let _ = write!(
                out,
                "\"{next_comment}\",\"-{no}\",\"{no}\",\"1\",\"\",\"\",\"\",\"댓글\",\"0\",\"손님\",\
                 \"{} 10:00:00\",\"10.0.0.2\"\r\n",
                text("date"),
            );
        }
    }
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(&out);
    if unmappable {
        return Err("the export has text CP949 cannot hold".into());
    }
    std::fs::write(csv, bytes).map_err(|e| format!("{}: {e}", csv.display()))
}

/// How many pages (`.html` files) a folder holds, and their bytes.
fn folder_size(dir: &Path) -> Result<(usize, u64), String> {
    let mut n = (0, 0);
    for e in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let e = e.map_err(|e| format!("{}: {e}", dir.display()))?;
        if !e.file_name().to_string_lossy().ends_with(".html") {
            continue;
        }
        let meta = e
            .metadata()
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        n = (n.0 + 1, n.1 + meta.len());
    }
    Ok(n)
}

fn read_json(path: &Path) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn bench_build() -> Result<(), String> {
    let root = root();
    step("building board-build (release)");
    run(sh::cargo()
        .args(["build", "--quiet", "--release", "-p", "board-build"])
        .current_dir(&root))?;
    let bin = root.join("target/release/board-build");
    let work = root.join("target/bench-build");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let dir = |name: &str| work.join(name).display().to_string();

    let mut rows = Vec::new();
    for n in [100_000u32, 1_000_000] {
        step(&format!("synth --posts {n}"));
        let (s, mb) = measure(Command::new(&bin).args([
            "synth",
            "--posts",
            &n.to_string(),
            "--out",
            &dir(&format!("synth-{n}")),
        ]))?;
        rows.push((format!("synth {n} posts"), s, mb));
    }
    step("check 100k");
    let (s, mb) = measure(Command::new(&bin).args(["check", &dir("synth-100000")]))?;
    rows.push(("check 100k posts".into(), s, mb));
    // Exports of the 100k synthetic board, built back: (row, file, how it is written).
    type Export = fn(&Path, &Path) -> Result<(), String>;
    let exports: [(&str, &str, Export); 2] = [
        (
            "build 100k-row CSV (no bodies)",
            "export-100k.csv",
            export_csv,
        ),
        (
            "build a 100k-post gnuboard5 export in CP949 (HTML bodies, 10k comments)",
            "g5_write_news.csv",
            export_gnuboard_cp949,
        ),
    ];
    for (i, (what, file, write)) in exports.into_iter().enumerate() {
        step(what);
        let source = work.join(file);
        write(&work.join("synth-100000"), &source)?;
        let (s, mb) = measure(Command::new(&bin).args([
            "build",
            &source.display().to_string(),
            "--out",
            &dir(&format!("export-{i}")),
        ]))?;
        rows.push((what.to_string(), s, mb));
    }
    // Rebuilding over an existing dataset includes swapping it out and deleting it.
    step("synth --posts 1000000 again, replacing the previous dataset");
    let (s, mb) = measure(Command::new(&bin).args([
        "synth",
        "--posts",
        "1000000",
        "--out",
        &dir("synth-1000000"),
    ]))?;
    rows.push(("synth 1M posts over an existing 1M dataset".into(), s, mb));

    // One static page per article (`--post-pages`), from the built board page when there is one.
    step("article pages for 100k posts: synth --post-pages, then board-prerender");
    run(sh::cargo()
        .args(["build", "--quiet", "--release", "-p", "board-prerender"])
        .current_dir(&root))?;
    let site = work.join("site-100k");
    let (s, mb) = measure(Command::new(&bin).args([
        "synth",
        "--posts",
        "100000",
        "--post-pages",
        "--out",
        &site.join("data").display().to_string(),
    ]))?;
    rows.push(("synth 100k posts with --post-pages".into(), s, mb));
    let page = site.join("index.html");
    match std::fs::read(root.join("dist/index.html")) {
        Ok(built) => std::fs::write(&page, built),
        Err(_) => std::fs::write(
            &page,
            "<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>ESG 정책뉴스</title>\
             <script type=\"module\" src=\"boot.js\"></script></head><body>\
             <div id=\"esg-board\" data-src=\"data/\"></div></body></html>",
        ),
    }
    .map_err(|e| format!("{}: {e}", page.display()))?;
    let (s, mb) = measure(Command::new(root.join("target/release/board-prerender")).arg(&page))?;
    let (files, bytes) = folder_size(&site.join("post"))?;
    let (lists, list_bytes) = folder_size(&site.join("page"))?;
    rows.push((
        format!(
            "board-prerender: page 1, {files} article pages, {:.0} MB ({:.1} kB a page), \
             and {lists} list pages, {:.0} MB",
            bytes as f64 / 1e6,
            bytes as f64 / files.max(1) as f64 / 1e3,
            list_bytes as f64 / 1e6
        ),
        s,
        mb,
    ));

    step("HTML bodies into blocks");
    let convert = sh::cargo()
        .args([
            "run",
            "--quiet",
            "--release",
            "-p",
            "board-build",
            "--example",
            "convert_html",
        ])
        .current_dir(&root)
        .output()
        .map_err(|e| format!("cannot run the convert_html example: {e}"))?;
    if !convert.status.success() {
        return Err(String::from_utf8_lossy(&convert.stderr).into_owned());
    }

    println!("\n| run | wall time | peak RSS |\n|---|---:|---:|");
    for (what, s, mb) in &rows {
        println!("| {what} | {s:.2} s | {mb:.0} MiB |");
    }
    println!("\n| conversion | runs | p50 | max |\n|---|---:|---:|---:|");
    print!("{}", String::from_utf8_lossy(&convert.stdout));
    let _ = std::fs::remove_dir_all(&work);
    Ok(())
}
