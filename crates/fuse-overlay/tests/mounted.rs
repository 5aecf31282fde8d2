//! The overlay mounted for real, the way rcon mounts it for a container: by
//! an unprivileged user, as root of a user namespace of its own with its own
//! mount namespace (`unshare -Urm`), on `/dev/fuse` without `fusermount3`.
//!
//! The test re-runs its own binary there (as `nobody` when it starts as
//! root, so no privilege of the caller's is used), which builds layer
//! directories, mounts them with `rcon_fuse_overlay::mount`, serves them with
//! `Server` on a thread and checks through the mount what a program in a
//! container sees; it ends by unmounting, which must end the server.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use rcon_fuse_overlay::{FuseLayers, IdTranslation, Server, format};

/// Set in the re-run process: the directory to work in.
const INSIDE: &str = "RCON_FUSE_OVERLAY_TEST_DIR";

fn main() {
    match std::env::var_os(INSIDE) {
        Some(dir) => inside(Path::new(&dir)),
        None => outside(),
    }
}

fn outside() {
    assert!(
        Path::new("/dev/fuse").exists(),
        "this test needs /dev/fuse (modprobe fuse)"
    );
    let dir =
        std::env::temp_dir().join(format!("rcon-fuse-overlay-mounted-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir(&dir).unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut command = if nix::unistd::geteuid().is_root() {
        // As nobody: the mount must not depend on any privilege.
        nix::unistd::chown(&dir, Some(65534.into()), Some(65534.into())).unwrap();
        let mut setpriv = Command::new("setpriv");
        setpriv.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "unshare",
        ]);
        setpriv
    } else {
        Command::new("unshare")
    };
    let output = command
        .args(["--user", "--map-root-user", "--mount", "--"])
        .arg(&exe)
        .env(INSIDE, &dir)
        .output()
        .expect("running unshare");
    let _ = fs::remove_dir_all(&dir);
    let transcript = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    print!("{transcript}");
    assert!(
        output.status.success(),
        "the mounted checks failed: {transcript}"
    );
    assert!(transcript.contains("mounted checks passed"), "{transcript}");
}

fn inside(dir: &Path) {
    let at = |rel: &str| dir.join(rel);
    let write = |rel: &str, text: &str| {
        let path = at(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    // lower2 (bottom), lower1 (top), upper.
    write("lower2/etc/motd", "bottom\n");
    write("lower2/gone", "deleted by lower1\n");
    write("lower2/d/from-bottom", "");
    write("lower1/etc/motd", "top\n");
    write("lower1/d/from-top", "");
    xattr::set(at("lower1/d"), format::OPAQUE_XATTR, b"y").unwrap();
    nix::sys::stat::mknod(
        &at("lower1/gone"),
        nix::sys::stat::SFlag::S_IFCHR,
        nix::sys::stat::Mode::empty(),
        0,
    )
    .expect("a whiteout, as root of the user namespace");
    for made in ["upper", "work", "merged"] {
        fs::create_dir(at(made)).unwrap();
    }
    let layers = FuseLayers {
        lowers: vec![at("lower1"), at("lower2")],
        upper: at("upper"),
        work: at("work"),
        ids: IdTranslation::default(),
    };
    let merged = at("merged");
    let server = Server::new(&layers, &[PathBuf::from("etc/hostname")]).unwrap();
    let device =
        rcon_fuse_overlay::mount(&merged).expect("mounting /dev/fuse in the user namespace");
    let serving = std::thread::spawn(move || server.serve(device));
    let m = |rel: &str| merged.join(rel);

    assert_eq!(fs::read_to_string(m("etc/motd")).unwrap(), "top\n");
    assert!(!m("gone").exists(), "a whiteout hides the name");
    assert_eq!(
        listing(&m("d")),
        ["from-top"],
        "an opaque dir hides the layers below"
    );
    assert_eq!(
        fs::read_to_string(m("etc/hostname")).unwrap(),
        "",
        "the mount-point file"
    );

    let before = fs::metadata(m("etc/motd")).unwrap().ino();
    fs::OpenOptions::new()
        .append(true)
        .open(m("etc/motd"))
        .and_then(|mut f| std::io::Write::write_all(&mut f, b"more\n"))
        .unwrap();
    assert_eq!(fs::read_to_string(m("etc/motd")).unwrap(), "top\nmore\n");
    assert_eq!(
        fs::read_to_string(at("upper/etc/motd")).unwrap(),
        "top\nmore\n",
        "copied up"
    );
    assert_eq!(
        fs::read_to_string(at("lower1/etc/motd")).unwrap(),
        "top\n",
        "lower untouched"
    );
    assert_eq!(
        fs::metadata(m("etc/motd")).unwrap().ino(),
        before,
        "same inode number"
    );

    fs::remove_file(m("d/from-top")).unwrap();
    let whiteout = fs::symlink_metadata(at("upper/d/from-top")).unwrap();
    assert!(
        format::is_whiteout(&whiteout),
        "removing a lower name leaves a whiteout"
    );
    assert!(listing(&m("d")).is_empty());
    fs::create_dir(m("d/new")).unwrap();
    fs::rename(m("d/new"), m("renamed")).unwrap();
    assert!(at("upper/renamed").is_dir());

    nix::mount::umount2(&merged, nix::mount::MntFlags::MNT_DETACH).unwrap();
    let served = serving.join().expect("the server thread");
    assert!(
        served.is_ok(),
        "the server ends cleanly with its mount: {served:?}"
    );
    println!("mounted checks passed");
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
