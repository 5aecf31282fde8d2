//! The test kit itself: the registry the harness starts holds every test
//! image as built, and the harness runs commands as the test user.

use std::collections::BTreeSet;

use crate::common;

use testkit::catalog::{self, LAYERS150, OWNERS, TEST_IMAGE_NAMES, ZSTD, multiarch};
use testkit::layer::ZSTD_MAGIC;
use testkit::serde_json::{self, Value};
use testkit::tar;
use testkit::{Client, decompress_layer, media_type, sha256_digest};

fn client() -> Client {
    Client::new(common::registry())
}

fn json(data: &[u8]) -> Value {
    serde_json::from_slice(data).expect("valid JSON")
}

/// The platform manifest of `name:latest` as served, following an index.
fn served_manifest(name: &str) -> Value {
    let client = client();
    let top = client.manifest(name, "latest").unwrap();
    if top.media_type == media_type::OCI_INDEX {
        let index = json(&top.data);
        let digest = index["manifests"][0]["digest"].as_str().unwrap();
        json(&client.manifest(name, digest).unwrap().data)
    } else {
        json(&top.data)
    }
}

/// Layer `i` of `name` as served, still compressed.
fn served_layer(name: &str, i: usize) -> Vec<u8> {
    let manifest = served_manifest(name);
    let digest = manifest["layers"][i]["digest"].as_str().unwrap();
    client().blob(name, digest).unwrap()
}

#[test]
fn catalog_lists_every_test_image() {
    let served: BTreeSet<String> = client().catalog().unwrap().into_iter().collect();
    for name in TEST_IMAGE_NAMES {
        assert!(served.contains(name), "{name} missing from {served:?}");
        assert_eq!(client().tags(name).unwrap(), ["latest"]);
    }
}

#[test]
fn served_manifests_match_their_digests() {
    let client = client();
    for image in common::images() {
        let top = client.manifest(&image.name, "latest").unwrap();
        assert_eq!(top.media_type, image.top_media_type(), "{}", image.name);
        assert_eq!(
            sha256_digest(&top.data),
            image.top_digest(),
            "{}",
            image.name
        );
        assert_eq!(
            top.digest.as_deref(),
            Some(image.top_digest()),
            "{}",
            image.name
        );

        let manifest = client
            .manifest(&image.name, &image.manifest_digest)
            .unwrap();
        assert_eq!(sha256_digest(&manifest.data), image.manifest_digest);
        assert_eq!(manifest.data, image.manifest);
        assert_eq!(manifest.media_type, image.manifest_media_type);

        // Every referenced blob is served with the size the manifest says.
        let value = json(&manifest.data);
        let config = &value["config"];
        let descriptors = std::iter::once(config).chain(value["layers"].as_array().unwrap());
        for descriptor in descriptors {
            let digest = descriptor["digest"].as_str().unwrap();
            let blob = client.blob(&image.name, digest).unwrap();
            assert_eq!(
                Some(blob.len() as u64),
                descriptor["size"].as_u64(),
                "{digest}"
            );
        }
    }
}

#[test]
fn index_points_at_the_host_platform() {
    let image = common::image(catalog::BUSYBOX);
    let index = json(&client().manifest(&image.name, "latest").unwrap().data);
    let entry = &index["manifests"][0];
    assert_eq!(entry["digest"], image.manifest_digest.as_str());
    assert_eq!(entry["platform"]["os"], "linux");
    assert_eq!(
        entry["platform"]["architecture"],
        testkit::Platform::host().architecture.as_str()
    );
}

#[test]
fn multiarch_index_lists_the_host_then_another_platform_with_its_own_layer() {
    let image = common::image(catalog::MULTIARCH);
    let client = client();
    let index = json(&client.manifest(&image.name, "latest").unwrap().data);
    let entries = index["manifests"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{index}");
    assert_eq!(entries[0]["digest"], image.manifest_digest.as_str());
    let other = multiarch::other_platform();
    assert_eq!(
        entries[1]["platform"]["architecture"],
        other.architecture.as_str()
    );
    let digest = entries[1]["digest"].as_str().unwrap();
    assert_eq!(digest, image.others[0].manifest_digest);
    let manifest = json(&client.manifest(&image.name, digest).unwrap().data);
    let layers = manifest["layers"].as_array().unwrap();
    assert_eq!(
        layers[0]["digest"],
        image.layers[0].digest.as_str(),
        "a shared base"
    );
    assert_ne!(layers[1]["digest"], image.layers[1].digest.as_str());
    let config = json(
        &client
            .blob(&image.name, manifest["config"]["digest"].as_str().unwrap())
            .unwrap(),
    );
    assert_eq!(config["architecture"], other.architecture.as_str());
    client
        .blob(&image.name, layers[1]["digest"].as_str().unwrap())
        .unwrap();
}

#[test]
fn docker_schema2_has_docker_media_types() {
    let manifest = served_manifest(catalog::DOCKER_SCHEMA2);
    assert_eq!(manifest["mediaType"], media_type::DOCKER_MANIFEST);
    assert_eq!(manifest["config"]["mediaType"], media_type::DOCKER_CONFIG);
    assert_eq!(
        manifest["layers"][0]["mediaType"],
        media_type::DOCKER_LAYER_GZIP
    );
}

#[test]
fn layers150_has_151_layers() {
    let manifest = served_manifest(LAYERS150);
    assert!(manifest["layers"].as_array().unwrap().len() >= 151);
}

#[test]
fn owners_layer_has_owners_and_a_hardlink() {
    let tar = decompress_layer(&served_layer(OWNERS, 1)).unwrap();
    let mut archive = tar::Archive::new(tar.as_slice());
    let (mut uid1000, mut uid65534, mut hardlink, mut xattr) = (false, false, false, false);
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let header = entry.header();
        let ids = (header.uid().unwrap(), header.gid().unwrap());
        uid1000 |= ids == (1000, 1000);
        uid65534 |= ids == (65534, 65534);
        hardlink |= header.entry_type() == tar::EntryType::Link;
        if let Some(extensions) = entry.pax_extensions().unwrap() {
            for extension in extensions {
                let extension = extension.unwrap();
                xattr |= extension.key().unwrap() == "SCHILY.xattr.user.rcon.test"
                    && extension.value_bytes() == b"1";
            }
        }
    }
    assert!(uid1000 && uid65534 && hardlink && xattr);
}

#[test]
fn zstd_layers_are_zstd() {
    let manifest = served_manifest(ZSTD);
    for (i, layer) in manifest["layers"].as_array().unwrap().iter().enumerate() {
        assert_eq!(layer["mediaType"], media_type::OCI_LAYER_ZSTD);
        assert!(served_layer(ZSTD, i).starts_with(&ZSTD_MAGIC));
    }
}

#[test]
fn commands_run_as_the_test_user() {
    let user = common::user_with_ranges();
    assert!(user.has_ranges);
    let env = common::TestEnv::new(user);
    let result = common::run_command(
        env.command_as_user("id").arg("-u"),
        None,
        common::command_timeout(),
    )
    .unwrap();
    result.ok();
    assert_eq!(result.stdout.trim(), user.uid.to_string());
    if testkit::host::is_root() {
        assert_ne!(user.uid, 0);
    }

    // The environment is cleared down to the documented variables.
    let result = common::run_command(
        &mut env.command_as_user("env"),
        None,
        common::command_timeout(),
    )
    .unwrap();
    let mut names: Vec<&str> = result
        .stdout
        .lines()
        .filter_map(|line| line.split_once('=').map(|(name, _)| name))
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["HOME", "LANG", "LOGNAME", "PATH", "USER", "XDG_RUNTIME_DIR"]
    );

    // HOME and the runtime dir are the user's and private; the user can write there.
    let touch = env.home.join("written-by-user");
    common::run_command(
        env.command_as_user("touch").arg(&touch),
        None,
        common::command_timeout(),
    )
    .unwrap()
    .ok();
    use std::os::unix::fs::MetadataExt;
    for dir in [&env.home, &env.runtime_dir] {
        let meta = std::fs::metadata(dir).unwrap();
        assert_eq!(
            (meta.uid(), meta.mode() & 0o777),
            (user.uid, 0o700),
            "{}",
            dir.display()
        );
    }
    assert_eq!(std::fs::metadata(&touch).unwrap().uid(), user.uid);

    let base = env.base.clone();
    drop(env);
    assert!(!base.exists(), "TestEnv drop removes {}", base.display());
}

#[test]
fn rcon_copy_is_executable_by_the_test_user() {
    let env = common::TestEnv::new(common::user_with_ranges());
    let result = common::run_command(
        env.command_as_user("test")
            .arg("-x")
            .arg(common::rcon_bin()),
        None,
        common::command_timeout(),
    )
    .unwrap();
    result.ok();
}

#[test]
fn user_without_ranges_has_none() {
    if !testkit::host::is_root() {
        eprintln!("skipped: only root can create the user without ranges");
        return;
    }
    let user = common::user_without_ranges();
    assert!(!user.has_ranges);
    assert_ne!(user.uid, common::user_with_ranges().uid);
}
