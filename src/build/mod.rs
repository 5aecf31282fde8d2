//! `rcon build`: images from a Containerfile, in-process, with rcon's own
//! runtime for RUN steps.
//!
//! Each stage starts from its base image (pulled per `--pull`, or an
//! earlier stage's image) and keeps the image config in memory. Every
//! instruction then ends in an image of its own (as Buildah's `--layers`):
//! RUN runs its command in a container of the current image (the same
//! create and foreground start as `rcon run`, so the same sandbox) and its
//! changes become a layer (`container::commit::changes_layer`, the layer
//! `commit` writes, whiteouts and opaque directories included); COPY and
//! ADD write the sources ([`sources`]) into a container made for them and
//! take its changes the same way; the other instructions change only the
//! config and add no layer. Intermediate containers are removed (`--rm`).
//!
//! **Cache.** Each step's image is recorded under a key: the previous
//! step's key, the instruction as expanded, the build args in scope and,
//! for COPY/ADD, a digest of every file read ([`sources::digest`]). A
//! rebuild with the same inputs finds the image stored and reuses it
//! (`--> Using cache ID`); a changed file changes its step's key and every
//! key after it. Keys live in `<root>/build-cache/KEY` (the image ID),
//! trusted only while that image is stored.

pub mod dockerfile;
pub mod ignore;
pub mod mounts;
pub mod remote;
pub mod sources;
pub mod words;

use std::collections::BTreeMap;
use std::fs;
use std::io::{Seek, Write};
use std::path::{Path, PathBuf};

use oci_spec::image::{Config, History};
use sha2::{Digest, Sha256};

use crate::container::OnSignal;
use crate::container::commit::changes_layer;
use crate::container::copy::extract_into;
use crate::container::lifecycle::Lifecycle;
use crate::container::plan::{CreateBasics, CreateFlags};
use crate::container::run::image_for;
use crate::container::store::ContainerRecord;
use crate::container::tty::DetachKeys;
use crate::container::{self, PullPolicy};
use crate::image::commit::{NewLayer, put_derived};
use crate::image::config::{self as image_config, ImageConfig};
use crate::image::{PullOptions, Reference};
use crate::process::SingleThreaded;
use crate::runtime::passwd;
use crate::storage::driver::Driver;
use crate::storage::extract::Root;
use crate::storage::store::{ImageRecord, Store};
use crate::util::exit::ExitCode;
use crate::util::time::{now_rfc3339, parse_duration, rfc3339_of};
use dockerfile::{Command, Dockerfile, Healthcheck, Heredoc, Instruction, Kind, Stage};
use ignore::Ignore;
use mounts::RunMount;
pub use mounts::Secret;
use sources::{Attributes, Tree};

/// What a build fails with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Syntax(#[from] dockerfile::SyntaxError),
    /// A step that could not be carried out (the step, then why).
    #[error("building at STEP \"{step}\": {reason}")]
    Step { step: String, reason: String },
    /// A RUN whose command failed; its exit code is the build's.
    #[error("building at STEP \"{step}\": while running runtime: exit status {code}")]
    Run { step: String, code: i32 },
    /// A RUN whose container the runtime refused to start (exit 1, as an
    /// OCI runtime's).
    #[error("building at STEP \"{step}\": while running runtime: {reason}")]
    Runtime { step: String, reason: String },
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Container(#[from] container::Error),
    #[error(transparent)]
    Image(#[from] crate::image::Error),
    #[error(transparent)]
    Store(#[from] crate::storage::store::Error),
}

impl ExitCode for Error {
    /// Podman's exit code: a failed RUN's own, else 125.
    fn exit_code(&self) -> i32 {
        match self {
            Error::Run { code, .. } => *code,
            Error::Runtime { .. } => 1,
            Error::Container(e) => e.exit_code(),
            _ => 125,
        }
    }
}

/// Everything `rcon build` was asked for.
#[derive(Debug, Clone, Default)]
pub struct BuildRequest {
    /// The Containerfile's text and the name to give it in errors.
    pub containerfile: String,
    pub containerfile_name: String,
    /// The context directory.
    pub context: PathBuf,
    /// `--ignorefile`; else the context's `.containerignore` or `.dockerignore`.
    pub ignorefile: Option<PathBuf>,
    /// `-t`: the first names the image in the output.
    pub tags: Vec<String>,
    /// `--build-arg NAME=VALUE`.
    pub build_args: BTreeMap<String, String>,
    pub target: Option<String>,
    pub no_cache: bool,
    pub layers: bool,
    pub pull: PullPolicy,
    pub pull_options: PullOptions,
    /// `--label`: set on the final image.
    pub labels: Vec<(String, String)>,
    /// `--rm`: intermediate containers removed.
    pub remove: bool,
    /// `--timestamp` (or `SOURCE_DATE_EPOCH`): seconds since the epoch for
    /// every time the images record (created, history, each file in the
    /// new layers), so the same inputs give the same image ID.
    pub timestamp: Option<u64>,
    /// What every RUN container gets (`--network`, `--ulimit`,
    /// `--security-opt`, `-v`, `--dns`…), as `rcon run`'s flags.
    pub run_flags: CreateFlags,
    /// `--secret`: what RUN `--mount=type=secret` can mount.
    pub secrets: Vec<Secret>,
    /// `--runtime-flag`: checked when a RUN starts its container.
    pub runtime_flags: Vec<String>,
    /// `-o`: the final image's files, written out too.
    pub output: Option<Output>,
    pub quiet: bool,
    /// As [`driver::choose`](crate::storage::driver::choose) made it.
    pub storage_driver: Driver,
    /// The namespace has a single-ID mapping: every file is root's.
    pub squash_owners: bool,
    pub rootful: bool,
}

/// ARGs Docker defines without an ARG line (usable in RUN when given).
const PREDEFINED_ARGS: &[&str] = &[
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "FTP_PROXY",
    "ftp_proxy",
    "NO_PROXY",
    "no_proxy",
    "ALL_PROXY",
    "all_proxy",
];

/// Builds the image; returns it.
pub fn build(
    store: &Store,
    runroot: &Path,
    request: &BuildRequest,
    single: &SingleThreaded,
) -> Result<ImageRecord, Error> {
    let file = dockerfile::parse(&request.containerfile_name, &request.containerfile)?;
    let names = request
        .tags
        .iter()
        .map(|tag| Ok(Reference::parse(tag)?.normalized_for_tag()?.to_string()))
        .collect::<Result<Vec<String>, crate::image::Error>>()?;
    let last = match &request.target {
        None => file.stages.len() - 1,
        Some(target) => file
            .stages
            .iter()
            .position(|s| s.name() == Some(target))
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "the target stage {target:?} is not in the Containerfile"
                ))
            })?,
    };
    let ignore = read_ignore(&request.context, request.ignorefile.as_deref())?;
    let context = Root::open(&request.context).map_err(|e| {
        Error::Invalid(format!(
            "opening the build context {}: {e}",
            request.context.display()
        ))
    })?;
    let lifecycle = Lifecycle::open(store, runroot)?;
    sweep_attached(runroot);
    let mut builder = Builder {
        single,
        store,
        lifecycle: &lifecycle,
        request,
        file: &file,
        context: &context,
        ignore: &ignore,
        built: Vec::new(),
        names,
    };
    for index in 0..=last {
        let image = builder.stage(index, index == last)?;
        builder.built.push(image);
    }
    let image = builder.built.pop().expect("one stage at least");
    if let Some(output) = &request.output {
        builder.write_output(&image, output)?;
    }
    Ok(image)
}

/// `-o`/`--output`: where the built image's files go besides the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// `type=local,dest=DIR` (or `DIR`): the files, in a directory.
    Local(PathBuf),
    /// `type=tar,dest=FILE`: the files as a tar archive.
    Tar(PathBuf),
}

impl Output {
    /// Podman's `-o` forms: `type=local|tar,dest=PATH`, or a directory alone.
    pub fn parse(spec: &str) -> Result<Output, String> {
        if !spec.contains('=') {
            return Ok(Output::Local(PathBuf::from(spec)));
        }
        let mut kind = None;
        let mut dest = None;
        for field in spec.split(',') {
            match field.split_once('=') {
                Some(("type", value)) => kind = Some(value),
                Some(("dest", value)) => dest = Some(PathBuf::from(value)),
                _ => {
                    return Err(format!(
                        "-o {spec}: unknown field {field:?}: give type=local|tar,dest=PATH"
                    ));
                }
            }
        }
        let dest = dest
            .filter(|d| d.as_os_str() != "-")
            .ok_or_else(|| format!("-o {spec}: give dest=PATH (a directory, or a file for tar)"))?;
        match kind {
            None | Some("local") => Ok(Output::Local(dest)),
            Some("tar") => Ok(Output::Tar(dest)),
            Some(other) => Err(format!("-o {spec}: type={other}: use local or tar")),
        }
    }
}

fn read_ignore(context: &Path, file: Option<&Path>) -> Result<Ignore, Error> {
    if let Some(file) = file {
        let text = fs::read_to_string(file).map_err(|e| {
            Error::Invalid(format!("reading the ignore file {}: {e}", file.display()))
        })?;
        return Ignore::parse(&text)
            .map_err(|e| Error::Invalid(format!("{}: {e}", file.display())));
    }
    for name in [".containerignore", ".dockerignore"] {
        match fs::read_to_string(context.join(name)) {
            Ok(text) => {
                return Ignore::parse(&text).map_err(|e| Error::Invalid(format!("{name}: {e}")));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(Error::Invalid(format!("reading {name}: {e}"))),
        }
    }
    Ok(Ignore::default())
}

/// What a COPY or ADD writes: paths in its tree, here-documents, and the
/// files ADD fetched.
struct CopySources<'s> {
    paths: &'s [String],
    inline: &'s [Heredoc],
    fetched: &'s [remote::Fetched],
}

struct Builder<'a> {
    store: &'a Store,
    /// RUN and COPY steps fork (containers, FUSE servers).
    single: &'a SingleThreaded,
    lifecycle: &'a Lifecycle<'a>,
    request: &'a BuildRequest,
    file: &'a Dockerfile,
    context: &'a Root,
    ignore: &'a Ignore,
    /// The image of each stage built so far.
    built: Vec<ImageRecord>,
    /// The final image's names.
    names: Vec<String>,
}

/// A stage's or an image's files, shown at `path` while a RUN step binds
/// from them.
struct Attached<'b> {
    /// The `from=` it is for.
    name: String,
    /// Its files, opened at `path` (so the paths resolved in it are there).
    root: Option<Root>,
    path: PathBuf,
    /// What holds them (a detached mount, a FUSE server).
    files: Option<container::files::Files>,
    /// The container whose files they are (never started).
    record: ContainerRecord,
    builder: &'b Builder<'b>,
}

impl Drop for Attached<'_> {
    fn drop(&mut self) {
        self.root = None;
        if self.files.take().is_some() {
            if let Err(e) = nix::mount::umount2(&self.path, nix::mount::MntFlags::MNT_DETACH) {
                log::warn!("unmounting {}: {e}", self.path.display());
            }
        }
        let _ = fs::remove_dir(&self.path);
        self.builder.remove(&self.record);
    }
}

/// A stage being built.
struct State {
    /// The last image made.
    image: ImageRecord,
    /// Its config, as it will be stored.
    config: ImageConfig,
    /// The cache key of the last step.
    key: String,
    /// ARGs in scope and their values (`None`: declared, no value).
    args: BTreeMap<String, Option<String>>,
}

impl State {
    fn env(&self) -> Vec<String> {
        self.config.defaults().env().clone().unwrap_or_default()
    }

    /// A variable's value: ENV first, then ARG.
    fn lookup(&self, name: &str) -> Option<String> {
        self.env()
            .iter()
            .find_map(|e| e.strip_prefix(name).and_then(|rest| rest.strip_prefix('=')))
            .map(str::to_string)
            .or_else(|| self.args.get(name).cloned().flatten())
    }

    fn working_dir(&self) -> String {
        self.config
            .defaults()
            .working_dir()
            .clone()
            .unwrap_or_default()
    }

    fn user(&self) -> String {
        self.config.defaults().user().clone().unwrap_or_default()
    }

    /// A command's argv: exec form as it is, shell form through the shell.
    fn argv(&self, command: &Command) -> Vec<String> {
        match command {
            Command::Exec(argv) => argv.clone(),
            Command::Shell(line) => {
                let mut argv = self.shell();
                argv.push(line.clone());
                argv
            }
        }
    }

    fn shell(&self) -> Vec<String> {
        (self.config.docker.shell.clone()).unwrap_or_else(|| vec!["/bin/sh".into(), "-c".into()])
    }
}

impl Builder<'_> {
    fn say(&self, line: std::fmt::Arguments) {
        if !self.request.quiet {
            println!("{line}");
            let _ = std::io::stdout().flush();
        }
    }

    /// Builds stage `index`; `last`: the image the build is for.
    fn stage(&mut self, index: usize, last: bool) -> Result<ImageRecord, Error> {
        let stage: &Stage = &self.file.stages[index];
        let prefix = if self.file.stages.len() > 1 {
            format!("[{}/{}] ", index + 1, self.file.stages.len())
        } else {
            String::new()
        };
        let steps = stage.instructions.len() + 1;
        self.say(format_args!("{prefix}STEP 1/{steps}: {}", stage.from.text));
        let mut state = self.from(stage)?;
        let mut triggers: Vec<Instruction> = Vec::new();
        for text in state.config.docker.on_build.clone().unwrap_or_default() {
            let kind =
                dockerfile::parse_instruction(&text, self.file.escape).map_err(|reason| {
                    Error::Step {
                        step: format!("ONBUILD {text}"),
                        reason,
                    }
                })?;
            triggers.push(Instruction {
                line: stage.from.line,
                text,
                kind,
            });
        }
        if !triggers.is_empty() {
            // Triggers run once, in the image built on the one that has them.
            state.config.docker.on_build = None;
        }
        for instruction in &triggers {
            self.step(&mut state, instruction)?;
        }
        let count = stage.instructions.len();
        for (n, instruction) in stage.instructions.iter().enumerate() {
            self.say(format_args!(
                "{prefix}STEP {}/{steps}: {}",
                n + 2,
                instruction.text
            ));
            let final_step = last && n + 1 == count;
            if final_step {
                self.final_settings(&mut state);
            }
            let reused = self.step(&mut state, instruction)?;
            if final_step && !reused {
                self.say(format_args!(
                    "COMMIT {}",
                    self.request.tags.first().map_or("", String::as_str)
                ));
            }
            self.say(format_args!("--> {}", &state.image.id[..11]));
        }
        if last && count == 0 {
            // Only a FROM: the base image, with the build's labels and names.
            self.final_settings(&mut state);
            self.say(format_args!(
                "COMMIT {}",
                self.request.tags.first().map_or("", String::as_str)
            ));
            let key = cache_key(&[&state.key, "FROM-only"]);
            self.commit(&mut state, None, "", key)?;
            self.say(format_args!("--> {}", &state.image.id[..11]));
        }
        if last {
            self.name(&mut state)?;
        }
        Ok(state.image)
    }

    /// `--label`s go into the config of the final step.
    fn final_settings(&self, state: &mut State) {
        for (key, value) in &self.request.labels {
            set_label(&mut state.config, key, value);
        }
    }

    /// Gives the final image its names.
    fn name(&self, state: &mut State) -> Result<(), Error> {
        for name in &self.names {
            crate::image::local::tag(self.store, &state.image.id, name)?;
            self.say(format_args!("Successfully tagged {name}"));
        }
        if !self.names.is_empty() {
            state.image = self.store.image_by_id(&state.image.id)?;
        }
        Ok(())
    }

    fn from(&self, stage: &Stage) -> Result<State, Error> {
        let Kind::From {
            image, platform, ..
        } = &stage.from.kind
        else {
            unreachable!("a stage begins with FROM");
        };
        let step = || stage.from.text.clone();
        let meta: BTreeMap<String, Option<String>> = self
            .file
            .meta_args
            .iter()
            .map(|(name, default)| {
                let value = self
                    .request
                    .build_args
                    .get(name)
                    .cloned()
                    .or_else(|| default.clone());
                (name.clone(), value)
            })
            .collect();
        let lookup = |name: &str| meta.get(name).cloned().flatten();
        let name = words::word(image, &lookup, self.file.escape).map_err(|reason| Error::Step {
            step: step(),
            reason,
        })?;
        if let Some(platform) = platform {
            let host = format!("linux/{}", host_arch());
            if !platform.starts_with(&host) && !platform.contains('$') {
                return Err(Error::Step {
                    step: step(),
                    reason: format!(
                        "--platform={platform}: rcon builds for this host's platform only ({host})"
                    ),
                });
            }
        }
        let earlier = self
            .file
            .stages
            .iter()
            .take(self.built.len())
            .position(|s| s.name() == Some(name.as_str()));
        let base = match (earlier, name.as_str()) {
            (Some(index), _) => self.built[index].clone(),
            (None, "scratch") => return self.scratch(),
            (None, _) => {
                image_for(
                    self.store,
                    &name,
                    self.request.pull,
                    &self.request.pull_options,
                )
                .map_err(|e| match e {
                    // Podman's words, which scripts look for.
                    container::Error::ImageNotLocal(_) => {
                        Error::Invalid(format!("creating build container: {name}: image not known"))
                    }
                    other => other.into(),
                })?
            }
        };
        Ok(State {
            key: self.first_key(&base.id),
            config: ImageConfig::read(self.store, &base)?,
            image: base,
            args: BTreeMap::new(),
        })
    }

    /// The cache key a stage starts from: its base, and the fixed time
    /// (images made with another time are other images).
    fn first_key(&self, base: &str) -> String {
        match self.request.timestamp {
            None => cache_key(&[base]),
            Some(seconds) => cache_key(&[base, &format!("timestamp={seconds}")]),
        }
    }

    /// A stage `FROM scratch`: no layer, a config of the host's platform
    /// and nothing else, stored so that the steps' containers have an
    /// image to start from.
    fn scratch(&self) -> Result<State, Error> {
        let mut oci = oci_spec::image::ImageConfiguration::default();
        oci.set_architecture(oci_spec::image::Arch::from(host_arch()))
            .set_os(oci_spec::image::Os::Linux);
        let mut state = State {
            image: ImageRecord {
                id: String::new(),
                digest: String::new(),
                manifest_media_type: String::new(),
                names: Vec::new(),
                repo_digests: Vec::new(),
                layers: Vec::new(),
                created: None,
                stored: String::new(),
                architecture: host_arch().to_string(),
                os: "linux".into(),
                size: 0,
                names_history: Vec::new(),
            },
            config: ImageConfig {
                oci,
                docker: Default::default(),
            },
            key: String::new(),
            args: BTreeMap::new(),
        };
        self.commit(&mut state, None, "", self.first_key("scratch"))?;
        Ok(state)
    }

    /// Carries out one instruction; returns whether a cached image was used.
    fn step(&self, state: &mut State, instruction: &Instruction) -> Result<bool, Error> {
        let fail = |reason: String| Error::Step {
            step: instruction.text.clone(),
            reason,
        };
        let escape = self.file.escape;
        let expand = |state: &State, text: &str| {
            words::word(text, &|name| state.lookup(name), escape).map_err(fail)
        };
        let config_step =
            |state: &mut State, change: &dyn Fn(&mut ImageConfig)| -> Result<bool, Error> {
                let key = cache_key(&[&state.key, &instruction.text, &args_text(state)]);
                change(&mut state.config);
                let created_by = format!("/bin/sh -c #(nop) {}", instruction.text);
                self.commit_cached(state, &created_by, key)
            };
        match &instruction.kind {
            Kind::From { .. } => unreachable!("FROM begins a stage"),
            Kind::Run {
                command,
                network,
                mounts,
            } => {
                let workdir = state.working_dir();
                let mounts = mounts
                    .iter()
                    .map(|spec| {
                        let spec = expand(state, spec)?;
                        RunMount::parse(&spec, if workdir.is_empty() { "/" } else { &workdir })
                            .map_err(fail)
                    })
                    .collect::<Result<Vec<_>, Error>>()?;
                let argv = state.argv(command);
                let bound = self.bound_images(&mounts)?;
                // What the container is given (limits, seccomp, network,
                // volumes, the images it binds) can change what the
                // command makes.
                let mut parts = vec![
                    state.key.clone(),
                    instruction.text.clone(),
                    args_text(state),
                    format!("{:?}", self.request.run_flags),
                ];
                if !bound.is_empty() {
                    parts.push(format!("{bound:?}"));
                }
                let key = cache_key(&parts.iter().map(String::as_str).collect::<Vec<_>>());
                if let Some(hit) = self.cached(&key)? {
                    return self.reuse(state, hit, key);
                }
                crate::config::check_runtime_flags(&self.request.runtime_flags).map_err(
                    |reason| Error::Runtime {
                        step: instruction.text.clone(),
                        reason,
                    },
                )?;
                let attached = bound
                    .iter()
                    .map(|(name, id)| self.attach(name, id))
                    .collect::<Result<Vec<_>, Error>>()?;
                let prepared = mounts::prepare(
                    &mounts,
                    &mounts::Sources {
                        context: self.context,
                        images: (attached.iter())
                            .filter_map(|a| Some((a.name.as_str(), a.root.as_ref()?)))
                            .collect(),
                        secrets: &self.request.secrets,
                        caches: self.store.root().join("build-cache-mounts"),
                        scratch: self.store.root().join("tmp"),
                    },
                )
                .map_err(fail)?;
                let record = self.container(
                    state,
                    argv.clone(),
                    network.clone(),
                    prepared.mounts.clone(),
                    prepared.tmpfs.clone(),
                )?;
                let targets: Vec<&str> = mounts.iter().map(RunMount::target).collect();
                let result = self.absent(&record, &targets).and_then(|absent| {
                    self.run(&record, instruction)?;
                    drop(prepared);
                    self.remove_mount_points(&record, &absent)
                });
                let layer = result.and_then(|()| {
                    Ok(changes_layer(
                        self.lifecycle,
                        &record,
                        self.request.timestamp,
                    )?)
                });
                let result = layer.and_then(|layer| {
                    let created_by = match command {
                        Command::Exec(argv) => format!("/bin/sh -c #(nop) RUN {argv:?}"),
                        Command::Shell(line) => format!("{} {line}", state.shell().join(" ")),
                    };
                    self.commit(state, Some(&layer), &created_by, key)
                });
                // A failed (or interrupted) step's container goes even
                // with --rm=false, as Podman's.
                if result.is_err() {
                    self.discard(&record);
                } else {
                    self.remove(&record);
                }
                drop(attached);
                result.map(|()| false)
            }
            Kind::Copy {
                add,
                sources,
                dest,
                from,
                chown,
                chmod,
                checksum,
                inline,
            } => self.copy(
                state,
                instruction,
                *add,
                (sources, inline),
                dest,
                from.as_deref(),
                chown.as_deref(),
                (chmod.as_deref(), checksum.as_deref()),
            ),
            Kind::Env(pairs) => {
                // Every value sees the variables as they were before the line.
                let mut values = Vec::new();
                for (name, value) in pairs {
                    values.push((name.clone(), expand(state, value)?));
                }
                config_step(state, &|config| {
                    for (name, value) in &values {
                        set_env(config, name, value);
                    }
                })
            }
            Kind::Arg(args) => {
                for (name, default) in args {
                    let value = match (self.request.build_args.get(name), default) {
                        (Some(given), _) => Some(given.clone()),
                        (None, Some(default)) => Some(expand(state, default)?),
                        (None, None) => self
                            .file
                            .meta_args
                            .iter()
                            .find(|(meta, _)| meta == name)
                            .and_then(|_| self.request.build_args.get(name).cloned())
                            .or_else(|| {
                                self.file
                                    .meta_args
                                    .iter()
                                    .find(|(m, _)| m == name)
                                    .and_then(|(_, d)| d.clone())
                            })
                            .or_else(|| platform_arg(name)),
                    };
                    state.args.insert(name.clone(), value);
                }
                config_step(state, &|_| {})
            }
            Kind::Label(pairs) => {
                let mut values = Vec::new();
                for (key, value) in pairs {
                    values.push((expand(state, key)?, expand(state, value)?));
                }
                config_step(state, &|config| {
                    for (key, value) in &values {
                        set_label(config, key, value);
                    }
                })
            }
            Kind::Workdir(dir) => {
                let dir = expand(state, dir)?;
                let dir = if dir.starts_with('/') {
                    dir
                } else {
                    format!("{}/{dir}", state.working_dir().trim_end_matches('/'))
                };
                config_step(state, &|config| {
                    edit_defaults(config, |d| {
                        d.set_working_dir(Some(dir.clone()));
                    });
                })
            }
            Kind::User(user) => {
                let user = expand(state, user)?;
                config_step(state, &|config| {
                    edit_defaults(config, |d| {
                        d.set_user(Some(user.clone()));
                    });
                })
            }
            Kind::StopSignal(signal) => {
                let signal = expand(state, signal)?;
                config_step(state, &|config| {
                    edit_defaults(config, |d| {
                        d.set_stop_signal(Some(signal.clone()));
                    });
                })
            }
            Kind::Expose(ports) => {
                let ports =
                    words::words(ports, &|name| state.lookup(name), escape).map_err(fail)?;
                config_step(state, &|config| {
                    for port in &ports {
                        let port = if port.contains('/') {
                            port.clone()
                        } else {
                            format!("{port}/tcp")
                        };
                        edit_defaults(config, |d| {
                            d.set_exposed_ports(with_once(d.exposed_ports(), port));
                        });
                    }
                })
            }
            Kind::Volume(volumes) => {
                let mut paths = Vec::new();
                for volume in volumes {
                    paths.push(expand(state, volume)?);
                }
                config_step(state, &|config| {
                    for path in &paths {
                        edit_defaults(config, |d| {
                            d.set_volumes(with_once(d.volumes(), path.clone()));
                        });
                    }
                })
            }
            Kind::Entrypoint(command) | Kind::Cmd(command) => {
                let is_cmd = matches!(instruction.kind, Kind::Cmd(_));
                let argv = state.argv(command);
                config_step(state, &|config| {
                    edit_defaults(config, |d| {
                        if is_cmd {
                            d.set_cmd(Some(argv.clone()));
                        } else {
                            d.set_entrypoint(Some(argv.clone()));
                        }
                    });
                })
            }
            Kind::Shell(shell) => {
                config_step(state, &|config| config.docker.shell = Some(shell.clone()))
            }
            Kind::Healthcheck(check) => {
                let value = healthcheck(check);
                config_step(state, &|config| {
                    config.docker.healthcheck = Some(value.clone())
                })
            }
            Kind::Onbuild(trigger) => config_step(state, &|config| {
                (config.docker.on_build.get_or_insert_default()).push(trigger.clone());
            }),
            Kind::Maintainer(name) => {
                let name = expand(state, name)?;
                config_step(state, &|config| {
                    config.oci.set_author(Some(name.clone()));
                })
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn copy(
        &self,
        state: &mut State,
        instruction: &Instruction,
        add: bool,
        (sources, inline): (&[String], &[Heredoc]),
        dest: &str,
        from: Option<&str>,
        chown: Option<&str>,
        (chmod, checksum): (Option<&str>, Option<&str>),
    ) -> Result<bool, Error> {
        let fail = |reason: String| Error::Step {
            step: instruction.text.clone(),
            reason,
        };
        let escape = self.file.escape;
        let lookup = |name: &str| state.lookup(name);
        let expand = |text: &str| words::word(text, &lookup, escape).map_err(fail);
        let mut paths = Vec::new();
        let mut urls = Vec::new();
        for source in sources {
            let source = expand(source)?;
            match (source.contains("://"), add) {
                (true, true) if from.is_none() => urls.push(source),
                (true, _) => {
                    let verb = if add { "ADD --from" } else { "COPY" };
                    return Err(fail(format!("source can't be a URL for {verb}")));
                }
                (false, _) => paths.push(source),
            }
        }
        let checksum = checksum
            .map(|text| remote::Checksum::parse(&expand(text)?).map_err(fail))
            .transpose()?;
        if checksum.is_some() && (urls.len() != 1 || !paths.is_empty()) {
            return Err(fail(
                "--checksum is for ADD of one http(s) URL source: give the URL alone".into(),
            ));
        }
        // Fetched (and checked) before anything is made for the step.
        let scratch = self.store.root().join("tmp");
        let fetched = urls
            .iter()
            .map(|url| remote::fetch(url, &scratch, checksum.as_ref()).map_err(fail))
            .collect::<Result<Vec<_>, Error>>()?;
        let dest = expand(dest)?;
        let dest = if dest.starts_with('/') {
            dest
        } else {
            let workdir = state.working_dir();
            let slash = if dest.ends_with('/') || dest == "." {
                "/"
            } else {
                ""
            };
            format!(
                "{}/{}{slash}",
                workdir.trim_end_matches('/'),
                dest.trim_end_matches('/')
            )
        };
        let mode = chmod
            .map(|m| {
                u32::from_str_radix(m, 8)
                    .map_err(|_| fail(format!("--chmod={m}: give an octal mode")))
            })
            .transpose()?;
        // The tree the sources are read from: the context, or a stage's or
        // an image's files through a container made from it.
        let from_record = match from {
            None => None,
            Some(from) => {
                let from = expand(from)?;
                let image = self.source_image(&from)?;
                Some(self.files_container(&image.id)?)
            }
        };
        let result = self.copy_from(
            state,
            instruction,
            CopySources {
                paths: &paths,
                inline,
                fetched: &fetched,
            },
            &dest,
            from_record.as_ref(),
            add,
            chown,
            mode,
        );
        if let Some(record) = &from_record {
            self.remove(record);
        }
        result
    }

    #[allow(clippy::too_many_arguments)]
    fn copy_from(
        &self,
        state: &mut State,
        instruction: &Instruction,
        CopySources {
            paths,
            inline,
            fetched,
        }: CopySources,
        dest: &str,
        from: Option<&ContainerRecord>,
        add: bool,
        chown: Option<&str>,
        mode: Option<u32>,
    ) -> Result<bool, Error> {
        let fail = |reason: String| Error::Step {
            step: instruction.text.clone(),
            reason,
        };
        let _files;
        let from_root;
        let tree = match from {
            None => Tree {
                root: self.context,
                ignore: Some(self.ignore),
                unpack: add,
            },
            Some(record) => {
                (_files, from_root) = self.files(record, container::files::Access::Snapshot)?;
                Tree {
                    root: &from_root,
                    ignore: None,
                    unpack: false,
                }
            }
        };
        // Owners need the image's passwd and group files: looked up in the
        // container the files go into, before anything is written.
        let record = self.files_container(&state.image.id)?;
        let result = (|| {
            let mut attributes = Attributes {
                owner: (0, 0),
                mode,
            };
            let mut entries = Vec::new();
            let mut parents = Vec::new();
            let mut key = String::new();
            extract_into(
                self.lifecycle,
                &record,
                !self.request.squash_owners,
                |root| {
                    if let Some(chown) = chown {
                        let chown =
                            words::word(chown, &|name| state.lookup(name), self.file.escape)
                                .map_err(container::Error::Invalid)?;
                        attributes.owner =
                            owner(root, &chown).map_err(container::Error::Invalid)?;
                    }
                    let dest_is_dir = root.open_path(Path::new(dest)).is_ok();
                    entries = tree
                        .entries(paths, dest, dest_is_dir)
                        .map_err(container::Error::Invalid)?;
                    let count = paths.len() + inline.len() + fetched.len();
                    let into_dir = dest_is_dir || dest.ends_with('/') || count > 1;
                    if count > 1 && !dest_is_dir && !dest.ends_with('/') {
                        return Err(container::Error::Invalid(format!(
                            "{dest}: when copying more than one source the destination must be a directory ending in /"
                        )));
                    }
                    let at = |name: &str| {
                        ignore::clean(&if into_dir {
                            format!("{}/{name}", ignore::clean(dest))
                        } else {
                            ignore::clean(dest)
                        })
                    };
                    for doc in inline {
                        entries.push(sources::Entry::data(
                            at(&doc.name),
                            doc.body.clone().into_bytes(),
                        ));
                    }
                    for file in fetched {
                        entries.push(sources::Entry::downloaded(at(&file.name), file));
                    }
                    parents =
                        missing_parents(root, dest, dest_is_dir || dest.ends_with('/'), &entries);
                    let digest = sources::digest(&entries, attributes).map_err(|e| {
                        container::Error::Invalid(format!("reading the sources: {e}"))
                    })?;
                    key = cache_key(&[&state.key, &instruction.text, &args_text(state), &digest]);
                    let scratch = self.store.root().join("tmp");
                    let mut tar = sources::scratch_file(&scratch).map_err(|e| {
                        container::Error::Invalid(format!("writing the sources: {e}"))
                    })?;
                    if self.cached(&key).ok().flatten().is_none() {
                        sources::write_tar(&mut tar, &parents, &entries, attributes, &scratch)
                            .map_err(|e| {
                                container::Error::Invalid(format!("reading the sources: {e}"))
                            })?;
                    } else {
                        tar::Builder::new(&mut tar)
                            .finish()
                            .map_err(|e| container::Error::Invalid(e.to_string()))?;
                    }
                    tar.rewind()
                        .map_err(|e| container::Error::Invalid(e.to_string()))?;
                    Ok(tar)
                },
                self.single,
            )
            .map_err(|e| match e {
                container::Error::Invalid(reason) => fail(reason),
                other => Error::Container(other),
            })?;
            if let Some(hit) = self.cached(&key)? {
                return self.reuse(state, hit, key);
            }
            let layer = changes_layer(self.lifecycle, &record, self.request.timestamp)?;
            let created_by = format!("/bin/sh -c #(nop) {}", instruction.text);
            self.commit(state, Some(&layer), &created_by, key)
                .map(|()| false)
        })();
        self.remove(&record);
        result
    }

    /// Writes the files of `image` where `-o` says: a tar of them, or them
    /// unpacked in a directory (every file the user's: they are theirs now).
    fn write_output(&self, image: &ImageRecord, output: &Output) -> Result<(), Error> {
        let record = self.files_container(&image.id)?;
        let written = (|| match output {
            Output::Tar(path) => {
                let file = fs::File::create(path)
                    .map_err(|e| Error::Invalid(format!("-o: writing {}: {e}", path.display())))?;
                container::files::export(self.lifecycle, &record, file, self.single)?
                    .sync_all()
                    .map_err(|e| Error::Invalid(format!("-o: writing {}: {e}", path.display())))
            }
            Output::Local(dir) => {
                let fail = |e: &dyn std::fmt::Display| {
                    Error::Invalid(format!("-o: writing into {}: {e}", dir.display()))
                };
                fs::create_dir_all(dir).map_err(|e| fail(&e))?;
                let scratch = self.store.root().join("tmp");
                let mut tar = sources::scratch_file(&scratch).map_err(|e| fail(&e))?;
                container::files::export(self.lifecycle, &record, &mut tar, self.single)?;
                tar.rewind().map_err(|e| fail(&e))?;
                let root = fs::File::open(dir).map_err(|e| fail(&e))?;
                let squash = crate::storage::extract::ExtractOptions {
                    ownership: crate::storage::extract::Ownership::Squash,
                };
                crate::storage::extract::extract_plain(tar, root, Path::new(""), &squash)
                    .map(drop)
                    .map_err(|e| fail(&e))
            }
        })();
        self.remove(&record);
        written
    }

    /// The stages and images that `--mount=type=bind,from=` names, each
    /// once: (the name as given, the image ID).
    fn bound_images(&self, mounts: &[RunMount]) -> Result<Vec<(String, String)>, Error> {
        let mut bound: Vec<(String, String)> = Vec::new();
        for mount in mounts {
            if let RunMount::Bind {
                from: Some(from), ..
            } = mount
            {
                if !bound.iter().any(|(name, _)| name == from) {
                    bound.push((from.clone(), self.source_image(from)?.id));
                }
            }
        }
        Ok(bound)
    }

    /// The files of image `id` shown read-only at a path of their own
    /// (`<runroot>/build-mounts/PID-CONTAINER`) for a step's bind mounts;
    /// taken away again when the value is dropped.
    fn attach(&self, name: &str, id: &str) -> Result<Attached<'_>, Error> {
        let record = self.files_container(id)?;
        let mut attached = Attached {
            name: name.to_string(),
            root: None,
            path: self.lifecycle.runroot().join("build-mounts").join(format!(
                "{}-{}",
                std::process::id(),
                record.id
            )),
            files: None,
            record,
            builder: self,
        };
        let fail = |what: &str, e: &dyn std::fmt::Display| {
            Error::Invalid(format!("--mount from={name}: {what}: {e}"))
        };
        fs::create_dir_all(&attached.path).map_err(|e| fail("making its mount point", &e))?;
        let (files, _) = self.files(&attached.record, container::files::Access::Snapshot)?;
        files
            .attach_read_only(&attached.path)
            .map_err(|e| fail("mounting its files", &e))?;
        attached.files = Some(files);
        attached.root =
            Some(Root::open(&attached.path).map_err(|e| fail("opening its files", &e))?);
        Ok(attached)
    }

    /// The image a `--from` names: an earlier stage (by name or number) or an image.
    fn source_image(&self, from: &str) -> Result<ImageRecord, Error> {
        let stages = &self.file.stages[..self.built.len()];
        if let Some(index) = stages.iter().position(|s| s.name() == Some(from)) {
            return Ok(self.built[index].clone());
        }
        if let Ok(index) = from.parse::<usize>() {
            return self.built.get(index).cloned().ok_or_else(|| {
                Error::Invalid(format!("--from={from}: no such stage before this one"))
            });
        }
        Ok(image_for(
            self.store,
            from,
            self.request.pull,
            &self.request.pull_options,
        )?)
    }

    /// A container of `image` for a step (not started): `flags` with the
    /// step's command, environment, user and working directory.
    fn create(
        &self,
        image: &str,
        flags: CreateFlags,
        command: Vec<String>,
        env: &[String],
        user: Option<String>,
        workdir: Option<String>,
    ) -> Result<ContainerRecord, Error> {
        // Through the one parser of run/create flags, as a user's would go.
        let request = CreateFlags {
            basics: CreateBasics {
                image: image.to_string(),
                command: if command.is_empty() {
                    vec!["/bin/sh".into()]
                } else {
                    command
                },
                user,
                workdir,
                pull: PullPolicy::Never,
                storage_driver: self.request.storage_driver,
                rootful: self.request.rootful,
                ..flags.basics
            },
            entrypoint: Some(String::new()),
            env: env.to_vec(),
            // Steps write to the image's VOLUME paths as to any other (as
            // before VOLUMEs became volumes at run): no volume per step.
            image_volume: Some("ignore".into()),
            ..flags
        }
        .parse()?;
        Ok(container::create(self.store, &request)?)
    }

    /// A container for COPY or ADD to write into (never started).
    fn files_container(&self, image: &str) -> Result<ContainerRecord, Error> {
        self.create(image, CreateFlags::default(), Vec::new(), &[], None, None)
    }

    /// The container a RUN step runs in: the build's RUN flags, the step's
    /// network and mounts.
    fn container(
        &self,
        state: &State,
        argv: Vec<String>,
        network: Option<String>,
        mounts: Vec<String>,
        tmpfs: Vec<String>,
    ) -> Result<ContainerRecord, Error> {
        let mut env = state.env();
        for (name, value) in &state.args {
            let Some(value) = value else { continue };
            if !env
                .iter()
                .any(|e| e.split_once('=').is_some_and(|(k, _)| k == name))
            {
                env.push(format!("{name}={value}"));
            }
        }
        for name in PREDEFINED_ARGS {
            if let Some(value) = self.request.build_args.get(*name) {
                env.push(format!("{name}={value}"));
            }
        }
        let user = Some(state.user()).filter(|u| !u.is_empty());
        let workdir = Some(state.working_dir()).filter(|w| !w.is_empty());
        let mut flags = self.request.run_flags.clone();
        if let Some(network) = network {
            flags.network = network;
        }
        flags.mounts.extend(mounts);
        flags.tmpfs.extend(tmpfs);
        self.create(&state.image.id, flags, argv, &env, user, workdir)
    }

    /// The files of `record` (mounted while the first value lives) as a root
    /// that paths resolve inside.
    fn files(
        &self,
        record: &ContainerRecord,
        access: container::files::Access,
    ) -> Result<(container::files::Files, Root), Error> {
        let files = container::files::open(self.lifecycle, record, access, self.single)?;
        let root = files
            .root()
            .try_clone()
            .and_then(|dir| Root::with_dir(dir, false))
            .map_err(|e| Error::Invalid(format!("opening the files of {}: {e}", record.name)))?;
        Ok((files, root))
    }

    /// The paths among `targets` and their ancestors that the image of
    /// the (not yet started) `record` lacks, parents first: the mount
    /// points its start will make.
    fn absent(&self, record: &ContainerRecord, targets: &[&str]) -> Result<Vec<String>, Error> {
        if targets.is_empty() {
            return Ok(Vec::new());
        }
        let (_files, root) = self.files(record, container::files::Access::Snapshot)?;
        let mut absent = Vec::new();
        for target in targets {
            let mut path = String::new();
            for component in target.split('/').filter(|c| !c.is_empty()) {
                path.push('/');
                path.push_str(component);
                if !absent.contains(&path) && root.open_path(Path::new(&path)).is_err() {
                    absent.push(path.clone());
                }
            }
        }
        Ok(absent)
    }

    /// Takes the mount points `absent` out of the container's files again,
    /// deepest first: an empty file or directory each, unless the step put
    /// something of its own there (a parent directory it wrote into).
    fn remove_mount_points(
        &self,
        record: &ContainerRecord,
        absent: &[String],
    ) -> Result<(), Error> {
        if absent.is_empty() {
            return Ok(());
        }
        let (_files, root) = self.files(record, container::files::Access::Write)?;
        for path in absent.iter().rev() {
            let (parent, name) = path.rsplit_once('/').unwrap_or(("", path));
            let Ok(dir) = root.open_path(Path::new(if parent.is_empty() { "/" } else { parent }))
            else {
                continue;
            };
            let Ok(stat) =
                nix::sys::stat::fstatat(&dir, name, nix::fcntl::AtFlags::AT_SYMLINK_NOFOLLOW)
            else {
                continue;
            };
            let how = match stat.st_mode & libc::S_IFMT {
                libc::S_IFDIR => nix::unistd::UnlinkatFlags::RemoveDir,
                libc::S_IFREG if stat.st_size == 0 => nix::unistd::UnlinkatFlags::NoRemoveDir,
                _ => continue,
            };
            // A directory the step wrote into is not empty: it stays.
            let _ = nix::unistd::unlinkat(&dir, name, how);
        }
        Ok(())
    }

    /// Runs a RUN step's container in the foreground; its output goes to ours.
    fn run(&self, record: &ContainerRecord, instruction: &Instruction) -> Result<(), Error> {
        let keys = DetachKeys::parse("").expect("no detach keys");
        let held = container::Held {
            on_signal: OnSignal::StopOnInterrupt,
            ..container::Held::new(keys)
        };
        let code = container::start_foreground(
            self.store,
            self.lifecycle.runroot(),
            record,
            held,
            self.single,
        )?;
        if code == 0 {
            Ok(())
        } else {
            Err(Error::Run {
                step: instruction.text.clone(),
                code,
            })
        }
    }

    /// Removes an intermediate container, unless `--rm=false`.
    fn remove(&self, record: &ContainerRecord) {
        if self.request.remove {
            self.discard(record);
        }
    }

    fn discard(&self, record: &ContainerRecord) {
        if let Err(e) = self
            .lifecycle
            .remove(record, true, std::time::Duration::from_secs(0), true)
        {
            log::warn!("removing the build container {}: {e}", record.name);
        }
    }

    /// The cached image for `key`, when caching is on and it is stored.
    fn cached(&self, key: &str) -> Result<Option<ImageRecord>, Error> {
        if self.request.no_cache || !self.request.layers {
            return Ok(None);
        }
        let Ok(id) = fs::read_to_string(self.cache_path(key)) else {
            return Ok(None);
        };
        Ok(self.store.read_image(id.trim())?)
    }

    fn reuse(&self, state: &mut State, image: ImageRecord, key: String) -> Result<bool, Error> {
        self.say(format_args!("--> Using cache {}", image.id));
        state.config = ImageConfig::read(self.store, &image)?;
        state.image = image;
        state.key = key;
        Ok(true)
    }

    fn cache_path(&self, key: &str) -> PathBuf {
        self.store.root().join("build-cache").join(key)
    }

    /// A config step: the cached image, else a new one without a layer.
    fn commit_cached(
        &self,
        state: &mut State,
        created_by: &str,
        key: String,
    ) -> Result<bool, Error> {
        if let Some(hit) = self.cached(&key)? {
            let args = std::mem::take(&mut state.args);
            let reused = self.reuse(state, hit, key);
            state.args = args;
            return reused;
        }
        self.commit(state, None, created_by, key).map(|()| false)
    }

    /// Stores the state's config (plus `layer`) as the step's image.
    fn commit(
        &self,
        state: &mut State,
        layer: Option<&container::commit::ChangesLayer>,
        created_by: &str,
        key: String,
    ) -> Result<(), Error> {
        let now = match self.request.timestamp {
            Some(seconds) => rfc3339_of(i64::try_from(seconds).unwrap_or(i64::MAX)),
            None => now_rfc3339(),
        };
        let oci = &mut state.config.oci;
        oci.set_created(Some(now.clone()));
        let history = oci.history_mut().get_or_insert_default();
        if history.is_empty() {
            // One anonymous step per base layer, so the new step names the new layer.
            history.resize(state.image.layers.len(), History::default());
        }
        // A stage's own image (FROM alone, FROM scratch) adds no step.
        if layer.is_some() || !created_by.is_empty() {
            let mut entry = History::default();
            entry
                .set_created(Some(now))
                .set_created_by(Some(created_by.to_string()))
                .set_empty_layer(layer.is_none().then_some(true));
            history.push(entry);
        }
        let new_layer = layer.map(|l| NewLayer {
            path: &l.path,
            diff_id: l.diff_id.clone(),
        });
        // Docker's fields (SHELL, HEALTHCHECK, ONBUILD) are stored inside
        // the `config` object: it is there even for a base that had none.
        edit_defaults(&mut state.config, |_| {});
        let image = put_derived(
            self.store,
            &state.image,
            new_layer.as_ref(),
            self.request.squash_owners,
            state.config.clone(),
            Vec::new(),
        )?;
        if self.request.layers {
            let path = self.cache_path(&key);
            if let Some(dir) = path.parent() {
                let _ = fs::create_dir_all(dir);
            }
            if let Err(e) = crate::util::fs::write_atomic(&path, image.id.as_bytes()) {
                log::warn!("recording the build cache: {e}");
            }
        }
        state.config = ImageConfig::read(self.store, &image)?;
        state.image = image;
        state.key = key;
        Ok(())
    }
}

/// What a killed build left attached for its bind mounts
/// (`build-mounts/PID-…` whose process is gone): unmounted, removed.
fn sweep_attached(runroot: &Path) {
    let Ok(entries) = fs::read_dir(runroot.join("build-mounts")) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let pid = (name.to_str())
            .and_then(|name| name.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok());
        if pid.is_some_and(|pid| Path::new(&format!("/proc/{pid}")).exists()) {
            continue;
        }
        let _ = nix::mount::umount2(&entry.path(), nix::mount::MntFlags::MNT_DETACH);
        let _ = fs::remove_dir(entry.path());
    }
}

fn cache_key(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hex::encode(hasher.finalize())
}

/// The ARG values in scope, for cache keys.
fn args_text(state: &State) -> String {
    format!("{:?}", state.args)
}

/// Changes the image's container defaults (made where the image has none).
fn edit_defaults(config: &mut ImageConfig, change: impl FnOnce(&mut Config)) {
    let mut defaults = config.defaults();
    change(&mut defaults);
    config.oci.set_config(Some(defaults));
}

/// `list` with `item` added (EXPOSE, VOLUME), unless it holds it already.
fn with_once(list: &Option<Vec<String>>, item: String) -> Option<Vec<String>> {
    let mut list = list.clone().unwrap_or_default();
    if !list.contains(&item) {
        list.push(item);
    }
    Some(list)
}

fn set_label(config: &mut ImageConfig, key: &str, value: &str) {
    edit_defaults(config, |defaults| {
        (defaults.labels_mut().get_or_insert_default()).insert(key.to_string(), value.to_string());
    });
}

fn set_env(config: &mut ImageConfig, name: &str, value: &str) {
    edit_defaults(config, |defaults| {
        let mut env = defaults.env().clone().unwrap_or_default();
        env.retain(|e| e.split_once('=').map_or(e.as_str(), |(k, _)| k) != name);
        env.push(format!("{name}={value}"));
        defaults.set_env(Some(env));
    });
}

fn healthcheck(check: &Healthcheck) -> image_config::Healthcheck {
    match check {
        Healthcheck::None => image_config::Healthcheck {
            test: Some(vec!["NONE".into()]),
            ..Default::default()
        },
        Healthcheck::Check {
            command,
            durations,
            retries,
        } => {
            let test: Vec<String> = match command {
                Command::Exec(argv) => std::iter::once("CMD".to_string())
                    .chain(argv.iter().cloned())
                    .collect(),
                Command::Shell(line) => vec!["CMD-SHELL".into(), line.clone()],
            };
            let mut value = image_config::Healthcheck {
                test: Some(test),
                retries: retries.map(i64::from),
                ..Default::default()
            };
            for (name, text) in durations {
                let field = match name.as_str() {
                    "interval" => &mut value.interval,
                    "timeout" => &mut value.timeout,
                    "start-period" => &mut value.start_period,
                    _ => &mut value.start_interval,
                };
                if let Some(nanos) = parse_duration(text).filter(|n| *n >= 0) {
                    *field = Some(nanos);
                }
            }
            value
        }
    }
}

fn host_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        other => other,
    }
}

/// The platform ARGs Docker predefines (TARGETPLATFORM, …): the host's.
fn platform_arg(name: &str) -> Option<String> {
    let arch = host_arch();
    match name {
        "TARGETPLATFORM" | "BUILDPLATFORM" => Some(format!("linux/{arch}")),
        "TARGETOS" | "BUILDOS" => Some("linux".into()),
        "TARGETARCH" | "BUILDARCH" => Some(arch.into()),
        "TARGETVARIANT" | "BUILDVARIANT" => Some(String::new()),
        _ => None,
    }
}

/// `--chown=USER[:GROUP]` against the image's passwd and group files; a
/// user without a group gets the group of the same number, as Docker does.
fn owner(root: &Root, spec: &str) -> Result<(u32, u32), String> {
    let read = |name: &str| {
        let etc = root.open_path(Path::new("/etc")).ok()?;
        let file = nix::fcntl::openat(
            &etc,
            name,
            nix::fcntl::OFlag::O_RDONLY | nix::fcntl::OFlag::O_CLOEXEC,
            nix::sys::stat::Mode::empty(),
        )
        .ok()?;
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut fs::File::from(file), &mut bytes).ok()?;
        Some(bytes)
    };
    let parsed = passwd::parse_user_spec(spec).map_err(|e| format!("--chown={spec}: {e}"))?;
    let has_group = parsed.group.is_some();
    let resolved = passwd::resolve_user(
        &parsed,
        &[],
        read("passwd").as_deref(),
        read("group").as_deref(),
    )
    .map_err(|e| format!("--chown={spec}: {e}"))?;
    Ok(if has_group || spec.parse::<u32>().is_ok() {
        (
            resolved.uid,
            if has_group {
                resolved.gid
            } else {
                resolved.uid
            },
        )
    } else {
        (resolved.uid, resolved.gid)
    })
}

/// The directories to make before the entries: `dest` (when files go into
/// it and it is missing) and its missing parents, root's, mode 0755.
fn missing_parents(
    root: &Root,
    dest: &str,
    into_dir: bool,
    entries: &[sources::Entry],
) -> Vec<String> {
    let dest = ignore::clean(dest);
    let target = if into_dir || entries.iter().any(|e| e.dest != dest) {
        dest.clone()
    } else {
        dest.rsplit_once('/')
            .map_or(String::new(), |(parent, _)| parent.to_string())
    };
    let mut missing = Vec::new();
    let mut path = String::new();
    for component in target.split('/').filter(|c| !c.is_empty()) {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(component);
        if root.open_path(Path::new(&path)).is_err() {
            missing.push(path.clone());
        }
    }
    missing
}
