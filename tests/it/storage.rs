//! Storage drivers: one conformance suite of filesystem scenarios run on
//! each driver (kernel overlay, rcon's FUSE overlay, vfs) as the unprivileged
//! test user, expecting the same results; then what is particular to FUSE:
//! no server left behind, a missing /dev/fuse, a crash, a broken upper dir.

use std::path::Path;

use crate::common;
use crate::common::{
    HOST_USR, TestEnv, fuse_servers, host_program, image_ref, run_command, servers_gone,
    user_with_ranges,
};
use testkit::catalog::{self, multilayer, owners};

const DRIVERS: [&str; 3] = ["overlay", "fuse-overlay", "vfs"];

/// `rcon --storage-driver DRIVER run --rm IMAGE sh -c SCRIPT`.
fn run_on(env: &TestEnv, driver: &str, image: &str, script: &str) -> common::RunResult {
    run_with(env, driver, &[], image, script)
}

/// `rcon --storage-driver DRIVER run --rm FLAGS IMAGE sh -c SCRIPT`.
fn run_with(
    env: &TestEnv,
    driver: &str,
    flags: &[&str],
    image: &str,
    script: &str,
) -> common::RunResult {
    let reference = image_ref(image);
    let mut args = vec![
        "--storage-driver",
        driver,
        "run",
        "--rm",
        "--tls-verify=false",
        "-q",
    ];
    args.extend_from_slice(flags);
    args.extend_from_slice(&[&reference, "sh", "-c", script]);
    env.run(&args)
}

/// Runs `script` on every driver and checks each prints `expected`.
fn conforms(env: &TestEnv, image: &str, script: &str, expected: &str) {
    conforms_with(env, &[], image, script, expected);
}

/// [`conforms`] with `run` flags.
fn conforms_with(env: &TestEnv, flags: &[&str], image: &str, script: &str, expected: &str) {
    for driver in DRIVERS {
        let out = run_with(env, driver, flags, image, script);
        assert_eq!(
            out.ok().stdout.trim_end(),
            expected.trim_end(),
            "driver {driver}:\n{}",
            out.transcript()
        );
    }
}

#[test]
fn whiteouts_opaque_dirs_and_many_layers_read_the_same_on_every_driver() {
    let env = TestEnv::new(user_with_ranges());
    let script = format!(
        "test -e {} && echo present || echo absent; cat {}; ls {}; cat {}; \
         find /data -type f | wc -l; cat /data/d07/d03/f09",
        multilayer::WHITED_OUT,
        multilayer::LAYER2_MARKER,
        multilayer::OPAQUE_DIR,
        multilayer::KEPT
    );
    let expected = format!(
        "absent\nlayer2\n{}\nkept\n{}\n/data/d07/d03/f09",
        multilayer::OPAQUE_CONTENT.join("\n"),
        multilayer::DATA_FILES
    );
    conforms(&env, catalog::MULTILAYER, &script, &expected);
    conforms(
        &env,
        catalog::LAYERS150,
        "ls /layers | wc -l; cat /layers/001 /layers/150",
        "150\n001\n150",
    );
}

#[test]
fn owners_modes_and_hard_links_survive_copy_up_on_every_driver() {
    let env = TestEnv::new(user_with_ranges());
    let script = format!(
        "stat -c '%u:%g %a' {uid1000} {nobody} {setuid} {setgid} {sticky}; \
         chmod 600 {uid1000}; stat -c '%u:%g %a' {uid1000}; cat {uid1000}; \
         chown 1:1 {nobody}; stat -c '%u:%g %a' {nobody}; \
         readlink {symlink}; mkdir {setgid}/sub; stat -c '%g %a' {setgid}/sub",
        uid1000 = owners::UID_1000_FILE,
        nobody = owners::NOBODY_FILE,
        setuid = owners::SETUID_FILE,
        setgid = owners::SETGID_DIR,
        sticky = owners::STICKY_DIR,
        symlink = owners::SYMLINK,
    );
    let expected = "1000:1000 644\n65534:65534 644\n0:0 4755\n0:1000 2775\n0:0 1777\n\
                    1000:1000 600\ntester\n1:1 644\nhardlink-a\n1000 2755";
    conforms(&env, catalog::OWNERS, &script, expected);
    // Kernel overlay with `userxattr` has no inode index: a copy-up breaks
    // the link there. rcon's FUSE overlay copies both names up as one inode.
    let script = format!(
        "echo more >> {b}; cat {a}; \
         test $(stat -c %i {a}) = $(stat -c %i {b}) && echo one-inode; stat -c %h {a}",
        a = owners::HARDLINK_TARGET,
        b = owners::HARDLINK,
    );
    for driver in ["fuse-overlay", "vfs"] {
        let out = run_on(&env, driver, catalog::OWNERS, &script);
        assert_eq!(out.ok().stdout, "linked\nmore\none-inode\n2\n", "{driver}");
    }
}

#[test]
fn names_are_made_removed_and_renamed_alike_on_every_driver() {
    let env = TestEnv::new(user_with_ranges());
    let script = "set -e; cd /; \
        echo new > /new; mkdir -p /a/b; echo x > /a/b/c; mkfifo /fifo; ln -s /new /link; \
        ln /new /new2; stat -c '%h %F' /new /fifo; cat /link /new2; \
        rm /keep/kept; test -e /keep/kept || echo kept-gone; ls /keep | wc -l; \
        echo again > /keep/kept; cat /keep/kept; \
        rm -r /opaque; mkdir /opaque; ls -a /opaque | wc -l; \
        rmdir /data 2>/dev/null || echo not-empty; \
        mv /data/d07 /moved; ls /moved | wc -l; cat /moved/d03/f09; \
        test -e /data/d07 || echo old-name-gone; ls /data | wc -l; \
        mv /moved /data/d07; cat /data/d07/d03/f09; \
        mv /etc/rcon-layer2 /etc/renamed; cat /etc/renamed; test -e /etc/rcon-layer2 || echo moved; \
        echo 12345 > /t; truncate -s 2 /t; cat /t; echo; \
        touch -d '2001-02-03 04:05:06' /keep/kept; stat -c %Y /keep/kept; \
        rm /a/b/c; rmdir /a/b /a; test -e /a || echo a-gone";
    let expected = format!(
        "2 regular file\n1 fifo\nnew\nnew\nkept-gone\n0\nagain\n2\nnot-empty\n10\n/data/d07/d03/f09\n\
         old-name-gone\n29\n/data/d07/d03/f09\nlayer2\nmoved\n12\n{}\na-gone",
        981173106
    );
    conforms(&env, catalog::MULTILAYER, script, &expected);
}

#[test]
fn names_probed_as_missing_and_programs_rewritten_after_their_exec_read_true_on_every_driver() {
    let env = TestEnv::new(user_with_ranges());
    // The FUSE driver caches a missing name and pushes a program's pages on
    // its first exec: neither may hide what the container writes afterwards.
    let script = "set -e; \
        test -e /probe || echo missing; echo made > /probe; cat /probe; \
        ls /d 2>/dev/null || echo no-dir; mkdir /d; touch /d/f; ls /d; \
        rm /etc/rcon-layer2; cat /etc/rcon-layer2 2>/dev/null || echo removed; \
        echo back > /etc/rcon-layer2; cat /etc/rcon-layer2; \
        printf '#!/bin/sh\\necho first\\n' > /s; chmod +x /s; /s; \
        printf '#!/bin/sh\\necho second run\\n' > /s; /s; \
        cp /bin/busybox /busybox2; /busybox2 echo copied; echo >> /busybox2; /busybox2 echo grown; \
        ls -l /data/d07 | wc -l; find /data -type f | wc -l; \
        mv /data/d07 /data/d77; ls -l /data/d77/d03 | wc -l; test -e /data/d07 || echo d07-gone; \
        rm /data/d77/d03/f09; ls /data/d77/d03 | grep -c f09 || true";
    conforms(
        &env,
        catalog::MULTILAYER,
        script,
        "missing\nmade\nno-dir\nf\nremoved\nback\nfirst\nsecond run\ncopied\ngrown\n\
         11\n3000\n11\nd07-gone\n0",
    );
}

#[test]
fn a_dangling_symlink_at_a_file_mount_point_gets_its_target_made_on_every_driver() {
    let env = TestEnv::new(user_with_ranges());
    // As images made for systemd-resolved have it; runc and crun bind the
    // file onto the link's target, made inside the root.
    let mut link = tar::Builder::new(Vec::new());
    let mut header = tar::Header::new_gnu();
    header.set_entry_type(tar::EntryType::Symlink);
    header.set_size(0);
    header.set_mode(0o777);
    header.set_uid(0);
    header.set_gid(0);
    header.set_mtime(1_600_000_000);
    link.append_link(
        &mut header,
        "resolv.conf",
        "../run/systemd/resolve/stub-resolv.conf",
    )
    .unwrap();
    let link = link.into_inner().unwrap();
    let script = "readlink /etc/resolv.conf; cat /etc/resolv.conf; \
        cat /run/systemd/resolve/stub-resolv.conf";
    for driver in DRIVERS {
        let name = format!("linked-{driver}");
        env.run(&[
            "--storage-driver",
            driver,
            "create",
            "-q",
            "--tls-verify=false",
            "--name",
            &name,
            "--network",
            "none",
            "--dns",
            "192.0.2.53",
            &image_ref(catalog::BUSYBOX),
            "sh",
            "-c",
            script,
        ])
        .ok();
        env.run_with_input(&["cp", "-", &format!("{name}:/etc")], &link)
            .ok();
        let out = env.run(&["start", "-a", &name]);
        assert_eq!(
            out.ok().stdout,
            "../run/systemd/resolve/stub-resolv.conf\n\
             nameserver 192.0.2.53\nnameserver 192.0.2.53\n",
            "driver {driver}:\n{}",
            out.transcript()
        );
        env.run(&["rm", &name]).ok();
    }
}

#[test]
fn mount_point_files_are_made_alike_on_every_driver() {
    let env = TestEnv::new(user_with_ranges());
    let source = env.base.join("mounted.conf");
    std::fs::write(&source, "mounted\n").unwrap();
    std::os::unix::fs::lchown(&source, Some(env.user.uid), Some(env.user.gid)).unwrap();
    let source = source.to_str().unwrap();
    // The FUSE server makes the first (its directory is in the image) before
    // the container mounts; the container's child makes the second.
    let points = ["/etc/extra.conf", "/opt/new/extra.conf"];
    for driver in DRIVERS {
        let name = format!("points-{driver}");
        let mut args = vec![
            "--storage-driver",
            driver,
            "run",
            "-q",
            "--tls-verify=false",
        ];
        args.extend(["--name", &name, "--network", "none"]);
        let volumes: Vec<String> = points.iter().map(|p| format!("{source}:{p}:ro")).collect();
        for volume in &volumes {
            args.extend(["-v", volume.as_str()]);
        }
        let image = image_ref(catalog::BUSYBOX);
        args.extend([image.as_str(), "cat", points[0], points[1], "/etc/hostname"]);
        let out = env.run(&args);
        assert!(
            out.ok().stdout.starts_with("mounted\nmounted\n"),
            "driver {driver}:\n{}",
            out.transcript()
        );
        // What lies under the binds, as `export` reads the stopped
        // container (`cp` would read the bind sources, as Podman does).
        let exported = env.home.join(format!("{name}.tar"));
        env.run(&["export", "-o", exported.to_str().unwrap(), &name])
            .ok();
        let tar = std::fs::read(&exported).unwrap();
        for point in points.iter().chain(&["/etc/hostname"]) {
            let mut archive = tar::Archive::new(tar.as_slice());
            let entry = archive
                .entries()
                .unwrap()
                .map(Result::unwrap)
                .find(|e| e.path().unwrap() == std::path::Path::new(&point[1..]))
                .unwrap_or_else(|| panic!("driver {driver}: {point} not exported"));
            let header = entry.header();
            let made = (
                header.mode().unwrap() & 0o7777,
                header.uid().unwrap(),
                header.gid().unwrap(),
                header.size().unwrap(),
            );
            assert_eq!(made, (0o644, 0, 0, 0), "driver {driver}, {point}");
        }
        env.run(&["rm", &name]).ok();
    }
}

#[test]
fn a_failed_start_on_fuse_leaves_no_server() {
    let env = TestEnv::new(user_with_ranges());
    // The server starts before the child: one child fails before its
    // mount (no network namespace at that path), one after it (no program).
    for (flags, command, code) in [
        (["--network", "ns:/dev/null"], "true", 126),
        (["--network", "none"], "/no/such/program", 127),
    ] {
        let reference = image_ref(catalog::BUSYBOX);
        let mut args = vec!["--storage-driver", "fuse-overlay", "run", "--rm"];
        args.extend(["--tls-verify=false", "-q"]);
        args.extend(flags);
        args.extend([reference.as_str(), command]);
        let out = env.run(&args);
        out.code_is(code);
        assert!(
            servers_gone(&env.base),
            "a FUSE server outlived: {}",
            out.transcript()
        );
    }
    let ps = env.run(&["ps", "-a", "-q"]);
    assert_eq!(ps.ok().stdout.trim(), "", "no container left");
}

/// `getfattr`, `setfattr`, `xfs_io` and `fallocate` (util-linux) from the
/// host, run in a container with [`HOST_USR`]: busybox has none of them (its
/// fallocate cannot punch holes). Defines shell variables G, S, X and F.
fn host_tools() -> String {
    for program in ["getfattr", "setfattr", "xfs_io", "fallocate", "socat"] {
        common::require_program(program);
    }
    format!(
        "G='{}'; S='{}'; X='{}'; F='{}'; ",
        host_program("bin/getfattr", "--absolute-names"),
        host_program("bin/setfattr", ""),
        host_program("sbin/xfs_io", ""),
        host_program("bin/fallocate", ""),
    )
}

#[test]
fn xattrs_survive_copy_up_and_change_through_the_merged_view_on_every_driver() {
    let env = TestEnv::new(user_with_ranges());
    let script = format!(
        "{tools} f={file}; \
         $G --only-values -n {name} $f; echo; \
         echo more >> $f; cat $f; $G --only-values -n {name} $f; echo; \
         $S -n user.added -v two $f; $G -d $f | grep ^user | sort; \
         $S -x {name} $f; $G -n {name} $f 2>/dev/null || echo removed; $G -d $f | grep ^user; \
         $S -n user.dir -v d {sticky}; $G --only-values -n user.dir {sticky}; echo; \
         stat -c %a {sticky}; touch /new; $S -n user.new -v n /new; $G -d /new | grep ^user; \
         $S -n user.overlay.mine -v 3 /new; $G --only-values -n user.overlay.mine /new; echo; \
         $G -d -m - /new | grep -c overlay",
        tools = host_tools(),
        file = owners::XATTR_FILE,
        name = owners::XATTR_NAME,
        sticky = owners::STICKY_DIR,
    );
    // Overlay's own attributes (opaque directories) never show.
    let opaque = format!(
        "{tools} $G -d -m - {dir} | wc -l",
        tools = host_tools(),
        dir = multilayer::OPAQUE_DIR
    );
    conforms_with(
        &env,
        &HOST_USR,
        catalog::OWNERS,
        &script,
        "1\nxattr\nmore\n1\nuser.added=\"two\"\nuser.rcon.test=\"1\"\nremoved\n\
         user.added=\"two\"\nd\n1777\nuser.new=\"n\"\n3\n1",
    );
    conforms_with(&env, &HOST_USR, catalog::MULTILAYER, &opaque, "0");
}

#[test]
fn inode_numbers_stay_put_across_copy_up_on_every_driver() {
    let env = TestEnv::new(user_with_ranges());
    let script = "same() { test \"$1\" = \"$(stat -c %i \"$2\")\" && echo \"$3\"; }; \
        i=$(stat -c %i /keep/kept); echo more >> /keep/kept; same $i /keep/kept file; \
        i=$(stat -c %i /etc/rcon-layer2); chmod 600 /etc/rcon-layer2; same $i /etc/rcon-layer2 chmod; \
        mv /etc/rcon-layer2 /etc/renamed; same $i /etc/renamed renamed; \
        i=$(stat -c %i /data/d07); mkdir /data/d07/new; same $i /data/d07 dir; \
        i=$(stat -c %i /data/d07/new); touch /data/d07/new/f; same $i /data/d07/new new-dir; \
        echo old > /tmp/x; exec 3< /tmp/x; rm /tmp/x; echo new > /tmp/y; cat <&3; cat /tmp/y";
    conforms(
        &env,
        catalog::MULTILAYER,
        script,
        "file\nchmod\nrenamed\ndir\nnew-dir\nold\nnew",
    );
    // Two names of one lower file are one inode before any copy-up (after
    // one, kernel overlay without an index splits them: see the owners test).
    let script = format!(
        "test $(stat -c %i {a}) = $(stat -c %i {b}) && echo one-inode; stat -c %h {a}",
        a = owners::HARDLINK_TARGET,
        b = owners::HARDLINK,
    );
    conforms(&env, catalog::OWNERS, &script, "one-inode\n2");
}

/// Whether `fallocate --punch-hole` works on the filesystem of `dir` (the
/// upper dirs' and the vfs copies').
fn punch_hole_works(dir: &Path) -> bool {
    let probe = dir.join("punch-probe");
    std::fs::write(&probe, [1u8; 8192]).unwrap();
    let punched = std::process::Command::new("fallocate")
        .args(["-p", "-o", "0", "-l", "4096"])
        .arg(&probe)
        .status()
        .is_ok_and(|s| s.success());
    std::fs::remove_file(&probe).unwrap();
    punched
}

#[test]
fn statfs_fsync_fallocate_and_holes_work_alike_on_every_driver() {
    let env = TestEnv::new(user_with_ranges());
    // What the filesystem of the store (upper dirs, vfs copies) reports.
    let host = std::process::Command::new("stat")
        .args(["-f", "-c", "%b %S"])
        .arg(&env.base)
        .output()
        .unwrap();
    let statfs = String::from_utf8(host.stdout).unwrap();
    let (blocks, size) = statfs.trim().split_once(' ').unwrap();
    let kib = blocks.parse::<u64>().unwrap() * size.parse::<u64>().unwrap() / 1024;
    let mut script = format!(
        "{tools} stat -f -c '%b %S' /; df -Pk / | awk 'NR == 2 {{ print $2 }}'; \
         echo data > /f; sync /f && sync -d /f && sync /keep/kept && sync -d /keep/kept \
         && sync /data && sync -f /f && echo synced; \
         fallocate -l 8192 /fa; stat -c %s /fa; fallocate -l 8192 /keep/kept; \
         stat -c %s /keep/kept; head -c 5 /keep/kept; \
         dd if=/dev/zero of=/sparse bs=4096 seek=4 count=1 2>/dev/null; \
         $X -c 'seek -a -r 0' /sparse",
        tools = host_tools()
    );
    let mut expected = format!(
        "{blocks} {size}\n{kib}\nsynced\n8192\n8192\nkept\n\
         Whence\tResult\nHOLE\t0\nDATA\t16384\nHOLE\t20480"
    );
    if punch_hole_works(&env.base) {
        script.push_str(
            "; $F -p -o 16384 -l 4096 /sparse; $X -c 'seek -a -r 0' /sparse; stat -c %s /sparse",
        );
        expected.push_str("\nWhence\tResult\nHOLE\t0\n20480");
    }
    conforms_with(&env, &HOST_USR, catalog::MULTILAYER, &script, &expected);
}

#[test]
fn fifos_and_unix_sockets_are_made_in_the_merged_view_on_every_driver() {
    let env = TestEnv::new(user_with_ranges());
    let script = format!(
        "{tools} socat='{socat}'; cd /etc; \
         mkfifo fifo; mknod fifo2 p; stat -c %F fifo fifo2; \
         (echo through-fifo > fifo &); cat fifo; \
         $socat -u UNIX-LISTEN:/etc/sock OPEN:/etc/got,creat & \
         i=0; while [ ! -S sock ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done; \
         stat -c %F sock; echo through-socket | $socat -u - UNIX-CONNECT:/etc/sock; wait; \
         cat got; rm fifo fifo2; ls fifo 2>/dev/null || echo fifo-gone",
        tools = host_tools(),
        socat = host_program("bin/socat", ""),
    );
    conforms_with(
        &env,
        &HOST_USR,
        catalog::MULTILAYER,
        &script,
        "fifo\nfifo\nthrough-fifo\nsocket\nthrough-socket\nfifo-gone",
    );
}

#[test]
fn directory_link_counts_are_kernel_overlays_on_every_driver() {
    let env = TestEnv::new(user_with_ranges());
    // A directory from one layer, or only in the upper dir, counts its
    // subdirectories; a merged one (upper and lower, or several lowers)
    // reports 1, as kernel overlay does (it does not count the merged
    // listing; `find` takes 1 to mean "unknown"). vfs has no merged
    // directories: there they count too.
    let script = "stat -c %h /data /data/d07 /opaque; mkdir -p /fresh/a /fresh/b; stat -c %h /fresh; \
        mkdir /data/d07/new; find /data/d07 -type d | wc -l; ls -d /data/d07/*/ | wc -l; \
        chmod 700 /etc; stat -c %h / /etc /data/d07 /data";
    let common = ["32", "12", "2", "4", "12", "11"];
    for driver in DRIVERS {
        let out = run_on(&env, driver, catalog::MULTILAYER, script);
        let lines: Vec<&str> = out.ok().stdout.lines().collect();
        let merged_as_expected = if driver == "vfs" {
            lines.get(8..) == Some(&["13", "32"][..])
        } else {
            lines.get(6..) == Some(&["1", "1", "1", "1"][..])
        };
        assert!(
            lines.starts_with(&common) && merged_as_expected,
            "driver {driver}:\n{}",
            out.transcript()
        );
    }
}

#[test]
fn o_tmpfile_works_where_the_driver_can_serve_it() {
    let env = TestEnv::new(user_with_ranges());
    let script = format!(
        "{tools} $X -T -c 'pwrite -q 0 4' -c 'flink /tmp/linked' /tmp 2>&1; \
         stat -c %s /tmp/linked 2>/dev/null || echo not-linked",
        tools = host_tools()
    );
    for driver in DRIVERS {
        let out = run_with(&env, driver, &HOST_USR, catalog::MULTILAYER, &script);
        let shown = out.ok().stdout.trim_end();
        // fuser 0.18 cannot receive FUSE_TMPFILE: the kernel answers
        // EOPNOTSUPP (see `Overlay`'s note), programs fall back to named files.
        if driver == "fuse-overlay" {
            assert!(
                shown.contains("Operation not supported") && shown.ends_with("not-linked"),
                "driver {driver}:\n{}",
                out.transcript()
            );
        } else {
            assert_eq!(shown, "4", "driver {driver}:\n{}", out.transcript());
        }
    }
}

#[test]
fn keep_id_sees_the_same_owners_on_every_driver() {
    let user = user_with_ranges();
    let env = TestEnv::new(user);
    // The image's root files show as the user's (rcon's 0 is the user's ID
    // inside); what the user and what root make inside keep those owners.
    let script = "id -u; stat -c %u:%g /bin; echo x > /tmp/by-user; \
        stat -c %u:%g /tmp/by-user; mkdir /tmp/d; chmod 700 /tmp/d; touch /tmp/d/f; \
        ls -ln /tmp/d | wc -l";
    let expected = format!(
        "{uid}\n{uid}:{gid}\n{uid}:{gid}\n2",
        uid = user.uid,
        gid = user.gid
    );
    let as_root = "echo y > /root-made; stat -c %u:%g /root-made; chown 7:8 /root-made; \
        stat -c %u:%g /root-made; stat -c %u /bin";
    let root_expected = format!("0:0\n7:8\n{}", user.uid);
    for driver in DRIVERS {
        let out = run_with(
            &env,
            driver,
            &["--userns", "keep-id"],
            catalog::BUSYBOX,
            script,
        );
        assert_eq!(
            out.ok().stdout.trim_end(),
            expected,
            "driver {driver}:\n{}",
            out.transcript()
        );
        let out = run_with(
            &env,
            driver,
            &["--userns", "keep-id", "-u", "0"],
            catalog::BUSYBOX,
            as_root,
        );
        assert_eq!(
            out.ok().stdout.trim_end(),
            root_expected,
            "driver {driver}, as root:\n{}",
            out.transcript()
        );
    }
    // On disk, what the user made inside is the user's on the host, alike
    // on both drivers with an upper dir (the format one store shares).
    for driver in ["overlay", "fuse-overlay"] {
        let name = format!("keep-id-{driver}");
        env.run(&[
            "--storage-driver",
            driver,
            "create",
            "--tls-verify=false",
            "-q",
            "--userns",
            "keep-id",
            "--name",
            &name,
            &image_ref(catalog::BUSYBOX),
            "touch",
            "/tmp/mine",
        ])
        .ok();
        env.run(&["start", "-a", &name]).ok();
        let upper = env.run(&[
            "inspect",
            "--format",
            "{{.GraphDriver.Data.UpperDir}}",
            &name,
        ]);
        let made = Path::new(upper.ok().stdout.trim()).join("tmp/mine");
        let meta = std::fs::symlink_metadata(&made).unwrap();
        use std::os::unix::fs::MetadataExt;
        assert_eq!(
            (meta.uid(), meta.gid()),
            (user.uid, user.gid),
            "driver {driver}"
        );
    }
}

#[test]
fn a_container_keeps_its_changes_between_starts_on_every_driver() {
    let env = TestEnv::new(user_with_ranges());
    for driver in DRIVERS {
        let name = format!("keep-{driver}");
        env.run(&[
            "--storage-driver",
            driver,
            "create",
            "--tls-verify=false",
            "-q",
            "--name",
            &name,
            &image_ref(catalog::MULTILAYER),
            "sh",
            "-c",
            "cat /state 2>/dev/null; echo started >> /state; rm -f /keep/kept",
        ])
        .ok();
        env.run(&["start", "-a", &name]).ok();
        let second = env.run(&["start", "-a", &name]);
        assert_eq!(second.ok().stdout, "started\n", "driver {driver}");
        let inspect = env.run(&["inspect", "--format", "{{.Driver}}", &name]);
        assert_eq!(inspect.ok().stdout.trim(), driver);
        env.run(&["rm", &name]).ok();
    }
}

#[test]
fn the_fuse_server_lives_as_long_as_its_container() {
    let env = TestEnv::new(user_with_ranges());
    let id = env
        .run(&[
            "--storage-driver",
            "fuse-overlay",
            "run",
            "-d",
            "--tls-verify=false",
            "-q",
            &image_ref(catalog::BUSYBOX),
            "sleep",
            "1000",
        ])
        .ok()
        .stdout
        .trim()
        .to_string();
    assert_eq!(fuse_servers(&env.base).len(), 1, "one server while it runs");
    env.run(&["rm", "-f", "-t", "0", &id]).ok();
    assert!(servers_gone(&env.base), "no FUSE server left after rm");
    run_on(&env, "fuse-overlay", catalog::BUSYBOX, "true").ok();
    assert!(servers_gone(&env.base), "none left after run --rm");
    let mountinfo = env.run(&["unshare", "cat", "/proc/self/mountinfo"]);
    assert!(!mountinfo.ok().stdout.contains("fuse-overlay"));
}

#[test]
fn without_dev_fuse_an_explicit_fuse_overlay_fails_with_the_fix() {
    let env = TestEnv::new(user_with_ranges());
    let mut command = env.rcon();
    command.env("RCON_FUSE_DEVICE", "/nonexistent/fuse").args([
        "--storage-driver",
        "fuse-overlay",
        "run",
        "--rm",
        "--tls-verify=false",
        "-q",
        &image_ref(catalog::BUSYBOX),
        "true",
    ]);
    let out = run_command(&mut command, None, common::command_timeout()).unwrap();
    out.code_is(125);
    assert!(
        out.stderr.contains("/nonexistent/fuse") && out.stderr.contains("fuse3"),
        "{}",
        out.transcript()
    );
    let bad = env.run(&["--storage-driver", "zfs", "info"]);
    assert!(
        bad.stderr.contains("use overlay, fuse-overlay or vfs"),
        "{}",
        bad.transcript()
    );
    let info = env.run(&["info", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&info.ok().stdout).unwrap();
    assert_eq!(json["store"]["driver"]["driver"], "overlay", "{json}");
    assert!(
        json["store"]["fuse"].is_null(),
        "/dev/fuse works here: {json}"
    );
    let mut info = env.rcon();
    info.env("RCON_FUSE_DEVICE", "/nonexistent/fuse")
        .args(["info", "--format", "json"]);
    let out = run_command(&mut info, None, common::command_timeout()).unwrap();
    let json: serde_json::Value = serde_json::from_str(&out.ok().stdout).unwrap();
    assert!(
        json["store"]["fuse"]
            .as_str()
            .is_some_and(|s| s.contains("/nonexistent/fuse")),
        "{json}"
    );
}

#[test]
fn a_killed_owner_mid_write_leaves_a_removable_container() {
    let env = TestEnv::new(user_with_ranges());
    let id = env
        .run(&[
            "--storage-driver",
            "fuse-overlay",
            "run",
            "-d",
            "--tls-verify=false",
            "-q",
            &image_ref(catalog::MULTILAYER),
            "sh",
            "-c",
            "while true; do cat /data/d0*/d0*/f0* >> /big; done",
        ])
        .ok()
        .stdout
        .trim()
        .to_string();
    let monitor: serde_json::Value = serde_json::from_slice(
        &std::fs::read(
            env.runtime_dir
                .join(format!("rcon/containers/{id}/monitor.json")),
        )
        .unwrap(),
    )
    .unwrap();
    let pid = monitor["monitorPid"].as_i64().unwrap() as i32;
    // SAFETY: kill(2) with a PID read from the monitor's own record.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGKILL) }, 0);
    env.run(&["rm", "-f", "-t", "0", &id]).ok();
    assert!(servers_gone(&env.base), "no FUSE server left");
    run_on(&env, "fuse-overlay", catalog::MULTILAYER, "cat /keep/kept").ok();
}

#[test]
fn a_broken_upper_dir_fails_the_operation_not_the_filesystem() {
    let env = TestEnv::new(user_with_ranges());
    env.run(&[
        "--storage-driver",
        "fuse-overlay",
        "create",
        "--tls-verify=false",
        "-q",
        "--name",
        "broken",
        &image_ref(catalog::MULTILAYER),
        "sh",
        "-c",
        "test -e /started && { echo x >> /keep/kept || echo write-failed; }; \
         touch /started; cat /etc/rcon-layer2",
    ])
    .ok();
    let first = env.run(&["start", "-a", "broken"]);
    assert_eq!(first.ok().stdout, "layer2\n");
    let inspect = env.run(&[
        "inspect",
        "--format",
        "{{.GraphDriver.Data.WorkDir}}",
        "broken",
    ]);
    let work = inspect.ok().stdout.trim().to_string();
    env.run(&["unshare", "rmdir", &work]).ok();
    let out = env.run(&["start", "-a", "broken"]);
    assert_eq!(
        out.ok().stdout,
        "write-failed\nlayer2\n",
        "{}",
        out.transcript()
    );
    let log = Path::new(&work).with_file_name("fuse-overlay.log");
    let log = env.run(&["unshare", "cat", &log.display().to_string()]);
    let log = log.ok().stdout.clone();
    assert!(
        log.contains("fuse-overlay: copying") && log.contains("keep"),
        "{log}"
    );

    // A whiteout where the container holds a directory (its working
    // directory) appears in the upper dir: listing it fails with EIO and a
    // log line; the rest of the filesystem keeps serving. Nothing new is
    // made in the upper dir afterwards (the signal is a fifo, the results
    // are appended), so no new file can take the removed directory's inode
    // number, which the server still knows as the held directory's.
    let (id, root) = started_with_root(
        &env,
        "fuse-overlay",
        "mkdir /held && mkfifo /go && touch /result && cd /held && touch /ready && \
         read signal < /go; ls . >/dev/null 2>&1 || echo ls-failed >> /result; \
         cat /etc/rcon-layer2 >> /result; echo done >> /result; sleep 60",
    );
    let upper = env.run(&["inspect", "--format", "{{.GraphDriver.Data.UpperDir}}", &id]);
    let upper = upper.ok().stdout.trim().to_string();
    env.run(&[
        "unshare",
        "sh",
        "-c",
        &format!("rmdir {upper}/held && mknod {upper}/held c 0 0 && echo go > {root}/go"),
    ])
    .ok();
    let result = format!("{root}/result");
    let mut shown = String::new();
    common::eventually("the container is done", || {
        shown = env.run(&["unshare", "cat", &result]).ok().stdout.clone();
        shown.ends_with("done\n")
    });
    let log = Path::new(&upper).with_file_name("fuse-overlay.log");
    let log = env.run(&["unshare", "cat", &log.display().to_string()]);
    assert!(
        shown == "ls-failed\nlayer2\ndone\n"
            && log.ok().stdout.contains("a name in use has vanished"),
        "{shown}{}",
        log.stdout
    );
    env.run(&["rm", "-f", "-t", "0", &id]).ok();
    assert!(servers_gone(&env.base), "no FUSE server left");
}

#[test]
fn where_kernel_overlay_is_refused_the_store_chooses_fuse_else_vfs() {
    let env = TestEnv::new(user_with_ranges());
    // Overlayfs cannot be the upper layer of another overlay: stores on one
    // (mounted in the namespace, which later commands join) refuse it.
    env.run(&[
        "unshare",
        "sh",
        "-c",
        "mkdir -p $HOME/o/l $HOME/o/u $HOME/o/w $HOME/o/m && \
         mount -t overlay overlay -o lowerdir=$HOME/o/l,upperdir=$HOME/o/u,workdir=$HOME/o/w,userxattr $HOME/o/m",
    ])
    .ok();
    let fuse_root = env.home.join("o/m/fuse-store");
    let info = env.run(&["--root", fuse_root.to_str().unwrap(), "info"]);
    assert!(
        info.ok()
            .stdout
            .contains("driver: fuse-overlay (kernel overlayfs is refused here"),
        "{}",
        info.transcript()
    );
    let out = env.run(&[
        "--root",
        fuse_root.to_str().unwrap(),
        "run",
        "--rm",
        "--tls-verify=false",
        "-q",
        &image_ref(catalog::BUSYBOX),
        "sh",
        "-c",
        "echo written > /f; cat /f",
    ]);
    assert_eq!(out.ok().stdout, "written\n", "{}", out.transcript());
    let vfs_root = env.home.join("o/m/vfs-store");
    let mut info = env.rcon();
    info.env("RCON_FUSE_DEVICE", "/nonexistent/fuse").args([
        "--root",
        vfs_root.to_str().unwrap(),
        "info",
    ]);
    let out = run_command(&mut info, None, common::command_timeout()).unwrap();
    assert!(
        out.ok()
            .stdout
            .contains("driver: vfs (kernel overlayfs is refused here")
            && out.stdout.contains("FUSE is skipped: /nonexistent/fuse"),
        "{}",
        out.transcript()
    );
    env.run(&[
        "unshare",
        "umount",
        "-l",
        env.home.join("o/m").to_str().unwrap(),
    ])
    .ok();
}

#[test]
fn a_driver_named_in_storage_conf_is_used_and_a_bad_one_is_a_clear_error() {
    let env = TestEnv::new(user_with_ranges());
    let podman_conf = env.config_dir().join("containers/storage.conf");
    std::fs::create_dir_all(podman_conf.parent().unwrap()).unwrap();
    // Podman's way of asking for a FUSE overlay: overlay with a mount program.
    std::fs::write(
        &podman_conf,
        "[storage]\ndriver = \"overlay\"\n[storage.options.overlay]\nmount_program = \"/usr/bin/fuse-overlayfs\"\n",
    )
    .unwrap();
    let info = env.run(&["info"]);
    let shown = &info.ok().stdout;
    assert!(
        shown.contains(&format!(
            "driver: fuse-overlay (chosen in {})",
            podman_conf.display()
        )),
        "{shown}"
    );
    let made = env.run(&[
        "create",
        "--tls-verify=false",
        "-q",
        &image_ref(catalog::BUSYBOX),
        "true",
    ]);
    let id = made.ok().stdout.trim().to_string();
    let driver = env.run(&["inspect", "--format", "{{.Driver}}", &id]);
    assert_eq!(driver.ok().stdout.trim(), "fuse-overlay");
    // rcon's own file wins, and the flag wins over both.
    let own_conf = env.config_dir().join("rcon/storage.conf");
    std::fs::create_dir_all(own_conf.parent().unwrap()).unwrap();
    std::fs::write(&own_conf, "[storage]\ndriver = \"vfs\"\n").unwrap();
    let info = env.run(&["info"]);
    assert!(info.ok().stdout.contains("driver: vfs (chosen in"));
    let info = env.run(&["--storage-driver", "overlay", "info"]);
    assert!(
        info.ok()
            .stdout
            .contains("driver: overlay (chosen with --storage-driver)")
    );
    // A driver rcon does not have: one line naming the file, exit 125, nothing made.
    std::fs::write(&own_conf, "[storage]\ndriver = \"zfs\"\n").unwrap();
    let bad = env.run(&[
        "create",
        "--tls-verify=false",
        "-q",
        "--name",
        "never",
        &image_ref(catalog::BUSYBOX),
        "true",
    ]);
    bad.code_is(125);
    assert!(
        bad.stderr.contains(own_conf.to_str().unwrap()),
        "{}",
        bad.stderr
    );
    assert_eq!(bad.stderr.trim().lines().count(), 1, "{}", bad.stderr);
    let listed = env.run(&["ps", "-a", "--format", "{{.Names}}"]);
    assert!(!listed.ok().stdout.contains("never"));
}

/// Run in rcon's user namespace, which owns the container's mounts (a FUSE
/// mount answers no one outside it): for each file, a lock taken with
/// `lockf` and with `flock` by this process must keep a forked child from
/// taking it, and let it once released.
const LOCK_PROBE: &str = r#"
import fcntl, os, sys
def contended(path, take, give, try_take):
    fd = os.open(path, os.O_RDWR)
    take(fd)
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        other = os.open(path, os.O_RDWR)
        try:
            try_take(other); os.write(w, b"taken")
        except OSError:
            os.write(w, b"refused")
        os._exit(0)
    os.waitpid(pid, 0)
    held = os.read(r, 16).decode()
    give(fd)
    other = os.open(path, os.O_RDWR)
    try_take(other)
    return held + "/released"
for path in sys.argv[1:]:
    print(contended(path, lambda fd: fcntl.lockf(fd, fcntl.LOCK_EX),
                    lambda fd: fcntl.lockf(fd, fcntl.LOCK_UN),
                    lambda fd: fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)),
          contended(path, lambda fd: fcntl.flock(fd, fcntl.LOCK_EX),
                    lambda fd: fcntl.flock(fd, fcntl.LOCK_UN),
                    lambda fd: fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)))
"#;

/// Starts `script` (which touches /ready, then sleeps) detached on `driver`;
/// returns the container's ID and `/proc/PID/root`, its view of its rootfs,
/// for probes run with `rcon unshare` (a FUSE mount answers no one outside
/// rcon's user namespace).
fn started_with_root(env: &TestEnv, driver: &str, script: &str) -> (String, String) {
    let made = env.run(&[
        "--storage-driver",
        driver,
        "run",
        "-d",
        "--tls-verify=false",
        "-q",
        &image_ref(catalog::MULTILAYER),
        "sh",
        "-c",
        script,
    ]);
    let id = made.ok().stdout.trim().to_string();
    let pid = env.run(&["inspect", "--format", "{{.State.Pid}}", &id]);
    let root = format!("/proc/{}/root", pid.ok().stdout.trim());
    let ready = format!("{root}/ready");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !env.run(&["unshare", "test", "-e", &ready]).status.success() {
        assert!(
            std::time::Instant::now() < deadline,
            "driver {driver}: never ready"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    (id, root)
}

#[test]
fn posix_and_flock_locks_hold_on_every_driver() {
    common::require_program("python3");
    let env = TestEnv::new(user_with_ranges());
    for driver in DRIVERS {
        let (id, root) = started_with_root(
            &env,
            driver,
            "echo x > /keep/kept; echo y > /lockfile; touch /ready; sleep 60",
        );
        // A copied-up lower file and a new upper file alike.
        let (kept, new) = (format!("{root}/keep/kept"), format!("{root}/lockfile"));
        let probe = env.run(&["unshare", "python3", "-c", LOCK_PROBE, &kept, &new]);
        assert_eq!(
            probe.ok().stdout,
            "refused/released refused/released\n".repeat(2),
            "driver {driver}"
        );
        env.run(&["rm", "-f", "-t", "0", &id]).ok();
    }
}

/// `renameat2(A, B, RENAME_EXCHANGE)` for each pair of arguments; prints
/// `ok` or the errno's name.
const EXCHANGE_PROBE: &str = r#"
import ctypes, errno, os, sys
libc = ctypes.CDLL(None, use_errno=True)
args = sys.argv[1:]
for a, b in zip(args[::2], args[1::2]):
    r = libc.renameat2(-100, a.encode(), -100, b.encode(), 2)
    print("ok" if r == 0 else errno.errorcode[ctypes.get_errno()])
"#;

#[test]
fn rename_exchange_swaps_lower_and_upper_names() {
    common::require_program("python3");
    let env = TestEnv::new(user_with_ranges());
    // Files on every driver; directories too on those that can (kernel
    // overlay with userxattr answers EXDEV for a directory with lower content).
    for driver in DRIVERS {
        let (id, root) = started_with_root(
            &env,
            driver,
            "echo new > /new; mkdir /swapped; echo file > /swapped/only; touch /ready; sleep 60",
        );
        let at = |p: &str| format!("{root}{p}");
        let probe = env.run(&[
            "unshare",
            "python3",
            "-c",
            EXCHANGE_PROBE,
            &at("/keep/kept"),
            &at("/etc/rcon-layer2"),
            &at("/new"),
            &at("/keep/kept"),
            &at("/data/d07"),
            &at("/swapped"),
        ]);
        let lines: Vec<String> = probe.ok().stdout.lines().map(str::to_string).collect();
        assert_eq!(lines[..2], ["ok", "ok"], "driver {driver}");
        if driver == "overlay" {
            assert_eq!(lines[2], "EXDEV");
            env.run(&["rm", "-f", "-t", "0", &id]).ok();
            continue;
        }
        assert_eq!(lines[2], "ok", "driver {driver}");
        let seen = env.run(&["unshare", "sh", "-c", &format!(
            "cd {root} && cat keep/kept etc/rcon-layer2 new; ls data/d07; cat swapped/d03/f09; ls swapped | wc -l"
        )]);
        assert_eq!(
            seen.ok().stdout,
            "new\nkept\nlayer2\nonly\n/data/d07/d03/f09\n10\n",
            "driver {driver}"
        );
        env.run(&["rm", "-f", "-t", "0", &id]).ok();
    }
}

/// A vfs copy of an image under way: the new container's directory being
/// filled under `tmp/`, or (as rcon did before creates were made whole)
/// `rootfs.partial` in a container directory already in place.
fn vfs_copy_under_way(data_dir: &Path) -> bool {
    let under = |dir: &str, copy: &str| {
        std::fs::read_dir(data_dir.join(dir))
            .into_iter()
            .flatten()
            .flatten()
            .any(|entry| entry.path().join(copy).join("bin").exists())
    };
    under("tmp", "rootfs") || under("containers", "rootfs.partial")
}

#[test]
fn a_vfs_create_killed_mid_copy_leaves_no_container_and_the_name_free() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::MULTILAYER);
    env.run(&["pull", "-q", "--tls-verify=false", &reference])
        .ok();
    let mut create = env
        .rcon()
        .args(["--storage-driver", "vfs", "create", "--name", "half"])
        .args([&reference, "cat", multilayer::KEPT])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Killed once the copy of the image (3000 files and more) is begun.
    while !vfs_copy_under_way(&env.data_dir()) {
        if let Some(status) = create.try_wait().unwrap() {
            panic!("the create ended ({status}) before it could be killed mid-copy");
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    create.kill().unwrap();
    create.wait().unwrap();
    let listed = env.run(&["ps", "-a", "--format", "{{.Names}}"]);
    assert_eq!(listed.ok().stdout, "", "a half-made container is listed");
    let out = env.run(&[
        "--storage-driver",
        "vfs",
        "run",
        "--name",
        "half",
        &reference,
        "cat",
        multilayer::KEPT,
    ]);
    assert_eq!(out.ok().stdout, "kept\n");
}

#[test]
fn start_says_what_a_vfs_container_lacks() {
    let env = TestEnv::new(user_with_ranges());
    let id = common::create(
        &env,
        &["--storage-driver", "vfs", "--name", "copyless"],
        &["true"],
    );
    // As a create killed by an older rcon left it: the record without the copy.
    let copy = env.data_dir().join("containers").join(&id).join("rootfs");
    std::fs::remove_dir_all(&copy).unwrap();
    let start = env.run(&["start", "-a", "copyless"]);
    start.code_is(125);
    assert!(
        start.stderr.contains("copy of its image")
            && start.stderr.contains("is missing")
            && start.stderr.contains("rcon rm"),
        "{}",
        start.transcript()
    );
    env.run(&["rm", "copyless"]).ok();
}
