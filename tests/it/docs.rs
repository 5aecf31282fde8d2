//! The man pages under man/ and the completions under contrib/completions/
//! are generated from the clap definition; this test fails when they are stale.
//! Regenerate with: RCON_UPDATE_DOCS=1 cargo test --test it docs::

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use clap_complete::Shell;

fn generated() -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let scratch = std::env::temp_dir().join(format!("rcon-docs-{}", std::process::id()));
    fs::create_dir_all(&scratch).unwrap();
    clap_mangen::generate_to(rcon::cli::command(), &scratch).expect("rendering man pages");
    for entry in fs::read_dir(&scratch).unwrap() {
        let path = entry.unwrap().path();
        files.insert(
            Path::new("man").join(path.file_name().unwrap()),
            fs::read(&path).unwrap(),
        );
    }
    fs::remove_dir_all(&scratch).unwrap();
    for (shell, name) in [
        (Shell::Bash, "rcon.bash"),
        (Shell::Zsh, "_rcon"),
        (Shell::Fish, "rcon.fish"),
    ] {
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut rcon::cli::command(), "rcon", &mut script);
        files.insert(Path::new("contrib/completions").join(name), script);
    }
    files
}

fn committed(dir: &Path) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::read_dir(root.join(dir))
        .map(|entries| entries.map(|e| dir.join(e.unwrap().file_name())).collect())
        .unwrap_or_default()
}

#[test]
fn man_pages_and_completions_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let expected = generated();
    if std::env::var_os("RCON_UPDATE_DOCS").is_some() {
        for dir in ["man", "contrib/completions"] {
            let _ = fs::remove_dir_all(root.join(dir));
            fs::create_dir_all(root.join(dir)).unwrap();
        }
        for (path, content) in &expected {
            fs::write(root.join(path), content).unwrap();
        }
    }
    let mut stale = Vec::new();
    for (path, content) in &expected {
        if fs::read(root.join(path)).ok().as_ref() != Some(content) {
            stale.push(format!("{} differs or is missing", path.display()));
        }
    }
    for path in committed(Path::new("man"))
        .into_iter()
        .chain(committed(Path::new("contrib/completions")))
    {
        if !expected.contains_key(&path) {
            stale.push(format!("{} is no longer generated", path.display()));
        }
    }
    assert!(
        stale.is_empty(),
        "man pages or completions are stale ({}); regenerate with: RCON_UPDATE_DOCS=1 cargo test --test it docs::",
        stale.join(", ")
    );
}
