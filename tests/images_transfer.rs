//! Moving stored images out and back in: `rcon push` to the test registry
//! and pulls of what was pushed; `rcon save` / `rcon load` archives, and
//! archives written by skopeo.

mod common;

use common::{TestEnv, image, image_ref, registry, user_with_ranges};
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
