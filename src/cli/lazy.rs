//! A verb's flags, defined only when that verb is the one parsed.
//!
//! clap's derive builds every verb's flags (some 1,500 `Arg`s across 60
//! verbs and their sub-verbs) before it looks at the command line. That is
//! work and memory spent at every start on verbs the command does not use:
//! each verb's builder code is paged in from the binary and its `Arg`s are
//! allocated. [`Lazy`] hands a verb's builder to `Command::defer`, which clap
//! runs only when it parses, or prints the help of, that verb. The man
//! pages and completions need the whole tree: [`eager`] builds it as clap
//! would without deferring.

use std::sync::atomic::{AtomicBool, Ordering};

use clap::{ArgMatches, Args, Command, FromArgMatches, Subcommand};

/// Whether [`Lazy`] builds now instead of deferring: only inside [`eager`].
static EAGER: AtomicBool = AtomicBool::new(false);

/// Runs `build` with every verb's flags built as it asks for them, not
/// deferred: the tree is then exactly what the derive alone would make.
pub fn eager<R>(build: impl FnOnce() -> R) -> R {
    EAGER.store(true, Ordering::Relaxed);
    let built = build();
    EAGER.store(false, Ordering::Relaxed);
    built
}

/// Adds flags or sub-verbs with `augment`, now or when clap needs them.
fn defer(cmd: Command, augment: fn(Command) -> Command) -> Command {
    if EAGER.load(Ordering::Relaxed) {
        augment(cmd)
    } else {
        cmd.defer(augment)
    }
}

/// A verb's flags (an [`Args`]) or sub-verbs (a [`Subcommand`]), deferred.
#[derive(Debug)]
pub struct Lazy<T>(pub T);

impl<T: FromArgMatches> FromArgMatches for Lazy<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Lazy)
    }

    fn from_arg_matches_mut(matches: &mut ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches_mut(matches).map(Lazy)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }

    fn update_from_arg_matches_mut(&mut self, matches: &mut ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches_mut(matches)
    }
}

impl<T: Args> Args for Lazy<T> {
    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }

    fn augment_args(cmd: Command) -> Command {
        defer(cmd, |cmd| keep_about(cmd, T::augment_args))
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        defer(cmd, |cmd| keep_about(cmd, T::augment_args_for_update))
    }
}

/// Runs a deferred builder, keeping the description the verb already has.
/// The derive describes a verb after adding its flags, so the verb's doc
/// comment wins over its flag struct's; deferred, the flags come last.
fn keep_about(cmd: Command, augment: fn(Command) -> Command) -> Command {
    let about = cmd.get_about().cloned();
    let long_about = cmd.get_long_about().cloned();
    let cmd = augment(cmd);
    match (about, long_about) {
        (None, _) => cmd,
        (Some(about), None) => cmd.about(about).long_about(None),
        (Some(about), Some(long_about)) => cmd.about(about).long_about(long_about),
    }
}

impl<T: Subcommand> Subcommand for Lazy<T> {
    fn augment_subcommands(cmd: Command) -> Command {
        defer(cmd, T::augment_subcommands)
    }

    fn augment_subcommands_for_update(cmd: Command) -> Command {
        defer(cmd, T::augment_subcommands_for_update)
    }

    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}
