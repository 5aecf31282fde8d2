//! A container's labels: each `--label-file` in order, then each `-l`; a key
//! given again takes the later value where the key first stood.

use std::fs;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid label {0:?}: the name before '=' is empty; use KEY=VALUE")]
    Flag(String),
    #[error("{}:{line}: invalid label {text:?}: the name before '=' is empty; use KEY=VALUE", path.display())]
    File {
        path: PathBuf,
        line: usize,
        text: String,
    },
    #[error("reading label file {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The labels of `--label-file` files (lines `KEY=VALUE` or `KEY`, blank
/// lines and `#` comments skipped) and `-l` flags.
pub fn from_flags(files: &[PathBuf], flags: &[String]) -> Result<Vec<(String, String)>, Error> {
    let mut labels = Vec::new();
    for path in files {
        read_file(path, &mut labels)?;
    }
    for flag in flags {
        let (key, value) = split(flag).ok_or_else(|| Error::Flag(flag.clone()))?;
        set(&mut labels, key, value);
    }
    Ok(labels)
}

fn read_file(path: &Path, labels: &mut Vec<(String, String)>) -> Result<(), Error> {
    let text = fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    for (line, text) in super::env::setting_lines(&text) {
        let (key, value) = split(text.trim()).ok_or_else(|| Error::File {
            path: path.to_path_buf(),
            line,
            text: text.to_string(),
        })?;
        set(labels, key, value);
    }
    Ok(())
}

/// `KEY=VALUE`, or `KEY` for an empty value; `None` when the key is empty.
fn split(spec: &str) -> Option<(&str, &str)> {
    let (key, value) = spec.split_once('=').unwrap_or((spec, ""));
    (!key.is_empty()).then_some((key, value))
}

fn set(labels: &mut Vec<(String, String)>, key: &str, value: &str) {
    match labels.iter_mut().find(|(k, _)| k == key) {
        Some(entry) => entry.1 = value.to_string(),
        None => labels.push((key.to_string(), value.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_then_flags_later_values_win() {
        let dir = std::env::temp_dir().join(format!("rcon-labels-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("labels");
        fs::write(&file, "# a comment\n\n  tier=back\nowner=ops=team\nflag\n").unwrap();
        let labels = from_flags(
            std::slice::from_ref(&file),
            &["tier=front".into(), "extra".into()],
        )
        .unwrap();
        assert_eq!(
            labels,
            [
                ("tier".into(), "front".into()),
                ("owner".into(), "ops=team".into()),
                ("flag".into(), String::new()),
                ("extra".into(), String::new()),
            ]
        );
        fs::write(&file, "ok=1\n=bad\n").unwrap();
        let error = from_flags(std::slice::from_ref(&file), &[]).unwrap_err();
        assert!(
            error.to_string().ends_with(
                ":2: invalid label \"=bad\": the name before '=' is empty; use KEY=VALUE"
            ),
            "{error}"
        );
        assert!(matches!(
            from_flags(&[dir.join("missing")], &[]),
            Err(Error::Read { .. })
        ));
        assert!(matches!(
            from_flags(&[], &["=x".into()]),
            Err(Error::Flag(_))
        ));
        fs::remove_dir_all(&dir).unwrap();
    }
}
