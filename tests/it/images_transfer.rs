//! Moving stored images out and back in: `rcon push` to the test registry
//! and pulls of what was pushed; `rcon save` / `rcon load` archives, and
//! archives written by skopeo.

use crate::common;
use crate::common::{TestEnv, image, image_ref, registry, user_with_ranges};
use testkit::catalog;

fn pull(env: &TestEnv, reference: &str) -> String {
    let result = env.run(&["pull", "-q", "--tls-verify=false", reference]);
    result.ok().stdout.trim().to_string()
}

fn config_id(name: &str) -> String {
    image(name)
        .config_digest
        .trim_start_matches("sha256:")
        .to_string()
}

/// Pushes `source` to `destination` and returns the manifest digest pushed.
fn push(env: &TestEnv, source: &str, destination: &str) -> String {
    let digestfile = env.home.join("pushed-digest");
    env.run(&[
        "push",
        "--tls-verify=false",
        "--digestfile",
        digestfile.to_str().unwrap(),
        source,
        destination,
    ])
    .ok();
    std::fs::read_to_string(&digestfile).unwrap()
}

/// The content of `path` in the image `id` (the topmost stored layer that has it).
fn file_in_image(env: &TestEnv, id: &str, path: &str) -> Option<String> {
    let inspect = env.run(&["image", "inspect", id]);
    let json: serde_json::Value = serde_json::from_str(&inspect.ok().stdout).unwrap();
    let layers = json[0]["RootFS"]["Layers"].as_array().unwrap().clone();
    layers.iter().rev().find_map(|layer| {
        let hex = layer.as_str().unwrap().trim_start_matches("sha256:");
        let file = env
            .data_dir()
            .join("layers")
            .join(hex)
            .join("diff")
            .join(path.trim_start_matches('/'));
        std::fs::read_to_string(file).ok()
    })
}

#[test]
fn push_then_pull_by_digest_gives_the_same_image_and_manifest() {
    let env = TestEnv::new(user_with_ranges());
    let id = pull(&env, &image_ref(catalog::BUSYBOX));
    let destination = format!("{}/rcon-test/pushed/busybox:v1", registry());
    let digest = push(&env, &image_ref(catalog::BUSYBOX), &destination);
    assert_eq!(
        digest,
        image(catalog::BUSYBOX).manifest_digest,
        "an image pushed unchanged keeps its manifest digest"
    );

    let fresh = TestEnv::new(user_with_ranges());
    let by_digest = format!("{}/rcon-test/pushed/busybox@{digest}", registry());
    assert_eq!(pull(&fresh, &by_digest), id);
    assert_eq!(pull(&fresh, &destination), id, "and by tag");
}

#[test]
fn push_of_an_image_whose_shared_layer_came_in_another_compression() {
    let env = TestEnv::new(user_with_ranges());
    pull(&env, &image_ref(catalog::BUSYBOX));
    // The zstd image shares busybox's base layer, already stored from its gzip blob.
    let id = pull(&env, &image_ref(catalog::ZSTD));
    assert_eq!(id, config_id(catalog::ZSTD));
    let destination = format!("{}/rcon-test/pushed/zstd:v1", registry());
    let digest = push(&env, &id[..12], &destination);
    assert_ne!(
        digest,
        image(catalog::ZSTD).manifest_digest,
        "a new manifest"
    );

    let fresh = TestEnv::new(user_with_ranges());
    let by_digest = format!("{}/rcon-test/pushed/zstd@{digest}", registry());
    assert_eq!(pull(&fresh, &by_digest), id, "the same config, the same ID");
    assert_eq!(
        file_in_image(&fresh, &id, "/etc/rcon-zstd").as_deref(),
        Some("zstd\n")
    );
}

#[test]
fn push_without_a_destination_needs_a_name_to_push_to() {
    let env = TestEnv::new(user_with_ranges());
    let id = pull(&env, &image_ref(catalog::BUSYBOX));
    let result = env.run(&["push", "--tls-verify=false", &id[..12]]);
    result.code_is(125);
    assert!(
        result.stderr.contains("give a destination"),
        "{}",
        result.transcript()
    );
    let missing = env.run(&["push", "--tls-verify=false", "no-such-image"]);
    missing.code_is(125);
    assert!(
        missing.stderr.contains("no-such-image"),
        "{}",
        missing.stderr
    );
}

#[test]
fn push_to_a_directory_and_pull_from_an_archive() {
    let env = TestEnv::new(user_with_ranges());
    let id = pull(&env, &image_ref(catalog::BUSYBOX));
    let dir = env.home.join("pushed");
    let destination = format!("dir:{}", dir.display());
    env.run(&["push", "-q", &id[..12], &destination]).ok();
    assert_eq!(
        std::fs::read_to_string(dir.join("version")).unwrap(),
        "Directory Transport Version: 1.1\n"
    );
    assert!(dir.join(&id).is_file(), "the config, named by its digest");
    // skopeo reads it back as the same image.
    let inspected: serde_json::Value =
        serde_json::from_str(&skopeo(&["inspect", "--config", &destination])).unwrap();
    assert_eq!(
        crate::common::stdout(&env.run(&["image", "inspect", "--format", "{{.Os}}", &id])),
        inspected["os"].as_str().unwrap()
    );
    let copied = env.home.join("copied");
    skopeo(&["copy", &destination, &format!("dir:{}", copied.display())]);
    // pull of an archive copies it in, an image pull as Podman's events say.
    let archive = env.home.join("saved.tar");
    env.run(&["save", "-o", &archive.display().to_string(), &id[..12]])
        .ok();
    let from_archive = format!("docker-archive:{}", archive.display());
    let pulled = env.run(&["pull", "-q", &from_archive]);
    assert_eq!(pulled.ok().stdout.trim(), id);
    let events = env.run(&["events", "--stream=false", "--filter", "type=image"]);
    let events = &events.ok().stdout;
    assert!(
        events.contains(&format!("image push {id} {destination}")),
        "{events}"
    );
    assert!(
        events.contains(&format!("image pull  {from_archive}")),
        "{events}"
    );
}

/// The image IDs `rcon images` lists.
fn image_ids(env: &TestEnv) -> Vec<String> {
    let result = env.run(&["images", "-q", "--no-trunc"]);
    result
        .ok()
        .stdout
        .lines()
        .map(|l| l.trim_start_matches("sha256:").to_string())
        .collect()
}

/// `skopeo ARGS` as the test process, which must succeed; returns stdout.
fn skopeo(args: &[&str]) -> String {
    common::require_program("skopeo");
    let output = std::process::Command::new("skopeo")
        .args(args)
        .env("PATH", common::TEST_PATH)
        .output()
        .expect("running skopeo");
    assert!(
        output.status.success(),
        "skopeo {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn save_then_load_round_trips_in_both_formats() {
    use testkit::catalog::multilayer;
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::MULTILAYER);
    let id = pull(&env, &reference);
    for format in ["docker-archive", "oci-archive"] {
        let archive = env.home.join(format!("saved-{format}.tar"));
        let archive = archive.to_str().unwrap();
        env.run(&["save", "--format", format, "-o", archive, &reference])
            .ok();
        // What rcon writes, skopeo reads.
        let inspected = skopeo(&["inspect", &format!("{format}:{archive}")]);
        let inspected: serde_json::Value = serde_json::from_str(&inspected).unwrap();
        assert_eq!(
            inspected["Layers"].as_array().unwrap().len(),
            image(catalog::MULTILAYER).layers.len(),
            "{format}: {inspected}"
        );

        let fresh = TestEnv::new(user_with_ranges());
        let loaded = if format == "oci-archive" {
            fresh.run_with_input(&["load"], &std::fs::read(archive).unwrap())
        } else {
            fresh.run(&["load", "-i", archive])
        };
        assert_eq!(
            loaded.ok().stdout,
            format!("Loaded image: {reference}\n"),
            "{format}"
        );
        assert_eq!(image_ids(&fresh), [id.as_str()], "{format}");
        assert_eq!(
            file_in_image(&fresh, &id, multilayer::KEPT).as_deref(),
            Some("kept\n"),
            "{format}"
        );
        assert_eq!(
            file_in_image(&fresh, &id, multilayer::LAYER2_MARKER).as_deref(),
            Some("layer2\n"),
            "{format}"
        );
        // A loaded image can go on: saved again, or pushed.
        let destination = format!("{}/rcon-test/loaded/{format}:v1", registry());
        push(&fresh, &id[..12], &destination);
        let other = TestEnv::new(user_with_ranges());
        assert_eq!(pull(&other, &destination), id, "{format}");
    }
}

#[test]
fn load_archives_written_by_skopeo() {
    let env = TestEnv::new(user_with_ranges());
    let source = format!("docker://{}", image_ref(catalog::BUSYBOX));
    let id = config_id(catalog::BUSYBOX);
    let dir = env.base.join("skopeo");
    std::fs::create_dir(&dir).unwrap();

    let docker = dir.join("busybox-docker.tar");
    let docker_dest = format!(
        "docker-archive:{}:rcon-test/busybox:skopeo",
        docker.display()
    );
    skopeo(&[
        "copy",
        "-q",
        "--src-tls-verify=false",
        &source,
        &docker_dest,
    ]);
    let oci = dir.join("busybox-oci.tar");
    let oci_dest = format!("oci-archive:{}:localhost/skopeo/busybox:v1", oci.display());
    skopeo(&["copy", "-q", "--src-tls-verify=false", &source, &oci_dest]);
    for file in [&docker, &oci] {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o644)).unwrap();
    }

    let loaded = env.run(&["load", "-i", docker.to_str().unwrap()]);
    assert_eq!(
        loaded.ok().stdout,
        "Loaded image: docker.io/rcon-test/busybox:skopeo\n"
    );
    let loaded = env.run(&["load", "-i", oci.to_str().unwrap()]);
    assert_eq!(
        loaded.ok().stdout,
        "Loaded image: localhost/skopeo/busybox:v1\n"
    );
    assert_eq!(image_ids(&env), [id.as_str()], "one image, two names");
    assert_eq!(
        file_in_image(&env, &id, "/etc/passwd").map(|p| p.starts_with("root:")),
        Some(true)
    );
}

#[test]
fn a_corrupt_archive_is_refused_and_stores_nothing() {
    let env = TestEnv::new(user_with_ranges());
    let reference = image_ref(catalog::BUSYBOX);
    pull(&env, &reference);
    let archive = env.home.join("busybox.tar");
    env.run(&[
        "save",
        "--format",
        "oci-archive",
        "-o",
        archive.to_str().unwrap(),
        &reference,
    ])
    .ok();
    // Flip one byte inside the (only) layer blob, past its gzip header.
    let layer = &image(catalog::BUSYBOX).layers[0];
    let mut bytes = std::fs::read(&archive).unwrap();
    let blob = image(catalog::BUSYBOX).blob(&layer.digest).unwrap();
    let at = bytes
        .windows(64)
        .position(|w| w == &blob[..64])
        .expect("the layer blob is in the archive");
    bytes[at + blob.len() / 2] ^= 0xff;

    let fresh = TestEnv::new(user_with_ranges());
    let result = fresh.run_with_input(&["load"], &bytes);
    result.code_is(125);
    assert!(
        result.stderr.contains("digest") || result.stderr.contains("corrupt"),
        "{}",
        result.transcript()
    );
    assert!(image_ids(&fresh).is_empty());
    let layers = std::fs::read_dir(fresh.data_dir().join("layers")).unwrap();
    assert_eq!(layers.count(), 0, "no layer stored");

    let not_an_archive = fresh.run_with_input(&["load"], b"hello");
    not_an_archive.code_is(125);
    assert!(
        not_an_archive.stderr.contains("standard input"),
        "{}",
        not_an_archive.transcript()
    );
}

/// The fields of Docker's image config that OCI's lacks, as a Docker-built
/// image carries them.
fn docker_only_fields() -> serde_json::Value {
    serde_json::json!({
        "Healthcheck": {"Test": ["CMD-SHELL", "test -e /tmp"], "Interval": 30_000_000_000_u64, "Retries": 3},
        "OnBuild": ["RUN echo built-on"],
        "Shell": ["/bin/sh", "-eu", "-c"],
    })
}

/// Docker's fields of `image`'s config, as `image inspect` shows them.
fn inspected_docker_fields(env: &TestEnv, image: &str) -> serde_json::Value {
    let inspect = env.run(&["image", "inspect", image]);
    let json: serde_json::Value = serde_json::from_str(&inspect.ok().stdout).unwrap();
    let config = &json[0]["Config"];
    serde_json::json!({
        "Healthcheck": config["Healthcheck"],
        "OnBuild": config["OnBuild"],
        "Shell": config["Shell"],
    })
}

#[test]
fn a_docker_images_healthcheck_onbuild_and_shell_survive_commit_and_save_load() {
    let docker = image(catalog::DOCKER_SCHEMA2).edited(
        "rcon-test/docker-healthcheck",
        |config| {
            for (key, value) in docker_only_fields().as_object().unwrap() {
                config["config"][key] = value.clone();
            }
        },
        |_| {},
    );
    let registry = testkit::Registry::start().expect("starting a registry");
    registry.client().push(&docker).expect("pushing the image");
    let env = TestEnv::new(user_with_ranges());
    let reference = docker.reference(&registry.addr);
    pull(&env, &reference);
    assert_eq!(
        inspected_docker_fields(&env, &reference),
        docker_only_fields()
    );

    env.run(&["run", "--name", "c", &reference, "touch", "/committed"])
        .ok();
    let committed = env.run(&["commit", "-q", "c", "committed"]);
    let id = committed.ok().stdout.trim().to_string();
    assert_eq!(
        inspected_docker_fields(&env, "committed"),
        docker_only_fields()
    );

    for format in ["docker-archive", "oci-archive"] {
        let archive = env.home.join(format!("committed-{format}.tar"));
        let archive = archive.to_str().unwrap();
        env.run(&["save", "--format", format, "-o", archive, "committed"])
            .ok();
        let fresh = TestEnv::new(user_with_ranges());
        fresh.run(&["load", "-i", archive]).ok();
        assert_eq!(
            image_ids(&fresh),
            [id.as_str()],
            "{format}: the same config"
        );
        assert_eq!(
            inspected_docker_fields(&fresh, &id),
            docker_only_fields(),
            "{format}"
        );
    }
}

#[test]
fn save_by_id_multi_image_uncompressed_and_load_from_a_url() {
    let env = TestEnv::new(user_with_ranges());
    let busybox = image_ref(catalog::BUSYBOX);
    let multilayer = image_ref(catalog::MULTILAYER);
    let busybox_id = pull(&env, &busybox);
    let multilayer_id = pull(&env, &multilayer);
    // The user's home: rcon writes the archives as that user.
    let dir = env.home.clone();
    let path = |name: &str| dir.join(name).to_str().unwrap().to_string();
    env.run(&["save", "-o", &path("by-id.tar"), &busybox_id[..12]])
        .ok();
    env.run(&["save", "-m", "-o", &path("two.tar"), &busybox, &multilayer])
        .ok();
    env.run(&[
        "save",
        "--format",
        "oci-archive",
        "--uncompressed",
        "-o",
        &path("plain.tar"),
        &multilayer,
    ])
    .ok();

    // Saved by ID: the image comes back without a name, as in Podman.
    let fresh = TestEnv::new(user_with_ranges());
    let loaded = fresh.run(&["load", "-i", &path("by-id.tar")]);
    assert_eq!(
        loaded.ok().stdout,
        format!("Loaded image: sha256:{busybox_id}\n")
    );
    let names = fresh.run(&["images", "--format", "{{.Repository}}:{{.Tag}}"]);
    assert_eq!(names.ok().stdout, "<none>:<none>\n");

    // Both images of a multi-image archive, names kept.
    let fresh = TestEnv::new(user_with_ranges());
    let loaded = fresh.run(&["load", "-i", &path("two.tar")]);
    assert_eq!(
        loaded.ok().stdout,
        format!("Loaded image: {busybox}\nLoaded image: {multilayer}\n")
    );
    let mut ids = image_ids(&fresh);
    ids.sort();
    let mut want = vec![busybox_id.clone(), multilayer_id.clone()];
    want.sort();
    assert_eq!(ids, want);

    // --uncompressed: every layer blob is a plain tar, and the archive loads.
    let plain = env.base.join("plain");
    std::fs::create_dir(&plain).unwrap();
    let untar = std::process::Command::new("tar")
        .args(["-C", plain.to_str().unwrap(), "-xf", &path("plain.tar")])
        .status()
        .unwrap();
    assert!(untar.success());
    let manifest_of = |digest: &str| -> serde_json::Value {
        let hex = digest.trim_start_matches("sha256:");
        serde_json::from_slice(&std::fs::read(plain.join("blobs/sha256").join(hex)).unwrap())
            .unwrap()
    };
    let index = manifest_of_index(&plain);
    let manifest = manifest_of(index["manifests"][0]["digest"].as_str().unwrap());
    for layer in manifest["layers"].as_array().unwrap() {
        assert_eq!(
            layer["mediaType"], "application/vnd.oci.image.layer.v1.tar",
            "{manifest}"
        );
        let hex = layer["digest"]
            .as_str()
            .unwrap()
            .trim_start_matches("sha256:");
        let blob = std::fs::read(plain.join("blobs/sha256").join(hex)).unwrap();
        assert_eq!(&blob[257..262], b"ustar", "layer {hex} is a plain tar");
    }
    let fresh = TestEnv::new(user_with_ranges());
    fresh.run(&["load", "-i", &path("plain.tar")]).ok();
    assert_eq!(image_ids(&fresh), [multilayer_id.as_str()]);

    // From a URL: a real HTTP server holding the archive.
    let server = common::HttpServer::serve(&dir);
    let fresh = TestEnv::new(user_with_ranges());
    let loaded = fresh.run(&["load", "-i", &server.url("two.tar")]);
    let missing = fresh.run(&["load", "-i", &server.url("none.tar")]);
    drop(server);
    assert_eq!(
        loaded.ok().stdout,
        format!("Loaded image: {busybox}\nLoaded image: {multilayer}\n")
    );
    missing.code_is(125);
    assert!(missing.stderr.contains("404"), "{}", missing.transcript());

    // Not an archive: Podman's words, which scripts look for.
    let garbage = fresh.run_with_input(&["load"], b"I am not a tarball\n");
    garbage.code_is(125);
    assert!(
        garbage
            .stderr
            .contains("payload does not match any of the supported image formats"),
        "{}",
        garbage.transcript()
    );
}

fn manifest_of_index(layout: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(layout.join("index.json")).unwrap()).unwrap()
}

#[test]
fn import_makes_an_image_of_an_exported_root() {
    let env = crate::common::with_busybox(crate::common::user_with_ranges());
    let reference = crate::common::image_ref(testkit::catalog::BUSYBOX);
    env.run(&[
        "run",
        "--name",
        "src",
        &reference,
        "sh",
        "-c",
        "echo imported > /marker",
    ])
    .ok();
    let archive = env.home.join("root.tar");
    let archive_text = archive.display().to_string();
    env.run(&["export", "-o", &archive_text, "src"]).ok();
    let id = crate::common::stdout(&env.run(&[
        "import",
        "-q",
        "--change",
        "CMD [\"cat\", \"/marker\"]",
        "--message",
        "from a tarball",
        &archive_text,
        "imported:v1",
    ]));
    assert_eq!(id.len(), 64, "{id}");
    let out = env.run(&["run", "--rm", "localhost/imported:v1"]);
    assert_eq!(out.ok().stdout, "imported\n");
    let comment = env.run(&["history", "--format", "{{.Comment}}", "imported:v1"]);
    assert!(
        comment.ok().stdout.contains("from a tarball"),
        "{}",
        comment.stdout
    );
    // From standard input, known by its ID only.
    let bytes = std::fs::read(&archive).unwrap();
    let piped = env.run_with_input(&["import", "-"], &bytes);
    let piped_id = crate::common::stdout(&piped);
    let out = env.run(&["run", "--rm", &piped_id, "cat", "/marker"]);
    assert_eq!(out.ok().stdout, "imported\n");
    // A bad change is refused before anything is stored.
    let before = env.run(&["images", "-q"]).ok().stdout.clone();
    let bad = env.run(&["import", "--change", "BOGUS x", &archive_text, "bad"]);
    bad.code_is(125);
    assert_eq!(env.run(&["images", "-q"]).ok().stdout, before);
}
