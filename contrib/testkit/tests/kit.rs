//! The test kit against real tools: the images are self-consistent and
//! reproducible, the registry runs and serves what was pushed, and skopeo
//! reads the OCI layouts and the pushed images.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;
use testkit::catalog::{self, TEST_IMAGE_NAMES};
use testkit::tmp::ScratchDir;
use testkit::{Compression, Format, Image, Registry, media_type, sha256_digest};

fn images() -> &'static [Image] {
    static IMAGES: OnceLock<Vec<Image>> = OnceLock::new();
    IMAGES.get_or_init(|| testkit::test_images().expect("building the test images"))
}

fn image(name: &str) -> &'static Image {
    images().iter().find(|i| i.name == name).unwrap()
}

fn json(data: &[u8]) -> Value {
    serde_json::from_slice(data).unwrap()
}

/// Path -> (type, uid, gid, mode, link target, content) of a layer tar.
type Listing = BTreeMap<String, (tar::EntryType, u64, u64, u32, Option<String>, Vec<u8>)>;

fn listing(tar: &[u8]) -> Listing {
    let mut archive = tar::Archive::new(tar);
    let mut out = BTreeMap::new();
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let path = entry
            .path()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches('/')
            .to_string();
        let header = entry.header().clone();
        let link = entry
            .link_name()
            .unwrap()
            .map(|l| l.to_string_lossy().into_owned());
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut data).unwrap();
        let previous = out.insert(
            path.clone(),
            (
                header.entry_type(),
                header.uid().unwrap(),
                header.gid().unwrap(),
                header.mode().unwrap(),
                link,
                data,
            ),
        );
        assert!(previous.is_none(), "{path} appears twice");
    }
    out
}

#[test]
fn images_are_self_consistent() {
    let names: Vec<&str> = images().iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, TEST_IMAGE_NAMES);
    for image in images() {
        let manifest = json(&image.manifest);
        assert_eq!(sha256_digest(&image.manifest), image.manifest_digest);
        assert_eq!(manifest["schemaVersion"], 2);
        assert_eq!(manifest["mediaType"], image.manifest_media_type.as_str());

        let config_bytes = image.config();
        assert_eq!(manifest["config"]["digest"], image.config_digest.as_str());
        assert_eq!(manifest["config"]["size"], config_bytes.len());
        let config = json(config_bytes);
        assert_eq!(config["os"], "linux");
        assert_eq!(
            config["architecture"],
            testkit::Platform::host().architecture.as_str()
        );
        assert_eq!(config["config"]["Cmd"], serde_json::json!(["sh"]));
        assert!(
            config["config"]["Env"][0]
                .as_str()
                .unwrap()
                .starts_with("PATH=/")
        );

        let layers = manifest["layers"].as_array().unwrap();
        let diff_ids = config["rootfs"]["diff_ids"].as_array().unwrap();
        assert_eq!(layers.len(), image.layers.len());
        assert_eq!(diff_ids.len(), layers.len());
        assert_eq!(config["history"].as_array().unwrap().len(), layers.len());
        for (i, layer) in layers.iter().enumerate() {
            let digest = layer["digest"].as_str().unwrap();
            let blob = image.blob(digest).unwrap();
            assert_eq!(sha256_digest(blob), digest);
            assert_eq!(layer["size"], blob.len());
            assert_eq!(
                diff_ids[i],
                sha256_digest(&image.layer_tar(i).unwrap()).as_str()
            );
        }

        match image.format {
            Format::Oci => {
                let index = json(image.index.as_ref().unwrap());
                assert_eq!(index["mediaType"], media_type::OCI_INDEX);
                let entry = &index["manifests"][0];
                assert_eq!(entry["digest"], image.manifest_digest.as_str());
                assert_eq!(entry["size"], image.manifest.len());
                assert_eq!(entry["mediaType"], media_type::OCI_MANIFEST);
                assert_eq!(entry["platform"]["os"], "linux");
                assert_eq!(
                    config["config"]["Labels"]["org.rcon.test.image"],
                    image.name.as_str()
                );
            }
            Format::Docker => {
                assert!(image.index.is_none());
                assert_eq!(manifest["config"]["mediaType"], media_type::DOCKER_CONFIG);
                assert!(
                    layers
                        .iter()
                        .all(|l| l["mediaType"] == media_type::DOCKER_LAYER_GZIP)
                );
            }
        }
    }
}

#[test]
fn images_are_reproducible() {
    let again = testkit::test_images().unwrap();
    for (a, b) in images().iter().zip(&again) {
        assert_eq!(a.top_digest(), b.top_digest(), "{}", a.name);
        assert_eq!(a.blobs, b.blobs, "{}", a.name);
    }
    // Building one image alone gives the same result as building all.
    let owners = catalog::image(catalog::OWNERS).unwrap();
    assert_eq!(owners.top_digest(), image(catalog::OWNERS).top_digest());
}

#[test]
fn base_layer_content() {
    let image = image(catalog::BUSYBOX);
    let files = listing(&image.layer_tar(0).unwrap());
    let busybox = std::fs::read(catalog::busybox_path()).unwrap();
    assert_eq!(files["bin/busybox"].5, busybox);
    assert_eq!(files["bin/busybox"].3, 0o755);
    let sh = &files["bin/sh"];
    assert_eq!(
        (sh.0, sh.4.as_deref()),
        (tar::EntryType::Symlink, Some("busybox"))
    );
    let passwd = String::from_utf8(files["etc/passwd"].5.clone()).unwrap();
    for line in [
        "root:x:0:0:",
        "nobody:x:65534:65534:",
        "tester:x:1000:1000:",
    ] {
        assert!(
            passwd.lines().any(|l| l.starts_with(line)),
            "{line} in {passwd}"
        );
    }
    assert!(files.contains_key("etc/group"));
    assert_eq!(files["tmp"].3, 0o1777);
    for dir in [
        "root", "home", "proc", "sys", "dev", "etc", "var", "usr/bin",
    ] {
        assert_eq!(files[dir].0, tar::EntryType::Directory, "{dir}");
    }
    // Sorted, with fixed times.
    let mut archive = tar::Archive::new(std::io::Cursor::new(image.layer_tar(0).unwrap()));
    let mut previous = String::new();
    for entry in archive.entries().unwrap() {
        let entry = entry.unwrap();
        assert_eq!(entry.header().mtime().unwrap(), testkit::layer::MTIME);
        let path = entry.path().unwrap().to_string_lossy().into_owned();
        assert!(previous < path, "{previous} before {path}");
        previous = path;
    }
}

#[test]
fn multilayer_content() {
    use catalog::multilayer::*;
    let image = image(catalog::MULTILAYER);
    assert_eq!(image.layers.len(), 4);
    let many = listing(&image.layer_tar(1).unwrap());
    let data_files = many
        .iter()
        .filter(|(p, e)| p.starts_with("data/") && e.0 == tar::EntryType::Regular)
        .count();
    assert_eq!(data_files, DATA_FILES);
    assert_eq!(many["data/d07/d03/f09"].5, b"/data/d07/d03/f09\n");
    assert!(many.contains_key(WHITED_OUT.trim_start_matches('/')));
    assert!(many.contains_key("opaque/sub/old-c"));
    assert!(many.contains_key(KEPT.trim_start_matches('/')));

    let whiteout = listing(&image.layer_tar(2).unwrap());
    assert!(whiteout.contains_key("etc/.wh.rcon-whiteout-me"));
    assert!(whiteout.contains_key(LAYER2_MARKER.trim_start_matches('/')));

    let opaque = listing(&image.layer_tar(3).unwrap());
    assert!(opaque.contains_key("opaque/.wh..wh..opq"));
    assert_eq!(opaque["opaque/new"].5, b"new\n");
}

#[test]
fn layers150_content() {
    let image = image(catalog::LAYERS150);
    assert_eq!(image.layers.len(), 151);
    let last = listing(&image.layer_tar(150).unwrap());
    assert_eq!(last["layers/150"].5, b"150\n");
    let digests: std::collections::BTreeSet<_> = image.layers.iter().map(|l| &l.digest).collect();
    assert_eq!(digests.len(), 151, "every layer is different");
}

#[test]
fn owners_content() {
    use catalog::owners::*;
    let files = listing(&image(catalog::OWNERS).layer_tar(1).unwrap());
    let get = |path: &str| &files[path.trim_start_matches('/')];
    assert_eq!((get(UID_1000_FILE).1, get(UID_1000_FILE).2), (1000, 1000));
    assert_eq!((get(NOBODY_FILE).1, get(NOBODY_FILE).2), (65534, 65534));
    assert_eq!(get(SETUID_FILE).3, 0o4755);
    assert_eq!((get(SETGID_DIR).3, get(SETGID_DIR).2), (0o2775, 1000));
    assert_eq!(get(STICKY_DIR).3, 0o1777);
    assert_eq!(get(HARDLINK).0, tar::EntryType::Link);
    assert_eq!(get(HARDLINK).4.as_deref(), Some("owners/hardlink-a"));
    assert_eq!(get(SYMLINK).4.as_deref(), Some("hardlink-a"));

    let mut archive = tar::Archive::new(std::io::Cursor::new(
        image(catalog::OWNERS).layer_tar(1).unwrap(),
    ));
    let mut names = Vec::new();
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let path = entry.path().unwrap().to_string_lossy().into_owned();
        if let Some(user) = entry.header().username().unwrap() {
            names.push((path.clone(), user.to_string()));
        }
        if path == XATTR_FILE.trim_start_matches('/') {
            let pax: Vec<(String, Vec<u8>)> = entry
                .pax_extensions()
                .unwrap()
                .expect("PAX header")
                .map(|e| {
                    let e = e.unwrap();
                    (e.key().unwrap().to_string(), e.value_bytes().to_vec())
                })
                .collect();
            assert_eq!(
                pax,
                [(format!("SCHILY.xattr.{XATTR_NAME}"), XATTR_VALUE.to_vec())]
            );
        }
    }
    assert!(names.contains(&("owners/nobody".into(), "nobody".into())));
    assert!(names.contains(&("owners/uid1000".into(), "tester".into())));
}

#[test]
fn zstd_image_is_zstd() {
    let image = image(catalog::ZSTD);
    for layer in &image.layers {
        assert_eq!(layer.compression, Compression::Zstd);
        assert_eq!(layer.media_type, media_type::OCI_LAYER_ZSTD);
        assert!(
            image
                .blob(&layer.digest)
                .unwrap()
                .starts_with(&testkit::layer::ZSTD_MAGIC)
        );
    }
    // Same content as the gzip base: same diff_id.
    assert_eq!(
        image.layers[0].diff_id,
        self::image(catalog::BUSYBOX).layers[0].diff_id
    );
}

#[test]
fn registry_serves_what_was_pushed() {
    let registry = Registry::start().unwrap();
    assert!(registry.addr.starts_with("127.0.0.1:"));
    testkit::push_all(&registry.addr, images()).unwrap();
    // Pushing again finds every blob present and is harmless.
    testkit::push(&registry.addr, image(catalog::BUSYBOX)).unwrap();

    let client = registry.client();
    let mut catalog = client.catalog().unwrap();
    catalog.sort();
    let mut expected: Vec<String> = TEST_IMAGE_NAMES.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(catalog, expected);
    assert_eq!(
        client.catalog_paged(2).unwrap(),
        catalog,
        "following Link pages"
    );
    for image in images() {
        let served = client.manifest(&image.name, "latest").unwrap();
        assert_eq!(sha256_digest(&served.data), image.top_digest());
        assert_eq!(served.media_type, image.top_media_type());
        for (digest, data) in &image.blobs {
            assert!(client.blob_exists(&image.name, digest).unwrap());
            assert_eq!(&client.blob(&image.name, digest).unwrap(), data);
        }
    }
    assert!(
        !client
            .blob_exists(catalog::BUSYBOX, &sha256_digest(b"nothing"))
            .unwrap()
    );
    assert!(client.manifest(catalog::BUSYBOX, "no-such-tag").is_err());

    // Deleting works (the registry has `delete: enabled`).
    let busybox = image(catalog::BUSYBOX);
    client
        .delete_manifest(&busybox.name, busybox.top_digest())
        .unwrap();
    assert!(client.manifest(&busybox.name, "latest").is_err());

    // Drop kills the registry and removes its scratch directory.
    let pid = registry.pid() as i32;
    let dir = registry.scratch_dir().to_path_buf();
    assert!(dir.join("data").is_dir());
    drop(registry);
    assert!(!testkit::host::process_alive(pid, None));
    assert!(!dir.exists());
}

#[test]
fn registry_start_fails_clearly_without_the_binary() {
    let options = testkit::RegistryOptions {
        binary: Some("/nonexistent/docker-registry".into()),
        ..Default::default()
    };
    let error = Registry::start_with(&options).unwrap_err().to_string();
    assert!(error.contains("apt-get install docker-registry"), "{error}");
}

fn skopeo() -> &'static str {
    assert!(
        Path::new("/usr/bin/skopeo").exists(),
        "skopeo is not installed; run `sudo contrib/setup-host.sh` (it installs skopeo)"
    );
    "/usr/bin/skopeo"
}

fn skopeo_inspect(skopeo: &str, reference: &str, tls_off: bool) -> Value {
    let mut command = Command::new(skopeo);
    command.arg("inspect");
    if tls_off {
        command.arg("--tls-verify=false");
    }
    let output = command.arg(reference).output().unwrap();
    assert!(
        output.status.success(),
        "skopeo inspect {reference}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    json(&output.stdout)
}

#[test]
fn skopeo_reads_layouts_and_pushed_images() {
    let skopeo = skopeo();
    let dir = ScratchDir::new("rcon-testkit-layout", 0o700).unwrap();
    let registry = Registry::start().unwrap();
    for image in images() {
        testkit::push(&registry.addr, image).unwrap();
        let reference = format!("docker://{}", image.reference(&registry.addr));
        let inspected = skopeo_inspect(skopeo, &reference, true);
        assert_eq!(inspected["Digest"], image.top_digest(), "{}", image.name);
        assert_eq!(
            inspected["Layers"].as_array().unwrap().len(),
            image.layers.len()
        );

        // containers/image reads OCI layouts only through OCI descriptors.
        if image.format == Format::Oci {
            let layout = dir.path().join(image.short_name());
            testkit::write_oci_layout(image, &layout).unwrap();
            let inspected =
                skopeo_inspect(skopeo, &format!("oci:{}:latest", layout.display()), false);
            assert_eq!(inspected["Digest"], image.top_digest(), "{}", image.name);
        }
    }
}
