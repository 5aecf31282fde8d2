//! The project's test and benchmark images.
//!
//! Every image is tagged `latest` and starts from the busybox base layer
//! ([`base_layer`]): `/bin/busybox` from Debian's `busybox-static` with one
//! symlink per applet in `/bin` (`/bin/sh -> busybox`, ...), `/etc/passwd`
//! (`root` 0, `tester` 1000, `nobody` 65534), `/etc/group` (`root` 0, `tester`
//! 1000, `nogroup` 65534), `/home/tester` (1000:1000), and the empty
//! directories `/tmp` (1777), `/root` (0700), `/proc`, `/sys`, `/dev`, `/var`,
//! `/usr/bin`. Config: `Env` = `PATH=`[`DEFAULT_PATH`](crate::DEFAULT_PATH),
//! `Cmd` = `["sh"]`, `WorkingDir` = `/`.
//!
//! | name | format | layers | content beyond the base |
//! |---|---|---|---|
//! | [`BUSYBOX`] | OCI + index | 1 | — |
//! | [`MULTILAYER`] | OCI + index | 4 | see [`multilayer`] |
//! | [`LAYERS150`] | OCI + index | 151 | `/layers/001` … `/layers/150`, one per layer, holding `NNN\n` |
//! | [`OWNERS`] | OCI + index | 2 | see [`owners`] |
//! | [`DOCKER_SCHEMA2`] | Docker schema 2, no index | 1 | — |
//! | [`ZSTD`] | OCI + index | 2, both zstd | `/etc/rcon-zstd` = `zstd\n` |
//! | [`MULTIARCH`] | OCI + index of two platforms | 2 | see [`multiarch`] |
//! | [`BIG`] (benchmarks only) | OCI + index | 6 | `/big/NN/fileMM`: 5 layers × 20 files × 1 MiB of pseudo-random bytes |
//! | [`FSBENCH`] (benchmarks only) | OCI + index | 3 | `/fsbench/big`: one 200 MiB file; `/fsbench/small/NNNN`: 5000 files of 1 KiB |
//! | [`MANYFILES`] (benchmarks only) | OCI + index | 5 | see [`manyfiles`]: ~85 MB of gzip, 5000 small files, whiteouts, an opaque directory |

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::image::{Format, Image, ImageBuilder, Platform};
use crate::layer::{Compression, Layer, LayerBuilder, pseudo_random_bytes};

pub const BUSYBOX: &str = "rcon-test/busybox";
pub const MULTILAYER: &str = "rcon-test/multilayer";
pub const LAYERS150: &str = "rcon-test/layers150";
pub const OWNERS: &str = "rcon-test/owners";
pub const DOCKER_SCHEMA2: &str = "rcon-test/docker-schema2";
pub const ZSTD: &str = "rcon-test/zstd";
pub const BIG: &str = "rcon-test/big";
pub const FSBENCH: &str = "rcon-test/fsbench";
pub const MULTIARCH: &str = "rcon-test/multiarch";
pub const MANYFILES: &str = "rcon-test/manyfiles";

/// Names of the images [`test_images`] builds, in that order.
pub const TEST_IMAGE_NAMES: [&str; 7] = [
    BUSYBOX,
    MULTILAYER,
    LAYERS150,
    OWNERS,
    DOCKER_SCHEMA2,
    ZSTD,
    MULTIARCH,
];

/// Where busybox is read from unless `RCON_TESTKIT_BUSYBOX` names another file.
pub const BUSYBOX_PATH: &str = "/bin/busybox";

/// What the [`MULTILAYER`] image holds, for tests to check an unpacked rootfs.
pub mod multilayer {
    /// Layer 1 adds this many files `/data/dAA/dBB/fCC` (`AA` < 30, `BB` < 10,
    /// `CC` < 10), each holding its own path and a newline, e.g. `/data/d07/d03/f09\n`.
    pub const DATA_FILES: usize = 3000;
    /// Added by layer 1, deleted by a whiteout in layer 2: absent in the image.
    pub const WHITED_OUT: &str = "/etc/rcon-whiteout-me";
    /// Added by layer 2 beside the whiteout: present, holds `layer2\n`.
    pub const LAYER2_MARKER: &str = "/etc/rcon-layer2";
    /// Layer 1 puts `old-a`, `old-b` and `sub/old-c` in this directory; layer 3
    /// makes it opaque and adds `new` (holding `new\n`): in the image it holds
    /// only `new`.
    pub const OPAQUE_DIR: &str = "/opaque";
    /// What [`OPAQUE_DIR`] holds in the image.
    pub const OPAQUE_CONTENT: [&str; 1] = ["new"];
    /// Added by layer 1 and never touched again: present, holds `kept\n`.
    pub const KEPT: &str = "/keep/kept";
}

/// What the [`OWNERS`] image's second layer holds, all under `/owners`.
pub mod owners {
    /// Owned by 1000:1000 (`tester`/`tester`), mode 0644, holds `tester\n`.
    pub const UID_1000_FILE: &str = "/owners/uid1000";
    /// Owned by 65534:65534 (`nobody`/`nogroup`), mode 0644, holds `nobody\n`.
    pub const NOBODY_FILE: &str = "/owners/nobody";
    /// root:root, mode 04755 (setuid), a shell script.
    pub const SETUID_FILE: &str = "/owners/setuid";
    /// root:1000, mode 02775 (setgid directory).
    pub const SETGID_DIR: &str = "/owners/setgid-dir";
    /// root:root, mode 01777 (sticky directory).
    pub const STICKY_DIR: &str = "/owners/sticky-dir";
    /// A regular file (holds `linked\n`) and a hard link to it (tar link entry).
    pub const HARDLINK_TARGET: &str = "/owners/hardlink-a";
    pub const HARDLINK: &str = "/owners/hardlink-b";
    /// A symlink pointing to `hardlink-a` (relative).
    pub const SYMLINK: &str = "/owners/symlink";
    /// A file with the extended attribute [`XATTR_NAME`] = [`XATTR_VALUE`]
    /// (a PAX `SCHILY.xattr.` record).
    pub const XATTR_FILE: &str = "/owners/xattr";
    pub const XATTR_NAME: &str = "user.rcon.test";
    pub const XATTR_VALUE: &[u8] = b"1";
}

/// The [`MULTIARCH`] image: its index lists the host's platform first, then
/// [`other_platform`](multiarch::other_platform). Each has the base layer and
/// a layer of its own with [`PLATFORM_FILE`](multiarch::PLATFORM_FILE).
pub mod multiarch {
    use crate::image::Platform;

    /// Holds the platform the manifest is for, e.g. `linux/arm64\n`.
    pub const PLATFORM_FILE: &str = "/etc/rcon-platform";

    /// linux/arm64/v8, or linux/amd64 on an arm64 host.
    pub fn other_platform() -> Platform {
        let (architecture, variant) = if Platform::host().architecture == "arm64" {
            ("amd64", None)
        } else {
            ("arm64", Some("v8".to_string()))
        };
        Platform {
            architecture: architecture.into(),
            os: "linux".into(),
            variant,
        }
    }

    /// What [`PLATFORM_FILE`] holds for `platform`: `os/arch` and a newline.
    pub fn platform_file_content(platform: &Platform) -> String {
        format!("{}/{}\n", platform.os, platform.architecture)
    }
}

/// What the [`MANYFILES`] image holds: the shape of a real application image
/// that is slow to pull when extraction is, about 85 MB in 5 gzip layers.
pub mod manyfiles {
    /// Layer 2: this many files `/data/blobNN` of [`BLOB_SIZE`] pseudo-random bytes.
    pub const BLOBS: usize = 10;
    pub const BLOB_SIZE: usize = 4 << 20;
    /// Layer 3: this many files `/many/dAA/fBBBB` (`AA` = file / 100), 256 to
    /// 4351 bytes each of pseudo-random bytes, plus a symlink `/many/dAA/latest`
    /// per directory.
    pub const SMALL_FILES: usize = 5000;
    /// Layer 4: this many files `/assets/assetNN` of [`ASSET_SIZE`] pseudo-random bytes.
    pub const ASSETS: usize = 6;
    pub const ASSET_SIZE: usize = 5 << 20;
    /// Layer 5 whites out every 10th small file, and this whole directory…
    pub const WHITED_OUT_DIR: &str = "/many/d01";
    /// …makes this directory opaque, holding only `new` (`new\n`).
    pub const OPAQUE_DIR: &str = "/many/d00";
    /// A small file still present in the image: holds what layer 3 gave it.
    pub const KEPT: &str = "/many/d02/f0201";
}

/// The busybox binary to put in images.
pub fn busybox_path() -> PathBuf {
    std::env::var_os("RCON_TESTKIT_BUSYBOX")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(BUSYBOX_PATH))
}

/// True when the ELF file has a `PT_INTERP` program header (is dynamically
/// linked). Only 64-bit little-endian ELF is inspected; others count as static.
fn elf_has_interpreter(elf: &[u8]) -> bool {
    let u16_at = |o: usize| elf.get(o..o + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let u32_at = |o: usize| {
        elf.get(o..o + 4)
            .map(|b| u32::from_le_bytes(b.try_into().unwrap()))
    };
    let u64_at = |o: usize| {
        elf.get(o..o + 8)
            .map(|b| u64::from_le_bytes(b.try_into().unwrap()))
    };
    if !elf.starts_with(b"\x7fELF") || elf.get(4) != Some(&2) || elf.get(5) != Some(&1) {
        return false;
    }
    let (Some(phoff), Some(phentsize), Some(phnum)) = (u64_at(0x20), u16_at(0x36), u16_at(0x38))
    else {
        return false;
    };
    (0..usize::from(phnum)).any(|i| {
        let offset = phoff as usize + i * usize::from(phentsize);
        u32_at(offset) == Some(3) // PT_INTERP
    })
}

/// The busybox base layer's entries; see the module documentation.
pub fn base_layer_builder() -> Result<LayerBuilder> {
    let path = busybox_path();
    let binary = match std::fs::read(&path) {
        Ok(binary) => binary,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "{} is missing: the test images are built from Debian's static busybox; \
             install it with `apt-get install busybox-static`",
            path.display()
        ),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    if elf_has_interpreter(&binary) {
        bail!(
            "{} is dynamically linked and would not run inside a test image; \
             install the static one with `apt-get install busybox-static`",
            path.display()
        );
    }
    let applets = applets(&path)?;

    let mut layer = LayerBuilder::new();
    layer.dir("bin", 0o755);
    layer.file("bin/busybox", binary, 0o755);
    for applet in &applets {
        layer.symlink(&format!("bin/{applet}"), "busybox");
    }
    layer.dir("etc", 0o755);
    layer.file(
        "etc/passwd",
        "root:x:0:0:root:/root:/bin/sh\n\
         tester:x:1000:1000:tester:/home/tester:/bin/sh\n\
         nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n",
        0o644,
    );
    layer.file(
        "etc/group",
        "root:x:0:\ntester:x:1000:\nnogroup:x:65534:\n",
        0o644,
    );
    layer.dir("tmp", 0o1777);
    layer.dir("root", 0o700);
    layer.dir("home", 0o755);
    layer
        .dir("home/tester", 0o755)
        .owner(1000, 1000, "tester", "tester");
    for dir in ["proc", "sys", "dev", "var", "usr", "usr/bin"] {
        layer.dir(dir, 0o755);
    }
    Ok(layer)
}

/// The applet names `busybox --list` prints, without `busybox` itself.
fn applets(busybox: &Path) -> Result<Vec<String>> {
    let output = Command::new(busybox)
        .arg("--list")
        .output()
        .with_context(|| format!("running `{} --list`", busybox.display()))?;
    if !output.status.success() {
        bail!(
            "`{} --list` failed ({}): {}",
            busybox.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    let list = String::from_utf8(output.stdout)
        .with_context(|| format!("`{} --list` printed non-UTF-8", busybox.display()))?;
    let mut applets: Vec<String> = list
        .lines()
        .map(str::trim)
        .filter(|name| !name.is_empty() && *name != "busybox")
        .map(String::from)
        .collect();
    if !applets.iter().any(|a| a == "sh") {
        bail!("`{} --list` has no `sh` applet", busybox.display());
    }
    if let Some(bad) = applets
        .iter()
        .find(|a| a.contains('/') || a.starts_with('.'))
    {
        bail!(
            "`{} --list` printed an odd applet name {bad:?}",
            busybox.display()
        );
    }
    applets.sort();
    applets.dedup();
    Ok(applets)
}

/// The busybox base layer, compressed.
pub fn base_layer(compression: Compression) -> Result<Layer> {
    Layer::from_builder(
        &base_layer_builder()?,
        compression,
        "testkit: busybox-static base",
    )
}

/// Shared inputs of the images: the base layer, built once.
struct Bases {
    gzip: Layer,
}

impl Bases {
    fn new() -> Result<Bases> {
        Ok(Bases {
            gzip: base_layer(Compression::Gzip)?,
        })
    }
}

fn busybox(bases: &Bases) -> Result<Image> {
    ImageBuilder::new(BUSYBOX, Format::Oci)
        .layer(bases.gzip.clone())
        .build()
}

fn multilayer_image(bases: &Bases) -> Result<Image> {
    let mut many = LayerBuilder::new();
    for a in 0..30 {
        for b in 0..10 {
            for c in 0..10 {
                let path = format!("data/d{a:02}/d{b:02}/f{c:02}");
                many.file(&path, format!("/{path}\n"), 0o644);
            }
        }
    }
    debug_assert_eq!(many.len(), multilayer::DATA_FILES);
    many.file(multilayer::WHITED_OUT, "whiteout me\n", 0o644);
    for old in ["old-a", "old-b", "sub/old-c"] {
        many.file(
            &format!("{}/{old}", multilayer::OPAQUE_DIR),
            format!("{old}\n"),
            0o644,
        );
    }
    many.file(multilayer::KEPT, "kept\n", 0o644);

    let mut whiteout = LayerBuilder::new();
    whiteout.whiteout(multilayer::WHITED_OUT);
    whiteout.file(multilayer::LAYER2_MARKER, "layer2\n", 0o644);

    let mut opaque = LayerBuilder::new();
    opaque.opaque(multilayer::OPAQUE_DIR, 0o755);
    opaque.file(&format!("{}/new", multilayer::OPAQUE_DIR), "new\n", 0o644);

    let gzip = Compression::Gzip;
    ImageBuilder::new(MULTILAYER, Format::Oci)
        .layer(bases.gzip.clone())
        .layer(Layer::from_builder(
            &many,
            gzip,
            "testkit: 3000 small files",
        )?)
        .layer(Layer::from_builder(&whiteout, gzip, "testkit: whiteout")?)
        .layer(Layer::from_builder(
            &opaque,
            gzip,
            "testkit: opaque directory",
        )?)
        .build()
}

fn layers150(bases: &Bases) -> Result<Image> {
    let mut image = ImageBuilder::new(LAYERS150, Format::Oci).layer(bases.gzip.clone());
    for n in 1..=150 {
        let mut layer = LayerBuilder::new();
        layer.dir("layers", 0o755);
        layer.file(&format!("layers/{n:03}"), format!("{n:03}\n"), 0o644);
        image = image.layer(Layer::from_builder(
            &layer,
            Compression::Gzip,
            &format!("testkit: layer {n:03}"),
        )?);
    }
    image.build()
}

fn owners_image(bases: &Bases) -> Result<Image> {
    use owners::*;
    let mut layer = LayerBuilder::new();
    layer.dir("owners", 0o755);
    layer
        .file(UID_1000_FILE, "tester\n", 0o644)
        .owner(1000, 1000, "tester", "tester");
    layer
        .file(NOBODY_FILE, "nobody\n", 0o644)
        .owner(65534, 65534, "nobody", "nogroup");
    layer.file(SETUID_FILE, "#!/bin/sh\necho setuid\n", 0o4755);
    layer
        .dir(SETGID_DIR, 0o2775)
        .owner(0, 1000, "root", "tester");
    layer.dir(STICKY_DIR, 0o1777);
    layer.file(HARDLINK_TARGET, "linked\n", 0o644);
    layer.hardlink(HARDLINK, HARDLINK_TARGET);
    layer.symlink(SYMLINK, "hardlink-a");
    layer
        .file(XATTR_FILE, "xattr\n", 0o644)
        .xattr(XATTR_NAME, XATTR_VALUE);
    ImageBuilder::new(OWNERS, Format::Oci)
        .layer(bases.gzip.clone())
        .layer(Layer::from_builder(
            &layer,
            Compression::Gzip,
            "testkit: owners, modes, links, xattr",
        )?)
        .build()
}

fn docker_schema2(bases: &Bases) -> Result<Image> {
    ImageBuilder::new(DOCKER_SCHEMA2, Format::Docker)
        .layer(bases.gzip.clone())
        .build()
}

fn zstd_image() -> Result<Image> {
    let mut marker = LayerBuilder::new();
    marker.file("etc/rcon-zstd", "zstd\n", 0o644);
    ImageBuilder::new(ZSTD, Format::Oci)
        .layer(base_layer(Compression::Zstd)?)
        .layer(Layer::from_builder(
            &marker,
            Compression::Zstd,
            "testkit: zstd marker",
        )?)
        .build()
}

fn multiarch_image(bases: &Bases) -> Result<Image> {
    let for_platform = |platform: Platform| -> Result<ImageBuilder> {
        let mut marker = LayerBuilder::new();
        marker.file(
            multiarch::PLATFORM_FILE,
            multiarch::platform_file_content(&platform),
            0o644,
        );
        Ok(ImageBuilder::new(MULTIARCH, Format::Oci)
            .platform(platform)
            .layer(bases.gzip.clone())
            .layer(Layer::from_builder(
                &marker,
                Compression::Gzip,
                "testkit: platform marker",
            )?))
    };
    let other = for_platform(multiarch::other_platform())?.build()?;
    for_platform(Platform::host())?.also_for(other).build()
}

fn big(bases: &Bases) -> Result<Image> {
    const LAYERS: u64 = 5;
    const FILES: u64 = 20;
    const FILE_SIZE: usize = 1 << 20;
    let mut image = ImageBuilder::new(BIG, Format::Oci).layer(bases.gzip.clone());
    for l in 0..LAYERS {
        let mut layer = LayerBuilder::new();
        for f in 0..FILES {
            let data = pseudo_random_bytes(l * 1000 + f, FILE_SIZE);
            layer.file(&format!("big/{l:02}/file{f:02}"), data, 0o644);
        }
        image = image.layer(Layer::from_builder(
            &layer,
            Compression::Gzip,
            &format!("testkit: 20 MiB of pseudo-random data ({l})"),
        )?);
    }
    image.build()
}

/// The storage drivers' benchmark image: one large file to read and many
/// small ones to walk. The large file repeats a short pattern, so its layer
/// compresses to almost nothing and the image stays quick to build and pull.
fn fsbench(bases: &Bases) -> Result<Image> {
    const BIG_FILE: usize = 200 << 20;
    const SMALL_FILES: usize = 5000;
    let pattern: Vec<u8> = (0..=250u8).collect();
    let big: Vec<u8> = pattern.iter().copied().cycle().take(BIG_FILE).collect();
    let mut large = LayerBuilder::new();
    large.file("fsbench/big", big, 0o644);
    let mut small = LayerBuilder::new();
    for n in 0..SMALL_FILES {
        small.file(&format!("fsbench/small/{n:04}"), vec![b'x'; 1024], 0o644);
    }
    ImageBuilder::new(FSBENCH, Format::Oci)
        .layer(bases.gzip.clone())
        .layer(Layer::from_builder(
            &large,
            Compression::Gzip,
            "testkit: one 200 MiB file",
        )?)
        .layer(Layer::from_builder(
            &small,
            Compression::Gzip,
            "testkit: 5000 files of 1 KiB",
        )?)
        .build()
}

/// The pull benchmark's image; see [`manyfiles`]. Sizes and contents are
/// pseudo-random from fixed seeds, so every build gives the same digests.
fn manyfiles_image(bases: &Bases) -> Result<Image> {
    use manyfiles::*;
    let mut blobs = LayerBuilder::new();
    for n in 0..BLOBS {
        let data = pseudo_random_bytes(2_000_000 + n as u64, BLOB_SIZE);
        blobs.file(&format!("data/blob{n:02}"), data, 0o644);
    }
    let mut small = LayerBuilder::new();
    let sizes = pseudo_random_bytes(3_000_000, SMALL_FILES * 2);
    for n in 0..SMALL_FILES {
        let size = 256 + usize::from(u16::from_le_bytes([sizes[2 * n], sizes[2 * n + 1]]) % 4096);
        let data = pseudo_random_bytes(3_000_001 + n as u64, size);
        small.file(&format!("many/d{:02}/f{n:04}", n / 100), data, 0o644);
    }
    for dir in 0..SMALL_FILES.div_ceil(100) {
        small.symlink(
            &format!("many/d{dir:02}/latest"),
            &format!("f{:04}", dir * 100),
        );
    }
    let mut assets = LayerBuilder::new();
    for n in 0..ASSETS {
        let data = pseudo_random_bytes(4_000_000 + n as u64, ASSET_SIZE);
        assets.file(&format!("assets/asset{n:02}"), data, 0o644);
    }
    let mut changes = LayerBuilder::new();
    for n in (0..SMALL_FILES).step_by(10).filter(|n| n / 100 > 2) {
        changes.whiteout(&format!("many/d{:02}/f{n:04}", n / 100));
    }
    changes.whiteout(WHITED_OUT_DIR);
    changes.opaque(OPAQUE_DIR, 0o755);
    changes.file(&format!("{OPAQUE_DIR}/new"), "new\n", 0o644);
    let gzip = Compression::Gzip;
    ImageBuilder::new(MANYFILES, Format::Oci)
        .layer(bases.gzip.clone())
        .layer(Layer::from_builder(
            &blobs,
            gzip,
            "testkit: 40 MiB in 10 files",
        )?)
        .layer(Layer::from_builder(
            &small,
            gzip,
            "testkit: 5000 small files",
        )?)
        .layer(Layer::from_builder(
            &assets,
            gzip,
            "testkit: 30 MiB in 6 files",
        )?)
        .layer(Layer::from_builder(
            &changes,
            gzip,
            "testkit: whiteouts and an opaque directory",
        )?)
        .build()
}

/// Builds one image by name (one of [`TEST_IMAGE_NAMES`], [`BIG`],
/// [`FSBENCH`] or [`MANYFILES`]).
pub fn image(name: &str) -> Result<Image> {
    if name == ZSTD {
        return zstd_image();
    }
    let bases = Bases::new()?;
    match name {
        BUSYBOX => busybox(&bases),
        MULTILAYER => multilayer_image(&bases),
        LAYERS150 => layers150(&bases),
        OWNERS => owners_image(&bases),
        DOCKER_SCHEMA2 => docker_schema2(&bases),
        MULTIARCH => multiarch_image(&bases),
        BIG => big(&bases),
        FSBENCH => fsbench(&bases),
        MANYFILES => manyfiles_image(&bases),
        _ => bail!("no test image is called {name:?}"),
    }
    .with_context(|| format!("building image {name}"))
}

/// Builds every test image ([`TEST_IMAGE_NAMES`]).
pub fn test_images() -> Result<Vec<Image>> {
    let bases = Bases::new()?;
    let build =
        |name: &str, image: Result<Image>| image.with_context(|| format!("building image {name}"));
    Ok(vec![
        build(BUSYBOX, busybox(&bases))?,
        build(MULTILAYER, multilayer_image(&bases))?,
        build(LAYERS150, layers150(&bases))?,
        build(OWNERS, owners_image(&bases))?,
        build(DOCKER_SCHEMA2, docker_schema2(&bases))?,
        build(ZSTD, zstd_image())?,
        build(MULTIARCH, multiarch_image(&bases))?,
    ])
}

/// The test images plus the benchmark-only [`BIG`] (about 100 MiB),
/// [`FSBENCH`] and [`MANYFILES`].
pub fn bench_images() -> Result<Vec<Image>> {
    let mut images = test_images()?;
    let bases = Bases::new()?;
    images.push(big(&bases).with_context(|| format!("building image {BIG}"))?);
    images.push(fsbench(&bases).with_context(|| format!("building image {FSBENCH}"))?);
    images.push(manyfiles_image(&bases).with_context(|| format!("building image {MANYFILES}"))?);
    Ok(images)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(all(target_pointer_width = "64", target_endian = "little"))]
    fn host_busybox_is_static() {
        let binary = std::fs::read(busybox_path()).unwrap();
        assert!(!elf_has_interpreter(&binary));
        let sh = std::fs::read("/bin/sh").unwrap();
        let sh = if sh.starts_with(b"\x7fELF") {
            sh
        } else {
            return;
        };
        assert!(elf_has_interpreter(&sh), "/bin/sh on Debian is dynamic");
    }
}
