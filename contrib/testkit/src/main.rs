//! `rcon-testkit`: builds the test images, serves them from a local registry
//! or pushes them to one. See `rcon-testkit --help`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use testkit::{
    Image, Registry, RegistryOptions, bench_images, push_all, test_images, write_oci_layout,
};

const HELP: &str = "\
rcon-testkit: rcon's offline test images and local registry

USAGE:
    rcon-testkit build --out DIR [--bench]
        Write each image as an OCI image layout in DIR/<short-name>/
        (e.g. DIR/busybox), readable as oci:DIR/busybox:latest (skopeo and
        podman skip the Docker-manifest image docker-schema2 in a layout).
    rcon-testkit push --registry HOST:PORT [--bench]
        Push the images to a running registry (plain HTTP, no auth).
    rcon-testkit serve [--port N] [--data DIR] [--bench]
        Start Debian's docker-registry on 127.0.0.1:N (default: a free port),
        storing its data in DIR (default: a scratch directory removed on exit),
        push the images, print their references and keep serving in the
        foreground until killed (Ctrl-C). The registry dies with this process;
        its log is in its scratch directory (printed), which a later start
        removes.
    rcon-testkit list [--bench]
        Print each image's reference digest, layer count and size.

OPTIONS:
    --bench    Also build the benchmark images rcon-test/big (about 100 MiB),
               rcon-test/fsbench and rcon-test/manyfiles (about 85 MB).
    -h, --help Print this help.

Images are built from /bin/busybox (Debian's busybox-static; override with
RCON_TESTKIT_BUSYBOX). The registry binary is /usr/bin/docker-registry
(override with RCON_TESTKIT_REGISTRY_BIN).
";

#[derive(Default)]
struct Args {
    bench: bool,
    out: Option<PathBuf>,
    registry: Option<String>,
    port: Option<u16>,
    data: Option<PathBuf>,
}

fn parse(mut rest: impl Iterator<Item = String>) -> Result<Args> {
    let mut args = Args::default();
    while let Some(arg) = rest.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_string(), Some(value.to_string()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => rest.next().with_context(|| format!("{name} needs a value")),
            }
        };
        match flag.as_str() {
            "--bench" => args.bench = true,
            "--out" => args.out = Some(value("--out")?.into()),
            "--registry" => args.registry = Some(value("--registry")?),
            "--port" => {
                let port = value("--port")?;
                args.port = Some(
                    port.parse()
                        .with_context(|| format!("--port {port:?} is not a port number"))?,
                );
            }
            "--data" => args.data = Some(value("--data")?.into()),
            other => bail!("unknown argument {other:?} (see --help)"),
        }
    }
    Ok(args)
}

fn images(bench: bool) -> Result<Vec<Image>> {
    if bench { bench_images() } else { test_images() }
}

fn run() -> Result<()> {
    let mut argv = std::env::args().skip(1);
    let Some(command) = argv.next() else {
        print!("{HELP}");
        return Ok(());
    };
    if command == "-h" || command == "--help" || command == "help" {
        print!("{HELP}");
        return Ok(());
    }
    let args = parse(argv)?;
    match command.as_str() {
        "build" => {
            let out = args.out.context("build needs --out DIR")?;
            for image in images(args.bench)? {
                let dir = out.join(image.short_name());
                write_oci_layout(&image, &dir)
                    .with_context(|| format!("writing {} to {}", image.name, dir.display()))?;
                println!("{}\t{}", dir.display(), image.top_digest());
            }
        }
        "push" => {
            let registry = args.registry.context("push needs --registry HOST:PORT")?;
            let images = images(args.bench)?;
            push_all(&registry, &images)?;
            for image in &images {
                println!("{}\t{}", image.reference(&registry), image.top_digest());
            }
        }
        "serve" => {
            let images = images(args.bench)?;
            let options = RegistryOptions {
                port: args.port,
                data_dir: args.data,
                die_with_thread: true,
                ..RegistryOptions::default()
            };
            let mut registry = Registry::start_with(&options)?;
            push_all(&registry.addr, &images)?;
            for image in &images {
                println!(
                    "{}\t{}",
                    image.reference(&registry.addr),
                    image.top_digest()
                );
            }
            println!(
                "serving on {} (pid {}, log {}); stop with Ctrl-C",
                registry.addr,
                registry.pid(),
                registry
                    .log_path()
                    .unwrap_or(registry.scratch_dir())
                    .display()
            );
            let status = registry.wait()?;
            bail!("the registry exited: {status}");
        }
        "list" => {
            for image in images(args.bench)? {
                println!(
                    "{}\t{}\t{} layers\t{} bytes",
                    image.name,
                    image.top_digest(),
                    image.layers.len(),
                    image.size()
                );
            }
        }
        other => bail!("unknown command {other:?} (see --help)"),
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rcon-testkit: {e:#}");
            ExitCode::FAILURE
        }
    }
}
