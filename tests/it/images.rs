//! Pulling images from a real registry into the store, as unprivileged users,
//! and the verbs that list, inspect, tag and remove them.

use std::path::{Path, PathBuf};

use crate::common;
use crate::common::{TestEnv, image, image_ref, registry, user_with_ranges, user_without_ranges};
use testkit::catalog::{self, multiarch, multilayer, owners};

fn pull(env: &TestEnv, name: &str) -> String {
    let result = env.run(&["pull", "--tls-verify=false", &image_ref(name)]);
    let id = result.ok().stdout.trim().to_string();
    assert_eq!(
        id.len(),
        64,
        "pull prints the image ID: {}",
        result.transcript()
    );
    id
}

/// The stored path of `path` (absolute inside the image) in the topmost layer that has it.
fn in_layers(env: &TestEnv, name: &str, path: &str) -> PathBuf {
    let image = image(name);
    for layer in image.layers.iter().rev() {
        let hex = layer.diff_id.trim_start_matches("sha256:");
        let candidate = env
            .data_dir()
            .join("layers")
            .join(hex)
            .join("diff")
            .join(path.trim_start_matches('/'));
        if candidate.symlink_metadata().is_ok() {
            return candidate;
        }
    }
    panic!("{path} is in no stored layer of {name}");
}

/// `stat -c FORMAT` inside the user namespace.
fn stat_inside(env: &TestEnv, format: &str, path: &Path) -> String {
    let result = env.run(&["unshare", "stat", "-c", format, path.to_str().unwrap()]);
    result.ok().stdout.trim().to_string()
}

#[test]
fn pull_busybox_stores_the_image_under_its_config_digest() {
    let env = TestEnv::new(user_with_ranges());
    let busybox = image(catalog::BUSYBOX);
    let id = pull(&env, catalog::BUSYBOX);
    assert_eq!(format!("sha256:{id}"), busybox.config_digest);
    let images = env.run(&["images"]);
    let out = &images.ok().stdout;
    assert!(out.starts_with("REPOSITORY"), "{out}");
    let expected_repo = format!("{}/{}", registry(), catalog::BUSYBOX);
    let row = out.lines().nth(1).expect("one image row");
    let columns: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        &columns[..3],
        [expected_repo.as_str(), "latest", &id[..12]],
        "{out}"
    );
    assert_eq!(
        env.run(&["images", "-q"]).ok().stdout,
        format!("{}\n", &id[..12])
    );
    let sh = in_layers(&env, catalog::BUSYBOX, "/bin/sh");
    assert_eq!(std::fs::read_link(&sh).unwrap(), PathBuf::from("busybox"));
}

#[test]
fn pull_preserves_owners_modes_links_and_xattrs_in_the_namespace() {
    let env = TestEnv::new(user_with_ranges());
    pull(&env, catalog::OWNERS);
    let uid_file = in_layers(&env, catalog::OWNERS, owners::UID_1000_FILE);
    assert_eq!(stat_inside(&env, "%u:%g", &uid_file), "1000:1000");
    let nobody = in_layers(&env, catalog::OWNERS, owners::NOBODY_FILE);
    assert_eq!(stat_inside(&env, "%u:%g", &nobody), "65534:65534");
    let setuid = in_layers(&env, catalog::OWNERS, owners::SETUID_FILE);
    assert_eq!(stat_inside(&env, "%a %u", &setuid), "4755 0");
    let sticky = in_layers(&env, catalog::OWNERS, owners::STICKY_DIR);
    assert!(
        stat_inside(&env, "%a", &sticky).starts_with('1'),
        "sticky bit kept"
    );
    let setgid = in_layers(&env, catalog::OWNERS, owners::SETGID_DIR);
    assert!(
        stat_inside(&env, "%a", &setgid).starts_with('2'),
        "setgid bit kept"
    );
    let a = in_layers(&env, catalog::OWNERS, owners::HARDLINK_TARGET);
    let b = in_layers(&env, catalog::OWNERS, owners::HARDLINK);
    assert_eq!(
        stat_inside(&env, "%i %h", &a),
        stat_inside(&env, "%i %h", &b),
        "one inode, two names"
    );
    assert_eq!(stat_inside(&env, "%h", &a), "2");
    let link = in_layers(&env, catalog::OWNERS, owners::SYMLINK);
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    let xattr_file = in_layers(&env, catalog::OWNERS, owners::XATTR_FILE);
    let value = xattr::get(&xattr_file, owners::XATTR_NAME).unwrap();
    assert_eq!(value.as_deref(), Some(owners::XATTR_VALUE));
}

#[test]
fn pull_without_ranges_gives_every_file_to_root_and_warns_once() {
    let env = TestEnv::new(user_without_ranges());
    let result = env.run(&["pull", "--tls-verify=false", &image_ref(catalog::OWNERS)]);
    result.ok();
    let uid_file = in_layers(&env, catalog::OWNERS, owners::UID_1000_FILE);
    assert_eq!(stat_inside(&env, "%u:%g", &uid_file), "0:0");
    let setuid = in_layers(&env, catalog::OWNERS, owners::SETUID_FILE);
    assert_eq!(stat_inside(&env, "%a", &setuid), "4755");
    let squash_warnings = result
        .stderr
        .lines()
        .filter(|l| l.contains("owned by other IDs"))
        .count();
    assert_eq!(squash_warnings, 1, "{}", result.stderr);
}

#[test]
fn whiteouts_and_opaque_dirs_become_the_overlay_format() {
    let env = TestEnv::new(user_with_ranges());
    pull(&env, catalog::MULTILAYER);
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let whiteout = in_layers(&env, catalog::MULTILAYER, multilayer::WHITED_OUT);
    let meta = whiteout.symlink_metadata().unwrap();
    assert!(
        meta.file_type().is_char_device() && meta.rdev() == 0,
        "a 0:0 whiteout"
    );
    let opaque = in_layers(&env, catalog::MULTILAYER, multilayer::OPAQUE_DIR);
    assert_eq!(
        xattr::get(&opaque, "user.overlay.opaque")
            .unwrap()
            .as_deref(),
        Some(&b"y"[..])
    );
    assert!(!opaque.join(".wh..wh..opq").exists());
}

#[test]
fn zstd_schema2_and_150_layer_images_pull() {
    let env = TestEnv::new(user_with_ranges());
    for name in [catalog::ZSTD, catalog::DOCKER_SCHEMA2, catalog::LAYERS150] {
        let id = pull(&env, name);
        assert_eq!(format!("sha256:{id}"), image(name).config_digest, "{name}");
    }
    let inspect = env.run(&["image", "inspect", &image_ref(catalog::LAYERS150)]);
    let json: serde_json::Value = serde_json::from_str(&inspect.ok().stdout).unwrap();
    assert_eq!(
        json[0]["RootFS"]["Layers"].as_array().unwrap().len(),
        image(catalog::LAYERS150).layers.len()
    );
    assert!(image(catalog::LAYERS150).layers.len() > 150);
}

#[test]
fn an_index_without_the_wanted_platform_lists_what_it_has() {
    let env = TestEnv::new(user_with_ranges());
    let result = env.run(&[
        "pull",
        "--tls-verify=false",
        "--platform",
        "linux/s390x",
        &image_ref(catalog::BUSYBOX),
    ]);
    result.code_is(125);
    assert!(
        result.stderr.contains("no image for linux/s390x"),
        "{}",
        result.stderr
    );
    assert!(
        result.stderr.contains("it has: linux/"),
        "{}",
        result.stderr
    );
}

#[test]
fn pull_picks_the_host_platform_from_an_index_or_the_one_asked_for() {
    let env = TestEnv::new(user_with_ranges());
    let multi = image(catalog::MULTIARCH);
    let host = pull(&env, catalog::MULTIARCH);
    assert_eq!(format!("sha256:{host}"), multi.config_digest);
    let marker = in_layers(&env, catalog::MULTIARCH, multiarch::PLATFORM_FILE);
    assert_eq!(
        std::fs::read_to_string(marker).unwrap(),
        multiarch::platform_file_content(&testkit::Platform::host())
    );

    let other = multiarch::other_platform();
    let asked = format!("linux/{}", other.architecture);
    let result = env.run(&[
        "pull",
        "-q",
        "--tls-verify=false",
        "--platform",
        &asked,
        &image_ref(catalog::MULTIARCH),
    ]);
    let id = result.ok().stdout.trim().to_string();
    let chosen = &multi.others[0];
    assert_eq!(format!("sha256:{id}"), chosen.config_digest);
    let inspect = env.run(&["image", "inspect", &id]);
    let json: serde_json::Value = serde_json::from_str(&inspect.ok().stdout).unwrap();
    assert_eq!(json[0]["Architecture"], other.architecture.as_str());
    let own_layer = chosen.layers[1].diff_id.trim_start_matches("sha256:");
    let marker = env
        .data_dir()
        .join("layers")
        .join(own_layer)
        .join("diff")
        .join(multiarch::PLATFORM_FILE.trim_start_matches('/'));
    assert_eq!(
        std::fs::read_to_string(marker).unwrap(),
        multiarch::platform_file_content(&other)
    );
}

#[test]
fn layers_are_shared_and_freed_with_the_last_image() {
    let env = TestEnv::new(user_with_ranges());
    let busybox = pull(&env, catalog::BUSYBOX);
    let zstd = pull(&env, catalog::ZSTD);
    let base = image(catalog::BUSYBOX).layers[0]
        .diff_id
        .trim_start_matches("sha256:")
        .to_string();
    assert_eq!(
        image(catalog::ZSTD).layers[0].diff_id,
        image(catalog::BUSYBOX).layers[0].diff_id
    );
    let layer_dirs = || {
        std::fs::read_dir(env.data_dir().join("layers"))
            .unwrap()
            .count()
    };
    assert_eq!(
        layer_dirs(),
        image(catalog::ZSTD).layers.len(),
        "the shared base is stored once"
    );
    env.run(&["tag", &busybox[..12], "localhost/mine:v1"]).ok();
    let tagged = env.run(&["images", "--format", "json"]);
    assert!(tagged.ok().stdout.contains("localhost/mine:v1"));
    env.run(&["rmi", &image_ref(catalog::ZSTD)]).ok();
    assert!(
        env.data_dir().join("layers").join(&base).exists(),
        "busybox still uses the base layer"
    );
    let removal = env.run(&["rmi", "-f", &busybox]);
    assert!(removal.ok().stdout.contains(&format!("Deleted: {busybox}")));
    assert_eq!(layer_dirs(), 0);
    let gone = env.run(&["image", "inspect", &zstd]);
    gone.code_is(125);
}

#[test]
fn bad_references_and_missing_images_are_clear_errors() {
    let env = TestEnv::new(user_with_ranges());
    let bad = env.run(&["pull", "Bad/Name"]);
    bad.code_is(125);
    assert!(bad.stderr.contains("Bad/Name"), "{}", bad.stderr);
    let missing = env.run(&[
        "pull",
        "--tls-verify=false",
        &format!("{}/rcon-test/no-such-image", registry()),
    ]);
    missing.code_is(125);
    assert!(missing.stderr.contains("not found"), "{}", missing.stderr);
    let unreachable = env.run(&["pull", "--tls-verify=false", "127.0.0.1:1/x/y"]);
    unreachable.code_is(125);
    assert!(
        unreachable.stderr.contains("127.0.0.1:1"),
        "{}",
        unreachable.stderr
    );
    assert_eq!(
        std::fs::read_dir(env.data_dir().join("layers"))
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn concurrent_pulls_of_one_image_both_succeed_and_store_it_once() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::MULTILAYER);
    let children: Vec<_> = (0..2)
        .map(|_| {
            env.rcon()
                .args(["pull", "-q", "--tls-verify=false", &reference])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let layers = std::fs::read_dir(env.data_dir().join("layers"))
        .unwrap()
        .count();
    assert_eq!(layers, image(catalog::MULTILAYER).layers.len());
    assert_eq!(env.run(&["images", "-q"]).ok().stdout.lines().count(), 1);
}

#[test]
fn history_lists_the_steps_newest_first_with_layer_sizes() {
    let env = TestEnv::new(user_with_ranges());
    let id = pull(&env, catalog::MULTILAYER);
    let reference = image_ref(catalog::MULTILAYER);
    let steps = image(catalog::MULTILAYER).layers.len();

    let table = env.run(&["image", "history", &reference]);
    let out = &table.ok().stdout;
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), steps + 1, "{out}");
    let header: Vec<&str> = lines[0]
        .split("   ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(header, ["ID", "CREATED", "CREATED BY", "SIZE", "COMMENT"]);
    assert!(lines[1].starts_with(&id[..12]), "{out}");
    assert!(lines[1].contains("testkit: opaque directory"), "{out}");
    assert!(lines[steps].starts_with("<missing>"), "{out}");
    assert!(
        lines[steps].contains("testkit: busybox-static base"),
        "{out}"
    );

    let quiet = env.run(&["image", "history", "-q", "--no-trunc", &id[..12]]);
    assert_eq!(quiet.ok().stdout.lines().next(), Some(id.as_str()));

    let json = env.run(&["image", "history", "--format", "json", &reference]);
    let json: serde_json::Value = serde_json::from_str(&json.ok().stdout).unwrap();
    let entries = json.as_array().unwrap();
    assert_eq!(entries.len(), steps);
    assert_eq!(entries[0]["id"], id.as_str());
    assert_eq!(entries[0]["CreatedBy"], "testkit: opaque directory");
    let data_layer = &entries[steps - 2];
    assert_eq!(data_layer["CreatedBy"], "testkit: 3000 small files");
    assert!(
        data_layer["size"].as_u64().unwrap() > 3000 * 10,
        "the 3000-file layer's size: {data_layer}"
    );
    env.run(&["image", "history", "no-such-image"]).code_is(125);
}

#[test]
fn pull_on_a_terminal_shows_live_progress_and_plain_lines_otherwise() {
    common::require_program("script");
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::MULTILAYER);
    let command = format!(
        "{} pull --tls-verify=false {reference}",
        common::rcon_bin().display()
    );
    // `script` gives rcon a pseudo-terminal and copies what it shows to stdout.
    let output = env
        .command_as_user("script")
        .env("TERM", "xterm")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{screen}");
    let first_layer = &image(catalog::MULTILAYER).layers[1].digest[7..19];
    assert!(
        screen.contains(&format!("Copying blob {first_layer} done (")),
        "a finished bar with size and speed: {screen}"
    );
    assert!(screen.contains("/s)"), "{screen}");

    let plain = env.run(&["pull", "--tls-verify=false", &reference]);
    let lines = plain.ok().stderr.clone();
    assert!(
        lines.contains(&format!(
            "Copying blob {first_layer} skipped: already exists"
        )),
        "{lines}"
    );
    assert!(
        !lines.contains('\u{1b}'),
        "no escape sequences without a terminal"
    );
    let quiet = env.run(&["pull", "-q", "--tls-verify=false", &reference]);
    assert_eq!(quiet.ok().stderr, "");
    assert_eq!(quiet.stdout.trim().len(), 64);
}

/// The stored layer directories.
fn layer_dirs(env: &TestEnv) -> Vec<String> {
    std::fs::read_dir(env.data_dir().join("layers"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// The diff ID hex of `image`'s top layer, from `rcon image inspect`.
fn top_layer(env: &TestEnv, image: &str) -> String {
    let inspect = env.run(&["image", "inspect", image]);
    let json: serde_json::Value = serde_json::from_str(&inspect.ok().stdout).unwrap();
    let layers = json[0]["RootFS"]["Layers"].as_array().unwrap();
    let top = layers.last().unwrap().as_str().unwrap();
    top.trim_start_matches("sha256:").to_string()
}

/// Runs `script` in a new container called `name` and commits it without a
/// name; returns the new (dangling) image's ID.
fn dangling_image(env: &TestEnv, name: &str, script: &str) -> String {
    let reference = image_ref(catalog::BUSYBOX);
    env.run(&[
        "run",
        "--name",
        name,
        "--tls-verify=false",
        "-q",
        &reference,
        "sh",
        "-c",
        script,
    ])
    .ok();
    let id = env
        .run(&["commit", "-q", name])
        .ok()
        .stdout
        .trim()
        .to_string();
    assert_eq!(id.len(), 64, "commit prints the image ID");
    env.run(&["rm", name]).ok();
    id
}

#[test]
fn image_prune_keeps_every_image_a_container_uses() {
    let env = TestEnv::new(user_with_ranges());
    let used = dangling_image(&env, "c1", "echo a > /a");
    let unused = dangling_image(&env, "c2", "echo b > /b");
    let unused_layer = top_layer(&env, &unused);
    let used_layer = top_layer(&env, &used);
    assert_ne!(unused_layer, used_layer);
    env.run(&["create", "--name", "user", &used, "cat", "/a"])
        .ok();

    let pruned = env.run(&["image", "prune"]);
    assert_eq!(
        pruned.ok().stdout,
        format!("{unused}\n"),
        "only the unused dangling image"
    );
    env.run(&["image", "inspect", &unused]).code_is(125);
    let layers = layer_dirs(&env);
    assert!(
        !layers.contains(&unused_layer),
        "its layer is freed: {layers:?}"
    );
    assert!(layers.contains(&used_layer), "{layers:?}");
    assert_eq!(env.run(&["start", "-a", "user"]).ok().stdout, "a\n");

    // -a: tagged images go too, unless a container uses them.
    let busybox = pull(&env, catalog::BUSYBOX);
    let zstd = pull(&env, catalog::ZSTD);
    env.run(&["create", "--name", "z", &image_ref(catalog::ZSTD), "true"])
        .ok();
    let all = env.run(&["image", "prune", "-a"]);
    assert_eq!(all.ok().stdout, format!("{busybox}\n"));
    env.run(&["image", "inspect", &busybox]).code_is(125);
    env.run(&["image", "inspect", &zstd]).ok();
    env.run(&["image", "inspect", &used]).ok();
    assert_eq!(env.run(&["start", "-a", "user"]).ok().stdout, "a\n");

    // An image whose name moved to another one is dangling, and kept while used.
    env.run(&["tag", &used, "localhost/moving:v1"]).ok();
    env.run(&["tag", &zstd, "localhost/moving:v1"]).ok();
    env.run(&["rm", "z"]).ok();
    env.run(&["image", "prune"]).ok();
    env.run(&["image", "inspect", &used]).ok();
    env.run(&["rm", "user"]).ok();
    let last = env.run(&["image", "prune"]);
    assert_eq!(last.ok().stdout, format!("{used}\n"));
    assert!(!layer_dirs(&env).contains(&used_layer));
}

#[test]
fn a_short_name_is_tried_in_every_search_registry_and_the_error_names_each() {
    let env = TestEnv::new(user_with_ranges());
    let conf = env.config_dir().join("containers/registries.conf");
    std::fs::create_dir_all(conf.parent().unwrap()).unwrap();
    let registry = registry();
    // Nothing listens on port 1.
    std::fs::write(
        &conf,
        format!(
            "unqualified-search-registries = [\"127.0.0.1:1\", \"{registry}\"]\n\
             [[registry]]\nlocation = \"127.0.0.1:1\"\ninsecure = true\n\
             [[registry]]\nlocation = \"{registry}\"\ninsecure = true\n"
        ),
    )
    .unwrap();
    let missing = env.run(&["pull", "rcon-test/no-such-image"]);
    missing.code_is(125);
    let error = missing
        .stderr
        .lines()
        .find(|l| l.starts_with("Error: "))
        .unwrap_or_else(|| panic!("{}", missing.transcript()));
    for name in [
        "127.0.0.1:1/rcon-test/no-such-image:latest".to_string(),
        format!("{registry}/rcon-test/no-such-image:latest"),
    ] {
        assert!(error.contains(&name), "{error}");
    }
    assert!(
        error.contains("registries.conf"),
        "says where to fix it: {error}"
    );

    // The unreachable first registry does not stop the search.
    let found = env.run(&["pull", "-q", &format!("{}:latest", catalog::BUSYBOX)]);
    assert_eq!(
        format!("sha256:{}", found.ok().stdout.trim()),
        image(catalog::BUSYBOX).config_digest
    );
}

#[test]
fn every_test_image_pulls_without_ranges_with_one_warning_and_root_owned_files() {
    let env = TestEnv::new(user_without_ranges());
    // The namespace is made (and its own warning given) by an earlier command.
    env.run(&["images"]).ok();
    for name in catalog::TEST_IMAGE_NAMES {
        let result = env.run(&["pull", "--tls-verify=false", &image_ref(name)]);
        let id = result.ok().stdout.trim().to_string();
        assert_eq!(
            format!("sha256:{id}"),
            image(name).config_digest,
            "{name}: {}",
            result.transcript()
        );
        // One warning line (the mapping, and how to fix it); the rest is progress.
        let (warnings, others): (Vec<&str>, Vec<&str>) = result
            .stderr
            .lines()
            .partition(|l| l.contains(" level=warning "));
        assert_eq!(
            warnings.len(),
            1,
            "{name}: one warning line: {}",
            result.stderr
        );
        assert!(
            warnings[0].contains("single-ID mapping") && warnings[0].contains("usermod"),
            "{name}: {}",
            warnings[0]
        );
        assert!(
            others.iter().all(|l| l.starts_with("Trying to pull ")
                || l.starts_with("Copying ")
                || l.starts_with("Writing manifest")),
            "{name}: {}",
            result.stderr
        );
        // Inside the namespace every file of every layer belongs to root.
        for layer in &image(name).layers {
            let diff = env
                .data_dir()
                .join("layers")
                .join(layer.diff_id.trim_start_matches("sha256:"))
                .join("diff");
            let diff = diff.to_str().unwrap();
            let all = env.run(&["unshare", "find", diff]);
            assert!(
                all.ok().stdout.lines().count() > 1,
                "{name}: {diff} is empty"
            );
            let others = env.run(&[
                "unshare", "find", diff, "(", "!", "-uid", "0", "-o", "!", "-gid", "0", ")",
                "-print",
            ]);
            assert_eq!(others.ok().stdout, "", "{name}: files not owned by 0:0");
        }
    }
    let listed = env.run(&["images", "-q"]);
    assert_eq!(
        listed.ok().stdout.lines().count(),
        catalog::TEST_IMAGE_NAMES.len(),
        "{}",
        listed.stdout
    );
    // And a container of the multi-owner image sees them as root's.
    let seen = env.run(&[
        "run",
        "--rm",
        &image_ref(catalog::OWNERS),
        "stat",
        "-c",
        "%u:%g",
        owners::UID_1000_FILE,
        owners::NOBODY_FILE,
    ]);
    assert_eq!(seen.ok().stdout, "0:0\n0:0\n");
}

#[test]
fn images_digests_reference_filter_and_inspect_fields() {
    let env = TestEnv::new(user_with_ranges());
    let busybox_id = pull(&env, catalog::BUSYBOX);
    let schema2_id = pull(&env, catalog::DOCKER_SCHEMA2);
    pull(&env, catalog::MULTILAYER);
    env.run(&["tag", &busybox_id[..12], "localhost/mine:v1"])
        .ok();
    let busybox = image(catalog::BUSYBOX);
    let repository = format!("{}/{}", registry(), catalog::BUSYBOX);

    // --digests: a DIGEST column before IMAGE ID, the manifest's digest.
    let table = env.run(&["images", "--digests"]);
    let out = &table.ok().stdout;
    let mut lines = out.lines();
    let header: Vec<&str> = lines
        .next()
        .unwrap()
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        header,
        ["REPOSITORY", "TAG", "DIGEST", "IMAGE ID", "CREATED", "SIZE"]
    );
    let row = lines
        .find(|l| l.starts_with(&format!("{repository} ")))
        .unwrap_or_else(|| panic!("no {repository} row: {out}"));
    let columns: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        &columns[..4],
        [
            repository.as_str(),
            "latest",
            busybox.manifest_digest.as_str(),
            &busybox_id[..12]
        ],
        "{out}"
    );
    let plain = env.run(&["images"]);
    assert!(!plain.ok().stdout.contains("DIGEST"), "{}", plain.stdout);
    assert!(
        !plain.stdout.contains(&busybox.manifest_digest),
        "{}",
        plain.stdout
    );

    // A reference picks the images it names: full, short, with or without
    // tag, and an ID prefix; an unknown one lists nothing.
    let ids = |filter: &str| {
        let listed = env.run(&["images", "-q", "--no-trunc", filter]);
        let mut ids: Vec<String> = listed.ok().stdout.lines().map(String::from).collect();
        ids.dedup();
        ids
    };
    let busybox_only = vec![format!("sha256:{busybox_id}")];
    assert_eq!(ids(&image_ref(catalog::BUSYBOX)), busybox_only);
    assert_eq!(ids(&repository), busybox_only, "without a tag");
    assert_eq!(ids(catalog::BUSYBOX), busybox_only, "without the registry");
    assert_eq!(ids("busybox"), busybox_only, "the last component");
    assert_eq!(ids("mine"), busybox_only, "any tag of localhost/mine");
    assert_eq!(ids("localhost/mine:v1"), busybox_only);
    assert_eq!(ids(&schema2_id[..12]), vec![format!("sha256:{schema2_id}")]);
    assert_eq!(ids("no-such-image"), Vec::<String>::new());
    assert_eq!(
        ids(&format!("{repository}:other-tag")),
        Vec::<String>::new()
    );
    // As in Podman the filter picks images; each is listed under all its names.
    let table = env.run(&["images", "busybox"]);
    let rows: Vec<&str> = table.ok().stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{}", table.stdout);
    assert!(
        rows.iter().all(|r| r.contains(&busybox_id[..12])),
        "{}",
        table.stdout
    );

    // inspect: the fields Podman shows, from the manifest and the config.
    let inspect = |name: &str| -> serde_json::Value {
        let out = env.run(&["image", "inspect", name]);
        let json: serde_json::Value = serde_json::from_str(&out.ok().stdout).unwrap();
        assert_eq!(json.as_array().map(Vec::len), Some(1), "{json}");
        json[0].clone()
    };
    let platform = testkit::Platform::host();
    let json = inspect(&image_ref(catalog::BUSYBOX));
    assert_eq!(json["Id"], busybox_id.as_str());
    assert_eq!(json["Digest"], busybox.manifest_digest.as_str(), "{json}");
    let mut repo_digests: Vec<&str> = json["RepoDigests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    repo_digests.sort();
    let mut expected = vec![
        format!("{repository}@{}", busybox.manifest_digest),
        format!("{repository}@{}", busybox.index_digest.as_ref().unwrap()),
    ];
    expected.sort();
    assert_eq!(repo_digests, expected, "the manifest's and the index's");
    let mut tags: Vec<&str> = json["RepoTags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    tags.sort();
    assert_eq!(
        tags,
        [image_ref(catalog::BUSYBOX).as_str(), "localhost/mine:v1"]
    );
    assert_eq!(json["Config"]["Cmd"], serde_json::json!(["sh"]));
    assert_eq!(json["Config"]["WorkingDir"], "/");
    assert_eq!(json["Architecture"], platform.architecture.as_str());
    assert_eq!(json["Os"], "linux");
    let created = json["Created"].as_str().unwrap();
    assert!(created.starts_with("2024-01-01T00:00:00"), "{created}");
    assert_eq!(
        json["RootFS"]["Layers"],
        serde_json::json!([busybox.layers[0].diff_id])
    );
    assert!(json["Size"].as_u64().unwrap() > 0, "{json}");
    // The same image by ID prefix and by its other name.
    assert_eq!(inspect(&busybox_id[..12])["Id"], busybox_id.as_str());
    assert_eq!(inspect("localhost/mine:v1")["Id"], busybox_id.as_str());

    // A Docker schema-2 image without an index: one repo digest.
    let schema2 = image(catalog::DOCKER_SCHEMA2);
    let json = inspect(&image_ref(catalog::DOCKER_SCHEMA2));
    assert_eq!(json["Digest"], schema2.manifest_digest.as_str());
    assert_eq!(
        json["RepoDigests"],
        serde_json::json!([format!(
            "{}/{}@{}",
            registry(),
            catalog::DOCKER_SCHEMA2,
            schema2.manifest_digest
        )])
    );
    assert_eq!(json["Config"]["Cmd"], serde_json::json!(["sh"]));
    assert_eq!(json["Os"], "linux");
    assert_eq!(json["Architecture"], platform.architecture.as_str());

    let missing = env.run(&["image", "inspect", "no-such-image"]);
    missing.code_is(125);
    assert!(
        missing.stderr.contains("no-such-image"),
        "{}",
        missing.stderr
    );
    assert_eq!(
        missing.stderr.trim_end().lines().count(),
        1,
        "{}",
        missing.stderr
    );
}

#[test]
fn names_history_untag_and_digest_references_as_podman() {
    let env = TestEnv::new(user_with_ranges());
    let id = pull(&env, catalog::BUSYBOX);
    let reference = image_ref(catalog::BUSYBOX);
    let history = || {
        env.run(&["images", "--format", "{{.History}}", "three"])
            .ok()
            .stdout
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    env.run(&["tag", &id, "one", "two"]).ok();
    env.run(&["rmi", "one"]).ok();
    env.run(&["untag", &id, "two"]).ok();
    env.run(&["tag", &id, "three"]).ok();
    // Its names, then those it had, the latest first (Podman's NamesHistory).
    assert_eq!(
        history(),
        format!("localhost/three:latest, {reference}, localhost/two:latest, localhost/one:latest")
    );
    let missing = env.run(&["untag", &id, "never"]);
    missing.code_is(125);
    assert_eq!(missing.stderr, "Error: never: tag not known\n");
    env.run(&["image", "exists", "three"]).code_is(0);
    env.run(&["image", "exists", "two"]).code_is(1);

    // A digest it was pulled by names it; removing that reference only untags.
    let digest = env
        .run(&["inspect", "--format", "{{.Digest}}", &reference])
        .ok()
        .stdout
        .trim()
        .to_string();
    let (repository, _) = reference.rsplit_once(':').unwrap();
    let by_digest = format!("{repository}@{digest}");
    env.run(&["image", "exists", &by_digest]).code_is(0);
    assert_eq!(
        env.run(&["rmi", &by_digest]).ok().stdout,
        format!("Untagged: {by_digest}\n")
    );
    env.run(&["image", "exists", &reference]).code_is(0);

    // By name only that name goes, even with -f; by ID, an image with
    // several names only with -f.
    let by_id = env.run(&["rmi", &id[..12]]);
    by_id.code_is(125);
    assert!(
        by_id.stderr.contains("by ID with more than one tag"),
        "{}",
        by_id.stderr
    );
    env.run(&["tag", &id, "four"]).ok();
    assert_eq!(
        env.run(&["rmi", "-f", "four"]).ok().stdout,
        "Untagged: localhost/four:latest\n"
    );

    // Unknown images: exit 1, or nothing with --ignore / --force.
    let unknown = env.run(&["rmi", "nosuch"]);
    unknown.code_is(1);
    assert_eq!(unknown.stderr, "Error: nosuch: image not known\n");
    env.run(&["rmi", "--ignore", "nosuch"]).code_is(0);
    env.run(&["rmi", "-f", "nosuch"]).code_is(0);

    // An image in use: exit 2, Podman's words.
    env.run(&["create", "--name", "user", "three"]).ok();
    let used = env.run(&["rmi", "three", &reference]);
    used.code_is(2);
    assert!(
        used.stderr
            .starts_with("Error: 2 errors occurred:\n\t* image used by "),
        "{}",
        used.stderr
    );
}
