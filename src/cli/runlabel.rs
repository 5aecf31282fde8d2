//! `rcon container runlabel LABEL IMAGE [ARG...]`: runs the command an
//! image's label holds (Podman's INSTALL, RUN, UNINSTALL convention), with
//! `$IMAGE`, `$NAME`, `$OPT1`…`$OPT3` and `$PWD` put in, as Podman does.
//!
//! The label is the image author's, so it is hostile until shown: it is split
//! into words here (never given to a shell), no other variable of the
//! caller's environment is put in, the command is printed before it runs, and
//! only a label that runs Podman (or rcon) runs — as rcon itself, with the
//! label's words as its arguments, and never `unshare` (a host command).
//! What it runs can still do what any rcon command of the user's can (a
//! `-v /:/host` mount): that is what the label is for, and why it is shown.

use std::process::Command;

use clap::Args;

use super::{Context, EXIT_ENGINE, Failure, Outcome};
use crate::build::words;
use crate::container::{PullPolicy, run::image_for};
use crate::image::config::ImageConfig;
use crate::storage::store::Store;

#[derive(Debug, Args)]
pub struct RunlabelArgs {
    /// Print the command the label gives, without running it
    #[arg(long)]
    pub display: bool,
    /// The container name the label's $NAME stands for [default: the image's short name]
    #[arg(short, long)]
    pub name: Option<String>,
    /// What the label's $OPT1 stands for
    #[arg(long)]
    pub opt1: Option<String>,
    /// What the label's $OPT2 stands for
    #[arg(long)]
    pub opt2: Option<String>,
    /// What the label's $OPT3 stands for
    #[arg(long)]
    pub opt3: Option<String>,
    /// Do not print the command before running it
    #[arg(short, long)]
    pub quiet: bool,
    /// The label (looked up as given, then in upper case)
    #[arg(value_name = "LABEL")]
    pub label: String,
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// More arguments, appended to the label's command
    #[arg(
        value_name = "ARG",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub args: Vec<String>,
}

/// The words that name Podman (or rcon) as a label's command.
const ENGINE_COMMANDS: [&str; 4] = ["podman", "/usr/bin/podman", "rcon", "/usr/bin/rcon"];

pub fn run(ctx: &Context, args: RunlabelArgs) -> Outcome {
    let store = Store::open(&ctx.paths.root)?;
    let image = image_for(
        &store,
        &args.image,
        PullPolicy::Missing,
        &Default::default(),
    )?;
    let labels = ImageConfig::read(&store, &image)?
        .defaults()
        .labels()
        .clone()
        .unwrap_or_default();
    let label = labels
        .get(&args.label)
        .or_else(|| labels.get(&args.label.to_uppercase()))
        .ok_or_else(|| {
            Failure::new(
                EXIT_ENGINE,
                format!(
                    "cannot find the value of label: {} in image: {}",
                    args.label, args.image
                ),
            )
        })?;
    let image_name = image.names.first().cloned().unwrap_or(image.id.clone());
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| short_name(&image_name).to_string());
    let pwd = std::env::current_dir()
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    let value = |variable: &str| match variable {
        "IMAGE" => image_name.clone(),
        "NAME" => name.clone(),
        "OPT1" => args.opt1.clone().unwrap_or_default(),
        "OPT2" => args.opt2.clone().unwrap_or_default(),
        "OPT3" => args.opt3.clone().unwrap_or_default(),
        "PWD" => pwd.clone(),
        // Nothing of the caller's environment goes into a command an image wrote.
        _ => String::new(),
    };
    let mut command = command_words(label, &value).map_err(|problem| {
        Failure::new(
            EXIT_ENGINE,
            format!("the label {} of {}: {problem}", args.label, args.image),
        )
    })?;
    command.extend(args.args.iter().cloned());
    let Some(program) = command.first_mut() else {
        return Err(Failure::new(
            EXIT_ENGINE,
            format!("the label {} of {} is empty", args.label, args.image),
        ));
    };
    let runs_engine = ENGINE_COMMANDS.contains(&program.as_str());
    if runs_engine {
        // As Podman names itself: the binary as it was invoked.
        *program = std::env::args().next().unwrap_or_else(|| "rcon".into());
    }
    if args.display || !args.quiet {
        println!("command: {}", command.join(" "));
    }
    if args.display {
        return Ok(0);
    }
    // `unshare` would run any host command the label names.
    if !runs_engine || command.iter().any(|w| w == "unshare") {
        return Err(Failure::new(
            EXIT_ENGINE,
            format!(
                "the label {} of {} runs a host command, not an rcon command: rcon runs only its own commands (no unshare) from an image's label",
                args.label, args.image
            ),
        ));
    }
    let exe = std::env::current_exe()
        .map_err(|e| Failure::new(EXIT_ENGINE, format!("finding the rcon binary: {e}")))?;
    let status = Command::new(exe)
        .args(&command[1..])
        .status()
        .map_err(|e| Failure::new(EXIT_ENGINE, format!("running {}: {e}", command.join(" "))))?;
    // A command killed by a signal: 128+N, as a shell reports it.
    Ok(status.code().unwrap_or_else(|| {
        128 + std::os::unix::process::ExitStatusExt::signal(&status).unwrap_or(0)
    }))
}

/// A label's words as Podman makes them: split as a shell would (quotes,
/// backslashes; variables kept), joined with spaces, `$VAR`/`${VAR}`
/// replaced by `value`, and split again — so a variable that is empty
/// leaves no word, and an `--optN` of several words gives several.
fn command_words(label: &str, value: &dyn Fn(&str) -> String) -> Result<Vec<String>, String> {
    let keep = |name: &str| Some(format!("${{{name}}}"));
    let joined = words::words(label, &keep, '\\')?.join(" ");
    let expanded = expand(&joined, value);
    // Quotes and backslashes in the values are read as the shell would; a
    // `$` in them stays.
    let literal = |name: &str| Some(format!("${name}"));
    words::words(&expanded, &literal, '\\')
}

/// `$NAME` and `${NAME}` in `text` replaced by `value(NAME)`; a lone `$` stays.
fn expand(text: &str, value: &dyn Fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '$' {
            out.push(c);
            continue;
        }
        let braced = chars.next_if_eq(&'{').is_some();
        let name: String =
            std::iter::from_fn(|| chars.next_if(|&c| c == '_' || c.is_ascii_alphanumeric()))
                .collect();
        if braced {
            chars.next_if_eq(&'}');
        }
        if name.is_empty() {
            out.push('$');
            if braced {
                out.push('{');
            }
        } else {
            out.push_str(&value(&name));
        }
    }
    out
}

/// An image name's last path component without its tag: what `$NAME`
/// defaults to (`localhost/tools/app:1` → `app`).
fn short_name(image: &str) -> &str {
    let path = image.split('@').next().unwrap_or(image);
    let last = path.rsplit('/').next().unwrap_or(path);
    last.split(':').next().unwrap_or(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(name: &str) -> String {
        match name {
            "IMAGE" => "localhost/app:latest".into(),
            "NAME" => "app".into(),
            "OPT2" => "-v /a:/b".into(),
            _ => String::new(),
        }
    }

    #[test]
    fn labels_become_words_as_podman_makes_them() {
        let words = command_words(
            r#"podman run --rm ${OPT1} -e NAME=${NAME} -e "X=a b" $IMAGE ${OPT2} /bin/install.sh"#,
            &values,
        )
        .unwrap();
        assert_eq!(
            words,
            [
                "podman",
                "run",
                "--rm",
                "-e",
                "NAME=app",
                "-e",
                "X=a",
                "b",
                "localhost/app:latest",
                "-v",
                "/a:/b",
                "/bin/install.sh"
            ]
        );
    }

    #[test]
    fn a_hostile_label_reaches_no_shell_and_no_environment() {
        let words =
            command_words("podman run x; rm -rf ~ $(id) `id` ${HOME} $PATH", &values).unwrap();
        assert_eq!(
            words,
            ["podman", "run", "x;", "rm", "-rf", "~", "$(id)", "`id`"]
        );
    }

    #[test]
    fn short_names() {
        assert_eq!(
            short_name("localhost/runlabel_image:latest"),
            "runlabel_image"
        );
        assert_eq!(short_name("127.0.0.1:5000/a/b:1"), "b");
        assert_eq!(short_name("plain"), "plain");
    }
}
