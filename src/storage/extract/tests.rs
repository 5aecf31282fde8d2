//! Layers are built in memory; hostile ones with raw header bytes, since the
//! `tar` crate's Builder refuses `..` and absolute names. Every test passes
//! as root and as an ordinary user: owners are squashed or the caller's own
//! unless a test first checks that it may chown, and no escape check relies
//! on permissions.

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use tar::{EntryType, Header};

use super::resolve::{Root, identity};
use super::*;

static SCRATCH_COUNTER: AtomicU32 = AtomicU32::new(0);

/// `base/dest/` is the layer directory; tests may put sentinels in `base/`
/// and check nothing else appeared there.
struct Scratch {
    base: PathBuf,
}

impl Scratch {
    fn new() -> Scratch {
        let base = std::env::temp_dir().join(format!(
            "rcon-extract-test-{}-{}",
            std::process::id(),
            SCRATCH_COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = fs::remove_dir_all(&base);
        fs::create_dir_all(base.join("dest")).unwrap();
        Scratch { base }
    }

    fn dest(&self) -> PathBuf {
        self.base.join("dest")
    }

    fn at(&self, rel: &str) -> PathBuf {
        self.dest().join(rel)
    }

    /// Names directly in `base`, sorted.
    fn beside(&self) -> Vec<String> {
        names(&self.base)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        make_writable(&self.base);
        let _ = fs::remove_dir_all(&self.base);
    }
}

/// Lets an ordinary user remove what a test made read-only (never follows symlinks).
fn make_writable(dir: &Path) {
    let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o700));
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            make_writable(&entry.path());
        }
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every path below `dir`, relative, sorted; symlinks are not entered.
fn tree(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        for name in names(dir) {
            let rel = format!("{prefix}{name}");
            let path = dir.join(&name);
            out.push(rel.clone());
            if fs::symlink_metadata(&path).unwrap().is_dir() {
                walk(&path, &format!("{rel}/"), out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out);
    out
}

fn meta(path: &Path) -> fs::Metadata {
    fs::symlink_metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn mode(path: &Path) -> u32 {
    meta(path).mode() & 0o7777
}

fn euid() -> u64 {
    u64::from(nix::unistd::geteuid().as_raw())
}

fn egid() -> u64 {
    u64::from(nix::unistd::getegid().as_raw())
}

/// A layer under construction.
struct Layer {
    builder: tar::Builder<Vec<u8>>,
    uid: u64,
    gid: u64,
    mtime: u64,
}

impl Layer {
    fn new() -> Layer {
        Layer {
            builder: tar::Builder::new(Vec::new()),
            uid: euid(),
            gid: egid(),
            mtime: 1_600_000_000,
        }
    }

    /// Owner of the entries that follow.
    fn owner(mut self, uid: u64, gid: u64) -> Layer {
        (self.uid, self.gid) = (uid, gid);
        self
    }

    /// Modification time of the entries that follow.
    fn mtime(mut self, mtime: u64) -> Layer {
        self.mtime = mtime;
        self
    }

    /// Appends an entry with the name and link name bytes exactly as given.
    fn raw_with(
        mut self,
        name: &[u8],
        kind: EntryType,
        mode: u32,
        link: &[u8],
        data: &[u8],
        adjust: impl FnOnce(&mut Header),
    ) -> Layer {
        let mut header = Header::new_gnu();
        {
            let old = header.as_old_mut();
            old.name[..name.len()].copy_from_slice(name);
            old.linkname[..link.len()].copy_from_slice(link);
        }
        header.set_entry_type(kind);
        header.set_mode(mode);
        header.set_uid(self.uid);
        header.set_gid(self.gid);
        header.set_mtime(self.mtime);
        header.set_size(data.len() as u64);
        adjust(&mut header);
        header.set_cksum();
        self.builder.append(&header, data).unwrap();
        self
    }

    fn raw(self, name: &[u8], kind: EntryType, mode: u32, link: &[u8], data: &[u8]) -> Layer {
        self.raw_with(name, kind, mode, link, data, |_| {})
    }

    fn dir(self, name: &str, mode: u32) -> Layer {
        self.raw(name.as_bytes(), EntryType::Directory, mode, b"", b"")
    }

    fn file(self, name: &str, mode: u32, data: &[u8]) -> Layer {
        self.raw(name.as_bytes(), EntryType::Regular, mode, b"", data)
    }

    fn symlink(self, name: &str, target: &str) -> Layer {
        self.raw(
            name.as_bytes(),
            EntryType::Symlink,
            0o777,
            target.as_bytes(),
            b"",
        )
    }

    fn hardlink(self, name: &str, target: &str) -> Layer {
        self.raw(
            name.as_bytes(),
            EntryType::Link,
            0o644,
            target.as_bytes(),
            b"",
        )
    }

    fn device(self, name: &str, kind: EntryType, major: u32, minor: u32) -> Layer {
        self.raw_with(name.as_bytes(), kind, 0o666, b"", b"", |h| {
            h.set_device_major(major).unwrap();
            h.set_device_minor(minor).unwrap();
        })
    }

    /// A PAX extension header for the next entry.
    fn pax(self, records: &[(&str, &[u8])]) -> Layer {
        let mut data = Vec::new();
        for (key, value) in records {
            crate::storage::pack::pax_record(&mut data, key.as_bytes(), value);
        }
        self.raw(b"PaxHeaders/entry", EntryType::XHeader, 0o644, b"", &data)
    }

    fn bytes(self) -> Vec<u8> {
        self.builder.into_inner().unwrap()
    }
}

fn squash() -> ExtractOptions {
    ExtractOptions {
        ownership: Ownership::Squash,
    }
}

fn keep() -> ExtractOptions {
    ExtractOptions {
        ownership: Ownership::Keep,
    }
}

/// How directories are resolved: hostile layers are tried both ways.
#[derive(Debug, Clone, Copy)]
enum Resolution {
    Kernel,
    UserSpace,
}

const RESOLUTIONS: [Resolution; 2] = [Resolution::Kernel, Resolution::UserSpace];

fn extract_with(
    resolution: Resolution,
    layer: &[u8],
    dest: &Path,
    opts: &ExtractOptions,
) -> Result<ExtractReport, Error> {
    match resolution {
        Resolution::Kernel => extract_layer(layer, dest, opts, None),
        Resolution::UserSpace => extract_into(
            Root::open_without_openat2(dest).unwrap(),
            layer,
            opts,
            Target::Layer { max_size: None },
        ),
    }
}

fn extract(layer: &[u8], scratch: &Scratch) -> ExtractReport {
    extract_layer(layer, &scratch.dest(), &squash(), None).unwrap()
}

fn assert_refused(result: Result<ExtractReport, Error>, entry: &str) {
    match result {
        Err(Error::Refused { entry: got, reason }) => {
            assert_eq!(got, entry, "refused for {reason}");
        }
        other => panic!("expected entry {entry:?} to be refused, got {other:?}"),
    }
}

#[test]
fn normal_tree() {
    let s = Scratch::new();
    let layer = Layer::new()
        .dir("./", 0o755)
        .dir("etc/", 0o755)
        .file("etc/hostname", 0o644, b"box\n")
        .file("usr/bin/tool", 0o755, b"#!/bin/sh\n")
        .dir("var/empty/", 0o700)
        .bytes();
    let report = extract(&layer, &s);
    assert_eq!(
        report,
        ExtractReport {
            entries: 5,
            bytes: 14,
            skipped_devices: vec![],
            squashed_owners: false,
            timings: report.timings,
            root_mode: Some(0o755),
        }
    );
    assert_eq!(
        tree(&s.dest()),
        [
            "etc",
            "etc/hostname",
            "usr",
            "usr/bin",
            "usr/bin/tool",
            "var",
            "var/empty"
        ]
    );
    assert_eq!(fs::read(s.at("etc/hostname")).unwrap(), b"box\n");
    assert_eq!(fs::read(s.at("usr/bin/tool")).unwrap(), b"#!/bin/sh\n");
    assert_eq!(mode(&s.at("usr/bin/tool")), 0o755);
    assert_eq!(mode(&s.at("etc/hostname")), 0o644);
    // Missing parents are made 0755, whatever the umask.
    assert_eq!(mode(&s.at("usr")), 0o755);
    assert_eq!(mode(&s.at("usr/bin")), 0o755);
    assert_eq!(mode(&s.at("var/empty")), 0o700);
    assert_eq!(s.beside(), ["dest"]);
}

#[test]
fn large_file_content_is_exact() {
    let s = Scratch::new();
    let content: Vec<u8> = (0..1_000_003u32).map(|i| (i * 7 % 251) as u8).collect();
    let layer = Layer::new().file("big", 0o644, &content).bytes();
    let report = extract(&layer, &s);
    assert_eq!(report.bytes, content.len() as u64);
    assert_eq!(fs::read(s.at("big")).unwrap(), content);
}

#[test]
fn modes_with_setuid_setgid_and_sticky() {
    let s = Scratch::new();
    let layer = Layer::new()
        .file("bin/su", 0o4755, b"x")
        .file("bin/wall", 0o2755, b"x")
        .file("secret", 0o000, b"")
        .dir("tmp/", 0o1777)
        .dir("ro/", 0o555)
        .file("ro/inside", 0o444, b"y") // written after ro/ was declared read-only
        .dir("ro/sub/", 0o500)
        .file("ro/sub/deeper", 0o400, b"z")
        .bytes();
    extract(&layer, &s);
    assert_eq!(mode(&s.at("bin/su")), 0o4755);
    assert_eq!(mode(&s.at("bin/wall")), 0o2755);
    assert_eq!(mode(&s.at("secret")), 0o000);
    assert_eq!(mode(&s.at("tmp")), 0o1777);
    assert_eq!(mode(&s.at("ro")), 0o555);
    assert_eq!(mode(&s.at("ro/sub")), 0o500);
    assert_eq!(mode(&s.at("ro/inside")), 0o444);
    assert_eq!(mode(&s.at("ro/sub/deeper")), 0o400);
}

#[test]
fn layer_root_entry_sets_the_root_metadata() {
    let s = Scratch::new();
    // A setgid root must not hand its group to the layer's files.
    fs::set_permissions(s.dest(), fs::Permissions::from_mode(0o2755)).unwrap();
    let layer = Layer::new()
        .mtime(1_500_000_000)
        .dir("./", 0o750)
        .file("f", 0o644, b"x")
        .bytes();
    let report = extract(&layer, &s);
    assert_eq!(
        report.root_mode,
        Some(0o750),
        "recorded for the layers above"
    );
    assert_eq!(mode(&s.dest()), 0o750);
    assert_eq!(meta(&s.dest()).mtime(), 1_500_000_000);
    assert_eq!(u64::from(meta(&s.at("f")).gid()), egid());
}

#[test]
fn pre_posix_directory_by_trailing_slash() {
    let s = Scratch::new();
    let layer = Layer::new()
        .raw(b"old/", EntryType::Regular, 0o711, b"", b"")
        .file("old/f", 0o644, b"x")
        .bytes();
    extract(&layer, &s);
    assert!(meta(&s.at("old")).is_dir());
    assert_eq!(mode(&s.at("old")), 0o711);
}

#[test]
fn keep_gives_header_owners_and_keeps_setuid_when_privileged() {
    let s = Scratch::new();
    let (uid, gid) = (1234u32, 1235u32);
    let probe = s.base.join("chown-probe");
    fs::write(&probe, b"").unwrap();
    if std::os::unix::fs::lchown(&probe, Some(uid), Some(gid)).is_err() {
        eprintln!("skipped: this process may not chown to {uid}:{gid}");
        return;
    }
    fs::remove_file(&probe).unwrap();
    // CAP_NET_RAW, effective (vfs_cap_data revision 2).
    let capability = [
        1, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
    let layer = Layer::new()
        .owner(uid.into(), gid.into())
        .dir("d/", 0o2750)
        .pax(&[("SCHILY.xattr.security.capability", &capability)])
        .file("d/ping", 0o4755, b"x")
        .symlink("d/link", "ping")
        .raw(b"d/pipe", EntryType::Fifo, 0o640, b"", b"")
        .bytes();
    let report = extract_layer(&layer[..], &s.dest(), &keep(), None).unwrap();
    assert!(!report.squashed_owners);
    for name in ["d", "d/ping", "d/link", "d/pipe"] {
        let m = meta(&s.at(name));
        assert_eq!((m.uid(), m.gid()), (uid, gid), "{name}");
    }
    // The mode and capability were set after the chown that would clear them.
    assert_eq!(mode(&s.at("d/ping")), 0o4755);
    assert_eq!(mode(&s.at("d")), 0o2750);
    assert!(
        xattr::get(s.at("d/ping"), "security.capability")
            .unwrap()
            .is_some()
    );
}

#[test]
fn keep_refuses_the_chown_sentinel_id() {
    let s = Scratch::new();
    let layer = Layer::new()
        .owner(u64::from(u32::MAX), 0)
        .file("f", 0o644, b"")
        .bytes();
    assert_refused(extract_layer(&layer[..], &s.dest(), &keep(), None), "f");
}

#[test]
fn squash_gives_everything_to_the_extracting_user() {
    let s = Scratch::new();
    let layer = Layer::new()
        .owner(euid() + 1000, egid() + 1000)
        .dir("d/", 0o755)
        .file("d/f", 0o4755, b"x")
        .symlink("d/l", "f")
        .raw(b"d/p", EntryType::Fifo, 0o600, b"", b"")
        .bytes();
    let report = extract(&layer, &s);
    assert!(report.squashed_owners);
    for name in ["d", "d/f", "d/l", "d/p"] {
        let m = meta(&s.at(name));
        assert_eq!(
            (u64::from(m.uid()), u64::from(m.gid())),
            (euid(), egid()),
            "{name}"
        );
    }
    assert_eq!(mode(&s.at("d/f")), 0o4755);
}

#[test]
fn hardlinks_share_an_inode() {
    let s = Scratch::new();
    let layer = Layer::new()
        .file("a/orig", 0o755, b"content")
        .hardlink("b/link", "a/orig")
        .hardlink("b/absolute", "/a/orig")
        .hardlink("a/orig", "a/orig") // to itself: nothing to do
        .bytes();
    let report = extract(&layer, &s);
    assert_eq!(report.entries, 4);
    let orig = meta(&s.at("a/orig"));
    for name in ["b/link", "b/absolute"] {
        assert_eq!(meta(&s.at(name)).ino(), orig.ino(), "{name}");
    }
    assert_eq!(orig.nlink(), 3);
    assert_eq!(fs::read(s.at("b/link")).unwrap(), b"content");
}

#[test]
fn hardlink_to_a_missing_or_directory_target_is_refused() {
    for (target, reason) in [("nowhere", "not an earlier entry"), ("d", "directory")] {
        let s = Scratch::new();
        let layer = Layer::new().dir("d/", 0o755).hardlink("h", target).bytes();
        match extract_layer(&layer[..], &s.dest(), &squash(), None) {
            Err(Error::Refused { entry, reason: got }) => {
                assert_eq!(entry, "h");
                assert!(got.contains(reason), "{got}");
            }
            other => panic!("{target}: {other:?}"),
        }
    }
}

#[test]
fn symlinks_are_stored_verbatim() {
    let s = Scratch::new();
    let layer = Layer::new()
        .mtime(1_400_000_000)
        .symlink("abs", "/etc/passwd")
        .symlink("up", "../../..")
        .symlink("rel", "a/b")
        .bytes();
    extract(&layer, &s);
    for (name, target) in [("abs", "/etc/passwd"), ("up", "../../.."), ("rel", "a/b")] {
        assert_eq!(fs::read_link(s.at(name)).unwrap(), Path::new(target));
        assert_eq!(meta(&s.at(name)).mtime(), 1_400_000_000);
    }
}

#[test]
fn times_with_nanoseconds_from_pax() {
    let s = Scratch::new();
    let layer = Layer::new()
        .mtime(1_000_000_000)
        .dir("d/", 0o755)
        .file("d/f", 0o644, b"x")
        .pax(&[("mtime", b"1234567890.123456789")])
        .file("d/precise", 0o644, b"y")
        .raw(b"d/pipe", EntryType::Fifo, 0o644, b"", b"")
        .bytes();
    extract(&layer, &s);
    // The directory's time is set after its entries were written.
    for name in ["d", "d/f", "d/pipe"] {
        let m = meta(&s.at(name));
        assert_eq!((m.mtime(), m.mtime_nsec()), (1_000_000_000, 0), "{name}");
        assert_eq!((m.atime(), m.atime_nsec()), (1_000_000_000, 0), "{name}");
    }
    let m = meta(&s.at("d/precise"));
    assert_eq!((m.mtime(), m.mtime_nsec()), (1_234_567_890, 123_456_789));
    assert_eq!((m.atime(), m.atime_nsec()), (1_234_567_890, 123_456_789));
}

#[test]
fn pax_time_parsing() {
    let t = |s: &str| parse_pax_time(s.as_bytes()).map(|t| (t.tv_sec(), t.tv_nsec()));
    assert_eq!(t("12"), Some((12, 0)));
    assert_eq!(t("12."), Some((12, 0)));
    assert_eq!(t("1.5"), Some((1, 500_000_000)));
    assert_eq!(t("1.0000000019"), Some((1, 1)));
    assert_eq!(t("-1.5"), Some((-2, 500_000_000)));
    assert_eq!(t("-3"), Some((-3, 0)));
    for bad in ["", ".5", "1.2.3", "abc", "+1", "1e9", "1.-5"] {
        assert_eq!(t(bad), None, "{bad:?}");
    }
}

#[test]
fn pax_xattrs_user_kept_overlay_and_others_ignored() {
    let s = Scratch::new();
    let layer = Layer::new()
        .pax(&[("SCHILY.xattr.user.dir", b"1")])
        .dir("d/", 0o755)
        .pax(&[
            ("SCHILY.xattr.user.comment", b"hello"),
            ("SCHILY.xattr.user.overlay.redirect", b"/elsewhere"),
            ("SCHILY.xattr.trusted.overlay.opaque", b"y"),
            ("SCHILY.xattr.trusted.other", b"z"),
            (
                "SCHILY.xattr.security.selinux",
                b"system_u:object_r:bin_t:s0",
            ),
        ])
        .file("d/f", 0o644, b"x")
        // The kernel allows user.* only on files and directories: skipped, not fatal.
        .pax(&[("SCHILY.xattr.user.link", b"1")])
        .symlink("d/l", "f")
        .bytes();
    extract(&layer, &s);
    let get = |name: &str, attr: &str| xattr::get(s.at(name), attr).unwrap();
    assert_eq!(get("d", "user.dir").as_deref(), Some(&b"1"[..]));
    assert_eq!(get("d/f", "user.comment").as_deref(), Some(&b"hello"[..]));
    for attr in [
        "user.overlay.redirect",
        "trusted.overlay.opaque",
        "trusted.other",
    ] {
        assert_eq!(get("d/f", attr), None, "{attr}");
    }
    let selinux = get("d/f", "security.selinux");
    assert_ne!(selinux.as_deref(), Some(&b"system_u:object_r:bin_t:s0"[..]));
}

#[test]
fn file_capability_is_set_when_permitted_and_skipped_otherwise() {
    let s = Scratch::new();
    let capability = [
        1, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
    let layer = Layer::new()
        .pax(&[("SCHILY.xattr.security.capability", &capability)])
        .file("ping", 0o755, b"x")
        .bytes();
    extract(&layer, &s);
    let probe = s.base.join("probe");
    fs::write(&probe, b"").unwrap();
    let permitted = xattr::set(&probe, "security.capability", &capability).is_ok();
    let set = xattr::get(s.at("ping"), "security.capability").unwrap();
    assert_eq!(set.is_some(), permitted);
}

#[test]
fn whiteouts_become_0_0_character_devices() {
    let s = Scratch::new();
    let layer = Layer::new()
        .file("etc/shadow", 0o600, b"old")
        .file("etc/.wh.passwd", 0o644, b"")
        .file("etc/.wh.shadow", 0o644, b"") // replaces the file above
        .file(".wh.gone", 0o644, b"")
        .dir("dir/", 0o755)
        .file("dir/inner", 0o644, b"x")
        .file(".wh.dir", 0o644, b"") // replaces a whole tree
        .device("already", EntryType::Char, 0, 0) // overlay form in the archive
        .bytes();
    let report = extract(&layer, &s);
    assert!(report.skipped_devices.is_empty());
    for name in ["etc/passwd", "etc/shadow", "gone", "dir", "already"] {
        let m = meta(&s.at(name));
        assert!(m.file_type().is_char_device(), "{name}");
        assert_eq!(m.rdev(), 0, "{name}");
    }
    assert_eq!(
        tree(&s.dest()),
        ["already", "dir", "etc", "etc/passwd", "etc/shadow", "gone"]
    );
}

#[test]
fn whiteout_without_a_name_is_refused() {
    for name in [".wh.", "d/.wh..", "d/.wh..."] {
        let s = Scratch::new();
        let layer = Layer::new().file(name, 0o644, b"").bytes();
        let result = extract_layer(&layer[..], &s.dest(), &squash(), None);
        let Err(Error::Refused { entry, .. }) = result else {
            panic!("{name}: {result:?}");
        };
        assert_eq!(format!("{entry}"), name.trim_start_matches("./"));
    }
}

#[test]
fn opaque_marker_sets_the_overlay_xattr() {
    let s = Scratch::new();
    let layer = Layer::new()
        .dir("usr/", 0o755)
        .file("usr/share/.wh..wh..opq", 0o644, b"") // usr/share is created for it
        .file("usr/share/doc", 0o644, b"x")
        .file(".wh..wh..opq", 0o644, b"")
        .bytes();
    extract(&layer, &s);
    let opaque = |path: &Path| xattr::get(path, OPAQUE_XATTR).unwrap();
    assert_eq!(opaque(&s.at("usr/share")).as_deref(), Some(&b"y"[..]));
    assert_eq!(opaque(&s.dest()).as_deref(), Some(&b"y"[..]));
    assert_eq!(opaque(&s.at("usr")), None);
    assert_eq!(tree(&s.dest()), ["usr", "usr/share", "usr/share/doc"]);
}

#[test]
fn aufs_metadata_is_skipped() {
    let s = Scratch::new();
    let layer = Layer::new()
        .dir(".wh..wh.plnk/", 0o700)
        .file(".wh..wh.plnk/123.456", 0o644, b"x")
        .file(".wh..wh.aufs", 0o644, b"")
        .file("d/.wh..wh.orph", 0o644, b"")
        .bytes();
    let report = extract(&layer, &s);
    assert_eq!(report.entries, 4);
    assert_eq!(tree(&s.dest()), ["d"]);
}

#[test]
fn devices_are_skipped_and_reported() {
    let s = Scratch::new();
    let layer = Layer::new()
        .device("dev/null", EntryType::Char, 1, 3)
        .device("dev/sda", EntryType::Block, 8, 0)
        .hardlink("dev/null-again", "dev/null")
        .raw(b"dev/fifo", EntryType::Fifo, 0o620, b"", b"")
        .bytes();
    let report = extract(&layer, &s);
    assert_eq!(
        report.skipped_devices,
        ["dev/null", "dev/sda", "dev/null-again"]
    );
    assert_eq!(tree(&s.dest()), ["dev", "dev/fifo"]);
    assert!(meta(&s.at("dev/fifo")).file_type().is_fifo());
    assert_eq!(mode(&s.at("dev/fifo")), 0o620);
}

#[test]
fn later_entries_replace_earlier_ones() {
    let s = Scratch::new();
    let layer = Layer::new()
        .file("a", 0o644, b"file")
        .dir("a/", 0o755) // a file replaced by a directory
        .file("a/inner", 0o644, b"x")
        .dir("b/", 0o755)
        .dir("b/deep/", 0o555)
        .file("b/deep/f", 0o644, b"y")
        .symlink("b/deep/l", "/etc")
        .file("b", 0o600, b"now a file") // a tree replaced by a file
        .symlink("c", "a")
        .dir("c/", 0o700) // a symlink replaced by a directory, not followed
        .file("d", 0o644, b"old")
        .file("d", 0o644, b"new")
        .dir("e/", 0o755)
        .file("e/kept", 0o644, b"k")
        .dir("e/", 0o750) // a directory kept; the later metadata wins
        .bytes();
    extract(&layer, &s);
    assert_eq!(
        tree(&s.dest()),
        ["a", "a/inner", "b", "c", "d", "e", "e/kept"]
    );
    assert_eq!(fs::read(s.at("b")).unwrap(), b"now a file");
    assert_eq!(mode(&s.at("b")), 0o600);
    assert!(meta(&s.at("c")).is_dir());
    assert_eq!(mode(&s.at("c")), 0o700);
    assert_eq!(fs::read(s.at("d")).unwrap(), b"new");
    assert_eq!(mode(&s.at("e")), 0o750);
}

#[test]
fn replacing_a_directory_by_a_symlink_redirects_later_entries() {
    let s = Scratch::new();
    let layer = Layer::new()
        .dir("x/", 0o755)
        .file("x/f", 0o644, b"1")
        .dir("elsewhere/", 0o755)
        .symlink("x", "elsewhere") // the cached directory x is gone
        .file("x/g", 0o644, b"2")
        .bytes();
    extract(&layer, &s);
    assert_eq!(tree(&s.dest()), ["elsewhere", "elsewhere/g", "x"]);
    assert_eq!(fs::read_link(s.at("x")).unwrap(), Path::new("elsewhere"));
}

#[test]
fn removing_a_tree_does_not_follow_its_symlinks() {
    let s = Scratch::new();
    fs::create_dir(s.base.join("x")).unwrap();
    fs::write(s.base.join("x/sentinel"), b"keep").unwrap();
    let host_x = s.base.join("x");
    let mut layer = Layer::new()
        .dir("t/", 0o755)
        .symlink("t/link", host_x.to_str().unwrap())
        .symlink("t/up", "../..");
    let mut deep = String::from("t");
    for _ in 0..45 {
        deep.push_str("/n");
        layer = layer.dir(&format!("{deep}/"), 0o755);
    }
    let layer = layer.file("t", 0o644, b"").bytes();
    for resolution in RESOLUTIONS {
        let s2 = Scratch::new();
        extract_with(resolution, &layer, &s2.dest(), &squash()).unwrap();
        assert_eq!(tree(&s2.dest()), ["t"]);
    }
    extract(&layer, &s);
    assert_eq!(names(&s.base.join("x")), ["sentinel"]);
    assert_eq!(s.beside(), ["dest", "x"]);
}

#[test]
fn dotdot_is_refused() {
    for name in ["../evil", "a/../../evil", "./../evil", "a/b/../c", ".."] {
        for resolution in RESOLUTIONS {
            let s = Scratch::new();
            let layer = Layer::new()
                .raw(name.as_bytes(), EntryType::Regular, 0o644, b"", b"evil")
                .bytes();
            assert_refused(extract_with(resolution, &layer, &s.dest(), &squash()), name);
            assert_eq!(s.beside(), ["dest"], "{name}");
            assert!(tree(&s.dest()).is_empty(), "{name}");
        }
    }
}

#[test]
fn absolute_names_stay_inside() {
    for resolution in RESOLUTIONS {
        let s = Scratch::new();
        let layer = Layer::new()
            .raw(b"/abs/evil", EntryType::Regular, 0o644, b"", b"1")
            .raw(b"//double//slash", EntryType::Regular, 0o644, b"", b"2")
            .bytes();
        extract_with(resolution, &layer, &s.dest(), &squash()).unwrap();
        assert_eq!(fs::read(s.at("abs/evil")).unwrap(), b"1");
        assert_eq!(fs::read(s.at("double/slash")).unwrap(), b"2");
        assert_eq!(s.beside(), ["dest"]);
    }
}

#[test]
fn writing_through_a_symlink_to_dotdot_stays_inside() {
    for resolution in RESOLUTIONS {
        let s = Scratch::new();
        let layer = Layer::new()
            .symlink("link", "..")
            .file("link/evil", 0o644, b"1")
            .symlink("far", "../../../../..")
            .file("far/evil2", 0o644, b"2")
            .dir("sub/", 0o755)
            .symlink("sub/up", "../..")
            .file("sub/up/evil3", 0o644, b"3")
            .dir("link/made/", 0o755)
            .bytes();
        extract_with(resolution, &layer, &s.dest(), &squash()).unwrap();
        assert_eq!(s.beside(), ["dest"], "{resolution:?}");
        assert_eq!(fs::read(s.at("evil")).unwrap(), b"1");
        assert_eq!(fs::read(s.at("evil2")).unwrap(), b"2");
        assert_eq!(fs::read(s.at("evil3")).unwrap(), b"3");
        assert!(meta(&s.at("made")).is_dir());
    }
}

#[test]
fn writing_through_a_symlink_to_a_host_directory_stays_inside() {
    for resolution in RESOLUTIONS {
        let s = Scratch::new();
        let host_x = s.base.join("x");
        fs::create_dir(&host_x).unwrap();
        let host_x = host_x.to_str().unwrap().to_string();

        // The target does not exist inside the layer: refused.
        let layer = Layer::new()
            .symlink("link", &host_x)
            .file("link/evil", 0o644, b"1")
            .bytes();
        assert_refused(
            extract_with(resolution, &layer, &s.dest(), &squash()),
            "link/evil",
        );

        // Through `/`: lands at the same path inside the layer.
        let s2 = Scratch::new();
        let through_root = format!("root{host_x}/evil");
        let layer = Layer::new()
            .symlink("root", "/")
            .file(&through_root, 0o644, b"2")
            .symlink("up", "../x")
            .dir("x/", 0o755)
            .file("up/evil", 0o644, b"3")
            .bytes();
        extract_with(resolution, &layer, &s2.dest(), &squash()).unwrap();
        let inside = s2.dest().join(host_x.trim_start_matches('/')).join("evil");
        assert_eq!(fs::read(inside).unwrap(), b"2");
        assert_eq!(fs::read(s2.at("x/evil")).unwrap(), b"3");

        assert!(names(&s.base.join("x")).is_empty(), "{resolution:?}");
        assert_eq!(s.beside(), ["dest", "x"]);
        assert_eq!(s2.beside(), ["dest"]);
    }
}

#[test]
fn hardlinks_cannot_reach_outside() {
    let passwd_links = fs::metadata("/etc/passwd").map(|m| m.nlink()).ok();
    for resolution in RESOLUTIONS {
        let s = Scratch::new();
        let outside = s.base.join("outside");
        fs::write(&outside, b"host file").unwrap();
        let outside = outside.to_str().unwrap().to_string();
        let cases: Vec<Vec<u8>> = vec![
            Layer::new().hardlink("h", "../outside").bytes(),
            Layer::new().hardlink("h", "/etc/passwd").bytes(),
            Layer::new().hardlink("h", &outside).bytes(),
            // A hardlink through a symlink that points out of the layer.
            Layer::new()
                .symlink("s", "..")
                .hardlink("h", "s/outside")
                .bytes(),
            Layer::new()
                .symlink("s", "../../../..")
                .hardlink("h", "s/etc/passwd")
                .bytes(),
            Layer::new()
                .symlink("s", s.base.to_str().unwrap())
                .hardlink("h", "s/outside")
                .bytes(),
            Layer::new()
                .symlink("s", "/")
                .hardlink("h", &format!("s{outside}"))
                .bytes(),
        ];
        for (i, layer) in cases.iter().enumerate() {
            let dest = s.base.join("dest");
            let _ = fs::remove_dir_all(&dest);
            fs::create_dir(&dest).unwrap();
            assert_refused(extract_with(resolution, layer, &dest, &squash()), "h");
            assert_eq!(
                meta(Path::new(&outside)).nlink(),
                1,
                "case {i} {resolution:?}"
            );
            assert_eq!(s.beside(), ["dest", "outside"]);
        }
    }
    assert_eq!(
        fs::metadata("/etc/passwd").map(|m| m.nlink()).ok(),
        passwd_links
    );
}

#[test]
fn hardlink_through_an_inner_symlink_is_followed_inside() {
    for resolution in RESOLUTIONS {
        let s = Scratch::new();
        let layer = Layer::new()
            .file("real/f", 0o644, b"x")
            .symlink("s", "real")
            .symlink("abs", "/real")
            .hardlink("h", "s/f")
            .hardlink("h2", "abs/f")
            .bytes();
        extract_with(resolution, &layer, &s.dest(), &squash()).unwrap();
        let ino = meta(&s.at("real/f")).ino();
        assert_eq!(meta(&s.at("h")).ino(), ino);
        assert_eq!(meta(&s.at("h2")).ino(), ino);
    }
}

#[test]
fn writing_through_an_earlier_hardlink_is_impossible() {
    // `f` replaced by a new file must not change `h`, its old hardlink.
    let s = Scratch::new();
    let layer = Layer::new()
        .file("f", 0o644, b"original")
        .hardlink("h", "f")
        .file("f", 0o644, b"replaced")
        .bytes();
    extract(&layer, &s);
    assert_eq!(fs::read(s.at("h")).unwrap(), b"original");
    assert_eq!(fs::read(s.at("f")).unwrap(), b"replaced");
}

#[test]
fn user_space_walk_matches_openat2() {
    use std::os::unix::fs::symlink;
    let s = Scratch::new();
    let d = s.dest();
    fs::create_dir_all(d.join("a/b/c")).unwrap();
    fs::create_dir(s.base.join("hostdir")).unwrap();
    fs::write(d.join("file"), b"").unwrap();
    for (link, target) in [
        ("abs", "/a/b"),
        ("rel", "a/b"),
        ("up", "../../.."),
        ("a/b/back", "../.."),
        ("a/b/c/root", "/"),
        ("loop1", "loop2"),
        ("loop2", "loop1"),
        ("dangling", "nowhere"),
        ("tofile", "file"),
        ("host", s.base.join("hostdir").to_str().unwrap()),
        ("chain", "rel/back/abs/c/root/up"),
    ] {
        symlink(target, d.join(link)).unwrap();
    }
    let kernel = Root::open(&d).unwrap();
    let user = Root::open_without_openat2(&d).unwrap();
    let paths = [
        "",
        "a",
        "a/b/c",
        "abs",
        "abs/c",
        "rel/c",
        "up",
        "up/a",
        "up/up/up/a/b",
        "a/b/back/a",
        "a/b/c/root/a",
        "chain",
        "chain/a/b",
        "loop1",
        "file",
        "file/x",
        "tofile",
        "dangling",
        "host",
        "missing/x",
    ];
    for path in paths {
        let k = kernel.open_dir(path.as_bytes()).map(identity);
        let u = user.open_dir(path.as_bytes()).map(identity);
        assert_eq!(k, u, "{path:?}");
    }
    let at = |path: &str| identity(fs::File::open(path).unwrap());
    let dest = d.to_str().unwrap();
    let cases = [
        ("up", dest.to_string()),
        ("up/up/up/a/b", format!("{dest}/a/b")),
        ("a/b/back/a", format!("{dest}/a")),
        ("chain", dest.to_string()),
    ];
    for (path, expected) in cases {
        assert_eq!(
            user.open_dir(path.as_bytes()).map(identity),
            Ok(at(&expected)),
            "{path}"
        );
    }
    assert_eq!(user.open_dir(b"loop1").map(identity), Err(Errno::ELOOP));
    assert_eq!(user.open_dir(b"file").map(identity), Err(Errno::ENOTDIR));
    assert_eq!(user.open_dir(b"host").map(identity), Err(Errno::ENOENT));
}

#[test]
fn truncated_or_corrupt_archives_are_read_errors() {
    let layer = Layer::new()
        .file("first", 0o644, b"1")
        .file("big", 0o644, &[7u8; 10_000])
        .bytes();
    let s = Scratch::new();
    let truncated = &layer[..1024 + 512 + 5000];
    match extract_layer(truncated, &s.dest(), &squash(), None) {
        Err(Error::Read { context, .. }) => assert!(context.contains("big"), "{context}"),
        other => panic!("{other:?}"),
    }
    let mut corrupt = layer.clone();
    corrupt[1024 + 10] ^= 0xff; // the second header's name: its checksum no longer matches
    let s = Scratch::new();
    match extract_layer(&corrupt[..], &s.dest(), &squash(), None) {
        Err(Error::Read { context, .. }) => assert!(context.contains("first"), "{context}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn unsupported_entry_types_are_refused() {
    let s = Scratch::new();
    let layer = Layer::new()
        .raw(b"volume", EntryType::new(b'V'), 0o644, b"", b"")
        .bytes();
    assert_refused(
        extract_layer(&layer[..], &s.dest(), &squash(), None),
        "volume",
    );
}

/// A GNU sparse file of `real_size` bytes: one 512-byte block of data at
/// the start, the rest a hole.
fn sparse_entry(layer: Layer, name: &str, real_size: u64) -> Layer {
    layer.raw_with(
        name.as_bytes(),
        EntryType::GNUSparse,
        0o644,
        b"",
        &[b'x'; 512],
        |header| {
            let gnu = header.as_gnu_mut().unwrap();
            gnu.sparse[0].set_offset(0);
            gnu.sparse[0].set_length(512);
            // A hole to the end: an empty block there.
            gnu.sparse[1].set_offset(real_size);
            gnu.sparse[1].set_length(0);
            gnu.set_real_size(real_size);
        },
    )
}

#[test]
fn sparse_files_are_refused_before_anything_is_written() {
    // 2 GiB of file from 1.5 KiB of archive: written out, it would fill the disk.
    let layer = sparse_entry(Layer::new().file("first", 0o644, b"1"), "bomb", 2 << 30).bytes();
    assert!(layer.len() < 4096);
    for resolution in RESOLUTIONS {
        let s = Scratch::new();
        let result = extract_with(resolution, &layer, &s.dest(), &squash());
        let message = result.as_ref().map(drop).unwrap_err().to_string();
        assert_refused(result, "bomb");
        assert!(message.contains("GNU sparse file"), "{message}");
        assert!(
            message.contains("unhandled tar header type 83"),
            "{message}"
        );
        assert_eq!(tree(&s.dest()), ["first"], "nothing of the sparse file");
        assert_eq!(s.beside(), ["dest"]);
    }
}

/// An archive whose first header says `size` bytes of `kind` follow, with
/// zeros after it for as long as anyone reads.
fn endless_metadata(kind: EntryType, size: u64) -> impl Read {
    let mut header = Header::new_gnu();
    header.set_entry_type(kind);
    header.set_path("././@LongLink").unwrap();
    header.set_size(size);
    header.set_cksum();
    io::Cursor::new(header.as_bytes().to_vec()).chain(io::repeat(0))
}

#[test]
fn metadata_entries_over_1_mib_are_refused_unread() {
    // Read whole by the tar crate, these would take gigabytes of memory.
    for (kind, what) in [
        (EntryType::XHeader, "PAX extended header"),
        (EntryType::GNULongName, "GNU long name"),
        (EntryType::GNULongLink, "GNU long link name"),
    ] {
        let s = Scratch::new();
        let message = extract_layer(endless_metadata(kind, 4 << 30), &s.dest(), &squash(), None)
            .unwrap_err()
            .to_string();
        assert!(message.contains(what), "{message}");
        assert!(message.contains("more than 1048576"), "{message}");
        assert!(tree(&s.dest()).is_empty());
    }
    // 1 MiB itself is fine: a PAX header of padding records, then a file.
    let padding = "x".repeat((1 << 20) - 20);
    let layer = Layer::new()
        .pax(&[("comment", padding.as_bytes())])
        .file("after", 0o644, b"ok")
        .bytes();
    let s = Scratch::new();
    extract(&layer, &s);
    assert_eq!(fs::read(s.at("after")).unwrap(), b"ok");
}

#[test]
fn the_guard_follows_pax_sizes_and_long_names() {
    // A PAX `size` overrides the header's (here 0): the guard must skip the
    // 600 bytes the tar crate reads as data, or it would take them for
    // headers and miss the sparse file after them.
    let long = format!("{}/file", "d".repeat(150));
    let layer = Layer::new().pax(&[("size", b"600")]).raw_with(
        b"resized",
        EntryType::Regular,
        0o644,
        b"",
        &[b'r'; 600],
        |h| {
            h.set_size(0);
        },
    );
    let mut layer = layer.bytes();
    layer.truncate(layer.len() - 1024); // the end-of-archive blocks
    let mut builder = tar::Builder::new(Vec::new());
    let mut header = Header::new_gnu();
    header.set_size(3);
    header.set_mode(0o644);
    header.set_uid(euid());
    header.set_gid(egid());
    header.set_mtime(0);
    builder
        .append_data(&mut header, &long, &b"abc"[..])
        .unwrap();
    layer.extend_from_slice(&builder.into_inner().unwrap());
    let ok = layer.clone();
    let s = Scratch::new();
    extract_layer(&ok[..], &s.dest(), &squash(), None).unwrap();
    assert_eq!(fs::read(s.at("resized")).unwrap(), [b'r'; 600]);
    assert_eq!(fs::read(s.at(&long)).unwrap(), b"abc");

    let s = Scratch::new();
    let with_sparse = sparse_entry(Layer::new(), "late-bomb", 1 << 40).bytes();
    let mut hostile = ok;
    hostile.truncate(hostile.len() - 1024); // the end-of-archive blocks
    hostile.extend_from_slice(&with_sparse);
    assert_refused(
        extract_layer(&hostile[..], &s.dest(), &squash(), None),
        "late-bomb",
    );
}

#[test]
fn a_size_limit_refuses_the_file_that_would_pass_it() {
    let layer = Layer::new()
        .file("a", 0o644, &[1; 600])
        .file("b", 0o644, &[2; 400])
        .file("c", 0o644, &[3; 1])
        .bytes();
    let s = Scratch::new();
    let result = extract_layer(&layer[..], &s.dest(), &squash(), Some(1000));
    match &result {
        Err(Error::TooLarge { entry, size, limit }) => {
            assert_eq!((entry.as_str(), *size, *limit), ("c", 1, 1000));
        }
        other => panic!("{other:?}"),
    }
    assert!(
        result
            .unwrap_err()
            .to_string()
            .contains("the most one layer may write"),
    );
    assert_eq!(tree(&s.dest()), ["a", "b"], "c was not created");

    let s = Scratch::new();
    let report = extract_layer(&layer[..], &s.dest(), &squash(), Some(1001)).unwrap();
    assert_eq!(report.bytes, 1001);
}

#[test]
fn errors_name_the_entry_and_what_to_do() {
    let s = Scratch::new();
    let layer = Layer::new().file("../evil", 0o644, b"").bytes();
    let message = extract_layer(&layer[..], &s.dest(), &squash(), None)
        .unwrap_err()
        .to_string();
    assert!(message.contains("\"../evil\""), "{message}");
    assert!(
        message.contains("nothing outside the directory extracted into"),
        "{message}"
    );
    let missing = Path::new("/nonexistent/rcon-layer");
    let message = extract_layer(&[][..], missing, &squash(), None)
        .unwrap_err()
        .to_string();
    assert!(message.contains("/nonexistent/rcon-layer"), "{message}");
}

/// `cargo test --release --lib storage::extract::tests::many_small_files -- --ignored --nocapture`
#[test]
#[ignore = "a timing run, not a check"]
fn many_small_files() {
    let mut layer = Layer::new();
    for d in 0..200 {
        layer = layer.dir(&format!("d{d}/"), 0o755);
        for f in 0..100 {
            layer = layer.file(&format!("d{d}/f{f}"), 0o644, b"small file content\n");
        }
    }
    let layer = layer.bytes();
    let s = Scratch::new();
    let start = std::time::Instant::now();
    let report = extract(&layer, &s);
    eprintln!("{} entries in {:?}", report.entries, start.elapsed());
}

/// `extract_plain` into `base` of the scratch's `dest/` as the root.
fn extract_plain_at(layer: &[u8], scratch: &Scratch, base: &str) -> Result<ExtractReport, Error> {
    let root = File::open(scratch.dest()).unwrap();
    extract_plain(layer, root, Path::new(base), &squash())
}

#[test]
fn plain_archives_land_below_the_base_and_keep_wh_names() {
    let scratch = Scratch::new();
    fs::create_dir_all(scratch.at("srv/app")).unwrap();
    let layer = Layer::new()
        .dir("d", 0o750)
        .file("d/.wh.kept", 0o644, b"plain file")
        .file("d/.wh..wh..opq", 0o644, b"also plain")
        .device("d/null", EntryType::Char, 0, 0)
        .hardlink("d/again", "d/.wh.kept")
        .bytes();
    let report = extract_plain_at(&layer, &scratch, "/srv/app").unwrap();
    assert_eq!(report.skipped_devices, ["srv/app/d/null"]);
    assert_eq!(
        tree(&scratch.at("srv/app")),
        ["d", "d/.wh..wh..opq", "d/.wh.kept", "d/again"]
    );
    assert_eq!(
        fs::read(scratch.at("srv/app/d/.wh.kept")).unwrap(),
        b"plain file"
    );
    assert_eq!(mode(&scratch.at("srv/app/d")), 0o750);
    assert_eq!(
        meta(&scratch.at("srv/app/d/again")).ino(),
        meta(&scratch.at("srv/app/d/.wh.kept")).ino()
    );
    assert!(
        xattr::get(scratch.at("srv/app/d"), OPAQUE_XATTR)
            .unwrap()
            .is_none()
    );
}

#[test]
fn plain_archives_follow_the_roots_symlinks_inside_it_only() {
    let scratch = Scratch::new();
    fs::create_dir_all(scratch.at("etc")).unwrap();
    // Planted in the "container": a base that is a symlink to a host path,
    // and a subdirectory that climbs out with `..`.
    std::os::unix::fs::symlink(scratch.base.join("host"), scratch.at("target")).unwrap();
    std::os::unix::fs::symlink("../../../..", scratch.at("etc/up")).unwrap();
    fs::create_dir_all(scratch.base.join("host")).unwrap();
    let layer = Layer::new().file("evil", 0o644, b"x").bytes();
    // `/target` resolves to `<root>/<base>/host`, which does not exist in the root.
    assert!(extract_plain_at(&layer, &scratch, "/target").is_err());
    let layer = Layer::new().file("up/evil", 0o644, b"x").bytes();
    extract_plain_at(&layer, &scratch, "/etc").unwrap();
    assert!(scratch.at("evil").exists(), "`..` stops at the root");
    assert_eq!(names(&scratch.base.join("host")), Vec::<String>::new());
    assert_eq!(scratch.beside(), ["dest", "host"]);
}

#[test]
fn plain_archives_never_swap_a_directory_and_a_file() {
    let scratch = Scratch::new();
    fs::create_dir_all(scratch.at("a/dir")).unwrap();
    fs::write(scratch.at("a/dir/keep"), b"k").unwrap();
    fs::write(scratch.at("a/file"), b"f").unwrap();
    let err = extract_plain_at(
        &Layer::new().file("dir", 0o644, b"x").bytes(),
        &scratch,
        "a",
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("error creating \"/a/dir\": a directory is in the way of a non-directory"),
        "{err}"
    );
    let err =
        extract_plain_at(&Layer::new().dir("file", 0o755).bytes(), &scratch, "a").unwrap_err();
    assert!(
        err.to_string()
            .contains("error creating \"/a/file\": a non-directory is in the way of a directory"),
        "{err}"
    );
    assert_eq!(tree(&scratch.at("a")), ["dir", "dir/keep", "file"]);
    // A file replaces a file (and a symlink is replaced, never written through).
    std::os::unix::fs::symlink(scratch.base.join("outside"), scratch.at("a/link")).unwrap();
    let layer = Layer::new()
        .file("file", 0o600, b"new")
        .file("link", 0o600, b"not through")
        .bytes();
    extract_plain_at(&layer, &scratch, "a").unwrap();
    assert_eq!(fs::read(scratch.at("a/file")).unwrap(), b"new");
    assert!(meta(&scratch.at("a/link")).is_file());
    assert!(!scratch.base.join("outside").exists());
}

#[test]
fn plain_archives_overwriting_swap_a_directory_and_a_file() {
    let scratch = Scratch::new();
    fs::create_dir_all(scratch.at("a/dir/sub")).unwrap();
    fs::write(scratch.at("a/dir/sub/keep"), b"k").unwrap();
    fs::write(scratch.at("a/file"), b"f").unwrap();
    // A symlink to a directory outside is replaced, never entered.
    fs::create_dir_all(scratch.base.join("outside")).unwrap();
    std::os::unix::fs::symlink(scratch.base.join("outside"), scratch.at("a/link")).unwrap();
    let layer = Layer::new()
        .file("dir", 0o644, b"was a directory")
        .dir("file", 0o755)
        .file("file/in", 0o644, b"in")
        .dir("link", 0o755)
        .file("link/in", 0o644, b"in")
        .bytes();
    let root = File::open(scratch.dest()).unwrap();
    extract_plain_over(&layer[..], root, Path::new("a"), &squash(), true).unwrap();
    assert_eq!(fs::read(scratch.at("a/dir")).unwrap(), b"was a directory");
    assert_eq!(fs::read(scratch.at("a/file/in")).unwrap(), b"in");
    assert!(meta(&scratch.at("a/link")).is_dir());
    assert_eq!(names(&scratch.base.join("outside")), Vec::<String>::new());
}

#[test]
fn plain_archives_can_give_every_entry_one_owner() {
    let scratch = Scratch::new();
    let (uid, gid) = (1234u32, 1235u32);
    let probe = scratch.base.join("chown-probe");
    fs::write(&probe, b"").unwrap();
    if std::os::unix::fs::lchown(&probe, Some(uid), Some(gid)).is_err() {
        eprintln!("skipped: this process may not chown to {uid}:{gid}");
        return;
    }
    let layer = Layer::new()
        .owner(42, 43)
        .dir("d", 0o755)
        .file("d/f", 0o644, b"x")
        .bytes();
    let root = File::open(scratch.dest()).unwrap();
    let opts = ExtractOptions {
        ownership: Ownership::Fixed(uid, gid),
    };
    extract_plain(&layer[..], root, Path::new(""), &opts).unwrap();
    for name in ["d", "d/f"] {
        let m = meta(&scratch.at(name));
        assert_eq!((m.uid(), m.gid()), (uid, gid), "{name}");
    }
}
